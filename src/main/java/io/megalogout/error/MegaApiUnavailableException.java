package io.megalogout.error;

/**
 * Mega-API could not answer: a 5xx or 429, a refused or failed connection, or a timeout. The logout may or may not
 * have happened when the request was already sent.
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
