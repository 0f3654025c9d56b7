package io.megalogout.http;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.megalogout.logout.Logout;
import io.megalogout.logout.Upstream;

import io.smallrye.health.api.Wellness;

/**
 * Mega-API's circuit breakers as this pod sees them, for operators and dashboards ({@code /q/health/well}): DOWN while
 * the default host's logout breaker is open (without a default host, never), with the default host's status-read
 * breaker as {@code statusCircuitBreaker} and every breaker open now, of any host, in {@code openBreakers}.
 * <p>
 * Not readiness: an open breaker pauses one host, and this pod still answers for it (503 with {@code Retry-After}) and
 * serves every other host. Unready, every pod would leave the Service at once, since they all see the same host fail;
 * callers would get connection errors instead, and the tenants of healthy hosts would be cut off too. Never calls
 * Mega-API: a probe must not turn into traffic toward it.
 */
@Wellness
@ApplicationScoped
class MegaApiWellness implements HealthCheck {

    private final Logout logout;
    private final Upstream upstream;

    MegaApiWellness(Logout logout, Upstream upstream) {
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
