package io.megalogout.error;

/**
 * Mega-API failed repeatedly just before, so calls to it are paused for a while (the circuit breaker is open). Nothing
 * was sent for this instance; try again later.
 */
public final class MegaApiCircuitOpenException extends LogoutFailure {

    public MegaApiCircuitOpenException(String instanceKey) {
        super("Mega-API failed repeatedly, so calls to it are paused for a while (circuit breaker open); nothing was sent"
                + " for instance '" + instanceKey + "'", instanceKey, null, null);
    }
}
