package io.megalogout.megaapi;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.logout.InstanceStatus;
import io.megalogout.megaapi.targets.Target;

import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;

/**
 * The fault-tolerance policy around one status read ({@code GET /rest/instance/{key}}), in SmallRye Fault Tolerance's
 * terms (override the retry with {@code quarkus.fault-tolerance."io.megalogout.megaapi.StatusAttempts/status".retry.*}, the
 * breakers with {@code megaapi.circuit-breaker.status.*}).
 * <ul>
 * <li>Retry, at most twice, what {@link RetryableFailure} marks. A read changes nothing, so {@link Call#STATUS} marks
 * more than a logout's: besides requests never sent and a {@code Retry-After} that fits, any failure on Mega-API's side
 * (5xx, 503 without {@code Retry-After}, a reset, an empty or cut answer, a timeout), as long as an attempt still fits
 * before the deadline. Never 4xx (429 only after its {@code Retry-After}), answers outside the contract, or a failed
 * TLS handshake. Waits come from {@link RetryBackoff}, as for logouts.</li>
 * <li>A circuit breaker of its own per host ({@link HostBreakers}), with the logout's thresholds: status reads failing
 * (a dry run, a confirmed logout's poll) do not pause logouts, and logouts failing do not pause reads. Both talk to
 * one host, so both usually open together.</li>
 * </ul>
 */
@ApplicationScoped
class StatusAttempts {

    private final Exchange exchange;
    private final AnswerReader answers;
    private final HostBreakers breakers;

    StatusAttempts(Exchange exchange, AnswerReader answers, HostBreakers breakers) {
        this.exchange = exchange;
        this.answers = answers;
        this.breakers = breakers;
    }

    @Retry(maxRetries = 2, delay = 100, delayUnit = ChronoUnit.MILLIS, jitter = 0)
    @RetryWhen(exception = RetryableFailure.Marked.class)
    @CustomBackoff(RetryBackoff.class)
    @BeforeRetry(RetryLog.class)
    InstanceStatus status(InstanceKey key, Deadline deadline, LogoutAttempts.Count sent, Target target) {
        return breakers.attempt(Call.STATUS, target.host(), () -> {
            sent.increment();
            return answers.status(key, exchange.send(Call.STATUS, key, deadline, target), deadline);
        });
    }
}
