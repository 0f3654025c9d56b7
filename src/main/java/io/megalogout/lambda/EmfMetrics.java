package io.megalogout.lambda;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.JsonFormatter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.megalogout.error.MegaApiCircuitOpenException;
import io.megalogout.logout.LogoutRecorded;

import io.quarkus.runtime.StartupEvent;

/**
 * The outcome counters of each request line, in CloudWatch's Embedded Metric Format (EMF): CloudWatch reads them from the
 * log line itself, so the function makes no call and needs no SDK, agent or layer. Namespace {@value #NAMESPACE}; every
 * metric by {@value #FUNCTION_NAME}, and {@value #LOGOUTS} also by {@value #FUNCTION_NAME} and {@value #OUTCOME} (the
 * line's outcome: a closed set of our constants and class names, never an instance key, a caller or a message id). The
 * same story as the HTTP door's {@code megalogout_logouts_total}: one count per line, a failure being any line that is
 * not one of {@link LogoutRecorded}'s outcomes.
 * <p>
 * Installed at start-up ({@code lambda.emf-metrics}) around the JSON log's formatter: {@link EmfFormatter}.
 */
@Singleton
public class EmfMetrics {

    public static final String NAMESPACE = "MegaApiLogout";
    public static final String FUNCTION_NAME = "FunctionName";
    public static final String OUTCOME = "Outcome";
    /** Every request line: 1. */
    public static final String LOGOUTS = "Logouts";
    /** 1 for a failed request (the line at WARN or ERROR), 0 otherwise. */
    public static final String FAILURES = "Failures";
    /** 1 for a request refused because a circuit breaker of its host is open, 0 otherwise. */
    public static final String BREAKER_OPEN = "BreakerOpen";
    /** The line's {@code durationMs}. */
    public static final String DURATION = "Duration";
    /** Every metric name the function writes: what the template's alarms and dashboard may use. */
    public static final List<String> METRICS = List.of(LOGOUTS, FAILURES, BREAKER_OPEN, DURATION);

    private static final Set<String> ANSWERED = Set.of(LogoutRecorded.LOGGED_OUT, LogoutRecorded.ANSWERED_ERROR,
            LogoutRecorded.DRY_RUN, LogoutRecorded.ALREADY_DISCONNECTED);
    private static final String BREAKER = MegaApiCircuitOpenException.class.getSimpleName();

    private static final Pattern MILLISECONDS = Pattern.compile("[0-9]{1,18}");
    private static final String HEAD = "\"_aws\":{\"Timestamp\":";

    /** The rest of {@code _aws}, and the function's name. */
    private final String directives;

    EmfMetrics() {
        this(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "-"));
    }

    EmfMetrics(String functionName) {
        this.directives = directives(functionName);
    }

    void install(@Observes StartupEvent start, LambdaConfig config) {
        if (config.emfMetrics()) {
            wrapJsonFormatters(LogContext.getLogContext().getLogger("").getHandlers());
        }
    }

    private void wrapJsonFormatters(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler.getFormatter() instanceof JsonFormatter json) {
                handler.setFormatter(new EmfFormatter(json, this));
            }
            if (handler instanceof ExtHandler parent) {
                wrapJsonFormatters(parent.getHandlers());
            }
        }
    }

    /** The EMF members of one request line: {@code "_aws":{...},"FunctionName":...,"Logouts":1,...}, without braces. */
    String members(long timestampMs, String outcome, String durationMs) {
        boolean failed = !ANSWERED.contains(outcome);
        StringBuilder members = new StringBuilder(HEAD.length() + directives.length() + 120).append(HEAD)
                .append(timestampMs).append(directives).append(",\"").append(OUTCOME).append("\":\"");
        JsonStringEncoder.getInstance().quoteAsString(outcome, members);
        return members.append("\",\"").append(LOGOUTS).append("\":1,\"").append(FAILURES).append("\":")
                .append(failed ? 1 : 0).append(",\"").append(BREAKER_OPEN).append("\":")
                .append(BREAKER.equals(outcome) ? 1 : 0).append(",\"").append(DURATION).append("\":")
                .append(MILLISECONDS.matcher(durationMs).matches() ? durationMs : "0").toString();
    }

    /** After the timestamp: the two metric directives, closing {@code _aws}, then the function's name. */
    private static String directives(String functionName) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeArrayFieldStart("CloudWatchMetrics");
            directive(json, List.of(List.of(FUNCTION_NAME), List.of(FUNCTION_NAME, OUTCOME)), List.of(LOGOUTS));
            directive(json, List.of(List.of(FUNCTION_NAME)), List.of(FAILURES, BREAKER_OPEN, DURATION));
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder directives = new StringBuilder(",").append(text.toString(), 1, text.getBuffer().length())
                .append(",\"").append(FUNCTION_NAME).append("\":\"");
        JsonStringEncoder.getInstance().quoteAsString(functionName, directives);
        return directives.append('"').toString();
    }

    private static void directive(JsonGenerator json, List<List<String>> dimensions, List<String> metrics)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("Namespace", NAMESPACE);
        json.writeArrayFieldStart("Dimensions");
        for (List<String> set : dimensions) {
            json.writeStartArray();
            for (String dimension : set) {
                json.writeString(dimension);
            }
            json.writeEndArray();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("Metrics");
        for (String metric : metrics) {
            json.writeStartObject();
            json.writeStringField("Name", metric);
            json.writeStringField("Unit", metric.equals(DURATION) ? "Milliseconds" : "Count");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
