package io.megalogout.megaapi;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.megalogout.error.MegaApiTimeoutException;
import io.megalogout.error.MegaApiUnavailableException;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;

/**
 * A circuit breaker per Mega-API host and per call (logout, status read), so that one customer's dead host pauses only
 * the calls to that host. Each is SmallRye Fault Tolerance's own (programmatic API), named
 * {@code megaapi-logout:<scheme://host[:port]>} or {@code megaapi-status:...}, made on the host's first call and kept.
 * An attempt runs inside its host's breaker, inside the retry of {@link LogoutAttempts} or {@link StatusAttempts}, so
 * that each attempt counts. Only failures on Mega-API's side count: rejections, unknown instances, answers outside
 * the contract and 429s are Mega-API answering. An attempt that does not count is a success to the breaker, as in
 * SmallRye Fault Tolerance's {@code skipOn}.
 */
@Singleton
class HostBreakers {

    private final BreakerConfig config;
    private final CircuitBreakerMaintenance maintenance;
    private final Map<String, TypedGuard<Object>> guards = new ConcurrentHashMap<>();

    HostBreakers(BreakerConfig config, CircuitBreakerMaintenance maintenance) {
        this.config = config;
        this.maintenance = maintenance;
    }

    /**
     * Runs one attempt through the breaker of {@code call} to {@code host}.
     *
     * @throws org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException when it is open
     */
    @SuppressWarnings("unchecked")
    <T> T attempt(Call call, String host, Supplier<T> attempt) {
        return (T) guards.computeIfAbsent(name(call, host), name -> guard(settings(call), name)).get(attempt::get);
    }

    /** Whether the breaker of {@code call} to {@code host} is open; a host not called yet has a closed one. */
    boolean isOpen(Call call, String host) {
        String name = name(call, host);
        return guards.containsKey(name) && maintenance.currentState(name) == CircuitBreakerState.OPEN;
    }

    /** The breakers open now, as {@code megaapi-logout:<host>}, sorted. */
    List<String> open() {
        return guards.keySet().stream().filter(name -> maintenance.currentState(name) == CircuitBreakerState.OPEN)
                .sorted().toList();
    }

    /** How long an open breaker of {@code call} pauses its host: the longest a caller waits. */
    Duration pause(Call call) {
        return settings(call).delay();
    }

    /**
     * Whether an attempt's failure counts toward opening its host's breaker: Mega-API unavailable or timed out, retried
     * or not. Not a 429 (with or without {@code Retry-After}): it throttles one token while its host goes on serving the
     * other tenants' tokens, so it must not pause them all. The 429 is still the caller's error, or retried.
     */
    private static boolean countsAsFailure(Throwable failure) {
        Throwable cause = failure instanceof RetryableFailure retryable ? retryable.failure() : failure;
        if (cause instanceof MegaApiUnavailableException unavailable && unavailable.upstreamStatus().orElse(0) == 429) {
            return false;
        }
        return failure instanceof RetryableFailure || failure instanceof MegaApiUnavailableException
                || failure instanceof MegaApiTimeoutException;
    }

    static String name(Call call, String host) {
        return (call == Call.LOGOUT ? "megaapi-logout:" : "megaapi-status:") + host;
    }

    private BreakerConfig.Kind settings(Call call) {
        return call == Call.LOGOUT ? config.logout() : config.status();
    }

    private static TypedGuard<Object> guard(BreakerConfig.Kind settings, String name) {
        return TypedGuard.create(Object.class).withDescription(name).withCircuitBreaker()
                .requestVolumeThreshold(settings.requestVolumeThreshold()).failureRatio(settings.failureRatio())
                .delay(settings.delay().toMillis(), ChronoUnit.MILLIS).successThreshold(settings.successThreshold())
                .when(HostBreakers::countsAsFailure).name(name).done().build();
    }
}
