package io.megalogout.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.megalogout.error.RateLimitedException;
import io.megalogout.error.TooManyLogoutsException;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Each named caller's fair share of this door, so that one customer cannot crowd out the others: at most
 * {@code http.callers.<name>.logouts-per-minute} keys a minute (a bulk's keys each count one, and a bulk that does not
 * fit is refused whole), and at most {@code http.callers.<name>.max-concurrent} of the door's running places at once
 * (by default half of {@link LogoutSlots}' places). The {@code default} caller of {@code http.api-keys} has no share: a
 * single-tenant deployment keeps the whole door.
 * <p>
 * The limit is Bucket4j's (a token bucket refilled greedily, so a minute's keys come back a few at a time, not all at
 * the turn of the minute). SmallRye Fault Tolerance's rate limit, the kept library here otherwise, takes one permit per
 * guarded call: it can neither take a bulk's keys at once nor refuse them all when only some fit, nor say when they
 * would. The places are a JDK {@link Semaphore}: tried, never waited for (the door's own bulkhead does the waiting).
 * Per pod: a Service of N pods lets a caller through N times as often.
 */
@Singleton
class CallerShares {

    static final String PLACES = "quarkus.fault-tolerance.\"io.megalogout.http.LogoutSlots/run\".bulkhead.value";

    private final Map<String, Share> shares;

    @Inject
    CallerShares(Callers callers, @ConfigProperty(name = PLACES, defaultValue = "" + LogoutSlots.IN_FLIGHT) int places) {
        this(callers, places, TimeMeter.SYSTEM_NANOTIME);
    }

    /** @param clock the buckets' clock, a fake one in tests */
    CallerShares(Callers callers, int places, TimeMeter clock) {
        this.shares = callers.shared().stream().collect(Collectors.toUnmodifiableMap(ConfiguredCaller::name,
                caller -> Share.of(caller, Math.max(1, places / 2), clock)));
    }

    /** A share taken: give it back when the request is answered. */
    interface Held extends AutoCloseable {

        /** Gives back the logouts taken, when nothing was sent after all (the door itself was full). */
        void unused();

        /** Gives back the place. */
        @Override
        void close();
    }

    /** What a caller without a share holds. */
    private static final Held NOTHING = new Held() {

        @Override
        public void unused() {
        }

        @Override
        public void close() {
        }
    };

    /**
     * Takes a place and {@code keys} of the caller's logouts for one request, or refuses it with nothing taken.
     *
     * @throws TooManyLogoutsException when the caller holds all its places
     * @throws RateLimitedException when its logouts of the last minute leave fewer than {@code keys}
     */
    Held enter(String caller, int keys) {
        Share share = shares.get(caller);
        if (share == null) {
            return NOTHING;
        }
        if (!share.places().tryAcquire()) {
            throw new TooManyLogoutsException();
        }
        try {
            share.take(keys);
        } catch (RuntimeException refused) {
            share.places().release();
            throw refused;
        }
        return new Held() {

            @Override
            public void unused() {
                share.giveBack(keys);
            }

            @Override
            public void close() {
                share.places().release();
            }
        };
    }

    /** One caller's places, and its bucket of logouts when it has a limit. */
    private record Share(Semaphore places, Optional<Bucket> logouts, long perMinute) {

        static Share of(ConfiguredCaller caller, int defaultPlaces, TimeMeter clock) {
            long perMinute = caller.logoutsPerMinute().orElse(0);
            Optional<Bucket> bucket = caller.logoutsPerMinute().isEmpty() ? Optional.empty()
                    : Optional.of(Bucket.builder().withCustomTimePrecision(clock).addLimit(
                            limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build());
            return new Share(new Semaphore(caller.maxConcurrent().orElse(defaultPlaces)), bucket, perMinute);
        }

        void take(int keys) {
            if (logouts.isEmpty()) {
                return;
            }
            if (keys > perMinute) {
                throw new RateLimitedException(keys, perMinute, null);
            }
            ConsumptionProbe probe = logouts.get().tryConsumeAndReturnRemaining(keys);
            if (!probe.isConsumed()) {
                throw new RateLimitedException(keys, perMinute, Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }

        void giveBack(int keys) {
            logouts.ifPresent(bucket -> bucket.addTokens(keys));
        }
    }
}
