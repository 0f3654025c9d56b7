package io.megalogout.megaapi;

import java.time.Duration;

import io.quarkus.runtime.annotations.RegisterForReflection;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * The wait before each retry: Mega-API's {@code Retry-After} when it gave one, otherwise exponential backoff with jitter
 * (the n-th retry waits a random time between half and all of {@code delay * 2^(n-1)}, at most {@link #MAX_DELAY}).
 * Never past the point where an attempt still fits before the deadline. One instance per logout; the random draws come
 * from {@link Jitter}, which a SnapStart restore re-seeds.
 */
// Native image: SmallRye Fault Tolerance creates it by reflection (named in an annotation, not a CDI bean).
@RegisterForReflection
public final class RetryBackoff implements CustomBackoffStrategy {

    static final Duration MAX_DELAY = Duration.ofSeconds(1);

    private long nextDelay;

    @Override
    public void init(long initialDelayInMillis) {
        nextDelay = Math.max(1, initialDelayInMillis);
    }

    @Override
    public synchronized long nextDelayInMillis(Throwable failure) {
        long backoff = Jitter.INSTANCE.between(nextDelay / 2, nextDelay + 1);
        nextDelay = Math.min(nextDelay * 2, MAX_DELAY.toMillis());
        if (!(failure instanceof RetryableFailure retryable)) {
            return backoff;
        }
        long wait = retryable.requestedWait().map(Duration::toMillis).orElse(backoff);
        long fits = retryable.deadline().remaining().minus(RetryableFailure.MIN_ATTEMPT).toMillis();
        return Math.max(0, Math.min(wait, fits));
    }
}
