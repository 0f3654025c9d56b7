package io.megalogout.http;

import static io.megalogout.http.CallerConfigs.config;
import static io.megalogout.http.CallerConfigs.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.megalogout.error.RateLimitedException;
import io.megalogout.error.TooManyLogoutsException;

import io.github.bucket4j.TimeMeter;

/** Each named caller's share of the door, on a clock of the test's own: its logouts per minute and its places. */
class CallerSharesTest {

    private final FakeClock clock = new FakeClock();
    private final CallerShares shares = new CallerShares(new Callers(config(true, Map.of(
            "metered", new CallerConfigs.Settings(Optional.of(keys("metered-key-0000001")), Optional.of(List.of("*")),
                    OptionalInt.of(3), OptionalInt.empty()),
            "narrow", new CallerConfigs.Settings(Optional.of(keys("narrow-key-00000001")), Optional.of(List.of("*")),
                    OptionalInt.empty(), OptionalInt.of(1)),
            "wide", new CallerConfigs.Settings(Optional.of(keys("wide-key-000000001")), Optional.of(List.of("*")),
                    OptionalInt.empty(), OptionalInt.empty())),
            "default-key-0000001")), 32, clock);

    @Test
    void refusesKeysPastTheMinuteAndSaysWhenTheyFitAgain() {
        shares.enter("metered", 2).close();

        assertThatThrownBy(() -> shares.enter("metered", 2)).isInstanceOfSatisfying(RateLimitedException.class,
                // Refilled greedily: one logout every 20 s; the second one missing comes back in 20 s.
                refused -> assertThat(refused.retryAfter()).hasValue(Duration.ofSeconds(20)));
        clock.advance(Duration.ofSeconds(20));
        shares.enter("metered", 2).close();
        assertThatThrownBy(() -> shares.enter("metered", 1)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void refusesABulkOfMoreKeysThanAMinuteHoldsWithoutAWaitThatWouldHelp() {
        assertThatThrownBy(() -> shares.enter("metered", 4)).isInstanceOfSatisfying(RateLimitedException.class,
                refused -> assertThat(refused.retryAfter()).isEmpty());
        shares.enter("metered", 3).close();
    }

    @Test
    void givesBackTheLogoutsOfARequestTheDoorRefusedAfterwards() {
        CallerShares.Held held = shares.enter("metered", 3);
        held.unused();
        held.close();

        shares.enter("metered", 3).close();
    }

    @Test
    void refusesAPlacePastTheCallersShareUntilOneIsGivenBack() {
        CallerShares.Held held = shares.enter("narrow", 1);

        assertThatThrownBy(() -> shares.enter("narrow", 1)).isInstanceOf(TooManyLogoutsException.class);
        shares.enter("wide", 1).close();
        held.close();
        shares.enter("narrow", 1).close();
    }

    @Test
    void givesANamedCallerHalfTheDoorsPlacesByDefaultAndTheDefaultCallerNoLimit() {
        for (int i = 0; i < 16; i++) {
            shares.enter("wide", 1);
        }

        assertThatThrownBy(() -> shares.enter("wide", 1)).isInstanceOf(TooManyLogoutsException.class);
        for (int i = 0; i < 100; i++) {
            shares.enter("default", 100);
        }
    }

    /** Bucket4j's clock, moved by the test. */
    private static final class FakeClock implements TimeMeter {

        private long nanos;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
