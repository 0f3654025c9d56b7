package io.megalogout.error;

/**
 * Mega-API failed repeatedly just before, so calls to it are paused for a while (the circuit breaker is open). Nothing
 * more was sent for this instance; the message says whether earlier attempts of the same logout were. Try again later.
 */
public final class MegaApiCircuitOpenException extends LogoutFailure {

    /** @param attemptsSent requests already sent for this logout before the breaker opened (usually none) */
    public MegaApiCircuitOpenException(String instanceKey, int attemptsSent) {
        super("Mega-API failed repeatedly, so calls to it are paused for a while (circuit breaker open); "
                + (attemptsSent == 0 ? "nothing was sent for instance '" + instanceKey + "'"
                        : "no request was sent for instance '" + instanceKey + "' after its first " + attemptsSent
                                + ", so the logout may or may not have happened"),
                instanceKey, null, null);
    }
}
