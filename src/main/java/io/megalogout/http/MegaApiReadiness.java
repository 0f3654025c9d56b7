package io.megalogout.http;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.megalogout.logout.Logout;

/**
 * Ready when logouts can be sent: the configuration was complete (start-up refuses it otherwise) and the logouts'
 * circuit breaker is not open. The status reads' breaker (dry runs, confirmed logouts) is shown beside it but does not
 * make the door unready: plain logouts still go through while it is open. Never calls Mega-API: a probe must not turn
 * into traffic toward it.
 */
@Readiness
@ApplicationScoped
class MegaApiReadiness implements HealthCheck {

    private final Logout logout;

    MegaApiReadiness(Logout logout) {
        this.logout = logout;
    }

    @Override
    public HealthCheckResponse call() {
        boolean paused = logout.paused();
        return HealthCheckResponse.named("megaapi").status(!paused)
                .withData("circuitBreaker", paused ? "open" : "closed")
                .withData("statusCircuitBreaker", logout.statusReadsPaused() ? "open" : "closed").build();
    }
}
