package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.megalogout.http.Door.event;
import static io.megalogout.megaapi.StatusScenarios.LOGOUT_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * {@code megaapi.propagate-trace-context=true}: each request to Mega-API carries the {@code traceparent} of its own
 * client span. (Off, the default, it carries none: {@link LogoutResourceTracesTest}.)
 */
@QuarkusTest
@TestProfile(TraceContextToMegaApiTest.Propagating.class)
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
@WithTestResource(Spans.class)
class TraceContextToMegaApiTest {

    public static class Propagating implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("megaapi.propagate-trace-context", "true");
        }
    }

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Inject
    InMemorySpanExporter exporter;

    @BeforeEach
    void forgetEarlierSpans() {
        exporter.reset();
    }

    @Test
    void sendsTheClientSpansTraceparentToMegaApiWhenSwitchedOn() {
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/demo/logout")).willReturn(okJson(LOGOUT_ANSWER)));

        Door.logout(event("demo")).statusCode(200);

        SpanData client = Spans.clients(Spans.ofOneRequest(exporter)).getFirst();
        assertThat(megaApi.getAllServeEvents()).singleElement().satisfies(served -> assertThat(
                served.getRequest().getHeader("traceparent"))
                .isEqualTo("00-" + client.getTraceId() + "-" + client.getSpanId() + "-01"));
    }
}
