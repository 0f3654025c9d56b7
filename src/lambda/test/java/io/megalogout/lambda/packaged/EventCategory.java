package io.megalogout.lambda.packaged;

import java.util.function.Function;

/** The kinds of event the fuzz test sends; each gets about its weight's share of the sum of all weights of the cases. */
enum EventCategory {

    STRING_KEY("instanceKey: string", 18, r -> new ModelEvents(r).stringKeys()),
    OTHER_KEY("instanceKey: other type or missing", 8, r -> new ModelEvents(r).otherKeys()),
    DUPLICATE_FIELD("duplicate field", 6, r -> new ModelEvents(r).duplicateKeys()),
    NOT_AN_OBJECT("root not an object", 4, r -> new ModelEvents(r).nonObjects()),
    DEEP_NESTING("deep nesting", 5, r -> new ModelEvents(r).deepNesting()),
    HUGE_VALUE("huge value", 5, r -> new ModelEvents(r).hugeValues()),
    ARBITRARY_JSON("arbitrary JSON", 5, r -> new ModelEvents(r).arbitraryJson()),
    MODE_FIELDS("dryRun / confirm", 8, r -> new ModelEvents(r).modeFields()),
    INVALID_UTF_8("invalid UTF-8", 8, r -> new ByteEvents(r).invalidUtf8()),
    TRUNCATED("truncated", 6, r -> new ByteEvents(r).truncated()),
    NON_STANDARD_JSON("non-standard JSON", 7, r -> new ByteEvents(r).nonStandardJson()),
    OTHER_ENCODING("other encoding", 3, r -> new ByteEvents(r).otherEncodings()),
    RAW_BYTES("raw bytes", 4, r -> new ByteEvents(r).rawBytes()),
    JSON_SOUP("JSON soup", 4, r -> new ByteEvents(r).jsonSoup()),
    MUTATED("mutated event", 3, r -> new ByteEvents(r).mutated());

    final String label;
    final int weight;
    private final Function<FuzzRandom, FuzzCase> generator;

    EventCategory(String label, int weight, Function<FuzzRandom, FuzzCase> generator) {
        this.label = label;
        this.weight = weight;
        this.generator = generator;
    }

    /** A category by weight, then an event of it, all from the one case's random. */
    static Drawn draw(FuzzRandom random) {
        int pick = random.between(0, totalWeight() - 1);
        for (EventCategory category : values()) {
            pick -= category.weight;
            if (pick < 0) {
                return new Drawn(category, category.generator.apply(random));
            }
        }
        throw new AssertionError("unreachable");
    }

    static int totalWeight() {
        int total = 0;
        for (EventCategory category : values()) {
            total += category.weight;
        }
        return total;
    }

    record Drawn(EventCategory category, FuzzCase fuzzCase) {
    }
}
