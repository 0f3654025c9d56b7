package io.megalogout.logout;

import io.megalogout.json.CompactJson;
import io.megalogout.logout.event.Mode;

/**
 * What a request answers, on either door: {@link #json()} as it is. A plain logout answers Mega-API's JSON byte for
 * byte; a dry run and a confirmed logout answer an object of ours that carries Mega-API's JSON as it was sent; a bulk
 * answers each key's result.
 *
 * @param outcome for the log line and metrics: one of {@link LogoutRecorded}'s outcomes, or {@link #BULK}
 * @param upstreamStatus the HTTP status of the logout's answer, or of the status read when no logout was sent; 0 for a
 *        bulk
 */
public record LogoutResult(Mode mode, String outcome, int upstreamStatus, String json) {

    /** A bulk's outcome: its keys have a line each, with their own outcomes; the bulk has none. */
    public static final String BULK = "BULK";

    /** A bulk's answer, {@code {"results": [...]}}: one result per distinct key, in the order given. */
    static LogoutResult bulk(Mode mode, String json) {
        return new LogoutResult(mode, BULK, 0, json);
    }

    /** Mega-API's answer to a plain logout, as sent; {@code "error": true} included. */
    static LogoutResult plain(LogoutAnswer answer) {
        return new LogoutResult(Mode.PLAIN, answer.error() ? LogoutRecorded.ANSWERED_ERROR : LogoutRecorded.LOGGED_OUT,
                answer.status(), answer.json());
    }

    /** {@code {"dryRun": true, "wouldSend": "DELETE <url>", "instance": <as sent>}}: nothing was logged out. */
    static LogoutResult dryRun(String wouldSend, InstanceStatus status) {
        return new LogoutResult(Mode.DRY_RUN, LogoutRecorded.DRY_RUN, status.httpStatus(), CompactJson.write(json -> {
            json.writeStartObject();
            json.writeBooleanField("dryRun", true);
            json.writeStringField("wouldSend", wouldSend);
            json.writeFieldName("instance");
            json.writeRawValue(status.instanceJson());
            json.writeEndObject();
        }));
    }

    /** The status read disconnected before any logout was sent: none was. */
    static LogoutResult alreadyDisconnected(InstanceStatus status) {
        return new LogoutResult(Mode.CONFIRM, LogoutRecorded.ALREADY_DISCONNECTED, status.httpStatus(),
                confirmed(LogoutRecorded.ALREADY_DISCONNECTED, null, status));
    }

    /** The logout was answered with {@code "error": true}, and the status read after it shows the instance disconnected. */
    static LogoutResult alreadyDisconnected(LogoutAnswer logout, InstanceStatus status) {
        return new LogoutResult(Mode.CONFIRM, LogoutRecorded.ALREADY_DISCONNECTED, logout.status(),
                confirmed(LogoutRecorded.ALREADY_DISCONNECTED, logout, status));
    }

    /** The logout was answered, and a status read after it shows the instance disconnected. */
    static LogoutResult loggedOut(LogoutAnswer logout, InstanceStatus status) {
        return new LogoutResult(Mode.CONFIRM, LogoutRecorded.LOGGED_OUT, logout.status(),
                confirmed(LogoutRecorded.LOGGED_OUT, logout, status));
    }

    /** {@code {"outcome": "...", "confirmed": true, "logout": <as sent, if one was>, "instance": <as sent>}}. */
    private static String confirmed(String outcome, LogoutAnswer logout, InstanceStatus status) {
        return CompactJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("outcome", outcome);
            json.writeBooleanField("confirmed", true);
            if (logout != null) {
                json.writeFieldName("logout");
                json.writeRawValue(logout.json());
            }
            json.writeFieldName("instance");
            json.writeRawValue(status.instanceJson());
            json.writeEndObject();
        });
    }
}
