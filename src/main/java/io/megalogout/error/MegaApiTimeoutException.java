package io.megalogout.error;

/**
 * Mega-API did not answer in time: the invocation's deadline or the read timeout ran out while connecting, waiting for
 * the answer or reading it. When the request had been sent, the logout may or may not have happened; it is never sent
 * again by the function.
 */
public final class MegaApiTimeoutException extends LogoutFailure {

    public MegaApiTimeoutException(String instanceKey, String what) {
        this(instanceKey, what, null);
    }

    /**
     * @param what what ran out, for the caller: never an address or an exception's text
     * @param wire what the wire said, for the log line only; null when {@code what} says it all
     */
    public MegaApiTimeoutException(String instanceKey, String what, String wire) {
        super("Mega-API did not answer in time for instance '" + instanceKey + "': " + what,
                Wire.detail("Mega-API did not answer in time for instance '" + instanceKey + "': " + what, wire),
                instanceKey, null, null);
    }
}
