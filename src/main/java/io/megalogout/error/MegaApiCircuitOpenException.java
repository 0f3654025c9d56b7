package io.megalogout.error;

import java.time.Duration;

/**
 * Mega-API at one host failed repeatedly just before, so calls to that host are paused for a while (its circuit breaker
 * of logouts, or of status reads, is open). Other hosts are not paused. Nothing more was sent for this instance; the
 * message says whether earlier attempts of the same call were sent. Try again after {@link #pause()}. The host is named
 * in the log line ({@link #operatorDetail()}), not to the caller.
 */
public final class MegaApiCircuitOpenException extends LogoutFailure {

    private final String host;
    private final Duration pause;

    /**
     * @param host the paused host, {@code scheme://host[:port]}
     * @param attemptsSent requests already sent for this logout before the breaker opened (usually none)
     * @param pause how long the breaker stays open before a trial request: the longest a caller has to wait
     */
    public MegaApiCircuitOpenException(String instanceKey, String host, int attemptsSent, Duration pause) {
        this(instanceKey, host, pause, "failed repeatedly, so calls to it are paused for up to " + seconds(pause)
                + " s (circuit breaker open); "
                + (attemptsSent == 0 ? "nothing was sent for instance '" + instanceKey + "'"
                        : "no request was sent for instance '" + instanceKey + "' after its first " + attemptsSent
                                + ", so the logout may or may not have happened"));
    }

    /**
     * The breaker of status reads to this host is open. A status read changes nothing, whatever was sent before.
     *
     * @param readsSent attempts of this status read sent before the breaker opened (usually none)
     * @param pause how long the breaker stays open before a trial read
     */
    public static MegaApiCircuitOpenException ofStatusReads(String instanceKey, String host, int readsSent,
            Duration pause) {
        return new MegaApiCircuitOpenException(instanceKey, host, pause, "failed repeatedly, so status reads are paused"
                + " for up to " + seconds(pause) + " s (circuit breaker open); "
                + (readsSent == 0 ? "nothing was sent for instance '" + instanceKey + "'"
                        : "no status read was sent for instance '" + instanceKey + "' after its first " + readsSent));
    }

    /** @param what what happened at the host, after its name */
    private MegaApiCircuitOpenException(String instanceKey, String host, Duration pause, String what) {
        super("Mega-API at this instance's host " + what, "Mega-API at " + host + " " + what, instanceKey, null, null);
        this.host = host;
        this.pause = pause;
    }

    /** The pause in whole seconds, rounded up: what a caller waits at most, and what HTTP's Retry-After says. */
    public static long seconds(Duration pause) {
        return Math.max(1, (pause.toMillis() + 999) / 1000);
    }

    /** The paused host, {@code scheme://host[:port]}: not secret. */
    public String host() {
        return host;
    }

    public Duration pause() {
        return pause;
    }
}
