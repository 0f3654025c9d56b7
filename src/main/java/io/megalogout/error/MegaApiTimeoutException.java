package io.megalogout.error;

/**
 * Mega-API did not answer in time: the invocation's deadline or the read timeout ran out while connecting, waiting for
 * the answer or reading it. When the request had been sent, the logout may or may not have happened; it is never sent
 * again by the function.
 */
public final class MegaApiTimeoutException extends LogoutFailure {

    public MegaApiTimeoutException(String instanceKey, String what) {
        super("Mega-API did not answer in time for instance '" + instanceKey + "': " + what, instanceKey, null, null);
    }
}
