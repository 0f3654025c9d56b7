package io.megalogout.lambda.packaged;

import static io.megalogout.DocumentedRules.isValidKey;
import static io.megalogout.lambda.packaged.EventModel.INSTANCE_KEY;
import static io.megalogout.lambda.packaged.EventModel.keyMember;
import static io.megalogout.lambda.packaged.EventModel.typeOf;
import static io.megalogout.lambda.packaged.EventOracle.INVALID_EVENT;
import static io.megalogout.lambda.packaged.EventOracle.NESTING_LIMIT;
import static io.megalogout.lambda.packaged.EventParts.insert;
import static io.megalogout.lambda.packaged.FuzzRandom.option;

import java.util.List;
import java.util.stream.IntStream;

import io.megalogout.lambda.packaged.EventModel.Arr;
import io.megalogout.lambda.packaged.EventModel.Bool;
import io.megalogout.lambda.packaged.EventModel.Escaping;
import io.megalogout.lambda.packaged.EventModel.Json;
import io.megalogout.lambda.packaged.EventModel.Many;
import io.megalogout.lambda.packaged.EventModel.Member;
import io.megalogout.lambda.packaged.EventModel.Nest;
import io.megalogout.lambda.packaged.EventModel.Null;
import io.megalogout.lambda.packaged.EventModel.Num;
import io.megalogout.lambda.packaged.EventModel.Obj;
import io.megalogout.lambda.packaged.EventModel.Str;
import io.megalogout.lambda.packaged.EventModel.Text;
import io.megalogout.lambda.packaged.EventOracle.Expected;

/** The categories built from the JSON model, each judged exactly by {@link EventOracle}. */
final class ModelEvents {

    /** Root field names that are not {@code instanceKey}, however close. */
    private static final List<String> NEAR_MISS_NAMES = List.of("InstanceKey", "instancekey", "INSTANCEKEY",
            "instance_key", "instance-key", "instanceKey ", " instanceKey", "instanceKey\u0000", "instanceKey\u200b",
            "\u0131nstanceKey", "\uff49nstanceKey", "instanceKeys", "instanceKe", "instance", "key", "", "instanceKey\"");

    /** Names close to dryRun and confirm: most are refused as misspelt, a few are other fields (ignored). */
    private static final List<String> MISSPELT_MODES = List.of("dryrun", "DryRun", "DRYRUN", "dry_run", "dry-run",
            "dry run", "dryRun ", " dryRun", "dryRun\u0000", "dryRun\u200b", "Dry.Run", "dryRun1", "dryRuns", "dryRu",
            "dryR\u00fcn", "Confirm", "CONFIRM", "confirm_", "con-firm", "confirm\t", "confirmed", "confirmar",
            "\uff43onfirm");

    enum Placement {
        OTHER_FIELD,
        BEFORE_THE_KEY,
        AROUND_THE_EVENT,
        AS_THE_KEY,
        UNBALANCED
    }

    private final FuzzRandom r;
    private final EventParts parts;

    ModelEvents(FuzzRandom random) {
        this.r = random;
        this.parts = new EventParts(random);
    }

    /** Objects with one string instanceKey, valid or not, among other fields. */
    FuzzCase stringKeys() {
        Obj event = parts.stringKeyEvent();
        Text key = ((Str) event.members().stream().filter(m -> m.name().value().equals(INSTANCE_KEY)).findFirst()
                .orElseThrow().value()).text();
        boolean escaped = key.escaping() == Escaping.FIRST_AS_UNICODE || key.escaping() == Escaping.ALL_AS_UNICODE;
        String detail = isValidKey(key.value()) ? (escaped ? "valid, written with \\u escapes" : "valid") : "invalid";
        return FuzzCase.of(detail, event, parts.layout());
    }

    /** Objects whose instanceKey is null, a number, a boolean, an array or an object, or is missing. */
    FuzzCase otherKeys() {
        return r.frequency(option(6, this::keyOfAnotherType), option(3, this::keyMissing),
                option(1, () -> FuzzCase.of("missing, empty object", new Obj(), parts.layout())));
    }

    private FuzzCase keyOfAnotherType() {
        Json value = r.until(() -> parts.anyValue(2), v -> !(v instanceof Str));
        Member key = new Member(new Text(INSTANCE_KEY, parts.escaping()), value);
        return FuzzCase.of(typeOf(value), new Obj(insert(parts.extras(), key, parts.position())), parts.layout());
    }

    private FuzzCase keyMissing() {
        String name = r.oneOf(NEAR_MISS_NAMES);
        Json key = new Str(Text.plain(parts.validKey()));
        boolean nested = r.coin();
        Member nearMiss = nested ? new Member(Text.plain("data"), new Obj(new Member(Text.plain(INSTANCE_KEY), key)))
                : new Member(Text.plain(name), key);
        return FuzzCase.of(nested ? "missing, only in a nested object" : "missing, near-miss name",
                new Obj(insert(parts.extras(), nearMiss, parts.position())), parts.layout());
    }

    /** instanceKey two or three times (also two valid keys, or the same key twice), or a duplicate field deeper down. */
    FuzzCase duplicateKeys() {
        return r.frequency(option(4, this::duplicateKeysAtTheRoot), option(1, this::sameKeyTwice),
                option(1, this::duplicateFieldDeeper));
    }

    private FuzzCase duplicateKeysAtTheRoot() {
        List<Member> duplicates = r.list(2, 3, () -> new Member(new Text(INSTANCE_KEY, parts.escaping()),
                r.frequency(option(4, () -> new Str(Text.plain(parts.validKey()))),
                        option(1, () -> new Str(Text.plain(parts.key()))), option(1, Null::new),
                        option(1, () -> parts.anyValue(1)))));
        List<Member> members = parts.extras();
        for (Member duplicate : duplicates) {
            members = insert(members, duplicate, parts.position());
        }
        boolean allValid = duplicates.stream().allMatch(m -> m.value() instanceof Str s && isValidKey(s.text().value()));
        return FuzzCase.of(allValid ? "instanceKey, all valid keys" : "instanceKey", new Obj(members), parts.layout());
    }

    private FuzzCase sameKeyTwice() {
        Str key = new Str(Text.plain(parts.validKey()));
        Member first = new Member(new Text(INSTANCE_KEY, parts.escaping()), key);
        Member second = new Member(new Text(INSTANCE_KEY, parts.escaping()), key);
        return FuzzCase.of("instanceKey, the same valid key twice", new Obj(first, second), parts.layout());
    }

    private FuzzCase duplicateFieldDeeper() {
        Member key = keyMember(parts.validKey());
        Text name = parts.name();
        Obj inner = new Obj(new Member(name, parts.scalar()), new Member(name, parts.scalar()));
        return FuzzCase.of("in a nested object", new Obj(key, new Member(Text.plain("x"), inner)), parts.layout());
    }

    /** Documents whose root is not an object, including an array holding a valid event, and a bare key string. */
    FuzzCase nonObjects() {
        return r.frequency(option(4, () -> {
            Json value = r.until(() -> parts.anyValue(3), v -> !(v instanceof Obj));
            return FuzzCase.of(typeOf(value), value, parts.layout());
        }), option(1, () -> {
            Arr wrapped = new Arr(List.of(new Obj(keyMember(parts.validKey()))));
            return FuzzCase.of("array holding a valid event", wrapped, parts.layout());
        }), option(1, () -> {
            Str bare = new Str(Text.plain(parts.validKey()));
            return FuzzCase.of("a valid key as a string", bare, parts.layout());
        }));
    }

    /** Up to 10,000 levels of '[' or '{', beside the key, around the event, as the key, or never closed. */
    FuzzCase deepNesting() {
        String key = parts.validKey();
        int depth = r.frequency(option(3, () -> r.between(1, 500)), option(5, () -> r.between(2_000, 10_000)),
                option(2, () -> 10_000));
        boolean objects = r.coin();
        Placement placement = r.oneOf(Placement.class);
        Member keyMember = keyMember(key);
        Member deep = new Member(Text.plain("x"), new Nest(depth, objects, parts.scalar()));
        String detail = placement + (objects ? ", objects" : ", arrays")
                + (depth > NESTING_LIMIT ? ", beyond the limit" : ", within the limit");
        String ws = parts.layout();
        return switch (placement) {
            case OTHER_FIELD -> FuzzCase.of(detail, new Obj(keyMember, deep), ws);
            case BEFORE_THE_KEY -> FuzzCase.of(detail, new Obj(deep, keyMember), ws);
            case AROUND_THE_EVENT -> FuzzCase.of(detail, new Nest(depth, objects, new Obj(keyMember)), ws);
            case AS_THE_KEY -> FuzzCase.of(detail,
                    new Obj(new Member(keyMember.name(), new Nest(depth, objects, keyMember.value()))), ws);
            case UNBALANCED -> FuzzCase.of(detail,
                    "{\"instanceKey\":\"" + key + "\",\"x\":" + (objects ? "{\"d\":" : "[").repeat(depth),
                    Expected.rejects(INVALID_EVENT));
        };
    }

    /** Strings up to 100,000 characters (as a value or as the key), big arrays, many fields, long numbers and names. */
    FuzzCase hugeValues() {
        return r.frequency(option(3, this::hugeStringBesideTheKey), option(2, this::hugeKey),
                option(2, this::hugeArrayBesideTheKey), option(1, this::hugeArrayOfEvents), option(1, this::manyFields),
                option(1, this::longNumber), option(1, this::longName));
    }

    private FuzzCase hugeStringBesideTheKey() {
        Member key = keyMember(parts.validKey());
        Str huge = new Str(parts.text(parts.hugeString(parts::unicode, 1_000, 100_000)));
        return FuzzCase.of("string beside a valid key", new Obj(key, new Member(Text.plain("blob"), huge)), parts.layout());
    }

    private FuzzCase hugeKey() {
        String huge = parts.hugeString(() -> r.frequency(option(2, parts::validKey), option(1, parts::unicode)), 129,
                100_000);
        Member key = new Member(Text.plain(INSTANCE_KEY), new Str(parts.text(huge)));
        return FuzzCase.of("instanceKey string", new Obj(key), parts.layout());
    }

    private FuzzCase hugeArrayBesideTheKey() {
        Member key = keyMember(parts.validKey());
        Many list = new Many(r.between(1_000, 20_000), parts.scalar());
        return FuzzCase.of("array beside a valid key", new Obj(key, new Member(Text.plain("list"), list)), parts.layout());
    }

    private FuzzCase hugeArrayOfEvents() {
        Obj event = new Obj(keyMember(parts.validKey()));
        return FuzzCase.of("array of valid events", new Many(r.between(2, 5_000), event), "");
    }

    private FuzzCase manyFields() {
        Member key = keyMember(parts.validKey());
        List<Member> fields = IntStream.range(0, r.between(100, 2_000))
                .mapToObj(i -> new Member(Text.plain("f" + i), new Num(String.valueOf(i)))).toList();
        return FuzzCase.of("many fields", new Obj(insert(fields, key, parts.position())), parts.layout());
    }

    private FuzzCase longNumber() {
        Member key = keyMember(parts.validKey());
        String sign = r.oneOf("", "-");
        int digits = r.between(2_000, 5_000);
        String form = r.oneOf("integer", "fraction", "exponent");
        String literal = sign + switch (form) {
            case "integer" -> "9".repeat(digits);
            case "fraction" -> "0." + "3".repeat(digits);
            default -> "1." + "5".repeat(digits) + "e7";
        };
        return FuzzCase.of("number, " + form, new Obj(key, new Member(Text.plain("n"), new Num(literal))), "");
    }

    private FuzzCase longName() {
        Member key = keyMember(parts.validKey());
        String name = "n".repeat(r.between(60_000, 100_000));
        return FuzzCase.of("field name", new Obj(key, new Member(Text.plain(name), new Num("1"))), "");
    }

    /**
     * Events with the opt-in fields {@code dryRun} and {@code confirm}: as docs/contract.md allows them (booleans, at
     * most one true), of another type, both true, twice, or misspelt; the key valid or not. The oracle says exactly
     * which requests each must lead to: a {@code DELETE} only where the event asks for a logout.
     */
    FuzzCase modeFields() {
        return r.frequency(option(4, () -> {
            String key = r.frequency(option(4, parts::validKey), option(1, parts::invalidKey));
            return FuzzCase.of("booleans", parts.stringKeyEvent(key, parts.validModes()), parts.layout());
        }), option(2, this::modeOfAnotherType), option(1, () -> {
            List<Member> both = List.of(parts.mode(EventOracle.DRY_RUN, true), parts.mode(EventOracle.CONFIRM, true));
            return FuzzCase.of("both true", parts.stringKeyEvent(r.coin() ? both : both.reversed()),
                    parts.layout());
        }), option(1, this::modeTwice), option(1, this::modeMisspelt));
    }

    private FuzzCase modeOfAnotherType() {
        String name = r.oneOf(EventOracle.DRY_RUN, EventOracle.CONFIRM);
        Json value = r.frequency(option(3, () -> r.until(() -> parts.anyValue(2), v -> !(v instanceof Bool))),
                option(2, () -> new Str(Text.plain(r.oneOf("true", "false", "yes", "1", "")))),
                option(1, () -> new Num(r.oneOf("1", "0", "1.0", "-1"))));
        List<Member> modes = r.coin() ? List.of(new Member(new Text(name, parts.escaping()), value))
                : List.of(new Member(new Text(name, parts.escaping()), value), parts.mode(
                        name.equals(EventOracle.DRY_RUN) ? EventOracle.CONFIRM : EventOracle.DRY_RUN, r.coin()));
        return FuzzCase.of(name + " " + typeOf(value), parts.stringKeyEvent(modes), parts.layout());
    }

    private FuzzCase modeTwice() {
        String name = r.oneOf(EventOracle.DRY_RUN, EventOracle.CONFIRM);
        return FuzzCase.of(name + " twice", parts.stringKeyEvent(List.of(parts.mode(name, r.coin()),
                parts.mode(name, r.coin()))), parts.layout());
    }

    /** A near miss of a mode's name, which must be refused, or one that differs in a letter, which must be ignored. */
    private FuzzCase modeMisspelt() {
        String name = r.oneOf(MISSPELT_MODES);
        Member misspelt = new Member(new Text(name, parts.escaping()), new Bool(r.coin()));
        return FuzzCase.of(EventOracle.misspeltField(name) ? "misspelt name" : "another name",
                parts.stringKeyEvent(List.of(misspelt)), parts.layout());
    }

    /** Any JSON document at all: mostly rejected for want of an instanceKey, judged by the model like the rest. */
    FuzzCase arbitraryJson() {
        Json value = parts.anyValue(4);
        return FuzzCase.of(typeOf(value), value, parts.layout());
    }
}
