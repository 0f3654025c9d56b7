package io.megalogout.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.megalogout.TokenNeverLogged;
import io.megalogout.megaapi.MegaApiStub;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The spans the in-process door exported, held in memory: the tests' span exporter (a CDI bean, which Quarkus uses
 * instead of OTLP), and what the tests read from it. As a test resource, it switches traces on as an operator does,
 * with an endpoint, which the exporter bean stands in for: nothing is sent there. Without it, as by default, the door
 * traces nothing.
 */
public class Spans implements QuarkusTestResourceLifecycleManager {

    /** The phone number in the stub's status answers ({@code user.id}): never in a span. */
    static final String PHONE = "5511999999999";

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://tests-export-spans-to-memory.invalid:4317");
    }

    @Override
    public void stop() {
    }

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }

    /**
     * The spans of one request, once its server span has ended (after the answer went out, so not always before the
     * client has it), oldest first.
     */
    static List<SpanData> ofOneRequest(InMemorySpanExporter exporter) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (exporter.getFinishedSpanItems().stream().noneMatch(span -> span.getKind() == SpanKind.SERVER)
                && System.nanoTime() < until) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the server span", e);
            }
        }
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertThat(spans).filteredOn(span -> span.getKind() == SpanKind.SERVER).hasSize(1);
        assertNothingSecret(spans);
        return spans.stream().sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos())).toList();
    }

    static SpanData server(List<SpanData> spans) {
        return spans.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
    }

    static List<SpanData> clients(List<SpanData> spans) {
        return spans.stream().filter(span -> span.getKind() == SpanKind.CLIENT).toList();
    }

    /** No attribute of a span or of its events holds a token, an API key or the phone number. */
    static void assertNothingSecret(List<SpanData> spans) {
        List<String> values = spans.stream()
                .flatMap(span -> java.util.stream.Stream.concat(span.getAttributes().asMap().values().stream(),
                        span.getEvents().stream().flatMap(event -> event.getAttributes().asMap().values().stream())))
                .map(String::valueOf)
                .toList();
        assertThat(values).isNotEmpty().noneMatch(value -> value.contains(MegaApiStub.TOKEN)
                || value.contains(MegaApiStub.ROTATED_TOKEN) || value.contains(TokenNeverLogged.API_KEY_PREFIX)
                || value.contains(PHONE));
    }
}
