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

/**
 * The record of each request, whatever the door: exactly one line with request id, instance key, outcome, upstream
 * status and duration, also when the input is rejected or the door refused it. The fields go to the MDC too, so that
 * the JSON log format carries them as fields. Each line also fires a {@link LogoutRecorded} event.
 */
@Singleton
class InvocationLog {

    private static final Logger LOG = Logger.getLogger(InvocationLog.class);

    private final Event<LogoutRecorded> recorded;

    InvocationLog(Event<LogoutRecorded> recorded) {
        this.recorded = recorded;
    }

    /**
     * Reads the key, runs the logout with it and writes the line. Failures are rethrown unchanged.
     *
     * @param key reads the instance key from the door's input, or throws when the input is unusable
     */
    LogoutAnswer record(String requestId, Supplier<InstanceKey> key, Function<InstanceKey, LogoutAnswer> logout) {
        long started = System.nanoTime();
        String instanceKey = "-";
        try {
            InstanceKey valid = key.get();
            instanceKey = valid.value();
            LogoutAnswer answer = logout.apply(valid);
            String outcome = answer.error() ? LogoutRecorded.ANSWERED_ERROR : LogoutRecorded.LOGGED_OUT;
            write(Logger.Level.INFO, started, requestId, instanceKey, outcome, String.valueOf(answer.status()), null);
            recorded.fire(new LogoutRecorded(outcome, Optional.empty()));
            return answer;
        } catch (LogoutFailure failure) {
            failed(started, requestId, instanceKey, failure);
            throw failure;
        } catch (RuntimeException bug) {
            // Not one of our failures: a defect. Still one line, without its message (it could hold anything).
            write(Logger.Level.ERROR, started, requestId, instanceKey, bug.getClass().getSimpleName(), "-", null);
            recorded.fire(new LogoutRecorded(LogoutRecorded.FAILED, Optional.of(bug.getClass())));
            throw bug;
        }
    }

    /** Writes the line of a request that a door refused before the use case ran. */
    void refused(String requestId, LogoutFailure failure) {
        failed(System.nanoTime(), requestId, failure.instanceKey().orElse("-"), failure);
    }

    private void failed(long started, String requestId, String instanceKey, LogoutFailure failure) {
        String status = failure.upstreamStatus().isPresent() ? String.valueOf(failure.upstreamStatus().getAsInt()) : "-";
        write(Logger.Level.WARN, started, requestId, instanceKey, failure.getClass().getSimpleName(), status,
                failure.getMessage());
        recorded.fire(new LogoutRecorded(LogoutRecorded.FAILED, Optional.of(failure.getClass())));
    }

    private static void write(Logger.Level level, long started, String requestId, String instanceKey, String outcome,
            String upstreamStatus, String detail) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestId", requestId);
        fields.put("instanceKey", instanceKey);
        fields.put("outcome", outcome);
        fields.put("upstreamStatus", upstreamStatus);
        fields.put("durationMs", String.valueOf(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
        StringBuilder line = new StringBuilder("logout");
        fields.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
        if (detail != null) {
            line.append(" detail=\"").append(detail).append('"');
        }
        fields.forEach(MDC::put);
        try {
            LOG.log(level, line);
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }
}
