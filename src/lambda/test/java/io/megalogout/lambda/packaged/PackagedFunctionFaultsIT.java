package io.megalogout.lambda.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.megaapi.TcpGate;

/**
 * Faults against the deployable artifact under AWS's runtime client, with short Lambda timeouts: the function answers
 * with its own error before Lambda's deadline (production margin, 1 s), retries what it may, and survives a real
 * freeze of its process (SIGSTOP), longer than its connection reuse window, while Mega-API's side of its connections
 * goes silent.
 */
class PackagedFunctionFaultsIT {

    private static final String TOKEN = "packaged-faults-fake-token";
    private static final String EVENT = "{\"instanceKey\":\"demo\"}";
    private static final String OK = "{\"error\":false,\"message\":\"Instance demo disconnected\"}";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Shorter than production's 2 s, so that a freeze past it takes little of the test's time. */
    private static final Duration REUSE_WINDOW = Duration.ofMillis(500);

    private static WireMockServer megaApi;
    private static TcpGate gate;
    private static PackagedFunction function;

    @BeforeAll
    static void startTheFunction() throws Exception {
        megaApi = new WireMockServer(wireMockConfig().dynamicPort());
        megaApi.start();
        gate = new TcpGate(megaApi.port());
        function = PackagedFunction.start(Map.of("MEGAAPI_BASE_URL", "http://localhost:" + gate.port(),
                "MEGAAPI_TOKEN", TOKEN, "MEGAAPI_ALLOW_PLAIN_HTTP", "true", "MEGAAPI_CONNECTION_REUSE_MS",
                String.valueOf(REUSE_WINDOW.toMillis())));
    }

    @BeforeEach
    void resetMegaApi() {
        megaApi.resetAll();
        gate.forward();
    }

    @AfterEach
    void tokenNeverAppearsInTheFunctionOutput() {
        assertThat(function.output()).doesNotContain(TOKEN);
    }

    @AfterAll
    static void stopTheFunction() throws Exception {
        function.close();
        gate.close();
        megaApi.stop();
    }

    @Test
    void cutsABodyTrickledPastTheDeadlineAndAnswersFirst() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"" + "x".repeat(200) + "\"}")
                .withChunkedDribbleDelay(50, 20_000)));

        assertTimedOutBeforeTheDeadline(Duration.ofSeconds(3));
        assertThat(megaApi.getAllServeEvents()).hasSize(1);
    }

    @Test
    void stopsWaitingForHeadersAtTheDeadlineAndAnswersFirst() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK).withFixedDelay(20_000)));

        assertTimedOutBeforeTheDeadline(Duration.ofSeconds(3));
        assertThat(megaApi.getAllServeEvents()).hasSize(1);
    }

    @Test
    void retriesA503WithRetryAfterThatFits() throws Exception {
        megaApi.stubFor(any(anyUrl()).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("ready"));
        megaApi.stubFor(any(anyUrl()).inScenario("busy").whenScenarioStateIs("ready").willReturn(okJson(OK)));

        RuntimeApiStandIn.Outcome outcome = function.invoke(EVENT, Duration.ofSeconds(5));

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.body()).isEqualTo(OK);
        assertThat(megaApi.getAllServeEvents()).hasSize(2);
    }

    @Test
    void doesNotRetryA503WhoseRetryAfterDoesNotFit() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")));

        // 3.5 s less the 1 s margin leaves under 2.5 s when the 503 arrives: a 2 s wait and a 0.5 s attempt do not fit.
        RuntimeApiStandIn.Outcome outcome = function.invoke(EVENT, Duration.ofMillis(3500));

        assertThat(errorType(outcome)).isEqualTo("io.megalogout.error.MegaApiUnavailableException");
        assertThat(megaApi.getAllServeEvents()).hasSize(1);
    }

    @Test
    void logsOutOnceAfterAFreezeDuringWhichItsConnectionsWentSilent() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        assertThat(function.invoke(EVENT).failed()).isFalse();

        function.freeze();
        try {
            gate.strandOpenConnections();
            Thread.sleep(REUSE_WINDOW.multipliedBy(2).toMillis());
        } finally {
            function.thaw();
        }
        int connectionsBefore = gate.connectionsAccepted();
        long strandedBefore = gate.bytesWrittenIntoStrandedConnections();
        RuntimeApiStandIn.Outcome afterThaw = function.invoke(EVENT, Duration.ofSeconds(5));

        assertThat(afterThaw.failed()).as(afterThaw.body()).isFalse();
        assertThat(megaApi.getAllServeEvents()).hasSize(2);
        assertThat(gate.connectionsAccepted() - connectionsBefore).as("a new connection after the freeze").isEqualTo(1);
        assertThat(gate.bytesWrittenIntoStrandedConnections() - strandedBefore)
                .as("bytes written into the connection kept from before the freeze").isZero();
    }

    private static void assertTimedOutBeforeTheDeadline(Duration lambdaTimeout) throws Exception {
        RuntimeApiStandIn.Outcome outcome = function.invoke(EVENT, lambdaTimeout);

        assertThat(errorType(outcome)).isEqualTo("io.megalogout.error.MegaApiTimeoutException");
        assertThat(outcome.answeredAtMs()).as("answered before Lambda's deadline").isLessThan(outcome.deadlineMs());
    }

    private static String errorType(RuntimeApiStandIn.Outcome outcome) throws Exception {
        assertThat(outcome.failed()).as(outcome.body()).isTrue();
        JsonNode error = JSON.readTree(outcome.body());
        assertThat(error.get("errorMessage").asText()).doesNotContain(TOKEN);
        return error.get("errorType").asText();
    }
}
