package io.megalogout.error;

/**
 * The service already has as many logouts in flight toward Mega-API as it allows, and as many waiting: this request
 * was refused before it was read. Nothing was sent. Try again shortly (the HTTP door says when, in
 * {@code Retry-After}).
 */
public final class TooManyLogoutsException extends LogoutFailure {

    public TooManyLogoutsException() {
        super("Too many logouts are in flight toward Mega-API on this instance of the service; nothing was sent for this"
                + " request, try again shortly", null, null, null);
    }
}
