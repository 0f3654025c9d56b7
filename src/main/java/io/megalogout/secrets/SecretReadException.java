package io.megalogout.secrets;

/**
 * A secret could not be read. The message names the secret id and what went wrong (a status, a timeout, a missing
 * session token), never a value: not the secret, not the session token.
 */
public final class SecretReadException extends RuntimeException {

    public SecretReadException(String secretId, String what) {
        super("secret '" + secretId + "': " + what, null, false, false);
    }
}
