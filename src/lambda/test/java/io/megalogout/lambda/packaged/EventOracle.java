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
 * parser's limits written out here, and the documented key rule ({@code DocumentedRules}), never the production
 * parser. One string
 * {@code instanceKey} that is valid logs out exactly that key; an invalid key string is
 * {@code InvalidInstanceKeyException}; a missing, null or non-string key, a duplicate field, a root that is not an
 * object, or too deep a document is {@code InvalidEventException}.
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

    /** How one invocation ended: (a) a logout of one key, or (b) one of the two input errors. */
    sealed interface Result permits LoggedOut, Rejected {
    }

    record LoggedOut(String key) implements Result {
    }

    record Rejected(String errorType) implements Result {
    }

    /** The results the test allows for one event; none listed means any (a) or (b). */
    record Expected(Set<Result> allowed) {

        static Expected logsOut(String key) {
            return new Expected(Set.of(new LoggedOut(key)));
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
        List<Json> keys = event.members().stream().filter(m -> m.name().value().equals(INSTANCE_KEY))
                .map(Member::value).toList();
        if (keys.isEmpty() || !(keys.get(0) instanceof Str key)) {
            return Expected.rejects(INVALID_EVENT);
        }
        return isValidKey(key.text().value()) ? Expected.logsOut(key.text().value()) : Expected.rejects(INVALID_KEY);
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
