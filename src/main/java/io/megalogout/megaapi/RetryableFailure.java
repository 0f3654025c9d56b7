package io.megalogout.megaapi;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import io.megalogout.error.LogoutFailure;
import io.megalogout.logout.Deadline;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A failure that is safe to retry, carried through SmallRye Fault Tolerance's retry: Mega-API cannot have acted on the
 * request (it was never sent), or it asked to be called again after a wait ({@code Retry-After} on a 503 or 429), and
 * the wait still leaves an attempt's worth of time before the deadline. {@link MegaApi} unwraps it when retries run
 * out. Everything else fails at once.
 */
final class RetryableFailure extends RuntimeException {

    /** A retry is only worth it with this much time left after the wait. */
    static final Duration MIN_ATTEMPT = Duration.ofMillis(500);

    private final LogoutFailure failure;
    private final Optional<Duration> requestedWait;
    private final Deadline deadline;

    private RetryableFailure(LogoutFailure failure, Optional<Duration> requestedWait, Deadline deadline) {
        super(failure.getMessage(), failure, false, false);
        this.failure = failure;
        this.requestedWait = requestedWait;
        this.deadline = deadline;
    }

    /**
     * The failure, marked retryable when the wait before a retry fits before the deadline.
     *
     * @param requestedWait Mega-API's {@code Retry-After}; empty when the backoff decides
     */
    static RuntimeException retryIfFits(LogoutFailure failure, Optional<Duration> requestedWait, Deadline deadline) {
        Duration needed = requestedWait.orElse(Duration.ZERO).plus(MIN_ATTEMPT);
        return deadline.remaining().compareTo(needed) >= 0 ? new RetryableFailure(failure, requestedWait, deadline)
                : failure;
    }

    LogoutFailure failure() {
        return failure;
    }

    Optional<Duration> requestedWait() {
        return requestedWait;
    }

    Deadline deadline() {
        return deadline;
    }

    /** The retry condition: only failures marked here. */
    // Native image: SmallRye Fault Tolerance creates it by reflection (named in an annotation, not a CDI bean).
    @RegisterForReflection
    public static final class Marked implements Predicate<Throwable> {

        @Override
        public boolean test(Throwable failure) {
            return failure instanceof RetryableFailure;
        }
    }
}
