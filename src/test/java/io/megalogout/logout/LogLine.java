package io.megalogout.logout;

import java.util.ArrayList;
import java.util.List;

/**
 * A text log line read as a log parser reads it, from the documented rule (docs/observability.md), not from the code
 * that writes it: words separated by spaces; a field is {@code name=value}, its value either plain (up to the next space)
 * or in quotes, inside which {@code \"}, {@code \\} and {@code \}{@code uXXXX} are escapes. For the tests of both doors.
 */
public final class LogLine {

    /** A word of the line: a field's name and its value (unescaped), or a word without {@code =} and a null value. */
    public record Field(String name, String value) {
    }

    private LogLine() {
    }

    /** The words of {@code line}, in order; fails on a quoted value that is not closed or an unknown escape. */
    public static List<Field> fields(String line) {
        List<Field> fields = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) == ' ') {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '=') {
                i++;
            }
            String name = line.substring(nameStart, i);
            if (i == line.length() || line.charAt(i) == ' ') {
                fields.add(new Field(name, null));
                continue;
            }
            i++; // the '='
            StringBuilder value = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i = quoted(line, i + 1, value);
            } else {
                while (i < line.length() && line.charAt(i) != ' ') {
                    value.append(line.charAt(i++));
                }
            }
            fields.add(new Field(name, value.toString()));
        }
        return fields;
    }

    /** The values of the fields named {@code name}, however many there are. */
    public static List<String> values(String line, String name) {
        return fields(line).stream().filter(field -> field.name().equals(name)).map(Field::value).toList();
    }

    /** Reads a quoted value from {@code i} (after its opening quote) into {@code value}; returns where it ends. */
    private static int quoted(String line, int i, StringBuilder value) {
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c != '\\') {
                value.append(c);
                i++;
            } else if (i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                value.append(line.charAt(i + 1));
                i += 2;
            } else if (i + 5 < line.length() && line.charAt(i + 1) == 'u') {
                value.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                i += 6;
            } else {
                throw new AssertionError("an unknown escape at " + i + " in: " + line);
            }
        }
        throw new AssertionError("a quoted value that is not closed in: " + line);
    }
}
