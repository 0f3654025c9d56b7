package io.megalogout.logout;

import java.time.Duration;
import java.util.Set;

import jakarta.inject.Singleton;

import io.megalogout.error.LogoutFailure;
import io.megalogout.error.LogoutNotConfirmedException;
import io.megalogout.error.MegaApiTimeoutException;
import io.megalogout.error.MegaApiUnavailableException;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * A confirmed logout ({@code "confirm": true}): reads the status first and sends no logout for an instance that is
 * already disconnected; otherwise sends the one logout, then reads the status again, waiting longer before each read
 * (doubling, capped), until it reads {@code "disconnected"} or the next read could not finish before the deadline. Only
 * {@code "disconnected"} counts. A logout answered with {@code "error": true} gets one read after it, no poll.
 * <p>
 * A read after the logout that fails with Mega-API unavailable or late counts as one more read that did not show the
 * instance disconnected; any other failure (rejected, unknown, outside the contract, paused) ends the poll at once.
 * Either way a logout that was sent and not confirmed ends in {@link LogoutNotConfirmedException}.
 */
@Singleton
class ConfirmedLogout {

    private final Upstream upstream;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration minRead;

    ConfirmedLogout(Upstream upstream, ConfirmConfig config) {
        if (config.pollInitialDelayMs() <= 0 || config.pollMinReadMs() <= 0
                || config.pollMaxDelayMs() < config.pollInitialDelayMs()) {
            throw new ConfigurationException("confirm.poll-initial-delay-ms and confirm.poll-min-read-ms must be greater"
                    + " than 0, and confirm.poll-max-delay-ms at least confirm.poll-initial-delay-ms",
                    Set.of("confirm.poll-initial-delay-ms", "confirm.poll-max-delay-ms", "confirm.poll-min-read-ms"));
        }
        this.upstream = upstream;
        this.initialDelay = Duration.ofMillis(config.pollInitialDelayMs());
        this.maxDelay = Duration.ofMillis(config.pollMaxDelayMs());
        this.minRead = Duration.ofMillis(config.pollMinReadMs());
    }

    LogoutResult logout(InstanceKey key, StatusReads reads, Deadline deadline) {
        InstanceStatus before = reads.read(key);
        if (before.disconnected()) {
            return LogoutResult.alreadyDisconnected(before);
        }
        LogoutAnswer answer = upstream.logout(key, deadline);
        AfterLogout last = AfterLogout.NONE;
        Duration wait = initialDelay;
        while (!last.endsThePoll() && reads.fitAfter(wait, minRead) && pause(deadline.ticker(), wait)) {
            last = read(key, reads);
            if (last.disconnected()) {
                return answer.error() ? LogoutResult.alreadyDisconnected(answer, last.status())
                        : LogoutResult.loggedOut(answer, last.status());
            }
            if (answer.error()) {
                break;
            }
            wait = wait.multipliedBy(2).compareTo(maxDelay) < 0 ? wait.multipliedBy(2) : maxDelay;
        }
        throw new LogoutNotConfirmedException(key.value(), answer.status(), answer.error(), answer.message(),
                reads.count(), last.status() == null ? null : last.status().status(), last.failure());
    }

    private static AfterLogout read(InstanceKey key, StatusReads reads) {
        try {
            return new AfterLogout(reads.read(key), null);
        } catch (LogoutFailure failure) {
            return new AfterLogout(null, failure);
        }
    }

    /** Waits before the next read; false if the thread was interrupted (the door is shutting down). */
    private static boolean pause(Ticker ticker, Duration wait) {
        try {
            ticker.sleep(wait);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last status read after the logout: a status, a failure, or neither when none was made. */
    private record AfterLogout(InstanceStatus status, LogoutFailure failure) {

        static final AfterLogout NONE = new AfterLogout(null, null);

        boolean disconnected() {
            return status != null && status.disconnected();
        }

        /** A failure that another read would only repeat. */
        boolean endsThePoll() {
            return failure != null && !(failure instanceof MegaApiUnavailableException)
                    && !(failure instanceof MegaApiTimeoutException);
        }
    }
}
