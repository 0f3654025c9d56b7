package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.megalogout.http.Door.event;
import static io.megalogout.http.Door.logout;
import static io.megalogout.megaapi.StatusScenarios.LOGOUT_ANSWER;
import static io.megalogout.megaapi.StatusScenarios.statusAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.logout.QuickConfirmProfile;
import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The door's traces, exported to memory ({@link Spans}): a server span per request naming its caller and outcome, a
 * client span per request to Mega-API beneath it, a caller's trace continued, nothing secret in any of them, and no
 * trace context sent to Mega-API by default.
 */
@QuarkusTest
@TestProfile(QuickConfirmProfile.class)
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
@WithTestResource(Spans.class)
class LogoutResourceTracesTest {

    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Inject
    InMemorySpanExporter exporter;

    @BeforeEach
    void forgetEarlierSpans() {
        exporter.reset();
    }

    @Test
    void tracesALogoutAsAServerSpanAboveItsClientSpan() {
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/demo/logout")).willReturn(okJson(LOGOUT_ANSWER)));

        logout(event("demo")).statusCode(200);

        List<SpanData> spans = Spans.ofOneRequest(exporter);
        SpanData server = Spans.server(spans);
        assertThat(server.getName()).isEqualTo("POST /logout");
        assertThat(server.getAttributes().get(RequestSpans.CALLER)).isEqualTo("default");
        assertThat(server.getAttributes().get(RequestSpans.OUTCOME)).isEqualTo("LOGGED_OUT");
        assertThat(server.getAttributes().get(RequestSpans.MODE)).isEqualTo("plain");
        assertThat(server.getAttributes().get(STATUS)).isEqualTo(200L);
        assertThat(Spans.clients(spans)).singleElement().satisfies(client -> {
            assertThat(client.getParentSpanId()).isEqualTo(server.getSpanId());
            assertThat(client.getTraceId()).isEqualTo(server.getTraceId());
            assertThat(client.getAttributes().get(URL_FULL)).isEqualTo(megaApi.baseUrl() + "/rest/instance/demo/logout");
            assertThat(client.getAttributes().get(STATUS)).isEqualTo(200L);
        });
    }

    @Test
    void tracesEachAttemptOfARetriedStatusReadAsAClientSpanOfItsOwn() {
        String scenario = "status read retried";
        megaApi.stubFor(get(urlEqualTo("/rest/instance/demo")).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willSetStateTo("read once").willReturn(aResponse().withStatus(503)));
        megaApi.stubFor(get(urlEqualTo("/rest/instance/demo")).inScenario(scenario).whenScenarioStateIs("read once")
                .willReturn(okJson(statusAnswer("connected"))));
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/demo/logout")).inScenario(scenario)
                .whenScenarioStateIs("read once").willSetStateTo("logged out").willReturn(okJson(LOGOUT_ANSWER)));
        megaApi.stubFor(get(urlEqualTo("/rest/instance/demo")).inScenario(scenario).whenScenarioStateIs("logged out")
                .willReturn(okJson(statusAnswer("disconnected"))));

        logout("{\"instanceKey\":\"demo\",\"confirm\":true}").statusCode(200);

        List<SpanData> spans = Spans.ofOneRequest(exporter);
        SpanData server = Spans.server(spans);
        assertThat(server.getAttributes().get(RequestSpans.OUTCOME)).isEqualTo("LOGGED_OUT");
        assertThat(server.getAttributes().get(RequestSpans.MODE)).isEqualTo("confirm");
        assertThat(Spans.clients(spans)).allSatisfy(client -> assertThat(client.getParentSpanId())
                .isEqualTo(server.getSpanId()))
                .extracting(client -> client.getName() + " " + client.getAttributes().get(STATUS))
                .containsExactly("GET /rest/instance/{instanceKey} 503", "GET /rest/instance/{instanceKey} 200",
                        "DELETE /rest/instance/{instanceKey}/logout 200", "GET /rest/instance/{instanceKey} 200");
    }

    @Test
    void tracesARequestWithoutAKeyWithItsOutcomeAndNoClientSpan() {
        Door.withKey("not-" + DoorSettingsForTests.KEY).body(event("demo")).post("/logout").then().statusCode(401);

        assertRefusedWithoutAClientSpan("-", "NotAuthenticatedException", 401);
    }

    @Test
    void tracesAnInstanceOutsideTheCallersWithItsOutcomeAndNoClientSpan() {
        Door.withKey(DoorSettingsForTests.ACME_KEY).body(event("beta-1")).post("/logout").then().statusCode(403);

        assertRefusedWithoutAClientSpan("acme", "InstanceNotAllowedException", 403);
        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void tracesABulksKeysAsClientSpansOfTheRequest() {
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/bulk-1/logout")).willReturn(okJson(LOGOUT_ANSWER)));
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/bulk-2/logout")).willReturn(okJson(LOGOUT_ANSWER)));

        logout("{\"instanceKeys\":[\"bulk-1\",\"bulk-2\"]}").statusCode(200);

        List<SpanData> spans = Spans.ofOneRequest(exporter);
        SpanData server = Spans.server(spans);
        // The keys ran on threads of their own (logout.Turns), with the request's context carried to them.
        assertThat(Spans.clients(spans)).hasSize(2).allSatisfy(client -> {
            assertThat(client.getTraceId()).isEqualTo(server.getTraceId());
            assertThat(client.getParentSpanId()).isEqualTo(server.getSpanId());
        });
        assertThat(Spans.clients(spans)).extracting(client -> client.getAttributes().get(URL_FULL))
                .containsExactlyInAnyOrder(megaApi.baseUrl() + "/rest/instance/bulk-1/logout",
                        megaApi.baseUrl() + "/rest/instance/bulk-2/logout");
        assertThat(server.getAttributes().get(RequestSpans.CALLER)).isEqualTo("default");
        assertThat(server.getAttributes().get(RequestSpans.OUTCOME)).isEqualTo("LOGGED_OUT");
    }

    @Test
    void continuesTheCallersTrace() {
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/demo/logout")).willReturn(okJson(LOGOUT_ANSWER)));
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpanId = "00f067aa0ba902b7";

        Door.withKey(DoorSettingsForTests.KEY).header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body(event("demo")).post("/logout").then().statusCode(200);

        SpanData server = Spans.server(Spans.ofOneRequest(exporter));
        assertThat(server.getTraceId()).isEqualTo(traceId);
        assertThat(server.getParentSpanId()).isEqualTo(callerSpanId);
    }

    @Test
    void sendsNoTraceContextToMegaApi() {
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/demo/logout")).willReturn(okJson(LOGOUT_ANSWER)));

        Door.withKey(DoorSettingsForTests.KEY).header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .header("baggage", "tenant=acme").body(event("demo")).post("/logout").then().statusCode(200);

        assertThat(megaApi.getAllServeEvents()).singleElement().satisfies(served -> assertThat(served.getRequest()
                .getHeaders().keys()).doesNotContainAnyElementsOf(List.of("traceparent", "tracestate", "baggage")));
    }

    /** The one request's server span names the refusal; there is no client span: nothing went to Mega-API. */
    private void assertRefusedWithoutAClientSpan(String caller, String errorType, long status) {
        List<SpanData> spans = Spans.ofOneRequest(exporter);
        SpanData server = Spans.server(spans);
        assertThat(server.getAttributes().get(RequestSpans.CALLER)).isEqualTo(caller);
        assertThat(server.getAttributes().get(RequestSpans.OUTCOME)).isEqualTo("FAILED");
        assertThat(server.getAttributes().get(RequestSpans.ERROR_TYPE)).isEqualTo(errorType);
        assertThat(server.getAttributes().get(STATUS)).isEqualTo(status);
        assertThat(spans).noneMatch(span -> span.getKind() == SpanKind.CLIENT);
    }
}
