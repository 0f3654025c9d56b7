package io.megalogout.megaapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.megalogout.error.MegaApiUnavailableException;
import io.megalogout.logout.Deadline;

/** The waits between attempts: jittered exponential backoff, Mega-API's Retry-After, and never past the deadline. */
class RetryBackoffTest {

    private static final MegaApiUnavailableException REFUSED = new MegaApiUnavailableException("demo", "refused", null, null);

    @RepeatedTest(20)
    void doublesAJitteredDelayUpToOneSecond() {
        RetryBackoff backoff = new RetryBackoff();
        backoff.init(100);
        Deadline far = Deadline.after(Duration.ofMinutes(1));

        long[] bounds = { 100, 200, 400, 800, 1000, 1000 };
        for (long bound : bounds) {
            long delay = backoff.nextDelayInMillis(retryable(Optional.empty(), far));
            assertThat(delay).isBetween(bound / 2, bound);
        }
    }

    @Test
    void waitsWhatRetryAfterSaid() {
        RetryBackoff backoff = new RetryBackoff();
        backoff.init(100);

        long delay = backoff.nextDelayInMillis(retryable(Optional.of(Duration.ofSeconds(3)),
                Deadline.after(Duration.ofMinutes(1))));

        assertThat(delay).isEqualTo(3000);
    }

    @Test
    void leavesAnAttemptsWorthOfTimeBeforeTheDeadline() {
        RetryBackoff backoff = new RetryBackoff();
        backoff.init(5000);

        long delay = backoff.nextDelayInMillis(retryable(Optional.empty(), Deadline.after(Duration.ofMillis(800))));

        assertThat(delay).isLessThanOrEqualTo(800 - RetryableFailure.MIN_ATTEMPT.toMillis());
    }

    @Test
    void marksAFailureRetryableOnlyWhenTheWaitFitsBeforeTheDeadline() {
        Deadline soon = Deadline.after(Duration.ofSeconds(2));

        assertThat(RetryableFailure.retryIfFits(REFUSED, Optional.of(Duration.ofSeconds(1)), soon))
                .isInstanceOf(RetryableFailure.class);
        assertThat(RetryableFailure.retryIfFits(REFUSED, Optional.of(Duration.ofSeconds(2)), soon)).isSameAs(REFUSED);
        assertThat(RetryableFailure.retryIfFits(REFUSED, Optional.empty(), Deadline.after(Duration.ofMillis(100))))
                .isSameAs(REFUSED);
    }

    private static Throwable retryable(Optional<Duration> wait, Deadline deadline) {
        RuntimeException marked = RetryableFailure.retryIfFits(REFUSED, wait, deadline);
        assertThat(marked).isInstanceOf(RetryableFailure.class);
        return marked;
    }
}
