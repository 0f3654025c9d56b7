package io.megalogout.lambda.packaged;

import static io.megalogout.DocumentedRules.KEY_CHARS;
import static io.megalogout.DocumentedRules.KEY_START;
import static io.megalogout.DocumentedRules.MAX_KEY_LENGTH;
import static io.megalogout.lambda.packaged.EventModel.INSTANCE_KEY;
import static io.megalogout.lambda.packaged.FuzzRandom.option;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.megalogout.lambda.packaged.EventModel.Arr;
import io.megalogout.lambda.packaged.EventModel.Bool;
import io.megalogout.lambda.packaged.EventModel.Escaping;
import io.megalogout.lambda.packaged.EventModel.Json;
import io.megalogout.lambda.packaged.EventModel.Member;
import io.megalogout.lambda.packaged.EventModel.Null;
import io.megalogout.lambda.packaged.EventModel.Num;
import io.megalogout.lambda.packaged.EventModel.Obj;
import io.megalogout.lambda.packaged.EventModel.Str;
import io.megalogout.lambda.packaged.EventModel.Text;

/** The building blocks of the generated events: keys, names, values, strings and layouts, drawn from one case's random. */
final class EventParts {

    /** Strings that tend to break things: other scripts, emoji, RTL, zero-width, NUL, controls, path and percent tricks. */
    private static final List<String> SPECIAL_STRINGS = List.of("", "demo", "\u0000", "a\u0000b", "\u200b", "\u200d",
            "\u200e\u200f", "\u202e", "\u2028\u2029", "\ufeff", "\ud83d\ude00", "\ud83d\udc69\u200d\ud83d\udc67",
            "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u0434\u0435\u043c\u043e", "\u4e2d\u6587",
            "\uff44\uff45\uff4d\uff4f", "\u0130", "\u212a", "\u017f", "\ufffd", "\uffff", "\\", "\"", "</script>", "%2F",
            "%2e%2e", "demo%20x", "../x", "\u007f", "\u0085", "\u00a0");

    /** Invalid keys worth naming: path and percent tricks, whitespace, controls, look-alikes, and other scripts. */
    private static final List<String> TRICKY_KEYS = List.of("", " ", "  ", "\t", ".", "..", "...", "../x", "..\\x",
            "./x", "a/b", "/demo", "demo/", "a\\b", "?x", "demo?x", "#x", "demo#x", ";x", "demo;x", " demo", "demo ",
            " demo ", "demo\n", "\ndemo", "%2F", "demo%2Fx", "%2e%2e", "%2E%2E", "%2e", "demo%20x", "%64emo", "a%b", "a..b",
            ".hidden", "demo\u0000", "\u0000", "\u0000demo", "\u200bdemo", "demo\u200d", "\u202edemo", "demo\u202e",
            "\ufeffdemo", "\u00a0demo", "demo\u0085", "demo\u2028", "\u05d3\u05de\u05d5", "\u0434\u0435\u043c\u043e",
            "\ud83d\ude00", "demo\ud83d\ude00", "\uff44\uff45\uff4d\uff4f", "\u0130nstance", "\u212aey", "\u017fecret",
            "\ud800", "demo\udc00", "de mo", "a:b", "a@b", "a+b", "a&b=c", "a=b", "a\"b", "a'b", "<script>", "a|b", "a*b",
            "a~b", "a!b", "a$b", "a,b", "(a)", "[a]", "{a}", "a^b", "a`b", "demo\t", "demo\r", "demo\u007f");

    /** Characters that make a valid key invalid wherever they go. */
    private static final List<String> BAD_INSERTS = List.of("/", "\\", "?", "#", ";", "%", "%2F", "%2e", " ", "\t", "\n",
            "\r", "\u0000", "\u0001", "\u001f", "\u007f", "\u0085", "\u00a0", "\u200b", "\u200d", "\u200e", "\u202e",
            "\u2028", "\ufeff", "\ud83d\ude00", "\u0434", "\u05d0", "\u0627", "\u4e2d", "\uff44", "\u0130", "\u212a",
            "\u017f", ":", "@", "+", "&", "=", "\"", "'", "<", ">", "|", "*", "~", "!", "$", ",", "(", ")", "[", "]", "{",
            "}", "^", "`");

    /** Wrappers around a valid key ('@' stands for the key): path tricks, percent-encodings, whitespace. */
    private static final List<String> KEY_WRAPPERS = List.of(" @", "@ ", "../@", "@/..", "@/x", "x/@", "@?x", "@#x",
            "@;x", "@%2F..", "%2e%2e/@", "@%20x", "@\\x", "./@", "@/", "/@", "@\u0000", "\t@", "@\r\n", ".@", "@..", "..@");

    private static final List<String> NAMED_VALID_KEYS = List.of("demo", "a", "0", "_", "-", "a.b", "a.", "A-Za_z.0-9",
            "instance-01", "x".repeat(MAX_KEY_LENGTH), "k.e.y", "-.-");

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String DIGITS = "0123456789";

    private final FuzzRandom r;

    EventParts(FuzzRandom random) {
        this.r = random;
    }

    /** An object with exactly one instanceKey, a string (valid or not, in any escaping), among unrelated fields. */
    Obj stringKeyEvent() {
        return stringKeyEvent(List.of());
    }

    /** The same, with {@code more} members (none named instanceKey) among the unrelated fields. */
    Obj stringKeyEvent(List<Member> more) {
        return stringKeyEvent(key(), more);
    }

    /** The same, with the key {@code key}. */
    Obj stringKeyEvent(String keyValue, List<Member> more) {
        Member key = new Member(new Text(INSTANCE_KEY, escaping()), new Str(new Text(keyValue, escaping())));
        List<Member> members = extras();
        for (Member member : more) {
            members = insert(members, member, position());
        }
        return new Obj(insert(members, key, position()));
    }

    /**
     * The opt-in fields as docs/contract.md allows them: none, {@code dryRun} or {@code confirm} or both, each a
     * boolean, at most one true; names in any escaping.
     */
    List<Member> validModes() {
        return r.frequency(
                option(3, () -> List.of(mode(EventOracle.DRY_RUN, true))),
                option(3, () -> List.of(mode(EventOracle.CONFIRM, true))),
                option(1, () -> List.of(mode(r.oneOf(EventOracle.DRY_RUN, EventOracle.CONFIRM), false))),
                option(2, () -> {
                    boolean dryRun = r.coin();
                    List<Member> both = List.of(mode(EventOracle.DRY_RUN, dryRun),
                            mode(EventOracle.CONFIRM, !dryRun && r.between(0, 3) > 0));
                    return r.coin() ? both : both.reversed();
                }));
    }

    Member mode(String name, boolean value) {
        return new Member(new Text(name, escaping()), new Bool(value));
    }

    String key() {
        return r.frequency(option(1, this::validKey), option(1, this::invalidKey));
    }

    /** 1 to 128 characters, lengths 1 and 128 included. */
    String validKey() {
        return r.frequency(
                option(6, () -> r.until(() -> r.string(KEY_START, 1, 1) + r.string(KEY_CHARS, 0, 127), k -> !k.contains(".."))),
                option(1, () -> r.until(() -> r.string(KEY_START, 1, 1) + r.string(KEY_CHARS, 127, 127),
                        k -> !k.contains(".."))),
                option(2, () -> r.oneOf(NAMED_VALID_KEYS)));
    }

    /** Keys outside the rule: tricky ones, valid keys spoilt or wrapped, length 129, and random Unicode. */
    String invalidKey() {
        return r.frequency(
                option(4, () -> r.oneOf(TRICKY_KEYS)),
                option(4, () -> {
                    String key = validKey();
                    String bad = r.oneOf(BAD_INSERTS);
                    int at = position() % (key.length() + 1);
                    boolean replace = r.coin();
                    return key.substring(0, at) + bad + key.substring(replace && at < key.length() ? at + 1 : at);
                }),
                option(2, () -> "." + validKey()),
                option(2, () -> validKey() + ".." + validKey()),
                option(2, () -> {
                    String key = validKey();
                    return r.oneOf(KEY_WRAPPERS).replace("@", key);
                }),
                option(1, () -> (validKey().charAt(0) + r.string(KEY_CHARS, 128, 128)).replace("..", "._")),
                option(2, () -> r.anyChars(20)),
                option(1, () -> r.string(KEY_CHARS + "/\\%?#; ", 0, 12)));
    }

    /** Up to four unrelated root fields, none named instanceKey (nor dryRun or confirm), with distinct names. */
    List<Member> extras() {
        return r.distinctList(4, () -> r.until(() -> member(anyValue(2)), m -> !List.of(INSTANCE_KEY, EventOracle.DRY_RUN,
                EventOracle.CONFIRM).contains(m.name().value())), m -> m.name().value());
    }

    private Member member(Json value) {
        return new Member(name(), value);
    }

    /** Any JSON value up to {@code maxDepth} levels of arrays and objects (objects without duplicate names). */
    Json anyValue(int maxDepth) {
        return value(r.between(0, maxDepth));
    }

    private Json value(int depth) {
        if (depth == 0) {
            return scalar();
        }
        return r.frequency(
                option(2, () -> value(depth - 1)),
                option(1, () -> new Arr(r.list(0, 4, () -> value(depth - 1)))),
                option(1, () -> new Obj(r.distinctList(4, () -> member(value(depth - 1)), m -> m.name().value()))));
    }

    Json scalar() {
        return r.frequency(
                option(3, () -> new Str(text(unicode()))),
                option(2, () -> new Num(number())),
                option(1, () -> new Bool(r.coin())),
                option(1, Null::new));
    }

    /** Valid JSON number literals, some beyond long and double. */
    private String number() {
        return r.frequency(option(3, () -> {
            String sign = r.oneOf("", "-");
            String integer = r.string(DIGITS, 1, 30).replaceFirst("^0+(?=.)", "");
            String fraction = r.string(DIGITS, 0, 20);
            String exponent = r.oneOf("", "e", "E", "e+", "e-", "E-");
            String exponentDigits = r.string(DIGITS, 1, 4);
            return sign + integer + (fraction.isEmpty() ? "" : "." + fraction)
                    + (exponent.isEmpty() ? "" : exponent + exponentDigits);
        }), option(1, () -> r.oneOf("0", "-0", "1", "-1", "0.0", "-0.0", "1e999", "-1E-999", "1.5e+10", "9223372036854775807",
                "9223372036854775808", "-9223372036854775809", "4.9e-324", "1.7976931348623157e308",
                "123456789012345678901234567890", "1E400", "0e0")));
    }

    Text name() {
        return text(r.frequency(option(3, () -> r.oneOf("a", "b", "x", "id", "key", "data", INSTANCE_KEY, "")),
                option(2, this::unicode)));
    }

    Text text(String value) {
        return new Text(value, escaping());
    }

    /** Short strings over all of Unicode, lone surrogates and controls included. */
    String unicode() {
        return r.frequency(
                option(3, () -> r.anyChars(12)),
                option(3, () -> r.string(ALPHANUMERIC + "._-/\\ %?#;", 0, 12)),
                option(2, () -> r.oneOf(SPECIAL_STRINGS)),
                option(1, () -> r.string('\u0000', '\u001f', 4)),
                option(1, () -> r.string('\ud800', '\udfff', 3)));
    }

    /** A string of {@code min} to {@code max} characters: a short, non-empty pattern repeated. */
    String hugeString(Supplier<String> patterns, int min, int max) {
        String pattern = r.until(patterns, p -> !p.isEmpty());
        int length = r.frequency(option(4, () -> r.between(min, max)), option(1, () -> r.oneOf(min, max)));
        return pattern.repeat(length / pattern.length() + 1).substring(0, length);
    }

    Escaping escaping() {
        return r.oneOf(Escaping.class);
    }

    /** JSON whitespace, put around and between all tokens. */
    String layout() {
        return r.oneOf("", "", " ", "\n", "\t", "\r\n", " \n\t ");
    }

    int position() {
        return r.between(0, 1_000);
    }

    static List<Member> insert(List<Member> members, Member member, int position) {
        List<Member> all = new ArrayList<>(members);
        all.add(position % (all.size() + 1), member);
        return List.copyOf(all);
    }
}
