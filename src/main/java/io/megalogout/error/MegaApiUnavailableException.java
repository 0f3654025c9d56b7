package io.megalogout.error;

/**
 * Mega-API could not answer: a 5xx or 429, an unknown host, a refused, reset or closed connection. When the request had
 * been sent (a 5xx, a reset after sending), the logout may or may not have happened; such requests are never sent
 * again by the function. Refused connections, unknown hosts, and a 503 or 429 with a {@code Retry-After} that fits the
 * deadline are retried first.
 */
public final class MegaApiUnavailableException extends LogoutFailure {

    public MegaApiUnavailableException(String instanceKey, int status, String upstreamMessage) {
        super(UpstreamText.describe("Mega-API is unavailable for instance", instanceKey, status, upstreamMessage),
                instanceKey, status, null);
    }

    public MegaApiUnavailableException(String instanceKey, String what, Throwable cause) {
        super("Mega-API is unavailable for instance '" + instanceKey + "': " + what, instanceKey, null, cause);
    }
}
