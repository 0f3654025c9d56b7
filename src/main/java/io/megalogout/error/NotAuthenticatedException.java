package io.megalogout.error;

/**
 * The HTTP door could not tell who is asking: no {@code Authorization: Bearer <API key>}, another scheme, or a key this
 * service does not accept. Nothing was read or sent. The presented key is never repeated, in the answer or in a log
 * line.
 */
public final class NotAuthenticatedException extends LogoutFailure {

    public NotAuthenticatedException() {
        super("An API key is required: send 'Authorization: Bearer <API key>' with a key this service accepts; nothing"
                + " was sent", null, null, null);
    }
}
