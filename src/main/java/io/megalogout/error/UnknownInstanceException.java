package io.megalogout.error;

/** Mega-API does not know the instance (HTTP 404): a wrong key, or a base URL that is not this instance's host. */
public final class UnknownInstanceException extends LogoutFailure {

    public UnknownInstanceException(String instanceKey, int status, String upstreamMessage) {
        this(instanceKey, null, status, upstreamMessage);
    }

    /** @param request the request answered when it was not the logout, e.g. {@code "status read"} */
    public UnknownInstanceException(String instanceKey, String request, int status, String upstreamMessage) {
        super(UpstreamText.describe("Mega-API does not know instance", instanceKey, request, status, upstreamMessage)
                + "; check the key and that megaapi.base-url is this instance's host", instanceKey, status, null);
    }
}
