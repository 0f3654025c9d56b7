package io.megalogout.error;

/**
 * The event is not a JSON object with a string {@code instanceKey}, or its {@code dryRun} or {@code confirm} is not a
 * boolean, misspelt, or both are true. Nothing was sent to Mega-API.
 */
public final class InvalidEventException extends LogoutFailure {

    public InvalidEventException(String reason) {
        super("Invalid event: " + reason, null, null, null);
    }
}
