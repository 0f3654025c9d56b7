package io.megalogout.error;

/**
 * The Mega-API token could not be read from the secret that holds it (megaapi.token-secret-id): the extension did not
 * answer, refused, or the secret holds no token. Nothing was sent to Mega-API. The next logout reads again.
 */
public final class MegaApiTokenUnavailableException extends LogoutFailure {

    public MegaApiTokenUnavailableException(String instanceKey, String why) {
        super("The Mega-API token for instance '" + instanceKey + "' could not be read: " + why + "; nothing was sent",
                instanceKey, null, null);
    }
}
