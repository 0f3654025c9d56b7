package io.megalogout.logout;

/**
 * A value in a text log line ({@code logout name=value ...}), written so that no value can forge a field, a line or a
 * second outcome: a log parser splits at spaces outside quotes, and reads a quoted value up to its first unescaped
 * {@code "}. Shared by every line that carries a value from outside: Mega-API's text, an event's, a secret source's.
 */
public final class LogValue {

    private LogValue() {
    }

    /**
     * {@code value} as it is when it is plain (1 or more of {@code A-Z a-z 0-9 . _ : / @ + , -}, as request ids, valid
     * instance keys, callers, addresses and outcomes are), else {@link #quoted}.
     */
    public static String of(String value) {
        return value != null && plain(value) ? value : quoted(value);
    }

    /**
     * {@code value} in quotes, {@code "} and {@code \} escaped with a backslash, and every control character (C0, DEL,
     * C1) and line or paragraph separator (U+2028, U+2029) written as {@code \}{@code uXXXX}: one line whatever it holds;
     * {@code null} (unquoted) for none.
     */
    public static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static boolean plain(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean safe = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || "._:/@+,-".indexOf(c) >= 0;
            if (!safe) {
                return false;
            }
        }
        return true;
    }
}
