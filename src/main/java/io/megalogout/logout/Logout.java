package io.megalogout.logout;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.megalogout.error.LogoutFailure;
import io.megalogout.logout.event.LogoutEvent;
import io.megalogout.logout.event.LogoutEventReader;

/**
 * Logs WhatsApp instances out of Mega-API, or reads what a logout would do: the one path to the destructive call, for
 * both doors. It reads the caller's event strictly and takes exactly the keys the caller wrote (each checked before it is
 * used) and the mode it asked for. One key is one request ({@link KeyLogout}); a bulk runs each distinct key as one
 * ({@link BulkLogout}) and answers all their results. Every key's request has its own log line.
 */
@ApplicationScoped
public class Logout {

    private final LogoutEventReader events;
    private final Upstream upstream;
    private final KeyLogout key;
    private final BulkLogout bulk;
    private final RequestLog log;

    Logout(LogoutEventReader events, Upstream upstream, KeyLogout key, BulkLogout bulk, RequestLog log) {
        this.events = events;
        this.upstream = upstream;
        this.key = key;
        this.bulk = bulk;
        this.log = log;
    }

    /**
     * Runs the request that {@code event} holds, answering before {@code deadline} (and, for each key, within
     * {@code megaapi.logout-timeout-ms}, every read, attempt and wait included) whatever Mega-API does.
     *
     * @param origin the door's id for this request and who asked, for the log lines; each key is checked against the
     *        caller's scope before it is used
     * @param event the caller's raw event: {@code {"instanceKey": "<key>"}} or {@code {"instanceKeys": ["<key>", ...]}},
     *        optionally {@code "dryRun": true} or {@code "confirm": true}
     * @return one key's answer, or a bulk's {@code {"results": [...]}}: a key's failure is a result, not a failure
     */
    public LogoutResult logout(Origin origin, InputStream event, Deadline deadline) {
        return run(origin, read(origin, event), deadline);
    }

    /**
     * Reads an event, for a door that needs to know its size before it runs it (a share per caller): strictly, as
     * {@link #logout} does; an unusable one is this request's failure, with its log line.
     */
    public LogoutEvent read(Origin origin, InputStream event) {
        return log.read(origin, () -> events.read(event));
    }

    /** Runs an event {@link #read} returned: see {@link #logout}. */
    public LogoutResult run(Origin origin, LogoutEvent event, Deadline deadline) {
        if (!event.bulk()) {
            return key.run(origin, event.instanceKey(), event.mode(), deadline);
        }
        return LogoutResult.bulk(event.mode(), BulkLogout.answer(bulk.run(BulkLogout.jobs(origin, event), deadline)));
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
    public LogoutFailure refused(Origin origin, LogoutFailure failure) {
        log.refused(origin, failure);
        return failure;
    }
}
