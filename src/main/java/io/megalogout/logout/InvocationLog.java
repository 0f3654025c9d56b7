package io.megalogout.logout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.megalogout.error.LogoutFailure;
import io.megalogout.megaapi.LogoutResponse;

/**
 * The record of each invocation, whatever the door: exactly one line with request id, instance key, outcome, upstream
 * status and duration, also when the input is rejected. The fields go to the MDC too, so that the JSON log format
 * carries them as fields.
 */
public final class InvocationLog {

    private static final Logger LOG = Logger.getLogger(InvocationLog.class);

    private InvocationLog() {
    }

    /**
     * Reads the key, runs the logout with it and writes the line. Failures are rethrown unchanged.
     *
     * @param key reads the instance key from the door's input, or throws when the input is unusable
     */
    public static LogoutResponse record(String requestId, Supplier<InstanceKey> key,
            Function<InstanceKey, LogoutResponse> logout) {
        long started = System.nanoTime();
        String instanceKey = "-";
        try {
            InstanceKey valid = key.get();
            instanceKey = valid.value();
            LogoutResponse answer = logout.apply(valid);
            String outcome = answer.error() ? "ANSWERED_ERROR" : "LOGGED_OUT";
            write(Logger.Level.INFO, started, requestId, instanceKey, outcome, String.valueOf(answer.status()), null);
            return answer;
        } catch (LogoutFailure failure) {
            String status = failure.upstreamStatus().isPresent() ? String.valueOf(failure.upstreamStatus().getAsInt()) : "-";
            write(Logger.Level.WARN, started, requestId, instanceKey, failure.getClass().getSimpleName(), status,
                    failure.getMessage());
            throw failure;
        } catch (RuntimeException bug) {
            // Not one of our failures: a defect. Still one line, without its message (it could hold anything).
            write(Logger.Level.ERROR, started, requestId, instanceKey, bug.getClass().getSimpleName(), "-", null);
            throw bug;
        }
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
