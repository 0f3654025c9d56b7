package io.megalogout.lambda.packaged;

import static io.megalogout.lambda.packaged.EventModel.INSTANCE_KEY;
import static io.megalogout.lambda.packaged.EventModel.keyMember;
import static io.megalogout.lambda.packaged.EventOracle.INVALID_EVENT;
import static io.megalogout.lambda.packaged.FuzzRandom.option;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.megalogout.DocumentedRules;
import io.megalogout.lambda.packaged.EventModel.Member;
import io.megalogout.lambda.packaged.EventModel.Num;
import io.megalogout.lambda.packaged.EventModel.Obj;
import io.megalogout.lambda.packaged.EventModel.Str;
import io.megalogout.lambda.packaged.EventModel.Text;
import io.megalogout.lambda.packaged.EventOracle.Expected;
import io.megalogout.lambda.packaged.EventOracle.Rejected;

/**
 * The categories made at the byte level: not JSON by construction (invalid UTF-8, truncated, non-standard syntax,
 * trailing data), which must be invalid events; other encodings, which may be read or refused but never read as another
 * key; and raw, near-JSON and mutated bytes, which only have to end in (a) or (b).
 */
final class ByteEvents {

    /** A private-use character marking where {@link #invalidUtf8()} puts its bytes; no other generator writes it. */
    private static final String MARK = "\ue000";

    /** Events that are not JSON ('$K' stands for a valid key): RFC 8259 forbids each of these. */
    private static final List<String> NON_STANDARD = List.of("{\"instanceKey\":\"$K\",}", "{\"instanceKey\":\"$K\",,\"x\":1}",
            "{,\"instanceKey\":\"$K\"}", "{'instanceKey':'$K'}", "{\"instanceKey\":'$K'}", "{instanceKey:\"$K\"}",
            "{\"instanceKey\":$K}", "{\"instanceKey\":\"$K\"/*c*/}", "/*c*/{\"instanceKey\":\"$K\"}",
            "//c\n{\"instanceKey\":\"$K\"}", "#c\n{\"instanceKey\":\"$K\"}", "{\"instanceKey\":\"$K\",\"x\":NaN}",
            "{\"instanceKey\":\"$K\",\"x\":Infinity}", "{\"instanceKey\":\"$K\",\"x\":-Infinity}",
            "{\"instanceKey\":\"$K\",\"x\":01}", "{\"instanceKey\":\"$K\",\"x\":+1}", "{\"instanceKey\":\"$K\",\"x\":.5}",
            "{\"instanceKey\":\"$K\",\"x\":1.}", "{\"instanceKey\":\"$K\",\"x\":0x1F}", "{\"instanceKey\":\"$K\",\"x\":1e}",
            "{\"instanceKey\":\"$K\",\"x\":-}", "{\"instanceKey\":\"$K\",\"x\":--1}", "{\"instanceKey\":\"$K\",\"x\":\"\\q\"}",
            "{\"instanceKey\":\"$K\",\"x\":\"\\u12\"}", "{\"instanceKey\":\"$K\",\"x\":\"\\u12G4\"}",
            "{\"instanceKey\":\"$K\",\"x\":\"\\x41\"}", "{\"instanceKey\":\"$K\",\"x\":\"\\'\"}",
            "{\"instanceKey\":\"\\q$K\"}", "{\"instanceKey\":\"$K\",\"x\":True}", "{\"instanceKey\":\"$K\",\"x\":nul}",
            "{\"instanceKey\":\"$K\",\"x\":undefined}", "{\"instanceKey\":\"$K\" \"x\":1}", "{\"instanceKey\" \"$K\"}",
            "{\"instanceKey\":}", "{:\"$K\"}", "{\"instanceKey\":\"$K\":1}", "{\"instanceKey\":\"$K\"]",
            "[\"instanceKey\":\"$K\"}", "{\"instanceKey\":\"$K\"}}", "{\"instanceKey\":\"$K\"}]", "{\"instanceKey\":\"$K\"},",
            "{\"instanceKey\":\"$K\"} {\"instanceKey\":\"$K\"}", "{\"instanceKey\":\"$K\"}{\"instanceKey\":\"other\"}",
            "{\"instanceKey\":\"$K\"} null", "{\"instanceKey\":\"$K\"} x", "{\"instanceKey\":\"$K\"} \"$K\"",
            "{\"instanceKey\":\"$K\"}\u0000", "\u0000{\"instanceKey\":\"$K\"}", "{\"instanceKey\":\"$K\"}\f",
            "\f{\"instanceKey\":\"$K\"}", "\u000b{\"instanceKey\":\"$K\"}", "{\"instanceKey\":\"$K\"}\u00a0",
            "{\"instanceKey\":\"$K\"}\u2028", "{\"instanceKey\":\"$K\u0000\"}", "{\"instanceKey\":\"$K\n\"}",
            "{\"instanceKey\":\"\t$K\"}", "{\"instanceKey\":\"$K\",\"x\":\"a\u0001b\"}", "{\"instanceKey\":\"$K",
            "{\"instanceKey\":\"$K\",\"x\":[1,2}", "{\"instanceKey\":\"$K\",\"x\":[1,]}",
            "{\"instanceKey\":\"$K\",\"x\":{\"a\"}}",
            "{\"instanceKey\":\"$K\",\"x\":", "instanceKey=$K", "\"instanceKey\":\"$K\"", "{\"instanceKey\":\"$K\"",
            "{\"instanceKey\":\"$K\",\"dryRun\":True}", "{\"instanceKey\":\"$K\",\"dryRun\":tru}",
            "{\"instanceKey\":\"$K\",\"dryRun\":true,}", "{\"instanceKey\":\"$K\",dryRun:true}",
            "{\"instanceKey\":\"$K\",'dryRun':true}", "{\"instanceKey\":\"$K\",\"dryRun\":'true'}",
            "{\"instanceKey\":\"$K\",\"dryRun\":true} {\"instanceKey\":\"$K\"}", "{\"instanceKey\":\"$K\",\"dryRun\":true",
            "{\"instanceKey\":\"$K\",\"confirm\":1e}");

    /** Pieces that random concatenation turns into near-JSON. */
    private static final List<String> SOUP = List.of("{", "}", "[", "]", ",", ":", "\"", "\"instanceKey\"",
            "\"\\u0069nstanceKey\"", "\"demo\"", "\"a\"", "\"\"", "null", "true", "false", "0", "-1.5e3", " ", "\n", "\\",
            "\\u0064", "\\\"", "\u00e9", "\ud83d\ude00", "\u0000", "/", "..", "%2F", "instanceKey", "demo");

    /** Where {@link #invalidUtf8()} puts its bytes. */
    enum Spot {
        IN_THE_KEY,
        IN_THE_NAME_INSTANCEKEY,
        IN_ANOTHER_VALUE,
        IN_ANOTHER_NAME,
        BETWEEN_TOKENS
    }

    /** Byte sequences that UTF-8 (RFC 3629) forbids. */
    enum BadUtf8 {
        /** The replaced ASCII character in two bytes ({@code C0}/{@code C1} lead). */
        OVERLONG_2,
        /** The replaced ASCII character in three bytes ({@code E0 80..9F}). */
        OVERLONG_3,
        /** The replaced ASCII character in four bytes ({@code F0 80..8F}). */
        OVERLONG_4,
        /** A UTF-16 surrogate encoded on its own ({@code ED A0..BF}). */
        SURROGATE,
        /** A code point above U+10FFFF ({@code F4 90..}, {@code F5..F7}). */
        ABOVE_U10FFFF,
        /** A byte that never occurs in UTF-8 ({@code F8..FF}). */
        INVALID_BYTE,
        /** A continuation byte without a lead. */
        LONE_CONTINUATION,
        /** A lead byte whose continuation bytes are missing. */
        TRUNCATED_SEQUENCE,
        /** One to four random bytes from 0x80 up. */
        RANDOM_HIGH_BYTES
    }

    enum Encoding {
        UTF_8_WITH_BOM("UTF-8", 0xef, 0xbb, 0xbf),
        UTF_16BE("UTF-16BE"),
        UTF_16LE("UTF-16LE"),
        UTF_16BE_WITH_BOM("UTF-16BE", 0xfe, 0xff),
        UTF_16LE_WITH_BOM("UTF-16LE", 0xff, 0xfe),
        UTF_32BE("UTF-32BE"),
        UTF_32LE("UTF-32LE");

        final Charset charset;
        final byte[] bom;

        Encoding(String charset, int... bom) {
            this.charset = Charset.forName(charset);
            this.bom = Bytes.of(bom);
        }
    }

    private final FuzzRandom r;
    private final EventParts parts;

    ByteEvents(FuzzRandom random) {
        this.r = random;
        this.parts = new EventParts(random);
    }

    /** Otherwise valid events with bytes that are not UTF-8: not JSON text (RFC 8259, section 8.1). */
    FuzzCase invalidUtf8() {
        return r.until(this::spliceInvalidUtf8, fuzzCase -> !DocumentedRules.isUtf8(fuzzCase.event()));
    }

    private FuzzCase spliceInvalidUtf8() {
        // One in four: the documents' example key, spoilt at its first letter, so that every overlong kind meets the
        // classic case (C1 A4 read as 'd') a few times in each run, not by chance alone.
        boolean example = r.between(0, 3) == 0;
        String key = example ? "demo" : parts.validKey();
        Spot spot = r.oneOf(Spot.class);
        int position = example ? 0 : parts.position();
        BadUtf8 kind = r.oneOf(BadUtf8.class);
        byte[] random = r.bytes(4, 4);
        String ws = parts.layout();
        int at = position % key.length();
        int nameAt = position % INSTANCE_KEY.length();
        Member keyMember = switch (spot) {
            case IN_THE_KEY -> new Member(Text.plain(INSTANCE_KEY),
                    new Str(Text.plain(key.substring(0, at) + MARK + key.substring(at + 1))));
            case IN_THE_NAME_INSTANCEKEY -> new Member(
                    Text.plain(INSTANCE_KEY.substring(0, nameAt) + MARK + INSTANCE_KEY.substring(nameAt + 1)),
                    new Str(Text.plain(key)));
            default -> keyMember(key);
        };
        Member other = switch (spot) {
            case IN_ANOTHER_VALUE -> new Member(Text.plain("note"), new Str(Text.plain("x" + MARK + "y")));
            case IN_ANOTHER_NAME -> new Member(Text.plain("n" + MARK), new Num("1"));
            default -> new Member(Text.plain("note"), new Num("1"));
        };
        char replaced = spot == Spot.IN_THE_NAME_INSTANCEKEY ? INSTANCE_KEY.charAt(nameAt) : key.charAt(at);
        byte[] event = EventModel.write(new Obj(position % 2 == 0 ? List.of(keyMember, other) : List.of(other, keyMember)), ws)
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = badUtf8(kind, replaced, random);
        byte[] mark = MARK.getBytes(StandardCharsets.UTF_8);
        int markAt = Bytes.indexOf(event, mark);
        byte[] spliced = markAt >= 0 ? Bytes.splice(event, markAt, mark.length, bad)
                : Bytes.splice(event, Bytes.indexOf(event, new byte[] { '{' }) + 1, 0, bad);
        return new FuzzCase(kind + " " + spot, spliced, Expected.rejects(INVALID_EVENT));
    }

    static byte[] badUtf8(BadUtf8 kind, char replaced, byte[] random) {
        int r = random[0] & 0xff;
        return switch (kind) {
            case OVERLONG_2 -> Bytes.of(0xc0 | replaced >> 6, 0x80 | replaced & 0x3f);
            case OVERLONG_3 -> Bytes.of(0xe0, 0x80 | replaced >> 6, 0x80 | replaced & 0x3f);
            case OVERLONG_4 -> Bytes.of(0xf0, 0x80, 0x80 | replaced >> 6, 0x80 | replaced & 0x3f);
            case SURROGATE -> Bytes.of(0xed, 0xa0 | r & 0x1f, 0x80 | random[1] & 0x3f);
            case ABOVE_U10FFFF -> (r & 3) == 0 ? Bytes.of(0xf4, 0x90 | r >> 4 & 0x0f, 0x80, 0x80)
                    : Bytes.of(0xf4 + (r & 3), 0x80 | random[1] & 0x3f, 0x80 | random[2] & 0x3f, 0x80 | random[3] & 0x3f);
            case INVALID_BYTE -> Bytes.of(0xf8 | r & 0x07);
            case LONE_CONTINUATION -> Bytes.of(0x80 | r & 0x3f);
            case TRUNCATED_SEQUENCE -> Bytes.of(0xc2 + r % 51);
            case RANDOM_HIGH_BYTES -> {
                byte[] high = Arrays.copyOf(random, 1 + r % 4);
                for (int i = 0; i < high.length; i++) {
                    high[i] |= (byte) 0x80;
                }
                yield high;
            }
        };
    }

    /**
     * A valid object event, half of them with {@code dryRun} or {@code confirm}, cut anywhere before its closing brace:
     * never a complete document, so never a logout, whatever the cut leaves of a dry run.
     */
    FuzzCase truncated() {
        boolean modes = r.coin();
        byte[] bytes = EventModel.write(parts.stringKeyEvent(modes ? parts.validModes() : List.of()), parts.layout())
                .getBytes(StandardCharsets.UTF_8);
        int length = r.between(0, Bytes.lastIndexOf(bytes, (byte) '}') - 1);
        return new FuzzCase((length == 0 ? "to nothing" : "mid-document") + (modes ? ", with dryRun or confirm" : ""),
                Arrays.copyOf(bytes, length), Expected.rejects(INVALID_EVENT));
    }

    /** Comments, single quotes, NaN, trailing commas, bad escapes, raw controls, trailing data: not RFC 8259 JSON. */
    FuzzCase nonStandardJson() {
        String template = r.oneOf(NON_STANDARD);
        return FuzzCase.of(Bytes.printable(template.getBytes(StandardCharsets.UTF_8), 60),
                template.replace("$K", parts.validKey()), Expected.rejects(INVALID_EVENT));
    }

    /**
     * The same documents in other encodings, or behind a byte order mark. RFC 8259 requires UTF-8 but lets a parser
     * ignore a byte order mark, so each may be read as UTF-8 would be, or refused; never read as another key.
     */
    FuzzCase otherEncodings() {
        Obj event = parts.stringKeyEvent();
        String ws = parts.layout();
        Encoding encoding = r.oneOf(Encoding.class);
        byte[] text = EventModel.write(event, ws).getBytes(encoding.charset);
        return new FuzzCase(encoding.name(), Bytes.splice(text, 0, 0, encoding.bom),
                EventOracle.expectedFor(event).or(new Rejected(INVALID_EVENT)));
    }

    /** Random bytes, and random printable ASCII. */
    FuzzCase rawBytes() {
        return r.frequency(option(3, () -> new FuzzCase("random", r.bytes(0, 2_048), Expected.anything())),
                option(1, () -> FuzzCase.of("ASCII", r.string('\u0000', '\u007f', 300), Expected.anything())));
    }

    /** Random concatenations of JSON pieces, often starting like an event. */
    FuzzCase jsonSoup() {
        String start = r.oneOf("", "{", "{\"instanceKey\":", "{\"instanceKey\":\"");
        return FuzzCase.of("pieces", start + String.join("", r.list(0, 24, () -> r.oneOf(SOUP))), Expected.anything());
    }

    /** A valid event with one to three bytes replaced, removed or inserted. */
    FuzzCase mutated() {
        byte[] bytes = EventModel.write(parts.stringKeyEvent(), parts.layout()).getBytes(StandardCharsets.UTF_8);
        int edits = r.between(1, 3);
        for (int i = 0; i < edits; i++) {
            int at = r.between(0, bytes.length);
            byte value = r.nextByte();
            bytes = switch (at == bytes.length ? 2 : r.between(0, 2)) {
                case 0 -> Bytes.splice(bytes, at, 1, new byte[] { value });
                case 1 -> Bytes.splice(bytes, at, 1, new byte[0]);
                default -> Bytes.splice(bytes, at, 0, new byte[] { value });
            };
        }
        return new FuzzCase(edits + " byte edits", bytes, Expected.anything());
    }
}
