package io.megalogout.logout;

import java.util.regex.Pattern;

import io.megalogout.error.CallerText;
import io.megalogout.error.InvalidInstanceKeyException;

/**
 * A Mega-API instance key that is safe to put in one URL path segment: 1 to {@value #MAX_LENGTH} characters from
 * {@code A-Z a-z 0-9 - _ .}, not starting with {@code .} and without {@code ..}. Anything else (slashes, backslashes,
 * {@code ? # %}, spaces, control characters, other letters, surrounding whitespace) is rejected, never cleaned up:
 * a logout must only ever go to the key the caller wrote.
 */
public record InstanceKey(String value) {

    public static final int MAX_LENGTH = 128;
    private static final String FIRST = "[A-Za-z0-9_-]";
    private static final String NEXT = "[A-Za-z0-9._-]";
    /** The rule as one regular expression, for the OpenAPI document: all of it but the ban on {@code ..}. */
    public static final String PATTERN = "^" + FIRST + NEXT + "{0," + (MAX_LENGTH - 1) + "}$";
    private static final Pattern SAFE = Pattern.compile(FIRST + NEXT + "*");

    public InstanceKey {
        if (value == null) {
            throw new InvalidInstanceKeyException("it is missing");
        }
        if (value.isBlank()) {
            throw new InvalidInstanceKeyException("it is blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInstanceKeyException("it has " + value.length() + " characters, more than " + MAX_LENGTH);
        }
        if (!value.strip().equals(value)) {
            throw new InvalidInstanceKeyException(CallerText.quoted(value) + " has surrounding whitespace");
        }
        if (!SAFE.matcher(value).matches() || value.contains("..")) {
            throw new InvalidInstanceKeyException(CallerText.quoted(value)
                    + " has characters outside A-Z a-z 0-9 - _ . (or starts with '.', or contains '..')");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
