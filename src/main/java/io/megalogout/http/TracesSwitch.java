package io.megalogout.http;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Traces are on only where an OTLP endpoint is given. Without one, Quarkus would export to {@code localhost:4317} and
 * log each failed attempt; here {@code quarkus.otel.sdk.disabled} defaults to {@code true} (no spans, no exporter, no
 * {@code traceparent} read or written) unless one of the endpoint settings below is set. A
 * {@code quarkus.otel.sdk.disabled} set anywhere wins. OpenTelemetry's own {@code OTEL_EXPORTER_OTLP_ENDPOINT} and
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, which Quarkus does not read (as the OpenTelemetry Operator injects them),
 * stand for Quarkus' endpoints when those are not set. Registered in
 * {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}; runtime configuration only.
 */
public class TracesSwitch implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    /** Quarkus' endpoint settings, each to OpenTelemetry's own name for it. */
    static final Map<String, String> ENDPOINTS = Map.of(
            "quarkus.otel.exporter.otlp.endpoint", "otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint", "otel.exporter.otlp.traces.endpoint");

    /** The highest ordinal of the sources that hold defaults (SmallRye's, Quarkus' "RunTime Defaults"), not settings. */
    private static final int DEFAULTS = Integer.MIN_VALUE + 100;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (set(value)) {
            return value;
        }
        if (ENDPOINTS.containsKey(name)) {
            ConfigValue own = context.proceed(ENDPOINTS.get(name));
            return set(own) ? own : value;
        }
        if (SDK_DISABLED.equals(name)) {
            // Quarkus' own default endpoint (localhost:4317) is no endpoint given.
            boolean endpoint = ENDPOINTS.entrySet().stream()
                    .flatMap(names -> List.of(names.getKey(), names.getValue()).stream())
                    .map(context::proceed)
                    .anyMatch(given -> set(given) && !given.getValue().isBlank());
            return ConfigValue.builder().withName(name).withValue(String.valueOf(!endpoint))
                    .withConfigSourceName(TracesSwitch.class.getSimpleName()).build();
        }
        return value;
    }

    /** Given by a setting, not a default. */
    private static boolean set(ConfigValue value) {
        return value != null && value.getValue() != null && value.getConfigSourceOrdinal() > DEFAULTS;
    }
}
