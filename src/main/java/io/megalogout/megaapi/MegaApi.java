package io.megalogout.megaapi;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.megalogout.error.MegaApiCircuitOpenException;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;

/**
 * Mega-API as the use case sees it: one logout, answered or failed with our errors, before the deadline. Retries and
 * the circuit breaker live in {@link LogoutAttempts}, the wire in {@link LogoutExchange}, the meaning of answers in
 * {@link LogoutAnswerReader}.
 */
@ApplicationScoped
public class MegaApi {

    private final LogoutAttempts attempts;
    private final Duration logoutTimeout;

    MegaApi(LogoutAttempts attempts, MegaApiConfig config) {
        this.attempts = attempts;
        this.logoutTimeout = Duration.ofMillis(config.logoutTimeoutMs());
    }

    public LogoutResponse logout(InstanceKey key, Deadline deadline) {
        LogoutAttempts.Count sent = new LogoutAttempts.Count();
        try {
            return attempts.logout(key, deadline.atMost(logoutTimeout), sent);
        } catch (RetryableFailure lastAttempt) {
            throw lastAttempt.failure();
        } catch (CircuitBreakerOpenException open) {
            throw new MegaApiCircuitOpenException(key.value(), sent.value());
        }
    }
}
