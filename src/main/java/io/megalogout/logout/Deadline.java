package io.megalogout.logout;

import java.time.Duration;
import java.util.Objects;

/**
 * The moment by which a logout must have answered, on the monotonic clock. Each door sets it from what it knows (the
 * Lambda door: the invocation's remaining time less a margin); the Mega-API client never waits past it.
 *
 * @param nanoTime the deadline as a value of {@code ticker}'s {@link Ticker#nanoTime()}
 * @param ticker what measures the time left and waits within it: {@link Ticker#SYSTEM}, except in the use case's tests
 */
public record Deadline(long nanoTime, Ticker ticker) {

    /** Long enough to be no limit, short enough that {@code nanoTime} arithmetic never overflows. */
    private static final Duration NONE = Duration.ofDays(365);

    public Deadline {
        Objects.requireNonNull(ticker, "ticker");
    }

    /** A deadline {@code budget} from now; zero or negative budgets give a deadline that has already passed. */
    public static Deadline after(Duration budget) {
        return after(budget, Ticker.SYSTEM);
    }

    /** A deadline {@code budget} from {@code ticker}'s now. */
    static Deadline after(Duration budget, Ticker ticker) {
        return new Deadline(ticker.nanoTime() + budget.toNanos(), ticker);
    }

    /** No deadline from the door: only the client's own limits apply. */
    public static Deadline none() {
        return after(NONE);
    }

    /** Time left until the deadline: zero or negative once it has passed. */
    public Duration remaining() {
        return Duration.ofNanos(nanoTime - ticker.nanoTime());
    }

    public boolean hasPassed() {
        return nanoTime - ticker.nanoTime() <= 0;
    }

    /** This deadline, or {@code budget} from now when that is sooner; on the same ticker. */
    public Deadline atMost(Duration budget) {
        Deadline other = after(budget, ticker);
        return other.nanoTime - nanoTime < 0 ? other : this;
    }
}
