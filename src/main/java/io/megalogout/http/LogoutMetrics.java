package io.megalogout.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.megalogout.logout.LogoutRecorded;
import io.megalogout.logout.event.Mode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts requests by mode, outcome and error type ({@code megalogout_logouts_total} in Prometheus' terms). Labels are
 * from closed sets (modes, outcomes, our error classes): never an instance key.
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
                .register(registry)
                .increment();
    }
}
