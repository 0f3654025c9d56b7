package io.megalogout.megaapi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.megalogout.error.MegaApiCircuitOpenException;
import io.megalogout.error.MegaApiRejectedException;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.logout.InstanceStatus;
import io.megalogout.logout.LogoutAnswer;
import io.megalogout.logout.Upstream;
import io.megalogout.megaapi.connection.LogoutUri;
import io.megalogout.megaapi.targets.Target;
import io.megalogout.megaapi.targets.Targets;
import io.megalogout.megaapi.targets.TokenRotation;

/**
 * Mega-API as the use case sees it: one logout or one status read, answered or failed with our errors, before the
 * deadline, at the instance's own host with its own token ({@link Targets}). Retries live in {@link LogoutAttempts} and
 * {@link StatusAttempts}, the circuit breakers of each host in {@link HostBreakers}, the wire in {@link Exchange}, the
 * meaning of answers in {@link AnswerReader}, and a token's rotation after a 401 in {@link TokenRotation}: when it
 * finds another token, the request is sent once more with it, and a {@code logout retry} line says so.
 */
@ApplicationScoped
class MegaApi implements Upstream {

    private final LogoutAttempts logouts;
    private final StatusAttempts statusReads;
    private final Targets targets;
    private final TokenRotation rotation;
    private final HostBreakers breakers;
    private final Optional<String> defaultHost;
    private final Duration logoutTimeout;

    MegaApi(LogoutAttempts logouts, StatusAttempts statusReads, Targets targets, TokenRotation rotation,
            HostBreakers breakers, MegaApiConfig config) {
        this.logouts = logouts;
        this.statusReads = statusReads;
        this.targets = targets;
        this.rotation = rotation;
        this.breakers = breakers;
        this.defaultHost = targets.defaultHost();
        this.logoutTimeout = Duration.ofMillis(config.logoutTimeoutMs());
    }

    @Override
    public LogoutAnswer logout(InstanceKey key, Deadline deadline) {
        return call(Call.LOGOUT, key, deadline, (capped, sent, target) -> logouts.logout(key, capped, sent, target));
    }

    @Override
    public InstanceStatus status(InstanceKey key, Deadline deadline) {
        return call(Call.STATUS, key, deadline, (capped, sent, target) -> statusReads.status(key, capped, sent, target));
    }

    /**
     * The path is the client's own ({@link LogoutUri}), under the instance's base URL. Found
     * as a logout finds it, within the request's deadline, so a key that could not be logged out (no host, no token)
     * fails here too, and a slow secret cannot hold a dry run past its deadline.
     */
    @Override
    public String logoutRequest(InstanceKey key, Deadline deadline) {
        Target target = targets.of(key, deadline.atMost(logoutTimeout));
        return "DELETE " + LogoutUri.of(target.baseUrl(), key.value());
    }

    private <T> T call(Call call, InstanceKey key, Deadline deadline, Attempt<T> attempt) {
        Deadline capped = deadline.atMost(logoutTimeout);
        LogoutAttempts.Count sent = new LogoutAttempts.Count();
        Target target = targets.of(key, capped);
        try {
            return unwrapped(call, key, target, sent, () -> attempt.run(capped, sent, target));
        } catch (MegaApiRejectedException rejected) {
            // The read must leave an attempt's worth of time for the request it may lead to.
            Deadline read = Deadline.after(capped.remaining().minus(RetryableFailure.MIN_ATTEMPT));
            Target rotated = rotation.replacementFor(key, target, rejected, read).orElseThrow(() -> rejected);
            RetryLog.retrying(key, call, rejected.operatorDetail());
            return unwrapped(call, key, rotated, sent, () -> attempt.run(capped, sent, rotated));
        }
    }

    private <T> T unwrapped(Call call, InstanceKey key, Target target, LogoutAttempts.Count sent, Supplier<T> attempt) {
        try {
            return attempt.get();
        } catch (RetryableFailure lastAttempt) {
            throw lastAttempt.failure();
        } catch (CircuitBreakerOpenException open) {
            Duration pause = breakers.pause(call);
            throw call == Call.LOGOUT ? new MegaApiCircuitOpenException(key.value(), target.host(), sent.value(), pause)
                    : MegaApiCircuitOpenException.ofStatusReads(key.value(), target.host(), sent.value(), pause);
        }
    }

    @Override
    public Duration timeout() {
        return logoutTimeout;
    }

    /** The default host's logouts: one customer's own host failing never makes the whole door look paused. */
    @Override
    public boolean paused() {
        return defaultHost.isPresent() && breakers.isOpen(Call.LOGOUT, defaultHost.get());
    }

    @Override
    public boolean statusReadsPaused() {
        return defaultHost.isPresent() && breakers.isOpen(Call.STATUS, defaultHost.get());
    }

    @Override
    public List<String> pausedHosts() {
        return breakers.open();
    }

    /** One attempt of a call, with the deadline, the count of requests sent and where to send it. */
    @FunctionalInterface
    private interface Attempt<T> {
        T run(Deadline deadline, LogoutAttempts.Count sent, Target target);
    }
}
