package io.megalogout.error;

/** The event is not a JSON object with a string {@code instanceKey}. Nothing was sent to Mega-API. */
public final class InvalidEventException extends LogoutFailure {

    public InvalidEventException(String reason) {
        super("Invalid event: " + reason, null, null, null);
    }
}
