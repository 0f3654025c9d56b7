package io.megalogout.http;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.megalogout.error.InstanceNotAllowedException;
import io.megalogout.error.NotAuthenticatedException;
import io.megalogout.error.RateLimitedException;
import io.megalogout.logout.LogoutRecorded;
import io.megalogout.logout.event.Mode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts requests by mode, outcome, error type and caller ({@code megalogout_logouts_total} in Prometheus' terms), and
 * the refused ones by reason and caller ({@code megalogout_refused_total}: no or a wrong API key, an instance outside
 * the caller's, its logouts per minute used up). Labels are from closed sets (modes, outcomes, our error classes, the
 * configured callers' names, {@code -} when the door could not tell who asked): never an instance key.
 */
@Singleton
class LogoutMetrics {

    private final MeterRegistry registry;

    LogoutMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(@Observes LogoutRecorded recorded) {
        Counter.builder("megalogout.logouts")
                .description("Logout requests by mode, outcome and error type")
                .tag("mode", recorded.mode().map(Mode::label).orElse("none"))
                .tag("outcome", recorded.outcome())
                .tag("error_type", recorded.failure().map(Class::getSimpleName).orElse("none"))
                .tag("caller", recorded.caller())
                .register(registry)
                .increment();
        recorded.failure().flatMap(LogoutMetrics::refusal).ifPresent(reason -> Counter.builder("megalogout.refused")
                .description("Requests (and bulks' keys) refused before anything was sent: by reason and caller")
                .tag("reason", reason)
                .tag("caller", recorded.caller())
                .register(registry)
                .increment());
    }

    /** The problem type of a refusal; empty for another failure. */
    private static Optional<String> refusal(Class<? extends RuntimeException> failure) {
        if (failure == NotAuthenticatedException.class) {
            return Optional.of("unauthorized");
        }
        if (failure == InstanceNotAllowedException.class) {
            return Optional.of("forbidden-instance");
        }
        return failure == RateLimitedException.class ? Optional.of("rate-limited") : Optional.empty();
    }
}
