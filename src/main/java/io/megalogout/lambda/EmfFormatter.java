package io.megalogout.lambda;

import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The JSON log's formatter, with {@link EmfMetrics}' members added at the top level of each request line (a line with
 * an {@code outcome} in its MDC: only the request log writes one). EMF wants its {@code _aws} object and the metric
 * values at the top level, which Quarkus' JSON format gives only to its static additional fields (MDC fields go into
 * {@code mdc}); so this adds them to the object the JSON formatter wrote, before its closing brace. Every other line is
 * left as it is.
 */
final class EmfFormatter extends ExtFormatter {

    private final ExtFormatter json;
    private final EmfMetrics metrics;

    EmfFormatter(ExtFormatter json, EmfMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public String format(ExtLogRecord record) {
        String line = json.format(record);
        String outcome = record.getMdc("outcome");
        String durationMs = record.getMdc("durationMs");
        int end = line.lastIndexOf('}');
        if (outcome == null || durationMs == null || !line.startsWith("{") || end < 1) {
            return line;
        }
        return line.substring(0, end) + "," + metrics.members(record.getInstant().toEpochMilli(), outcome, durationMs)
                + line.substring(end);
    }

    @Override
    public boolean isCallerCalculationRequired() {
        return json.isCallerCalculationRequired();
    }
}
