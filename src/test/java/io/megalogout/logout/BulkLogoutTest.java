package io.megalogout.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.megalogout.error.InvalidInstanceKeyException;
import io.megalogout.error.MegaApiTimeoutException;
import io.megalogout.logout.BulkLogout.Job;
import io.megalogout.logout.event.LogoutEvent;
import io.megalogout.logout.event.Mode;

/**
 * Which requests a bulk makes, how many are in flight at once, and the deadline they share, on a fake Upstream; and its
 * answer, written from its keys' results: every key escaped as JSON requires, each answer as it was given.
 */
class BulkLogoutTest {

    /** Only keeps a broken run from hanging the build: no test waits for time to pass. */
    private static final Duration HANG = Duration.ofSeconds(10);

    /**
     * A quote, a backslash, a slash, control characters, a letter outside ASCII, one outside the BMP, and a lone
     * surrogate (an event can write one as an escape). The quote, the backslash and the control characters are escaped;
     * the rest pass as they are.
     */
    private static final String ODD_KEY = "a\"b\\c/d\n\t\u0000\u001f\u00e9\uD83D\uDE00\uD800";
    private static final String ODD_KEY_AS_JSON = "a\\\"b\\\\c/d\\n\\t\\u0000\\u001F\u00e9\uD83D\uDE00\uD800";

    private final FakeTicker ticker = new FakeTicker();
    private final FakeUpstream upstream = new FakeUpstream(ticker);

    @Test
    void makesOneRequestPerDistinctKeyInTheOrderOfItsFirstMention() {
        Origin origin = Origin.of("req-1", Caller.unscoped("acme"));

        List<Job> jobs = BulkLogout.jobs(origin, new LogoutEvent(List.of("b", "a", "b", "c", "a"), true, Mode.DRY_RUN));

        assertThat(jobs).containsExactly(new Job(origin.inBulk(1, 3), "b", Mode.DRY_RUN),
                new Job(origin.inBulk(2, 3), "a", Mode.DRY_RUN), new Job(origin.inBulk(3, 3), "c", Mode.DRY_RUN));
    }

    @Test
    void hasTheConcurrencyInFlightAndNeverMore() throws InterruptedException {
        int concurrency = 3;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        BlockingQueue<String> arrived = new LinkedBlockingQueue<>();
        Semaphore answers = new Semaphore(0);
        upstream.answerLogouts(key -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            arrived.add(key.value());
            try {
                if (!answers.tryAcquire(HANG.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("the test never answered " + key);
                }
                return FakeUpstream.LOGGED_OUT;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                inFlight.decrementAndGet();
            }
        });
        List<String> keys = List.of("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8");
        AtomicReference<List<KeyResult>> results = new AtomicReference<>();
        Thread run = Thread.ofVirtual().start(() -> results.set(bulk(concurrency).run(jobs(keys), Deadline.none())));

        // No call is answered before the first three have all arrived: they are in flight together.
        for (int i = 0; i < concurrency; i++) {
            assertThat(arrived.poll(HANG.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
        }
        answers.release(keys.size());

        assertThat(run.join(HANG)).isTrue();
        assertThat(results.get()).noneMatch(KeyResult::failed);
        assertThat(most).hasValue(concurrency);
        assertThat(upstream.calls()).hasSize(keys.size());
    }

    @Test
    void sendsNothingForTheKeysWhoseTurnComesAfterTheSharedDeadline() {
        upstream.answerLogouts(key -> {
            ticker.advance(Duration.ofMillis(600));
            return FakeUpstream.LOGGED_OUT;
        });

        List<KeyResult> results = bulk(1).run(jobs(List.of("a", "b", "c", "d")), ticker.deadlineAt(1000));

        assertThat(upstream.calls()).containsExactly("logout a@0", "logout b@600");
        assertThat(results).extracting(KeyResult::instanceKey).containsExactly("a", "b", "c", "d");
        assertThat(results).extracting(KeyResult::failed).containsExactly(false, false, true, true);
        assertThat(results.get(2).failure()).isInstanceOf(MegaApiTimeoutException.class)
                .hasMessage("Mega-API did not answer in time for instance 'c': nothing was sent: the deadline came"
                        + " before its turn (bulk.concurrency: 1 requests at a time)");
    }

    private BulkLogout bulk(int concurrency) {
        RequestLog log = new RequestLog(new RecordingEvent());
        ConfirmedLogout confirmed = new ConfirmedLogout(upstream, new ConfirmedLogoutTest.Poll(250, 2000, 500));
        return new BulkLogout(new KeyLogout(upstream, confirmed, log), () -> concurrency, WorkerContext.NONE);
    }

    private static List<Job> jobs(List<String> keys) {
        return BulkLogout.jobs(Origin.of("req-1", Caller.unscoped("acme")), new LogoutEvent(keys, true, Mode.PLAIN));
    }

    @Test
    void escapesAKeyThatBrokeTheRulesAndItsMessage() {
        String answer = BulkLogout.answer(List.of(KeyResult.failed(ODD_KEY,
                new InvalidInstanceKeyException("\"" + ODD_KEY + "\" has characters outside A-Z"))));

        assertThat(answer).isEqualTo("{\"results\":[{\"instanceKey\":\"" + ODD_KEY_AS_JSON + "\",\"errorType\":"
                + "\"io.megalogout.error.InvalidInstanceKeyException\",\"errorMessage\":\"Invalid instanceKey: \\\""
                + ODD_KEY_AS_JSON + "\\\" has characters outside A-Z\"}]}");
    }

    @Test
    void passesEachAnswerOnAsItWasGivenInTheKeysOrder() {
        String sent = "{ \"error\" : false,\n\"message\" : \"Instance a disconnected \\u00e9\" }";
        String notConnected = "{\"error\":true,\"message\":\"not connected\"}";

        String answer = BulkLogout.answer(List.of(KeyResult.answered("a", plain(false, sent)),
                KeyResult.answered("b", plain(true, notConnected))));

        assertThat(answer).isEqualTo("{\"results\":[{\"instanceKey\":\"a\",\"logout\":" + sent + "},"
                + "{\"instanceKey\":\"b\",\"logout\":" + notConnected + "}]}");
    }

    @Test
    void namesADefectWithoutPassingItsMessageOn() {
        String answer = BulkLogout.answer(List.of(KeyResult.failed("a", new IllegalStateException("token=abc"))));

        assertThat(answer).isEqualTo("{\"results\":[{\"instanceKey\":\"a\",\"errorType\":"
                + "\"java.lang.IllegalStateException\",\"errorMessage\":\"an unexpected failure (a defect); its log"
                + " line names it\"}]}");
    }

    private static LogoutResult plain(boolean error, String json) {
        return LogoutResult.plain(new LogoutAnswer(200, error, "as in the JSON", json));
    }
}
