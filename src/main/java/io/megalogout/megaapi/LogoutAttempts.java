package io.megalogout.megaapi;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.logout.LogoutAnswer;
import io.megalogout.megaapi.targets.Target;

import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;

/**
 * The fault-tolerance policy around one logout, in SmallRye Fault Tolerance's terms (the retry's values can be overridden with
 * {@code quarkus.fault-tolerance."io.megalogout.megaapi.LogoutAttempts/logout".retry.*}, the breakers' with
 * {@code megaapi.circuit-breaker.logout.*}). Status reads have their own policy and breakers, {@link StatusAttempts}.
 * <ul>
 * <li>Retry, at most twice, only what {@link RetryableFailure} marks: requests never sent (connection refused, unknown
 * host) and 503 or 429 answers with a {@code Retry-After} that fits the deadline. Waits come from {@link RetryBackoff}.
 * A request that may have reached Mega-API (5xx, timeout or reset after sending) is never sent again.</li>
 * <li>Count each attempt in the circuit breaker of its host ({@link HostBreakers}): when 4 of the last 5 attempts to
 * that host failed on Mega-API's side (unavailable or timed out), no request is sent to it for 30 seconds, then one
 * trial request decides. Rejections, unknown instances, answers outside the contract and 429s (one token throttled)
 * are Mega-API answering, not failing. The breaker is programmatic, not an annotation, because it is one per host.</li>
 * </ul>
 */
@ApplicationScoped
class LogoutAttempts {

    private final Exchange exchange;
    private final AnswerReader answers;
    private final HostBreakers breakers;

    LogoutAttempts(Exchange exchange, AnswerReader answers, HostBreakers breakers) {
        this.exchange = exchange;
        this.answers = answers;
        this.breakers = breakers;
    }

    @Retry(maxRetries = 2, delay = 100, delayUnit = ChronoUnit.MILLIS, jitter = 0)
    @RetryWhen(exception = RetryableFailure.Marked.class)
    @CustomBackoff(RetryBackoff.class)
    @BeforeRetry(RetryLog.class)
    LogoutAnswer logout(InstanceKey key, Deadline deadline, Count sent, Target target) {
        return breakers.attempt(Call.LOGOUT, target.host(), () -> {
            sent.increment();
            return answers.logout(key, exchange.send(Call.LOGOUT, key, deadline, target), deadline);
        });
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
