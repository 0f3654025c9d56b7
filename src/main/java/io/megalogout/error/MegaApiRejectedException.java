package io.megalogout.error;

/** Mega-API refused the credentials (HTTP 401 or 403): the token is wrong, rotated or not for this instance. */
public final class MegaApiRejectedException extends LogoutFailure {

    public MegaApiRejectedException(String instanceKey, int status, String upstreamMessage) {
        this(instanceKey, null, status, upstreamMessage);
    }

    /** @param request the request refused when it was not the logout, e.g. {@code "status read"} */
    public MegaApiRejectedException(String instanceKey, String request, int status, String upstreamMessage) {
        super(UpstreamText.describe("Mega-API rejected the credentials for instance", instanceKey, request, status,
                upstreamMessage) + "; check megaapi.token", instanceKey, status, null);
    }
}
