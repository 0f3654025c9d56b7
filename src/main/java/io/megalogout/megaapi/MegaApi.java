package io.megalogout.megaapi;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.megalogout.error.MegaApiCircuitOpenException;
import io.megalogout.error.MegaApiRejectedException;
import io.megalogout.error.MegaApiTokenUnavailableException;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.logout.InstanceStatus;
import io.megalogout.logout.LogoutAnswer;
import io.megalogout.logout.Upstream;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Mega-API as the use case sees it: one logout or one status read, answered or failed with our errors, before the
 * deadline. Retries and the circuit breakers live in {@link LogoutAttempts} and {@link StatusAttempts}, the wire in
 * {@link Exchange}, the meaning of answers in {@link AnswerReader}, the token in {@link MegaApiToken} and its rotation
 * in {@link TokenRotation}.
 */
@ApplicationScoped
class MegaApi implements Upstream {

    /** Where SmallRye Fault Tolerance reads an override of the logout breaker's delay (see {@link LogoutAttempts}). */
    static final String BREAKER = "quarkus.fault-tolerance.\"io.megalogout.megaapi.LogoutAttempts/logout\".circuit-breaker.";
    /** The same for the status reads' breaker (see {@link StatusAttempts}). */
    static final String STATUS_BREAKER = "quarkus.fault-tolerance.\"io.megalogout.megaapi.StatusAttempts/status\".circuit-breaker.";

    private final LogoutAttempts logouts;
    private final StatusAttempts statusReads;
    private final MegaApiToken tokens;
    private final TokenRotation rotation;
    private final CircuitBreakerMaintenance breakers;
    private final URI baseUrl;
    private final Duration logoutTimeout;
    private final Duration logoutPause;
    private final Duration statusPause;

    MegaApi(LogoutAttempts logouts, StatusAttempts statusReads, MegaApiToken tokens, TokenRotation rotation,
            CircuitBreakerMaintenance breakers, MegaApiConfig config, Config overrides) {
        this.logouts = logouts;
        this.statusReads = statusReads;
        this.tokens = tokens;
        this.rotation = rotation;
        this.breakers = breakers;
        this.baseUrl = URI.create(config.baseUrl());
        this.logoutTimeout = Duration.ofMillis(config.logoutTimeoutMs());
        this.logoutPause = pause(overrides, BREAKER, LogoutAttempts.BREAKER_DELAY);
        this.statusPause = pause(overrides, STATUS_BREAKER, StatusAttempts.BREAKER_DELAY);
    }

    @Override
    public LogoutAnswer logout(InstanceKey key, Deadline deadline) {
        return call(Call.LOGOUT, key, deadline, (capped, sent, token) -> logouts.logout(key, capped, sent, token));
    }

    @Override
    public InstanceStatus status(InstanceKey key, Deadline deadline) {
        return call(Call.STATUS, key, deadline, (capped, sent, token) -> statusReads.status(key, capped, sent, token));
    }

    /** The path is the client's own ({@link MegaApiClient#logout}'s annotations), under the configured base URL. */
    @Override
    public String logoutRequest(InstanceKey key) {
        return "DELETE " + UriBuilder.fromUri(baseUrl).path(MegaApiClient.class).path(MegaApiClient.class, "logout")
                .build(key.value());
    }

    private <T> T call(Call call, InstanceKey key, Deadline deadline, Attempt<T> attempt) {
        Deadline capped = deadline.atMost(logoutTimeout);
        LogoutAttempts.Count sent = new LogoutAttempts.Count();
        BearerToken token;
        try {
            token = tokens.current(capped);
        } catch (TokenReadException unreadable) {
            throw new MegaApiTokenUnavailableException(key.value(), unreadable.getMessage());
        }
        try {
            return unwrapped(call, key, sent, () -> attempt.run(capped, sent, token));
        } catch (MegaApiRejectedException rejected) {
            BearerToken rotated = rotation.replacementFor(call, key, token, rejected, capped).orElseThrow(() -> rejected);
            return unwrapped(call, key, sent, () -> attempt.run(capped, sent, rotated));
        }
    }

    private <T> T unwrapped(Call call, InstanceKey key, LogoutAttempts.Count sent, Supplier<T> attempt) {
        try {
            return attempt.get();
        } catch (RetryableFailure lastAttempt) {
            throw lastAttempt.failure();
        } catch (CircuitBreakerOpenException open) {
            throw call == Call.LOGOUT ? new MegaApiCircuitOpenException(key.value(), sent.value(), logoutPause)
                    : MegaApiCircuitOpenException.ofStatusReads(key.value(), sent.value(), statusPause);
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

    @Override
    public boolean statusReadsPaused() {
        return breakers.currentState(StatusAttempts.CIRCUIT_BREAKER) == CircuitBreakerState.OPEN;
    }

    /** A breaker's pause: its delay as configured, which defaults to the annotation's. */
    private static Duration pause(Config overrides, String breaker, long defaultSeconds) {
        long delay = overrides.getOptionalValue(breaker + "delay", Long.class).orElse(defaultSeconds);
        ChronoUnit unit = overrides.getOptionalValue(breaker + "delay-unit", ChronoUnit.class).orElse(ChronoUnit.SECONDS);
        return Duration.of(delay, unit);
    }

    /** One attempt of a call, with the deadline, the count of requests sent and the token to send. */
    @FunctionalInterface
    private interface Attempt<T> {
        T run(Deadline deadline, LogoutAttempts.Count sent, BearerToken token);
    }
}
