package io.megalogout.logout;

import java.time.Duration;

/**
 * The moment by which a logout must have answered, on the monotonic clock. Each door sets it from what it knows (the
 * Lambda door: the invocation's remaining time less a margin); the Mega-API client never waits past it.
 *
 * @param nanoTime the deadline as a {@link System#nanoTime()} value
 */
public record Deadline(long nanoTime) {

    /** Long enough to be no limit, short enough that {@code nanoTime} arithmetic never overflows. */
    private static final Duration NONE = Duration.ofDays(365);

    /** A deadline {@code budget} from now; zero or negative budgets give a deadline that has already passed. */
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** No deadline from the door: only the client's own limits apply. */
    public static Deadline none() {
        return after(NONE);
    }

    /** Time left until the deadline: zero or negative once it has passed. */
    public Duration remaining() {
        return Duration.ofNanos(nanoTime - System.nanoTime());
    }

    public boolean hasPassed() {
        return nanoTime - System.nanoTime() <= 0;
    }

    /** This deadline, or {@code budget} from now when that is sooner. */
    public Deadline atMost(Duration budget) {
        Deadline other = after(budget);
        return other.nanoTime - nanoTime < 0 ? other : this;
    }
}
