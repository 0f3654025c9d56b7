package io.megalogout.error;

/**
 * Mega-API could not answer: a 5xx or 429, an unknown host, a refused, reset or closed connection. When the request had
 * been sent (a 5xx, a reset after sending), the logout may or may not have happened; such requests are never sent
 * again by the function. Refused connections, unknown hosts, and a 503 or 429 with a {@code Retry-After} that fits the
 * deadline are retried first. A status read, which changes nothing, is also retried after a 5xx or a failure after
 * sending.
 */
public final class MegaApiUnavailableException extends LogoutFailure {

    public MegaApiUnavailableException(String instanceKey, int status, String upstreamMessage) {
        this(instanceKey, null, status, upstreamMessage);
    }

    /** @param request the request answered when it was not the logout, e.g. {@code "status read"} */
    public MegaApiUnavailableException(String instanceKey, String request, int status, String upstreamMessage) {
        super(UpstreamText.describe("Mega-API is unavailable for instance", instanceKey, request, status, upstreamMessage),
                instanceKey, status, null);
    }

    /**
     * A failure on the wire.
     *
     * @param what what failed, for the caller: never an address or an exception's text
     * @param wire what the wire said (the innermost exception and its text), for the log line only; null when
     *        {@code what} says it all
     */
    public MegaApiUnavailableException(String instanceKey, String what, String wire, Throwable cause) {
        super("Mega-API is unavailable for instance '" + instanceKey + "': " + what,
                Wire.detail("Mega-API is unavailable for instance '" + instanceKey + "': " + what, wire), instanceKey,
                null, cause);
    }
}
