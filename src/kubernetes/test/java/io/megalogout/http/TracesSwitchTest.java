package io.megalogout.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Traces off unless an OTLP endpoint is given ({@link TracesSwitch}), on plain SmallRye Config. */
class TracesSwitchTest {

    @Test
    void switchesTheSdkOffWithoutAnEndpoint() {
        assertThat(config(Map.of()).getValue(TracesSwitch.SDK_DISABLED, Boolean.class)).isTrue();
    }

    @Test
    void switchesTheSdkOnWithQuarkusEndpoint() {
        assertThat(config(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317"))
                .getValue(TracesSwitch.SDK_DISABLED, Boolean.class)).isFalse();
        assertThat(config(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://collector:4318/v1/traces"))
                .getValue(TracesSwitch.SDK_DISABLED, Boolean.class)).isFalse();
    }

    @Test
    void takesOpenTelemetrysOwnEndpointForQuarkus() {
        SmallRyeConfig config = config(Map.of("otel.exporter.otlp.endpoint", "http://collector:4317"));

        assertThat(config.getValue(TracesSwitch.SDK_DISABLED, Boolean.class)).isFalse();
        assertThat(config.getValue("quarkus.otel.exporter.otlp.endpoint", String.class)).isEqualTo("http://collector:4317");
    }

    @Test
    void prefersQuarkusEndpointToOpenTelemetrys() {
        SmallRyeConfig config = config(Map.of("otel.exporter.otlp.endpoint", "http://other:4317",
                "quarkus.otel.exporter.otlp.endpoint", "http://collector:4317"));

        assertThat(config.getValue("quarkus.otel.exporter.otlp.endpoint", String.class)).isEqualTo("http://collector:4317");
    }

    @Test
    void leavesAnExplicitSettingAlone() {
        assertThat(config(Map.of(TracesSwitch.SDK_DISABLED, "false")).getValue(TracesSwitch.SDK_DISABLED, Boolean.class))
                .isFalse();
        assertThat(config(Map.of(TracesSwitch.SDK_DISABLED, "true", "quarkus.otel.exporter.otlp.endpoint",
                "http://collector:4317")).getValue(TracesSwitch.SDK_DISABLED, Boolean.class)).isTrue();
    }

    @Test
    void takesABlankEndpointForNone() {
        assertThat(config(Map.of("otel.exporter.otlp.endpoint", " ")).getValue(TracesSwitch.SDK_DISABLED, Boolean.class))
                .isTrue();
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        // Quarkus' defaults, as its mappings give them.
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100))
                .withDefaultValue("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317/")
                .withDefaultValue("quarkus.otel.exporter.otlp.traces.endpoint", "http://localhost:4317/")
                .withDefaultValue(TracesSwitch.SDK_DISABLED, "false")
                .withInterceptors(new TracesSwitch()).build();
    }
}
