package io.megalogout.error;

import java.time.Duration;

/**
 * Mega-API failed repeatedly just before, so calls to it are paused for a while (the circuit breaker of logouts, or the
 * one of status reads, is open). Nothing more was sent for this instance; the message says whether earlier attempts of
 * the same call were. Try again after {@link #pause()}.
 */
public final class MegaApiCircuitOpenException extends LogoutFailure {

    private final Duration pause;

    /**
     * @param attemptsSent requests already sent for this logout before the breaker opened (usually none)
     * @param pause how long the breaker stays open before a trial request: the longest a caller has to wait
     */
    public MegaApiCircuitOpenException(String instanceKey, int attemptsSent, Duration pause) {
        super("Mega-API failed repeatedly, so calls to it are paused for up to " + seconds(pause)
                + " s (circuit breaker open); "
                + (attemptsSent == 0 ? "nothing was sent for instance '" + instanceKey + "'"
                        : "no request was sent for instance '" + instanceKey + "' after its first " + attemptsSent
                                + ", so the logout may or may not have happened"),
                instanceKey, null, null);
        this.pause = pause;
    }

    /**
     * The breaker of status reads is open. A status read changes nothing, whatever was sent before.
     *
     * @param readsSent attempts of this status read sent before the breaker opened (usually none)
     * @param pause how long the breaker stays open before a trial read
     */
    public static MegaApiCircuitOpenException ofStatusReads(String instanceKey, int readsSent, Duration pause) {
        return new MegaApiCircuitOpenException(instanceKey, pause, "Mega-API failed repeatedly, so status reads are paused"
                + " for up to " + seconds(pause) + " s (circuit breaker open); "
                + (readsSent == 0 ? "nothing was sent for instance '" + instanceKey + "'"
                        : "no status read was sent for instance '" + instanceKey + "' after its first " + readsSent));
    }

    private MegaApiCircuitOpenException(String instanceKey, Duration pause, String message) {
        super(message, instanceKey, null, null);
        this.pause = pause;
    }

    /** The pause in whole seconds, rounded up: what a caller waits at most, and what HTTP's Retry-After says. */
    public static long seconds(Duration pause) {
        return Math.max(1, (pause.toMillis() + 999) / 1000);
    }

    public Duration pause() {
        return pause;
    }
}
