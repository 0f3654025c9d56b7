package io.megalogout.logout;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.megalogout.error.LogoutFailure;

/**
 * Logs one WhatsApp instance out of Mega-API and returns Mega-API's answer: the one path to the destructive call, for
 * both doors. It reads the caller's event strictly, takes exactly the key the caller wrote (valid by construction),
 * and records every request in one log line.
 */
@ApplicationScoped
public class Logout {

    private final LogoutEventReader events;
    private final Upstream upstream;
    private final InvocationLog log;

    Logout(LogoutEventReader events, Upstream upstream, InvocationLog log) {
        this.events = events;
        this.upstream = upstream;
        this.log = log;
    }

    /**
     * Logs out the instance that {@code event} names, answering before {@code deadline} whatever Mega-API does.
     *
     * @param requestId the door's id for this request, for the log line
     * @param event the caller's raw event: {@code {"instanceKey": "<key>"}}
     */
    public LogoutAnswer logout(String requestId, InputStream event, Deadline deadline) {
        return log.record(requestId, () -> new InstanceKey(events.read(event).instanceKey()),
                key -> upstream.logout(key, deadline));
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

    /** Records a request that the door refused before it got here (nothing was sent), and returns its failure. */
    public LogoutFailure refused(String requestId, LogoutFailure failure) {
        log.refused(requestId, failure);
        return failure;
    }
}
