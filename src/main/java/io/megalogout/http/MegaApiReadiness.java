package io.megalogout.http;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.megalogout.logout.Logout;
import io.megalogout.logout.Upstream;

/**
 * Ready when logouts can be sent: the configuration was complete (start-up refuses it otherwise) and the default
 * host's logout circuit breaker is not open. One customer's own host failing pauses only that host, so it never makes
 * the door unready (without a default host, no breaker does); the breakers open now are listed as {@code openBreakers}.
 * The status reads' breaker of the default host is shown too, and does not make the door unready either: plain logouts
 * still go through while it is open. Never calls Mega-API: a probe must not turn into traffic toward it.
 */
@Readiness
@ApplicationScoped
class MegaApiReadiness implements HealthCheck {

    private final Logout logout;
    private final Upstream upstream;

    MegaApiReadiness(Logout logout, Upstream upstream) {
        this.logout = logout;
        this.upstream = upstream;
    }

    @Override
    public HealthCheckResponse call() {
        boolean paused = logout.paused();
        return HealthCheckResponse.named("megaapi").status(!paused)
                .withData("circuitBreaker", paused ? "open" : "closed")
                .withData("statusCircuitBreaker", logout.statusReadsPaused() ? "open" : "closed")
                .withData("openBreakers", String.join(" ", upstream.pausedHosts())).build();
    }
}
