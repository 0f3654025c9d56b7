package io.megalogout.megaapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * SnapStart restores many copies of one snapshot. Two jitters seeded alike stand for two such copies: they draw the
 * same waits until a restore re-seeds them.
 */
class JitterTest {

    @Test
    void copiesOfOneSnapshotDrawAlikeUntilARestoreReseedsThem() {
        Jitter first = snapshotCopy();
        Jitter second = snapshotCopy();
        assertThat(draws(first)).containsExactly(draws(second));

        first.afterRestore(null);
        second.afterRestore(null);

        assertThat(draws(first)).isNotEqualTo(draws(second));
    }

    @Test
    void drawsWithinTheGivenRange() {
        assertThat(LongStream.range(0, 1000).map(i -> Jitter.INSTANCE.between(50, 101))).allMatch(v -> v >= 50 && v <= 100);
    }

    /** A jitter whose state at init is the same in every copy (seed 42); seeded from SecureRandom, as in production, after. */
    private static Jitter snapshotCopy() {
        AtomicLong seedings = new AtomicLong();
        return new Jitter(() -> new Random(seedings.getAndIncrement() == 0 ? 42 : new SecureRandom().nextLong()));
    }

    private static long[] draws(Jitter jitter) {
        return LongStream.range(0, 16).map(i -> jitter.between(0, Long.MAX_VALUE)).toArray();
    }
}
