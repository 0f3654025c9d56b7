package io.megalogout.error;

/** Builds the part of a message that quotes what a caller wrote, for the refusals of an event or a key. */
public final class CallerText {

    /** A caller's text quoted in a message is cut here, the longest a valid instance key may be. */
    private static final int MAX_QUOTED = 128;

    private CallerText() {
    }

    /** The raw text as a printable, bounded, quoted literal, so that refused input cannot forge log lines. */
    public static String quoted(String raw) {
        StringBuilder quoted = new StringBuilder("\"");
        raw.codePoints().limit(MAX_QUOTED).forEach(c -> {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                quoted.appendCodePoint(c);
            } else {
                quoted.append(String.format("\\u%04x", c));
            }
        });
        return quoted.append('"').toString();
    }
}
