package io.megalogout.lambda.packaged;

import static io.megalogout.DocumentedRules.isValidKey;
import static io.megalogout.lambda.packaged.EventModel.INSTANCE_KEY;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.megalogout.lambda.packaged.EventModel.Arr;
import io.megalogout.lambda.packaged.EventModel.Bool;
import io.megalogout.lambda.packaged.EventModel.Json;
import io.megalogout.lambda.packaged.EventModel.Many;
import io.megalogout.lambda.packaged.EventModel.Member;
import io.megalogout.lambda.packaged.EventModel.Nest;
import io.megalogout.lambda.packaged.EventModel.Null;
import io.megalogout.lambda.packaged.EventModel.Num;
import io.megalogout.lambda.packaged.EventModel.Obj;
import io.megalogout.lambda.packaged.EventModel.Str;

/**
 * What the function must do with an event, worked out from the test's own model ({@link EventModel}): RFC 8259 and the
 * parser's limits written out here, and the key and mode rules of docs/contract.md ({@code DocumentedRules}), never
 * the production parser. One string {@code instanceKey} that is valid logs out exactly that key, or, with
 * {@code "dryRun": true}, only reads its status, or, with {@code "confirm": true}, reads, logs out and reads again; an
 * invalid key string is {@code InvalidInstanceKeyException}; a missing, null or non-string key, a duplicate field, a
 * root that is not an object, too deep a document, a {@code dryRun} or {@code confirm} that is not a boolean, both true,
 * or a root field spelt like one of them but not exactly, is {@code InvalidEventException}. So is an
 * {@code instanceKeys} (a bulk) that is not a non-empty array of at most {@value #MAX_KEYS} strings, one beside an
 * {@code instanceKey}, or a root field spelt like {@code instanceKeys} but not exactly. The generator writes
 * {@code instanceKeys} only as a near miss of {@code instanceKey}, never as a valid bulk, whose answer this test does not
 * judge (the bulk tests do): the oracle refuses to judge one.
 */
final class EventOracle {

    static final String INVALID_EVENT = "io.megalogout.error.InvalidEventException";
    static final String INVALID_KEY = "io.megalogout.error.InvalidInstanceKeyException";

    /**
     * The event parser's size limits (Jackson's StreamReadConstraints defaults): a document nested deeper, or with a
     * longer number or field name, is not read. Generated sizes stay far below or far above each limit (nesting up to
     * 500 or from 2,000; numbers up to 60 or from 2,000 characters; names up to 16 or from 60,000), so the test does not
     * hang on the exact values.
     */
    static final int NESTING_LIMIT = 1_000;
    static final int NUMBER_LIMIT = 1_000;
    static final int NAME_LIMIT = 50_000;

    private EventOracle() {
    }

    static final String DRY_RUN = "dryRun";
    static final String CONFIRM = "confirm";
    static final String INSTANCE_KEYS = "instanceKeys";
    /** The default bulk.max-keys (docs/configuration.md). */
    static final int MAX_KEYS = 100;

    /**
     * How one invocation ended: (a) a plain logout of one key (one {@code DELETE}), a dry run of one key (one
     * {@code GET}, never a {@code DELETE}), a confirmed logout of one key ({@code GET}, {@code DELETE}, {@code GET}); or
     * (b) one of the two input errors, nothing sent.
     */
    sealed interface Result permits LoggedOut, DryRun, Confirmed, Rejected {
    }

    record LoggedOut(String key) implements Result {
    }

    record DryRun(String key) implements Result {
    }

    record Confirmed(String key) implements Result {
    }

    record Rejected(String errorType) implements Result {
    }

    /** The results the test allows for one event; none listed means any (a) or (b). */
    record Expected(Set<Result> allowed) {

        static Expected logsOut(String key) {
            return new Expected(Set.of(new LoggedOut(key)));
        }

        static Expected of(Result result) {
            return new Expected(Set.of(result));
        }

        static Expected rejects(String errorType) {
            return new Expected(Set.of(new Rejected(errorType)));
        }

        static Expected anything() {
            return new Expected(Set.of());
        }

        Expected or(Result result) {
            Set<Result> more = new HashSet<>(allowed);
            more.add(result);
            return new Expected(Set.copyOf(more));
        }

        boolean admits(Result result) {
            return allowed.isEmpty() || allowed.contains(result);
        }

        @Override
        public String toString() {
            return allowed.isEmpty() ? "any (a) or (b)" : allowed.toString();
        }
    }

    /**
     * What decides whether a document is read at all: its nesting, its longest number and name, whether an object repeats
     * a name, and whether a string holds an unpaired surrogate (written as an escape). RFC 8259 (section 8.2) leaves what
     * a reader does with the latter open, so for those documents the test also accepts a refusal as an invalid event.
     */
    record Shape(int depth, int longestNumber, int longestName, boolean duplicateNames, boolean unpairedSurrogates) {

        static final Shape SCALAR = new Shape(0, 0, 0, false, false);

        Shape with(Shape other) {
            return new Shape(Math.max(depth, other.depth), Math.max(longestNumber, other.longestNumber),
                    Math.max(longestName, other.longestName), duplicateNames || other.duplicateNames,
                    unpairedSurrogates || other.unpairedSurrogates);
        }

        Shape nested(int levels) {
            return new Shape(depth + levels, longestNumber, longestName, duplicateNames, unpairedSurrogates);
        }
    }

    /** What the function must do with a well-formed document, computed from the model. */
    static Expected expectedFor(Json root) {
        Shape shape = shape(root);
        Expected exact = exactlyExpectedFor(root, shape);
        return shape.unpairedSurrogates() ? exact.or(new Rejected(INVALID_EVENT)) : exact;
    }

    private static Expected exactlyExpectedFor(Json root, Shape shape) {
        if (shape.depth() > NESTING_LIMIT || shape.longestNumber() > NUMBER_LIMIT || shape.longestName() > NAME_LIMIT
                || shape.duplicateNames()) {
            return Expected.rejects(INVALID_EVENT);
        }
        // A Nest of objects is an object too, but its only member is "d": no instanceKey either way.
        if (!(root instanceof Obj event)) {
            return Expected.rejects(INVALID_EVENT);
        }
        if (event.members().stream().anyMatch(m -> misspeltField(m.name().value()))) {
            return Expected.rejects(INVALID_EVENT);
        }
        Json bulk = member(event, INSTANCE_KEYS);
        if (bulk != null) {
            if (member(event, INSTANCE_KEY) != null || !isBulkOfStrings(bulk)) {
                return Expected.rejects(INVALID_EVENT);
            }
            throw new IllegalStateException("a valid bulk (instanceKeys), which the fuzz test does not judge");
        }
        List<Json> keys = event.members().stream().filter(m -> m.name().value().equals(INSTANCE_KEY))
                .map(Member::value).toList();
        if (keys.isEmpty() || !(keys.get(0) instanceof Str key)) {
            return Expected.rejects(INVALID_EVENT);
        }
        Json dryRun = member(event, DRY_RUN);
        Json confirm = member(event, CONFIRM);
        if (dryRun != null && !(dryRun instanceof Bool) || confirm != null && !(confirm instanceof Bool)) {
            return Expected.rejects(INVALID_EVENT);
        }
        boolean isDryRun = dryRun instanceof Bool b && b.value();
        boolean isConfirm = confirm instanceof Bool b && b.value();
        if (isDryRun && isConfirm) {
            return Expected.rejects(INVALID_EVENT);
        }
        String valid = key.text().value();
        if (!isValidKey(valid)) {
            return Expected.rejects(INVALID_KEY);
        }
        return Expected.of(isDryRun ? new DryRun(valid) : isConfirm ? new Confirmed(valid) : new LoggedOut(valid));
    }

    /** The value of the root member {@code name} (names never repeat here: a duplicate is refused before). */
    private static Json member(Obj event, String name) {
        return event.members().stream().filter(m -> m.name().value().equals(name)).map(Member::value).findFirst()
                .orElse(null);
    }

    /** Whether an {@code instanceKeys} value is a bulk's: 1 to {@value #MAX_KEYS} strings. */
    private static boolean isBulkOfStrings(Json value) {
        return switch (value) {
            case Arr a -> !a.items().isEmpty() && a.items().size() <= MAX_KEYS
                    && a.items().stream().allMatch(item -> item instanceof Str);
            case Many m -> m.count() > 0 && m.count() <= MAX_KEYS && m.item() instanceof Str;
            case Nest n -> !n.objects() && n.levels() == 1 && n.inner() instanceof Str;
            default -> false;
        };
    }

    /**
     * The misspelt-field rule of docs/contract.md, written out: a name that reads {@code dryrun}, {@code confirm} or
     * {@code instancekeys} once everything but ASCII letters and digits is dropped and the rest lowercased, and is not
     * exactly {@code dryRun}, {@code confirm} or {@code instanceKeys}.
     */
    static boolean misspeltField(String name) {
        StringBuilder letters = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                letters.append((char) (c - 'A' + 'a'));
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                letters.append(c);
            }
        }
        String read = letters.toString();
        return read.equals("dryrun") && !name.equals(DRY_RUN) || read.equals("confirm") && !name.equals(CONFIRM)
                || read.equals("instancekeys") && !name.equals(INSTANCE_KEYS);
    }

    static Shape shape(Json value) {
        return switch (value) {
            case Obj o -> {
                Shape shape = Shape.SCALAR;
                Set<String> names = new HashSet<>();
                for (Member member : o.members()) {
                    String name = member.name().value();
                    shape = shape.with(shape(member.value()))
                            .with(new Shape(0, 0, name.length(), !names.add(name), hasUnpairedSurrogate(name)));
                }
                yield shape.nested(1);
            }
            case Arr a -> a.items().stream().map(EventOracle::shape).reduce(Shape.SCALAR, Shape::with).nested(1);
            case Nest n -> shape(n.inner()).nested(n.levels());
            case Many m -> (m.count() == 0 ? Shape.SCALAR : shape(m.item())).nested(1);
            case Num n -> new Shape(0, n.literal().length(), 0, false, false);
            case Str s -> new Shape(0, 0, 0, false, hasUnpairedSurrogate(s.text().value()));
            case Bool b -> Shape.SCALAR;
            case Null n -> Shape.SCALAR;
        };
    }

    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
