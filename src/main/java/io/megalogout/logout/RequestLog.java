package io.megalogout.logout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.megalogout.error.LogoutFailure;
import io.megalogout.logout.event.LogoutEvent;
import io.megalogout.logout.event.Mode;

/**
 * The record of each request, whatever the door: exactly one line with request id, instance key, mode, outcome,
 * upstream status, status reads, duration and caller (and the client's address and own request id when the door has
 * them), also when the input is rejected or the door refused it: a refusal's line is its audit record. A bulk writes one
 * line per distinct key, and an SQS batch one per message or key: the same request id, told apart by {@code bulk} and
 * {@code messageId} ({@link Origin}). A value that is not plain, and the detail always, is quoted and escaped
 * ({@link LogValue}), so that no text from Mega-API or an event can forge a field or a line. The fields go to the MDC
 * too, as they are, so that the JSON log format carries them as fields (its writer escapes them).
 * Each line also fires a {@link LogoutRecorded} event.
 */
@Singleton
class RequestLog {

    private static final Logger LOG = Logger.getLogger(RequestLog.class);

    private final Event<LogoutRecorded> recorded;

    RequestLog(Event<LogoutRecorded> recorded) {
        this.recorded = recorded;
    }

    /**
     * Reads the request, runs it and writes the line. Failures are rethrown unchanged.
     *
     * @param request reads the key and mode from the door's input, or throws when the input is unusable
     * @param reads the request's status reads, counted whatever the request ends in
     */
    LogoutResult record(Origin origin, Supplier<LogoutRequest> request, StatusReads reads,
            Function<LogoutRequest, LogoutResult> run) {
        Line line = new Line(origin);
        try {
            LogoutRequest valid = request.get();
            line.instanceKey = valid.key().value();
            line.mode = Optional.of(valid.mode());
            LogoutResult result = run.apply(valid);
            line.write(Logger.Level.INFO, result.outcome(), String.valueOf(result.upstreamStatus()), reads.count(), null);
            recorded.fire(new LogoutRecorded(line.caller(), result.outcome(), line.mode, Optional.empty()));
            return result;
        } catch (LogoutFailure failure) {
            failed(line, failure, reads.count());
            throw failure;
        } catch (RuntimeException bug) {
            defect(line, bug, reads.count());
            throw bug;
        }
    }

    /**
     * Reads an event. Only when that fails is a line written (the event's keys will have their own), and the failure
     * rethrown unchanged.
     */
    LogoutEvent read(Origin origin, Supplier<LogoutEvent> event) {
        try {
            return event.get();
        } catch (LogoutFailure failure) {
            failed(new Line(origin), failure, 0);
            throw failure;
        } catch (RuntimeException bug) {
            defect(new Line(origin), bug, 0);
            throw bug;
        }
    }

    /** Writes the line of a request that a door refused before the use case ran. */
    void refused(Origin origin, LogoutFailure failure) {
        Line line = new Line(origin);
        line.instanceKey = failure.instanceKey().orElse("-");
        failed(line, failure, 0);
    }

    /** Not one of our failures: a defect. Still one line, without its message (it could hold anything). */
    private void defect(Line line, RuntimeException bug, int statusReads) {
        line.write(Logger.Level.ERROR, bug.getClass().getSimpleName(), "-", statusReads, null);
        recorded.fire(new LogoutRecorded(line.caller(), LogoutRecorded.FAILED, line.mode, Optional.of(bug.getClass())));
    }

    private void failed(Line line, LogoutFailure failure, int statusReads) {
        String status = failure.upstreamStatus().isPresent() ? String.valueOf(failure.upstreamStatus().getAsInt()) : "-";
        line.write(Logger.Level.WARN, failure.getClass().getSimpleName(), status, statusReads,
                failure.operatorDetail());
        recorded.fire(new LogoutRecorded(line.caller(), LogoutRecorded.FAILED, line.mode, Optional.of(failure.getClass())));
    }

    /** One request's line, filled in as the request is read. */
    private static final class Line {

        private final long started = System.nanoTime();
        private final Origin origin;
        private String instanceKey = "-";
        private Optional<Mode> mode = Optional.empty();

        Line(Origin origin) {
            this.origin = origin;
        }

        String caller() {
            return origin.caller().name();
        }

        void write(Logger.Level level, String outcome, String upstreamStatus, int statusReads, String detail) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("requestId", origin.requestId());
            fields.put("instanceKey", instanceKey);
            fields.put("mode", mode.map(Mode::label).orElse("-"));
            fields.put("outcome", outcome);
            fields.put("upstreamStatus", upstreamStatus);
            fields.put("statusReads", String.valueOf(statusReads));
            fields.put("durationMs", String.valueOf(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
            origin.addTo(fields);
            StringBuilder text = new StringBuilder("logout");
            fields.forEach((name, value) -> text.append(' ').append(name).append('=').append(LogValue.of(value)));
            if (detail != null) {
                text.append(" detail=").append(LogValue.quoted(detail));
            }
            fields.forEach(MDC::put);
            try {
                LOG.log(level, text);
            } finally {
                fields.keySet().forEach(MDC::remove);
            }
        }
    }
}
