package io.megalogout.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.megalogout.error.MegaApiRejectedException;
import io.megalogout.logout.QueuedLogouts.Message;
import io.megalogout.logout.event.EventReaders;

/**
 * The order in which a batch's keys start, round-robin across its messages, and which messages fail, on a fake Upstream
 * and a fake clock: one request at a time, so that the calls come in the order the keys start.
 */
class QueuedLogoutsTest {

    private static final Caller SENDER = Caller.unscoped("sqs:AIDAEXAMPLE");

    private final FakeTicker ticker = new FakeTicker();
    private final FakeUpstream upstream = new FakeUpstream(ticker);
    private final RequestLog log = new RequestLog(new RecordingEvent());
    private final QueuedLogouts queued = new QueuedLogouts(EventReaders.upTo(100),
            new BulkLogout(new KeyLogout(upstream,
                    new ConfirmedLogout(upstream, new ConfirmedLogoutTest.Poll(250, 2000, 500)), log), () -> 1,
                    WorkerContext.NONE),
            log);

    @Test
    void sendsTheNextMessagesKeyBeforeTheSecondKeyOfABigBulkAndFailsOnlyTheMessageTheDeadlineCut() {
        // Each of the bulk's keys takes 600 ms; the other message's key answers at once.
        upstream.answerLogouts(key -> {
            if (key.value().startsWith("slow")) {
                ticker.advance(Duration.ofMillis(600));
            }
            return FakeUpstream.LOGGED_OUT;
        });
        String slow = IntStream.rangeClosed(1, 100).mapToObj(i -> "\"slow" + i + "\"")
                .collect(Collectors.joining(",", "{\"instanceKeys\": [", "]}"));

        List<String> failed = queued.failed("req-1",
                List.of(new Message("m1", slow, SENDER), new Message("m2", "{\"instanceKey\": \"solo\"}", SENDER)),
                ticker.deadlineAt(1000));

        assertThat(upstream.calls()).containsExactly("logout slow1@0", "logout solo@600", "logout slow2@600");
        assertThat(failed).containsExactly("m1");
    }

    @Test
    void takesEachMessagesKeysInTurnAndBlamesEachFailureOnItsOwnMessage() {
        upstream.answerLogouts(key -> {
            if (key.value().equals("b")) {
                throw new MegaApiRejectedException("b", 401, "bad token");
            }
            return FakeUpstream.LOGGED_OUT;
        });

        List<String> failed = queued.failed("req-1", List.of(
                new Message("m1", "{\"instanceKeys\": [\"a\", \"b\", \"c\"]}", SENDER),
                new Message("m2", "not json", SENDER),
                new Message("m3", "{\"instanceKeys\": [\"d\", \"e\"]}", SENDER),
                new Message("m4", "{\"instanceKey\": \"f\"}", SENDER)), ticker.deadlineAt(1000));

        assertThat(upstream.calls()).containsExactly("logout a@0", "logout d@0", "logout f@0", "logout b@0",
                "logout e@0", "logout c@0");
        // b is the batch's fourth key to start, and m1's: not m3's, as the fourth in message order would be.
        assertThat(failed).containsExactly("m1", "m2");
    }
}
