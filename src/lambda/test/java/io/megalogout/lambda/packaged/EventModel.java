package io.megalogout.lambda.packaged;

import java.util.List;

/**
 * A JSON event as the fuzz test builds it, and its writer. The test writes the text itself, in varied whitespace and
 * escapes, and {@link EventOracle} judges the model, so that no JSON library stands between a generated event and the
 * outcome the test expects.
 */
final class EventModel {

    static final String INSTANCE_KEY = "instanceKey";

    private EventModel() {
    }

    /** A JSON value. */
    sealed interface Json permits Obj, Arr, Str, Num, Bool, Null, Nest, Many {
    }

    /** An object: members keep their order, and a name may repeat. */
    record Obj(List<Member> members) implements Json {

        Obj(Member... members) {
            this(List.of(members));
        }
    }

    record Member(Text name, Json value) {
    }

    record Arr(List<Json> items) implements Json {
    }

    record Str(Text text) implements Json {
    }

    /** A number, as the JSON literal the test writes. */
    record Num(String literal) implements Json {
    }

    record Bool(boolean value) implements Json {
    }

    record Null() implements Json {
    }

    /** {@code levels} arrays, or objects with the one member "d", around {@code inner}: deep nesting, written flat. */
    record Nest(int levels, boolean objects, Json inner) implements Json {
    }

    /** An array of {@code count} copies of {@code item}: a huge array, cheaply. */
    record Many(int count, Json item) implements Json {
    }

    /** A string's content (a name or a value) and how the test writes its characters. */
    record Text(String value, Escaping escaping) {

        static Text plain(String value) {
            return new Text(value, Escaping.MINIMAL);
        }
    }

    /** Ways to write the same string: they all decode to the same content. */
    enum Escaping {
        /** Only what JSON requires: quote, backslash, controls (as {@code \\u00XX}), and lone surrogates. */
        MINIMAL,
        /** The first character as {@code \\uXXXX}, e.g. {@code "\\u0064emo"} for {@code demo}. */
        FIRST_AS_UNICODE,
        /** Every character as {@code \\uXXXX}, surrogate pairs as two escapes. */
        ALL_AS_UNICODE,
        /** The two-character escapes where they exist: {@code \\n \\t \\b \\f \\r \\/}. */
        SHORT_FORMS
    }

    /** {@code "instanceKey": "key"}, both written plainly. */
    static Member keyMember(String key) {
        return new Member(Text.plain(INSTANCE_KEY), new Str(Text.plain(key)));
    }

    static String typeOf(Json value) {
        return switch (value) {
            case Obj o -> "object";
            case Arr a -> "array";
            case Nest n -> n.objects() ? "object" : "array";
            case Many m -> "array";
            case Str s -> "string";
            case Num n -> "number";
            case Bool b -> "boolean";
            case Null n -> "null";
        };
    }

    /** The document as JSON text, with {@code ws} (JSON whitespace only) around and between all tokens. */
    static String write(Json root, String ws) {
        StringBuilder out = new StringBuilder(ws);
        write(out, root, ws);
        return out.append(ws).toString();
    }

    private static void write(StringBuilder out, Json value, String ws) {
        switch (value) {
            case Obj o -> {
                out.append('{');
                for (int i = 0; i < o.members().size(); i++) {
                    out.append(i == 0 ? "" : ws + ",").append(ws);
                    write(out, o.members().get(i).name());
                    out.append(ws).append(':').append(ws);
                    write(out, o.members().get(i).value(), ws);
                }
                out.append(ws).append('}');
            }
            case Arr a -> {
                out.append('[');
                for (int i = 0; i < a.items().size(); i++) {
                    out.append(i == 0 ? "" : ws + ",").append(ws);
                    write(out, a.items().get(i), ws);
                }
                out.append(ws).append(']');
            }
            case Str s -> write(out, s.text());
            case Num n -> out.append(n.literal());
            case Bool b -> out.append(b.value());
            case Null n -> out.append("null");
            case Nest n -> {
                out.append((n.objects() ? "{" + ws + "\"d\"" + ws + ":" + ws : "[" + ws).repeat(n.levels()));
                write(out, n.inner(), ws);
                out.append((ws + (n.objects() ? "}" : "]")).repeat(n.levels()));
            }
            case Many m -> {
                StringBuilder item = new StringBuilder();
                write(item, m.item(), ws);
                out.append('[');
                for (int i = 0; i < m.count(); i++) {
                    out.append(i == 0 ? "" : ",").append(item);
                }
                out.append(']');
            }
        }
    }

    private static void write(StringBuilder out, Text text) {
        String s = text.value();
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean asUnicode = switch (text.escaping()) {
                case ALL_AS_UNICODE -> true;
                case FIRST_AS_UNICODE -> i == 0;
                default -> false;
            };
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (asUnicode || Character.isSurrogate(c) && !pair) {
                out.append(String.format(text.escaping() == Escaping.ALL_AS_UNICODE ? "\\u%04X" : "\\u%04x", (int) c));
            } else if (pair) {
                out.append(c).append(s.charAt(++i));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (text.escaping() == Escaping.SHORT_FORMS && "\b\f\n\r\t/".indexOf(c) >= 0) {
                out.append('\\').append("bfnrt/".charAt("\b\f\n\r\t/".indexOf(c)));
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
