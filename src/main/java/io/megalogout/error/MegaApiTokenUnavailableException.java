package io.megalogout.error;

/**
 * The Mega-API token could not be read from the secret that holds it (megaapi.token-secret-id, or the instances secret):
 * the extension did not answer, refused, or the secret holds no token. Nothing was sent to Mega-API. The next logout
 * reads again. The caller is told only that; which secret, and what the extension answered, is the log line's
 * ({@link #operatorDetail()}).
 */
public final class MegaApiTokenUnavailableException extends LogoutFailure {

    /** @param why which source and what went wrong, for the log line only: it names the secret */
    public MegaApiTokenUnavailableException(String instanceKey, String why) {
        super("The Mega-API token for instance '" + instanceKey + "' could not be read; nothing was sent; the next"
                + " request reads it again, and this request's log line tells the operators why",
                "The Mega-API token for instance '" + instanceKey + "' could not be read: " + why
                        + "; nothing was sent",
                instanceKey, null, null);
    }
}
