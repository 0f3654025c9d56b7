package io.megalogout.error;

/** Mega-API refused the credentials (HTTP 401 or 403): the token is wrong, rotated or not for this instance. */
public final class MegaApiRejectedException extends LogoutFailure {

    public MegaApiRejectedException(String instanceKey, int status, String upstreamMessage) {
        super(UpstreamText.describe("Mega-API rejected the credentials for instance", instanceKey, status, upstreamMessage)
                + "; check megaapi.token", instanceKey, status, null);
    }
}
