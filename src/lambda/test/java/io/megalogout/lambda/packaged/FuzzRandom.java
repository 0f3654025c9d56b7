package io.megalogout.lambda.packaged;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The random source of one fuzz case, and the few ways the generators draw from it. Each case gets its own, seeded from
 * (base seed, index) alone, so case i is the same whichever cases ran before it, and reruns by itself.
 * <p>
 * The algorithm is named, L64X128MixRandom, one that every Java SE platform must provide (java.util.random), rather than
 * a default a JDK may change, so that a seed keeps meaning the same events. Sizes mix in their edge cases: one draw in
 * ten is the smallest or the largest size allowed.
 */
final class FuzzRandom {

    private static final String ALGORITHM = "L64X128MixRandom";
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** One choice among weighted alternatives; see {@link #frequency}. */
    record Option<T>(int weight, Supplier<? extends T> value) {
    }

    private final RandomGenerator random;

    private FuzzRandom(long seed) {
        this.random = RandomGeneratorFactory.of(ALGORITHM).create(seed);
    }

    /** The random source of case {@code index} of the run from {@code baseSeed}. */
    static FuzzRandom forCase(long baseSeed, int index) {
        return new FuzzRandom(caseSeed(baseSeed, index));
    }

    /**
     * SplitMix64 (Steele, Lea and Flood, 2014): its finalizer over {@code baseSeed + index * golden gamma}. Neighbouring
     * indices, and neighbouring base seeds, get seeds that share no visible pattern, so no two cases of a run, nor of
     * runs from seeds 1 and 2, walk the same sequence.
     */
    static long caseSeed(long baseSeed, int index) {
        long z = baseSeed + index * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A number from {@code min} to {@code max}, both included. */
    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** Like {@link #between}, but one time in ten exactly {@code min} or {@code max}: for lengths and counts. */
    int size(int min, int max) {
        if (random.nextInt(10) == 0) {
            return random.nextBoolean() ? min : max;
        }
        return between(min, max);
    }

    boolean coin() {
        return random.nextBoolean();
    }

    byte nextByte() {
        return (byte) random.nextInt(256);
    }

    @SafeVarargs
    final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    <E extends Enum<E>> E oneOf(Class<E> type) {
        return oneOf(type.getEnumConstants());
    }

    /** One of the options, each chosen with a probability proportional to its weight, then drawn. */
    @SafeVarargs
    final <T> T frequency(Option<? extends T>... options) {
        int total = 0;
        for (Option<? extends T> option : options) {
            total += option.weight();
        }
        int pick = random.nextInt(total);
        for (Option<? extends T> option : options) {
            pick -= option.weight();
            if (pick < 0) {
                return option.value().get();
            }
        }
        throw new AssertionError("unreachable");
    }

    static <T> Option<T> option(int weight, Supplier<? extends T> value) {
        return new Option<>(weight, value);
    }

    /** Draws until a value passes {@code accept}; the filters used here reject rarely, so 1,000 tries is plenty. */
    <T> T until(Supplier<T> draw, Predicate<? super T> accept) {
        for (int i = 0; i < 1_000; i++) {
            T value = draw.get();
            if (accept.test(value)) {
                return value;
            }
        }
        throw new IllegalStateException("no accepted value in 1,000 draws: the generator's filter is too strict");
    }

    /** {@code min} to {@code max} characters, each one of {@code chars}. */
    String string(String chars, int min, int max) {
        char[] out = new char[size(min, max)];
        for (int i = 0; i < out.length; i++) {
            out[i] = chars.charAt(random.nextInt(chars.length()));
        }
        return new String(out);
    }

    /** Up to {@code max} characters from {@code first} to {@code last}. */
    String string(char first, char last, int max) {
        char[] out = new char[size(0, max)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (char) random.nextInt(first, last + 1);
        }
        return new String(out);
    }

    /** Up to {@code max} UTF-16 code units of any value: every plane, controls, noncharacters and lone surrogates. */
    String anyChars(int max) {
        return string(Character.MIN_VALUE, Character.MAX_VALUE, max);
    }

    byte[] bytes(int min, int max) {
        byte[] out = new byte[size(min, max)];
        random.nextBytes(out);
        return out;
    }

    /** {@code min} to {@code max} values, each drawn on its own. */
    <T> List<T> list(int min, int max, Supplier<T> draw) {
        int size = size(min, max);
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(draw.get());
        }
        return out;
    }

    /** Up to {@code max} values with distinct {@code identity}; a value whose identity repeats is dropped. */
    <T> List<T> distinctList(int max, Supplier<T> draw, Function<T, ?> identity) {
        int size = size(0, max);
        Set<Object> seen = new HashSet<>();
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            T value = draw.get();
            if (seen.add(identity.apply(value))) {
                out.add(value);
            }
        }
        return out;
    }
}
