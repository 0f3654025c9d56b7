package io.megalogout.megaapi;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.megalogout.error.MegaApiCircuitOpenException;
import io.megalogout.error.MegaApiRejectedException;
import io.megalogout.error.MegaApiTokenUnavailableException;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.logout.LogoutAnswer;
import io.megalogout.logout.Upstream;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Mega-API as the use case sees it: one logout, answered or failed with our errors, before the deadline. Retries and
 * the circuit breaker live in {@link LogoutAttempts}, the wire in {@link LogoutExchange}, the meaning of answers in
 * {@link LogoutAnswerReader}, the token in {@link MegaApiToken} and its rotation in {@link TokenRotation}.
 */
@ApplicationScoped
class MegaApi implements Upstream {

    /** Where SmallRye Fault Tolerance reads an override of the breaker's delay (see {@link LogoutAttempts}). */
    static final String BREAKER = "quarkus.fault-tolerance.\"io.megalogout.megaapi.LogoutAttempts/logout\".circuit-breaker.";

    private final LogoutAttempts attempts;
    private final MegaApiToken tokens;
    private final TokenRotation rotation;
    private final CircuitBreakerMaintenance breakers;
    private final Duration logoutTimeout;
    private final Duration breakerPause;

    /** The two breaker values default to the annotation's, which they override. */
    MegaApi(LogoutAttempts attempts, MegaApiToken tokens, TokenRotation rotation, CircuitBreakerMaintenance breakers,
            MegaApiConfig config,
            @ConfigProperty(name = BREAKER + "delay", defaultValue = "" + LogoutAttempts.BREAKER_DELAY) long delay,
            @ConfigProperty(name = BREAKER + "delay-unit", defaultValue = "seconds") ChronoUnit delayUnit) {
        this.attempts = attempts;
        this.tokens = tokens;
        this.rotation = rotation;
        this.breakers = breakers;
        this.logoutTimeout = Duration.ofMillis(config.logoutTimeoutMs());
        this.breakerPause = Duration.of(delay, delayUnit);
    }

    @Override
    public LogoutAnswer logout(InstanceKey key, Deadline deadline) {
        Deadline capped = deadline.atMost(logoutTimeout);
        LogoutAttempts.Count sent = new LogoutAttempts.Count();
        BearerToken token;
        try {
            token = tokens.current(capped);
        } catch (TokenReadException unreadable) {
            throw new MegaApiTokenUnavailableException(key.value(), unreadable.getMessage());
        }
        try {
            return attempt(key, capped, sent, token);
        } catch (MegaApiRejectedException rejected) {
            BearerToken rotated = rotation.replacementFor(key, token, rejected, capped).orElseThrow(() -> rejected);
            return attempt(key, capped, sent, rotated);
        }
    }

    private LogoutAnswer attempt(InstanceKey key, Deadline deadline, LogoutAttempts.Count sent, BearerToken token) {
        try {
            return attempts.logout(key, deadline, sent, token);
        } catch (RetryableFailure lastAttempt) {
            throw lastAttempt.failure();
        } catch (CircuitBreakerOpenException open) {
            throw new MegaApiCircuitOpenException(key.value(), sent.value(), breakerPause);
        }
    }

    @Override
    public Duration timeout() {
        return logoutTimeout;
    }

    @Override
    public boolean paused() {
        return breakers.currentState(LogoutAttempts.CIRCUIT_BREAKER) == CircuitBreakerState.OPEN;
    }
}
