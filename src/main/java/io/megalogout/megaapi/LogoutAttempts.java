package io.megalogout.megaapi;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

import io.megalogout.error.MegaApiTimeoutException;
import io.megalogout.error.MegaApiUnavailableException;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.logout.LogoutAnswer;

import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;

/**
 * The fault-tolerance policy around one logout, in SmallRye Fault Tolerance's terms (each value can be overridden with
 * {@code quarkus.fault-tolerance."io.megalogout.megaapi.LogoutAttempts/logout".*}). Status reads have their own policy
 * and breaker, {@link StatusAttempts}.
 * <ul>
 * <li>Retry, at most twice, only what {@link RetryableFailure} marks: requests never sent (connection refused, unknown
 * host) and 503 or 429 answers with a {@code Retry-After} that fits the deadline. Waits come from {@link RetryBackoff}.
 * A request that may have reached Mega-API (5xx, timeout or reset after sending) is never sent again.</li>
 * <li>Count attempts in a circuit breaker: when 4 of the last 5 attempts failed on Mega-API's side (unavailable or
 * timed out), no request is sent for 30 seconds, then one trial request decides. Rejections, unknown instances and
 * answers outside the contract are Mega-API answering, not failing.</li>
 * </ul>
 */
@ApplicationScoped
class LogoutAttempts {

    static final String CIRCUIT_BREAKER = "megaapi-logout";
    static final long BREAKER_DELAY = 30;

    private final Exchange exchange;
    private final AnswerReader answers;

    LogoutAttempts(Exchange exchange, AnswerReader answers) {
        this.exchange = exchange;
        this.answers = answers;
    }

    @Retry(maxRetries = 2, delay = 100, delayUnit = ChronoUnit.MILLIS, jitter = 0)
    @RetryWhen(exception = RetryableFailure.Marked.class)
    @CustomBackoff(RetryBackoff.class)
    @BeforeRetry(RetryLog.class)
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 0.8, delay = BREAKER_DELAY, delayUnit = ChronoUnit.SECONDS, successThreshold = 1, failOn = {
            RetryableFailure.class, MegaApiUnavailableException.class,
            MegaApiTimeoutException.class })
    @CircuitBreakerName(CIRCUIT_BREAKER)
    LogoutAnswer logout(InstanceKey key, Deadline deadline, Count sent, BearerToken token) {
        sent.increment();
        return answers.logout(key, exchange.send(Call.LOGOUT, key, deadline, token), deadline);
    }

    /**
     * How many attempts of one call got past the circuit breaker, so that an open breaker can say what was sent. (Used
     * by {@link StatusAttempts} too.)
     */
    static final class Count {

        private int value;

        void increment() {
            value++;
        }

        int value() {
            return value;
        }
    }
}
