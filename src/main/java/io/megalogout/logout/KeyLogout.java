package io.megalogout.logout;

import jakarta.inject.Singleton;

import io.megalogout.error.InstanceNotAllowedException;
import io.megalogout.error.MegaApiTimeoutException;
import io.megalogout.logout.event.Mode;

/**
 * One key's request, alone or as part of a bulk or a batch: checks the key, runs the mode, and records it in its own
 * log line. A plain logout sends exactly one logout and answers Mega-API's JSON as sent; a dry run reads the status and
 * never logs out; a confirmed logout is {@link ConfirmedLogout}.
 */
@Singleton
class KeyLogout {

    private final Upstream upstream;
    private final ConfirmedLogout confirmed;
    private final RequestLog log;

    KeyLogout(Upstream upstream, ConfirmedLogout confirmed, RequestLog log) {
        this.upstream = upstream;
        this.confirmed = confirmed;
        this.log = log;
    }

    /**
     * Runs {@code mode} for {@code rawKey} (not yet checked: an invalid one is this request's
     * {@code InvalidInstanceKeyException}, and one outside the caller's scope its {@code InstanceNotAllowedException},
     * nothing sent), answering before {@code deadline} and within
     * {@code megaapi.logout-timeout-ms} of now.
     */
    LogoutResult run(Origin origin, String rawKey, Mode mode, Deadline deadline) {
        Deadline capped = deadline.atMost(upstream.timeout());
        StatusReads reads = new StatusReads(upstream, capped);
        return log.record(origin, () -> new LogoutRequest(new InstanceKey(rawKey), mode), reads, request -> {
            allowed(origin, request.key());
            return switch (request.mode()) {
                case PLAIN -> LogoutResult.plain(upstream.logout(request.key(), capped));
                case DRY_RUN -> LogoutResult.dryRun(upstream.logoutRequest(request.key(), capped),
                        reads.read(request.key()));
                case CONFIRM -> confirmed.logout(request.key(), reads, capped);
            };
        });
    }

    /**
     * The key of a bulk or batch whose turn came after the deadline: nothing is sent, and it fails (or, for an invalid
     * key or one outside the caller's scope, is refused as such) with its own log line like any other.
     */
    LogoutResult tooLate(Origin origin, String rawKey, Mode mode, int concurrency) {
        return log.record(origin, () -> new LogoutRequest(new InstanceKey(rawKey), mode),
                new StatusReads(upstream, Deadline.none()), request -> {
                    allowed(origin, request.key());
                    throw new MegaApiTimeoutException(request.key().value(), "nothing was sent: the deadline came"
                            + " before its turn (bulk.concurrency: " + concurrency + " requests at a time)");
                });
    }

    /**
     * Refuses a key outside the caller's scope. Asked first, before anything is routed, read or sent, so that a refused
     * key is answered alike whether this deployment serves it or not.
     */
    private static void allowed(Origin origin, InstanceKey key) {
        if (!origin.caller().scope().allows(key)) {
            throw new InstanceNotAllowedException(key.value());
        }
    }
}
