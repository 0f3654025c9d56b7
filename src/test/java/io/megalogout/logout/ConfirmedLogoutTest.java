package io.megalogout.logout;

import static io.megalogout.logout.FakeUpstream.CONNECTED;
import static io.megalogout.logout.FakeUpstream.DISCONNECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.megalogout.error.LogoutFailure;
import io.megalogout.error.LogoutNotConfirmedException;
import io.megalogout.error.MegaApiRejectedException;
import io.megalogout.error.MegaApiTimeoutException;
import io.megalogout.error.MegaApiUnavailableException;

/**
 * The order of a confirmed logout's calls and when each is made, on a fake ticker: waits of 250 ms doubling up to
 * 2000 ms, and 500 ms left for each read.
 */
class ConfirmedLogoutTest {

    private static final InstanceKey KEY = new InstanceKey("demo");

    private final FakeTicker ticker = new FakeTicker();
    private final FakeUpstream upstream = new FakeUpstream(ticker);
    private final ConfirmedLogout confirmed = new ConfirmedLogout(upstream, new Poll(250, 2000, 500));

    record Poll(long pollInitialDelayMs, long pollMaxDelayMs, long pollMinReadMs) implements ConfirmConfig {
    }

    @Test
    void readsTheStatusThenLogsOutThenReadsAfterWaitsThatDoubleUpToTheMaximum() {
        assertThatThrownBy(() -> logoutBefore(8000)).isInstanceOf(LogoutNotConfirmedException.class)
                .hasMessageContaining("6 status reads in all; the last showed \"connected\"");

        // After the read at 5750 ms, the next wait (2000 ms) would leave 250 ms: less than a read needs.
        assertThat(upstream.calls()).containsExactly("status demo@0", "logout demo@0", "status demo@250",
                "status demo@750", "status demo@1750", "status demo@3750", "status demo@5750");
    }

    @Test
    void readsOnceMoreWhenTheWaitLeavesExactlyTheLeastTimeForARead() {
        assertThatThrownBy(() -> logoutBefore(8250)).isInstanceOf(LogoutNotConfirmedException.class);

        assertThat(upstream.calls()).endsWith("status demo@5750", "status demo@7750");
    }

    @Test
    void leavesTheLongestReadSoFarWhenItIsLongerThanTheLeast() {
        upstream.answerStatusReads(() -> {
            ticker.advance(Duration.ofMillis(1000));
            return CONNECTED;
        });

        assertThatThrownBy(() -> logoutBefore(5500)).isInstanceOf(LogoutNotConfirmedException.class)
                .hasMessageContaining("3 status reads");

        // The read at 2750 ms ends at 3750 ms; after a wait of 1000 ms, 750 ms would be left: enough for the least
        // (500 ms), not for the 1000 ms each read has taken.
        assertThat(upstream.calls()).containsExactly("status demo@0", "logout demo@1000", "status demo@1250",
                "status demo@2750");
    }

    @Test
    void sendsNoReadAfterTheLogoutWhenNotEvenTheFirstWouldFit() {
        assertThatThrownBy(() -> logoutBefore(700)).isInstanceOf(LogoutNotConfirmedException.class)
                .hasMessageContaining("1 status read in all; no time was left for a read after the logout");

        assertThat(upstream.calls()).containsExactly("status demo@0", "logout demo@0");
    }

    @Test
    void answersLoggedOutAtTheFirstReadThatShowsDisconnected() {
        upstream.answerStatusReads(() -> CONNECTED, () -> CONNECTED, () -> DISCONNECTED);

        LogoutResult result = logoutBefore(8000);

        assertThat(result.outcome()).isEqualTo(LogoutRecorded.LOGGED_OUT);
        assertThat(upstream.calls()).containsExactly("status demo@0", "logout demo@0", "status demo@250",
                "status demo@750");
    }

    @Test
    void readsOnceWithoutPollingAfterALogoutAnsweredWithErrorTrue() {
        upstream.answerLogouts(key -> new LogoutAnswer(200, true, "not connected", "{\"error\":true}"));

        assertThatThrownBy(() -> logoutBefore(8000)).isInstanceOf(LogoutNotConfirmedException.class)
                .hasMessageContaining("2 status reads");

        assertThat(upstream.calls()).containsExactly("status demo@0", "logout demo@0", "status demo@250");
    }

    static Stream<LogoutFailure> failuresAnotherReadCouldGetPast() {
        return Stream.of(new MegaApiUnavailableException("demo", "status read", 503, "busy"),
                new MegaApiTimeoutException("demo", "no answer in time"));
    }

    @ParameterizedTest
    @MethodSource("failuresAnotherReadCouldGetPast")
    void goesOnReadingAfterAReadFailsWithUnavailableOrTimeout(LogoutFailure failure) {
        upstream.answerStatusReads(() -> CONNECTED, () -> {
            throw failure;
        }, () -> DISCONNECTED);

        LogoutResult result = logoutBefore(8000);

        assertThat(result.outcome()).isEqualTo(LogoutRecorded.LOGGED_OUT);
        assertThat(upstream.calls()).containsExactly("status demo@0", "logout demo@0", "status demo@250",
                "status demo@750");
    }

    @Test
    void stopsReadingAtAReadThatFailsAnyOtherWay() {
        MegaApiRejectedException rejected = new MegaApiRejectedException("demo", "status read", 401, "bad token");
        upstream.answerStatusReads(() -> CONNECTED, () -> {
            throw rejected;
        }, () -> DISCONNECTED);

        assertThatThrownBy(() -> logoutBefore(8000)).isInstanceOf(LogoutNotConfirmedException.class)
                .hasCause(rejected);

        assertThat(upstream.calls()).containsExactly("status demo@0", "logout demo@0", "status demo@250");
    }

    @Test
    void stopsReadingWhenItsWaitIsInterrupted() {
        ticker.interruptSleep(2);

        assertThatThrownBy(() -> logoutBefore(8000)).isInstanceOf(LogoutNotConfirmedException.class);

        assertThat(upstream.calls()).containsExactly("status demo@0", "logout demo@0", "status demo@250");
        assertThat(Thread.interrupted()).as("the interrupt, kept for the door").isTrue();
    }

    private LogoutResult logoutBefore(long deadlineMillis) {
        Deadline deadline = ticker.deadlineAt(deadlineMillis);
        return confirmed.logout(KEY, new StatusReads(upstream, deadline), deadline);
    }
}
