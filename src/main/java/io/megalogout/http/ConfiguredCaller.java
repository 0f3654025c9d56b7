package io.megalogout.http;

import java.util.OptionalInt;

/**
 * A caller this door knows: its name (the identity's principal, the same for both keys of a rotation, and the
 * {@code caller} of its log lines and metrics), the instances it may act on, and its share of the door.
 *
 * @param logoutsPerMinute empty: no rate limit
 * @param maxConcurrent empty: the default share (named callers) or none ({@code default}, {@code unchecked})
 */
record ConfiguredCaller(String name, InstancePatterns instances, OptionalInt logoutsPerMinute,
        OptionalInt maxConcurrent, boolean shared) {

    /** The caller of {@code http.api-keys}: a single-tenant deployment's, with every instance and no share. */
    static final ConfiguredCaller DEFAULT = unlimited("default");
    /** Every caller when keys are switched off explicitly ({@code http.auth.enabled=false}). */
    static final ConfiguredCaller UNCHECKED = unlimited("unchecked");

    private static ConfiguredCaller unlimited(String name) {
        return new ConfiguredCaller(name, InstancePatterns.EVERY, OptionalInt.empty(), OptionalInt.empty(), false);
    }
}
