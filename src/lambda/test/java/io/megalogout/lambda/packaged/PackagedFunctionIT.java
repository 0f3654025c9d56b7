package io.megalogout.lambda.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.megalogout.lambda.EmfMetrics;
import io.megalogout.lambda.Sqs;

/**
 * The deployable artifact as Lambda runs it: {@code target/function.zip} under AWS's own runtime client, in the prod
 * profile, against a Runtime API stand-in and a WireMock Mega-API. Runs in the integration-test phase, after package.
 */
class PackagedFunctionIT {

    private static final String TOKEN = "packaged-fake-token-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LOG_LINE_WAIT = Duration.ofSeconds(10);

    private static WireMockServer megaApi;
    private static PackagedFunction function;

    @BeforeAll
    static void startTheFunction() throws Exception {
        megaApi = new WireMockServer(wireMockConfig().dynamicPort());
        megaApi.start();
        function = PackagedFunction.start(Map.of("MEGAAPI_BASE_URL", megaApi.baseUrl(), "MEGAAPI_TOKEN", TOKEN,
                // WireMock speaks plain http here; prod refuses it unless told so explicitly.
                "MEGAAPI_ALLOW_PLAIN_HTTP", "true"));
    }

    @BeforeEach
    void resetMegaApi() {
        megaApi.resetAll();
    }

    @AfterEach
    void tokenNeverAppearsInTheFunctionOutput() {
        assertThat(function.output()).doesNotContain(TOKEN);
    }

    @AfterAll
    static void stopTheFunction() throws Exception {
        function.close();
        megaApi.stop();
    }

    @Test
    void logsOutAndReturnsMegaApisAnswerUnchanged() throws Exception {
        String answer = "{\"error\":false,\"message\":\"Instance demo disconnected\",\"extra\":1.10}";
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(answer)));

        RuntimeApiStandIn.Outcome outcome = function.invoke("{\"instanceKey\":\"demo\"}");

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.body()).isEqualTo(answer);
        megaApi.verify(1, deleteRequestedFor(urlEqualTo("/rest/instance/demo/logout"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN)));
        assertThat(megaApi.getAllServeEvents()).hasSize(1);
    }

    @Test
    void reportsAnInvalidEventAsInvalidEventExceptionWithoutCallingMegaApi() throws Exception {
        RuntimeApiStandIn.Outcome outcome = function.invoke("{\"instanceKey\": 42}");

        assertThat(outcome.failed()).isTrue();
        JsonNode error = JSON.readTree(outcome.body());
        assertThat(error.get("errorType").asText()).isEqualTo("io.megalogout.error.InvalidEventException");
        assertThat(error.get("errorMessage").asText()).contains("instanceKey is a number");
        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void reportsUpstream401AsMegaApiRejectedException() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":true,\"message\":\"Unauthorized\"}")));

        RuntimeApiStandIn.Outcome outcome = function.invoke("{\"instanceKey\":\"demo\"}");

        JsonNode error = JSON.readTree(outcome.body());
        assertThat(error.get("errorType").asText()).isEqualTo("io.megalogout.error.MegaApiRejectedException");
        assertThat(error.get("errorMessage").asText()).contains("'demo'", "HTTP 401", "Unauthorized");
        assertThat(megaApi.getAllServeEvents()).hasSize(1);
    }

    @Test
    void writesOneJsonLogLineForTheInvocation() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));

        RuntimeApiStandIn.Outcome outcome = function.invoke("{\"instanceKey\":\"json-log\"}");

        JsonNode line = invocationLine(outcome.requestId());
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        JsonNode mdc = line.get("mdc");
        assertThat(mdc.get("instanceKey").asText()).isEqualTo("json-log");
        assertThat(mdc.get("outcome").asText()).isEqualTo("LOGGED_OUT");
        assertThat(mdc.get("mode").asText()).isEqualTo("plain");
        assertThat(mdc.get("upstreamStatus").asText()).isEqualTo("200");
        assertThat(mdc.get("statusReads").asText()).isEqualTo("0");
        assertThat(mdc.get("durationMs").asLong()).isNotNegative();
    }

    @Test
    void writesTheModeAndTheStatusReadsOfADryRunInItsLogLine() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"instance\":{\"status\":\"connected\"}}")));

        RuntimeApiStandIn.Outcome outcome = function.invoke("{\"instanceKey\":\"json-log\",\"dryRun\":true}");

        assertThat(outcome.body()).isEqualTo("{\"dryRun\":true,\"wouldSend\":\"DELETE " + megaApi.baseUrl()
                + "/rest/instance/json-log/logout\",\"instance\":{\"status\":\"connected\"}}");
        JsonNode mdc = invocationLine(outcome.requestId()).get("mdc");
        assertThat(mdc.get("mode").asText()).isEqualTo("dryRun");
        assertThat(mdc.get("outcome").asText()).isEqualTo("DRY_RUN");
        assertThat(mdc.get("statusReads").asText()).isEqualTo("1");
        megaApi.verify(0, deleteRequestedFor(anyUrl()));
    }

    @Test
    void answersAnSqsBatchWithTheMessagesThatFailed() throws Exception {
        megaApi.stubFor(
                delete(urlEqualTo("/rest/instance/ok/logout")).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));
        megaApi.stubFor(
                delete(urlEqualTo("/rest/instance/bulk/logout")).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/down/logout")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":true,\"message\":\"Internal error\"}")));
        String event = Sqs.event("m1", "{\"instanceKey\":\"ok\"}", "m2", "{\"instanceKey\":\"down\"}", "m3", "not json",
                "m4", "{\"instanceKeys\":[\"bulk\",\"bulk\"]}");

        RuntimeApiStandIn.Outcome outcome = function.invoke(event);

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.body()).isEqualTo(Sqs.failures("m2", "m3"));
        for (String key : new String[] { "ok", "down", "bulk" }) {
            megaApi.verify(1, deleteRequestedFor(urlEqualTo("/rest/instance/" + key + "/logout"))
                    .withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN)));
        }
        assertThat(megaApi.getAllServeEvents()).hasSize(3);
    }

    @Test
    void writesEachInvocationsOwnTraceIdInItsLogLine() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));

        RuntimeApiStandIn.Outcome first = function.invoke("{\"instanceKey\":\"traced-1\"}");
        RuntimeApiStandIn.Outcome second = function.invoke("{\"instanceKey\":\"traced-2\"}");

        assertThat(first.traceId()).isNotEqualTo(second.traceId()).matches("1-[0-9a-f]{8}-[0-9a-f]{24}");
        assertThat(invocationLine(first.requestId()).get("mdc").get("traceId").asText()).isEqualTo(first.traceId());
        assertThat(invocationLine(second.requestId()).get("mdc").get("traceId").asText()).isEqualTo(second.traceId());
    }

    @Test
    void writesTheTraceIdInTheLineOfEveryMessageOfAnSqsBatch() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));
        String event = Sqs.event("t1", "{\"instanceKey\":\"traced-a\"}", "t2", "not json", "t3",
                "{\"instanceKeys\":[\"traced-b\",\"traced-c\"]}");

        RuntimeApiStandIn.Outcome outcome = function.invoke(event);

        List<JsonNode> lines = invocationLines(outcome.requestId(), 4);
        assertThat(lines).extracting(line -> line.get("mdc").get("messageId").asText())
                .containsExactlyInAnyOrder("t1", "t2", "t3", "t3");
        assertThat(lines).extracting(line -> line.get("mdc").get("traceId").asText()).containsOnly(outcome.traceId());
    }

    @Test
    void writesTheOutcomeCountersOfEachLineInEmbeddedMetricFormat() throws Exception {
        megaApi.stubFor(
                delete(urlEqualTo("/rest/instance/emf-ok/logout")).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/emf-unknown/logout")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":true,\"message\":\"no\"}")));

        JsonNode ok = invocationLine(function.invoke("{\"instanceKey\":\"emf-ok\"}").requestId());
        JsonNode unknown = invocationLine(function.invoke("{\"instanceKey\":\"emf-unknown\"}").requestId());

        JsonNode aws = ok.get("_aws");
        assertThat(aws.get("Timestamp").asLong()).isPositive();
        List<String> written = new ArrayList<>();
        for (JsonNode directive : aws.get("CloudWatchMetrics")) {
            assertThat(directive.get("Namespace").asText()).isEqualTo(EmfMetrics.NAMESPACE);
            for (JsonNode dimensions : directive.get("Dimensions")) {
                // EMF: every dimension and every metric is a member at the top of the same line.
                dimensions.forEach(dimension -> assertThat(ok.has(dimension.asText())).isTrue());
            }
            directive.get("Metrics").forEach(metric -> written.add(metric.get("Name").asText()));
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(EmfMetrics.METRICS).allMatch(ok::has);
        assertThat(ok.get(EmfMetrics.FUNCTION_NAME).asText()).isEqualTo("megaapi-logout");
        assertThat(ok.get(EmfMetrics.OUTCOME).asText()).isEqualTo("LOGGED_OUT");
        assertThat(ok.get(EmfMetrics.LOGOUTS).asInt()).isEqualTo(1);
        assertThat(ok.get(EmfMetrics.FAILURES).asInt()).isZero();
        assertThat(ok.get(EmfMetrics.DURATION).asLong()).isEqualTo(ok.get("mdc").get("durationMs").asLong());
        assertThat(unknown.get(EmfMetrics.OUTCOME).asText()).isEqualTo("UnknownInstanceException");
        assertThat(unknown.get(EmfMetrics.FAILURES).asInt()).isEqualTo(1);
        assertThat(unknown.get(EmfMetrics.BREAKER_OPEN).asInt()).isZero();
    }

    @Test
    void writesNoMetricsWhenSwitchedOff() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));
        try (PackagedFunction plain = PackagedFunction.start(Map.of("MEGAAPI_BASE_URL", megaApi.baseUrl(), "MEGAAPI_TOKEN",
                TOKEN, "MEGAAPI_ALLOW_PLAIN_HTTP", "true", "LAMBDA_EMF_METRICS", "false"))) {

            RuntimeApiStandIn.Outcome outcome = plain.invoke("{\"instanceKey\":\"emf-off\"}");

            plain.awaitOutput("instanceKey=emf-off");
            String line = plain.output().lines().filter(text -> text.contains("instanceKey=emf-off")).findFirst()
                    .orElseThrow();
            JsonNode json = JSON.readTree(line);
            assertThat(json.has("_aws")).isFalse();
            assertThat(json.has(EmfMetrics.LOGOUTS)).isFalse();
            assertThat(json.get("mdc").get("traceId").asText()).isEqualTo(outcome.traceId());
        }
    }

    @Test
    void readsTheTokenFromAMountedSecretFile(@TempDir Path secrets) throws Exception {
        // As a Kubernetes Secret volume holds it: one file per key, often with a trailing newline.
        Files.writeString(secrets.resolve("megaapi.token"), "file-fake-token-2\n");
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));
        try (PackagedFunction fromFile = PackagedFunction.start(Map.of("MEGAAPI_BASE_URL", megaApi.baseUrl(),
                "MEGAAPI_ALLOW_PLAIN_HTTP", "true", "SMALLRYE_CONFIG_SOURCE_FILE_LOCATIONS", secrets.toString()))) {

            assertThat(fromFile.invoke("{\"instanceKey\":\"demo\"}").failed()).isFalse();

            megaApi.verify(1, deleteRequestedFor(urlEqualTo("/rest/instance/demo/logout"))
                    .withHeader("Authorization", WireMock.equalTo("Bearer file-fake-token-2")));
            assertThat(fromFile.output()).doesNotContain("file-fake-token-2");
        }
    }

    @Test
    void refusesAPlainHttpBaseUrlInProdWithoutCallingMegaApi() throws Exception {
        try (PackagedFunction insecure = PackagedFunction
                .start(Map.of("MEGAAPI_BASE_URL", megaApi.baseUrl(), "MEGAAPI_TOKEN", TOKEN))) {

            RuntimeApiStandIn.Outcome outcome = insecure.invoke("{\"instanceKey\":\"demo\"}");

            // Quarkus starts during the Lambda init phase, so Lambda reports a failed init; the log says why.
            assertThat(outcome.initFailed()).isTrue();
            assertThat(insecure.output()).contains("ConfigurationException: megaapi.base-url is plain http://")
                    .doesNotContain(TOKEN);
            assertThat(megaApi.getAllServeEvents()).isEmpty();
        }
    }

    /** A token is no longer required at start-up (instances may have their own); a key without one gets nothing sent. */
    @Test
    void refusesAKeyWithoutAnyTokenSendingNothing() throws Exception {
        try (PackagedFunction tokenless = PackagedFunction
                .start(Map.of("MEGAAPI_BASE_URL", megaApi.baseUrl(), "MEGAAPI_ALLOW_PLAIN_HTTP", "true"))) {

            RuntimeApiStandIn.Outcome outcome = tokenless.invoke("{\"instanceKey\":\"demo\"}");

            assertThat(outcome.failed()).isTrue();
            assertThat(outcome.initFailed()).isFalse();
            assertThat(outcome.body()).contains("io.megalogout.error.InstanceNotConfiguredException",
                    "megaapi.token (MEGAAPI_TOKEN");
            assertThat(megaApi.getAllServeEvents()).isEmpty();
        }
    }

    /**
     * The invocation's log line. The function's output is read by another thread, so a line written just before the
     * answer may arrive just after it: wait for it, at most {@link #LOG_LINE_WAIT}.
     */
    private static JsonNode invocationLine(String requestId) throws Exception {
        return invocationLines(requestId, 1).getFirst();
    }

    /** The first {@code count} request lines of the invocation, waiting for them at most {@link #LOG_LINE_WAIT}. */
    private static List<JsonNode> invocationLines(String requestId, int count) throws Exception {
        long giveUp = System.nanoTime() + LOG_LINE_WAIT.toNanos();
        do {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : function.output().split("\n")) {
                if (line.startsWith("{") && line.contains(requestId)) {
                    JsonNode json = JSON.readTree(line);
                    if (json.path("message").asText().startsWith("logout ")) {
                        lines.add(json);
                    }
                }
            }
            if (lines.size() >= count) {
                return lines;
            }
            Thread.sleep(20);
        } while (System.nanoTime() - giveUp < 0);
        throw new AssertionError(count + " JSON log lines expected for request " + requestId + " in:\n" + function.output());
    }
}
