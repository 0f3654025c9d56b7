package io.megalogout.logout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.megalogout.error.InstanceNotAllowedException;
import io.megalogout.error.InvalidEventException;
import io.megalogout.error.InvalidInstanceKeyException;
import io.megalogout.error.MegaApiRejectedException;
import io.megalogout.error.MegaApiUnavailableException;
import io.megalogout.error.NotAuthenticatedException;
import io.megalogout.error.UpstreamText;
import io.megalogout.logout.event.EventReaders;
import io.megalogout.logout.event.LogoutEventReader;

/**
 * Exactly one line per key and what it ended in, whatever carried it: one key, a bulk (none for the bulk itself) or a
 * queued batch. The keys run one at a time, so that their lines come in order; key {@code b} is rejected by Mega-API,
 * key {@code c}'s logout takes the whole deadline, so that the keys after it are too late.
 */
class RequestLogTest {

    private static final String CALLER = "acme";
    /** Another sender's message in a batch. */
    private static final Caller OTHER = Caller.unscoped("sqs:AROAEXAMPLE:worker");

    /** Held, so that the logging framework keeps the handler's logger. */
    private static final Logger CATEGORY = Logger.getLogger("io.megalogout.logout.RequestLog");

    private static final Caller ACME = Caller.unscoped(CALLER);
    private static final Origin ORIGIN = Origin.of("req-1", ACME);

    /** Mega-API's message that would read as a second outcome if written as it is. */
    private static final String FORGED = "x\" outcome=LOGGED_OUT instanceKey=victim\u2028outcome=LOGGED_OUT\u0085mode=plain";
    private static final List<String> NASTY = List.of("\"", "\\", "=", " ", "outcome=", "outcome=LOGGED_OUT",
            " detail=\"", "\\u2028", "\\\"", "x", "\u00e9", "\n", "\r", "\t", "\u0000", "\u001f", "\u007f", "\u0085",
            "\u009f", "\u2028", "\u2029", "\uD800", "\uDE00", "\uD83D\uDE00");
    /** What a reader could take for the end of a line, and every other control character. */
    private static final String BREAKS_OR_CONTROLS = "[\\p{Cc}\\u2028\\u2029]";

    private final FakeTicker ticker = new FakeTicker();
    private final FakeUpstream upstream = new FakeUpstream(ticker);
    private final RecordingEvent recorded = new RecordingEvent();
    private final RequestLog log = new RequestLog(recorded);
    private final KeyLogout key = new KeyLogout(upstream,
            new ConfirmedLogout(upstream, new ConfirmedLogoutTest.Poll(250, 2000, 500)), log);
    private final BulkLogout bulk = new BulkLogout(key, () -> 1, WorkerContext.NONE);
    private final LogoutEventReader events = EventReaders.upTo(10);
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        CATEGORY.addHandler(capture);
    }

    @BeforeEach
    void rejectBAndLetCTakeTheWholeDeadline() {
        upstream.answerLogouts(instance -> switch (instance.value()) {
            case "b" -> throw new MegaApiRejectedException("b", 401, "bad token");
            case "c" -> {
                ticker.advance(Duration.ofSeconds(1));
                yield FakeUpstream.LOGGED_OUT;
            }
            default -> FakeUpstream.LOGGED_OUT;
        });
    }

    @AfterEach
    void stopListening() {
        CATEGORY.removeHandler(capture);
    }

    @Test
    void writesOneLineForOneKeyAnswered() {
        logout("{\"instanceKey\": \"a\"}");

        assertThat(lines()).containsExactly(
                "INFO logout requestId=req-1 instanceKey=a mode=plain outcome=LOGGED_OUT upstreamStatus=200 statusReads=0 caller="
                        + CALLER);
    }

    @Test
    void writesOneLineForOneKeyThatFailed() {
        assertThatThrownBy(() -> logout("{\"instanceKey\": \"b\"}"))
                .isInstanceOf(MegaApiRejectedException.class);

        assertThat(lines()).containsExactly("WARN logout requestId=req-1 instanceKey=b mode=plain"
                + " outcome=MegaApiRejectedException upstreamStatus=401 statusReads=0 caller=" + CALLER);
    }

    @Test
    void writesOneLineForAnInvalidKey() {
        assertThatThrownBy(() -> logout("{\"instanceKey\": \"a/b\"}")).isInstanceOf(InvalidInstanceKeyException.class);

        assertThat(lines()).containsExactly("WARN logout requestId=req-1 instanceKey=- mode=-"
                + " outcome=InvalidInstanceKeyException upstreamStatus=- statusReads=0 caller=" + CALLER);
    }

    @Test
    void writesOneLineForAnEventItCannotRead() {
        assertThatThrownBy(() -> logout("{\"instanceKey\": 7}")).isInstanceOf(InvalidEventException.class);

        assertThat(lines()).containsExactly("WARN logout requestId=req-1 instanceKey=- mode=-"
                + " outcome=InvalidEventException upstreamStatus=- statusReads=0 caller=" + CALLER);
    }

    @Test
    void writesOneLinePerDistinctKeyOfABulkAndNoneForTheBulk() {
        logout("{\"instanceKeys\": [\"a\", \"b\", \"a/b\", \"a\", \"c\", \"d\"]}");

        assertThat(lines()).containsExactly(
                "INFO logout requestId=req-1 instanceKey=a mode=plain outcome=LOGGED_OUT upstreamStatus=200"
                        + " statusReads=0 caller=" + CALLER + " bulk=1/5",
                "WARN logout requestId=req-1 instanceKey=b mode=plain outcome=MegaApiRejectedException"
                        + " upstreamStatus=401 statusReads=0 caller=" + CALLER + " bulk=2/5",
                "WARN logout requestId=req-1 instanceKey=- mode=- outcome=InvalidInstanceKeyException"
                        + " upstreamStatus=- statusReads=0 caller=" + CALLER + " bulk=3/5",
                "INFO logout requestId=req-1 instanceKey=c mode=plain outcome=LOGGED_OUT upstreamStatus=200"
                        + " statusReads=0 caller=" + CALLER + " bulk=4/5",
                "WARN logout requestId=req-1 instanceKey=d mode=plain outcome=MegaApiTimeoutException"
                        + " upstreamStatus=- statusReads=0 caller=" + CALLER + " bulk=5/5");
        assertThat(recorded.fired()).extracting(LogoutRecorded::outcome).containsExactly(LogoutRecorded.LOGGED_OUT,
                LogoutRecorded.FAILED, LogoutRecorded.FAILED, LogoutRecorded.LOGGED_OUT, LogoutRecorded.FAILED);
    }

    @Test
    void writesOneLinePerKeyOfEachQueuedMessageAndOneForAMessageItCannotRead() {
        QueuedLogouts queued = new QueuedLogouts(events, bulk, log);

        queued.failed("req-1", List.of(new QueuedLogouts.Message("m1", "{\"instanceKeys\": [\"a\", \"b\"]}", ACME),
                new QueuedLogouts.Message("m2", "{\"instanceKey\"", ACME),
                new QueuedLogouts.Message("m3", "{\"instanceKey\": \"a/b\"}", ACME),
                new QueuedLogouts.Message("m4", "{\"instanceKey\": \"c\"}", OTHER),
                new QueuedLogouts.Message("m5", "{\"instanceKey\": \"d\"}", ACME)), ticker.deadlineAt(1000));

        // The messages are all read before any key runs; the keys start round-robin across the messages, so m1's
        // second key, b, comes last, after c has taken the whole deadline.
        assertThat(lines()).containsExactly(
                "WARN logout requestId=req-1 instanceKey=- mode=- outcome=InvalidEventException upstreamStatus=-"
                        + " statusReads=0 caller=" + CALLER + " messageId=m2",
                "INFO logout requestId=req-1 instanceKey=a mode=plain outcome=LOGGED_OUT upstreamStatus=200"
                        + " statusReads=0 caller=" + CALLER + " bulk=1/2 messageId=m1",
                "WARN logout requestId=req-1 instanceKey=- mode=- outcome=InvalidInstanceKeyException"
                        + " upstreamStatus=- statusReads=0 caller=" + CALLER + " messageId=m3",
                "INFO logout requestId=req-1 instanceKey=c mode=plain outcome=LOGGED_OUT upstreamStatus=200"
                        + " statusReads=0 caller=" + OTHER.name() + " messageId=m4",
                "WARN logout requestId=req-1 instanceKey=d mode=plain outcome=MegaApiTimeoutException"
                        + " upstreamStatus=- statusReads=0 caller=" + CALLER + " messageId=m5",
                "WARN logout requestId=req-1 instanceKey=b mode=plain outcome=MegaApiTimeoutException"
                        + " upstreamStatus=- statusReads=0 caller=" + CALLER + " bulk=2/2 messageId=m1");
    }

    @Test
    void refusesAKeyOutsideTheCallersScopeWithItsOwnLineAndSendsNothingForIt() {
        Origin scoped = Origin.of("req-1", new Caller(CALLER, key -> key.value().startsWith("a")));

        for (String mode : List.of("", ", \"dryRun\": true", ", \"confirm\": true")) {
            assertThatThrownBy(() -> logout(scoped, "{\"instanceKey\": \"c\"" + mode + "}"))
                    .isInstanceOf(InstanceNotAllowedException.class).hasMessageContaining("'c'");
        }
        logout(scoped, "{\"instanceKeys\": [\"a\", \"c\"]}");

        assertThat(upstream.calls()).singleElement().asString().startsWith("logout a@");
        assertThat(lines()).containsExactly(
                "WARN logout requestId=req-1 instanceKey=c mode=plain outcome=InstanceNotAllowedException"
                        + " upstreamStatus=- statusReads=0 caller=" + CALLER,
                "WARN logout requestId=req-1 instanceKey=c mode=dryRun outcome=InstanceNotAllowedException"
                        + " upstreamStatus=- statusReads=0 caller=" + CALLER,
                "WARN logout requestId=req-1 instanceKey=c mode=confirm outcome=InstanceNotAllowedException"
                        + " upstreamStatus=- statusReads=0 caller=" + CALLER,
                "INFO logout requestId=req-1 instanceKey=a mode=plain outcome=LOGGED_OUT upstreamStatus=200"
                        + " statusReads=0 caller=" + CALLER + " bulk=1/2",
                "WARN logout requestId=req-1 instanceKey=c mode=plain outcome=InstanceNotAllowedException"
                        + " upstreamStatus=- statusReads=0 caller=" + CALLER + " bulk=2/2");
        assertThat(recorded.fired()).extracting(LogoutRecorded::caller).containsOnly(CALLER);
    }

    @Test
    void writesTheClientAndTheCallersOwnRequestIdAfterTheUsualFields() {
        logout(ORIGIN.from("203.0.113.7", "their-id-1"), "{\"instanceKey\": \"a\"}");

        assertThat(lines()).containsExactly("INFO logout requestId=req-1 instanceKey=a mode=plain outcome=LOGGED_OUT"
                + " upstreamStatus=200 statusReads=0 caller=" + CALLER + " client=203.0.113.7 callerRequestId=their-id-1");
    }

    @Test
    void writesOneLineForARequestTheDoorRefusedBeforeItKnewWhoAsked() {
        Logout logout = new Logout(events, upstream, key, bulk, log);

        logout.refused(Origin.of("req-1", new Caller(LogoutRecorded.NOBODY, key -> false)).from("203.0.113.7", null),
                new NotAuthenticatedException());

        assertThat(lines()).containsExactly("WARN logout requestId=req-1 instanceKey=- mode=-"
                + " outcome=NotAuthenticatedException upstreamStatus=- statusReads=0 caller=- client=203.0.113.7");
        assertThat(upstream.calls()).isEmpty();
    }

    @Test
    void writesAForgedUpstreamMessageInsideItsDetailAsOneOutcomeOnOneLine() {
        // Mega-API's 500 with this message, as the Mega-API client passes it on (ASCII controls already blanked).
        upstream.answerLogouts(instance -> {
            throw new MegaApiUnavailableException(instance.value(), 500, UpstreamText.quoted(FORGED));
        });

        assertThatThrownBy(() -> logout("{\"instanceKey\": \"a\"}")).isInstanceOf(MegaApiUnavailableException.class);

        assertThat(records).hasSize(1);
        String line = records.get(0).getMessage();
        assertThat(line).doesNotContainPattern(BREAKS_OR_CONTROLS);
        assertThat(LogLine.values(line, "outcome")).containsExactly("MegaApiUnavailableException");
        assertThat(LogLine.values(line, "instanceKey")).containsExactly("a");
        assertThat(LogLine.values(line, "detail")).singleElement().asString().endsWith("(HTTP 500: " + FORGED + ")");
    }

    /**
     * Whatever the text in a failure's message, its key, the client's address and its request id: the line is one line,
     * with the usual fields once each and in their places, and each value reads back as it was. Seeded: a failure names
     * its seed and repeats.
     */
    @Test
    void keepsEveryLineOneLineWithItsFieldsWhateverTheTextInIt() {
        Random random = new Random(27);
        for (int i = 0; i < 2_000; i++) {
            String key = nasty(random);
            String client = nasty(random);
            String callerRequestId = nasty(random);
            MegaApiUnavailableException failure = new MegaApiUnavailableException(key, 500, nasty(random));
            records.clear();

            log.refused(ORIGIN.from(client, callerRequestId), failure);

            assertThat(records).hasSize(1);
            String line = records.get(0).getMessage();
            String seen = "line " + i + " of seed 27: " + line;
            assertThat(line).as(seen).doesNotContainPattern(BREAKS_OR_CONTROLS);
            assertThat(LogLine.fields(line)).as(seen).extracting(LogLine.Field::name).containsExactly("logout",
                    "requestId", "instanceKey", "mode", "outcome", "upstreamStatus", "statusReads", "durationMs",
                    "caller", "client", "callerRequestId", "detail");
            assertThat(LogLine.values(line, "outcome")).as(seen).containsExactly("MegaApiUnavailableException");
            assertThat(LogLine.values(line, "instanceKey")).as(seen).containsExactly(key);
            assertThat(LogLine.values(line, "client")).as(seen).containsExactly(client);
            assertThat(LogLine.values(line, "callerRequestId")).as(seen).containsExactly(callerRequestId);
            assertThat(LogLine.values(line, "detail")).as(seen).containsExactly(failure.getMessage());
        }
    }

    /** Up to 12 pieces of text that a log line must survive, or of any other UTF-16 code unit. */
    private static String nasty(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(13); n > 0; n--) {
            int piece = random.nextInt(NASTY.size() + 1);
            text.append(piece < NASTY.size() ? NASTY.get(piece) : String.valueOf((char) random.nextInt(0x10000)));
        }
        return text.toString();
    }

    private LogoutResult logout(String event) {
        return logout(ORIGIN, event);
    }

    private LogoutResult logout(Origin origin, String event) {
        Logout logout = new Logout(events, upstream, key, bulk, log);
        return logout.logout(origin, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                ticker.deadlineAt(1000));
    }

    /** Each line's level and text, without its duration (real time) and the failure's detail. */
    private List<String> lines() {
        return records.stream().map(record -> record.getLevel() + " " + record.getMessage()
                .replaceFirst(" durationMs=\\d+", "").replaceFirst(" detail=\".*\"$", "")).toList();
    }
}
