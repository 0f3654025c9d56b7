package io.megalogout.error;

/** The instance key breaks the documented rules (safe characters, length). Nothing was sent to Mega-API. */
public final class InvalidInstanceKeyException extends LogoutFailure {

    public InvalidInstanceKeyException(String reason) {
        super("Invalid instanceKey: " + reason, null, null, null);
    }
}
