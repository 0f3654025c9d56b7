package io.megalogout.megaapi.connection;

import java.time.Duration;

import org.jboss.logging.Logger;

/**
 * One client and its connections, a generation of the clients requests lease: when it was made, by both clocks, how
 * many requests use it, and whether it may still be handed out. Guarded by the generations' lock.
 */
final class ClientGeneration {

    private static final Logger LOG = Logger.getLogger(ClientGeneration.class);

    final MegaApiClient client;
    final long number;
    private final long bornNanos;
    private final long bornMillis;
    private int leases;
    private boolean retired;
    private boolean closed;

    ClientGeneration(MegaApiClient client, long number, long bornNanos, long bornMillis) {
        this.client = client;
        this.number = number;
        this.bornNanos = bornNanos;
        this.bornMillis = bornMillis;
    }

    /**
     * Whether it may still be handed out at {@code nowNanos}/{@code nowMillis}: not retired, and younger than the
     * window by both clocks (a clock that went back counts as too old). A window of 0 means no age limit: such a
     * client keeps no connection.
     */
    boolean fresh(long windowNanos, long nowNanos, long nowMillis) {
        if (retired) {
            return false;
        }
        if (windowNanos == 0) {
            return true;
        }
        long nanos = nowNanos - bornNanos;
        long millis = nowMillis - bornMillis;
        return nanos >= 0 && nanos < windowNanos && millis >= 0 && Duration.ofMillis(millis).toNanos() < windowNanos;
    }

    void leased() {
        leases++;
    }

    void released() {
        leases--;
    }

    /** Hands it out no more, and closes it now if no request uses it, else when the last one is over. */
    void retire() {
        retired = true;
        closeIfDone();
    }

    /** Closes the client and its connections once it is retired and no request uses it. */
    void closeIfDone() {
        if (retired && leases == 0 && !closed) {
            closed = true;
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.debugf("closing Mega-API client generation %d failed (%s)", number, e.getClass().getSimpleName());
            }
        }
    }
}
