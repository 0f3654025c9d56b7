package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.megalogout.http.Door.event;
import static io.megalogout.megaapi.StatusScenarios.LOGOUT_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * No OTLP endpoint, as by default (the door's other tests run so too): no spans at all, and a caller's trace context
 * goes no further.
 */
@QuarkusTest
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
class LogoutResourceTracesOffTest {

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Inject
    InMemorySpanExporter exporter;

    @Test
    void tracesNothingWithoutAnEndpoint() {
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/demo/logout")).willReturn(okJson(LOGOUT_ANSWER)));

        Door.withKey(DoorSettingsForTests.KEY).header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .body(event("demo")).post("/logout").then().statusCode(200);

        assertThat(ConfigProvider.getConfig().getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
        assertThat(exporter.getFinishedSpanItems()).isEmpty();
        assertThat(megaApi.getAllServeEvents()).singleElement().satisfies(served -> assertThat(served.getRequest()
                .getHeaders().keys()).doesNotContainAnyElementsOf(List.of("traceparent", "tracestate", "baggage")));
    }
}
