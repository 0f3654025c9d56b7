package io.megalogout.megaapi.targets;

/** The token could not be read from its source. The message says from where and why, never a value. */
final class TokenReadException extends RuntimeException {

    TokenReadException(String message) {
        super(message, null, false, false);
    }
}
