package io.megalogout.logout;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.megalogout.error.LogoutFailure;

/**
 * Logs one WhatsApp instance out of Mega-API, or reads what a logout would do: the one path to the destructive call,
 * for both doors. It reads the caller's event strictly, takes exactly the key the caller wrote (valid by construction)
 * and the mode it asked for, and records every request in one log line. A plain logout sends exactly one logout and
 * answers Mega-API's JSON as sent; a dry run reads the status and never logs out; a confirmed logout is
 * {@link ConfirmedLogout}.
 */
@ApplicationScoped
public class Logout {

    private final LogoutEventReader events;
    private final Upstream upstream;
    private final ConfirmedLogout confirmed;
    private final InvocationLog log;

    Logout(LogoutEventReader events, Upstream upstream, ConfirmedLogout confirmed, InvocationLog log) {
        this.events = events;
        this.upstream = upstream;
        this.confirmed = confirmed;
        this.log = log;
    }

    /**
     * Runs the request that {@code event} holds, answering before {@code deadline} (and within
     * {@code megaapi.logout-timeout-ms}, every read, attempt and wait included) whatever Mega-API does.
     *
     * @param requestId the door's id for this request, for the log line
     * @param event the caller's raw event: {@code {"instanceKey": "<key>"}}, optionally {@code "dryRun": true} or
     *        {@code "confirm": true}
     */
    public LogoutResult logout(String requestId, InputStream event, Deadline deadline) {
        Deadline capped = deadline.atMost(upstream.timeout());
        StatusReads reads = new StatusReads(upstream, capped);
        return log.record(requestId, () -> request(event), reads, request -> switch (request.mode()) {
            case PLAIN -> LogoutResult.plain(upstream.logout(request.key(), capped));
            case DRY_RUN -> LogoutResult.dryRun(upstream.logoutRequest(request.key()), reads.read(request.key()));
            case CONFIRM -> confirmed.logout(request.key(), reads, capped);
        });
    }

    private LogoutRequest request(InputStream event) {
        LogoutEvent read = events.read(event);
        return new LogoutRequest(new InstanceKey(read.instanceKey()), read.mode());
    }

    /**
     * A deadline of {@code megaapi.logout-timeout-ms} from now, for a door that has none of its own: taken when the
     * request arrives, so that time spent waiting for a turn counts.
     */
    public Deadline deadlineFromNow() {
        return Deadline.after(upstream.timeout());
    }

    /** Whether logouts are refused without a request for now (Mega-API failed repeatedly just before). */
    public boolean paused() {
        return upstream.paused();
    }

    /** Whether status reads (dry runs, confirmed logouts) are refused without a request for now. */
    public boolean statusReadsPaused() {
        return upstream.statusReadsPaused();
    }

    /** Records a request that the door refused before it got here (nothing was sent), and returns its failure. */
    public LogoutFailure refused(String requestId, LogoutFailure failure) {
        log.refused(requestId, failure);
        return failure;
    }
}
