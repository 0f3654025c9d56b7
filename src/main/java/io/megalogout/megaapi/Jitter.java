package io.megalogout.megaapi;

import java.security.SecureRandom;
import java.util.Random;
import java.util.function.Supplier;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The random part of the retry backoff. Its generator is seeded from {@link SecureRandom}, and seeded again after a
 * SnapStart restore (a CRaC {@code afterRestore} hook): whatever initialisation leaves in memory is in every copy
 * restored from the snapshot, so a generator seeded at init, {@code ThreadLocalRandom}'s seeds included, would draw the
 * same waits in every copy, and copies failing together would retry together. Without CRaC (any other JVM) the hook
 * never runs.
 */
final class Jitter implements Resource {

    static final Jitter INSTANCE = new Jitter(() -> new Random(new SecureRandom().nextLong()));

    static {
        // The global context keeps only a weak reference to what it notifies: INSTANCE keeps the hook alive.
        Core.getGlobalContext().register(INSTANCE);
    }

    private final Supplier<Random> seeded;
    private volatile Random random;

    Jitter(Supplier<Random> seeded) {
        this.seeded = seeded;
        this.random = seeded.get();
    }

    /** A random value from {@code origin} (inclusive) to {@code bound} (exclusive). */
    long between(long origin, long bound) {
        return random.nextLong(origin, bound);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // Nothing to release: the generator holds no resource.
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        random = seeded.get();
    }
}
