package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.megalogout.lambda.EventServer.invoke;
import static io.megalogout.megaapi.StatusScenarios.LOGOUT_ANSWER;
import static io.megalogout.megaapi.StatusScenarios.alwaysAnswers;
import static io.megalogout.megaapi.StatusScenarios.disconnectsAfter;
import static io.megalogout.megaapi.StatusScenarios.instance;
import static io.megalogout.megaapi.StatusScenarios.received;
import static io.megalogout.megaapi.StatusScenarios.statusAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.TokenNeverLogged;
import io.megalogout.logout.BulkProfile;
import io.megalogout.megaapi.InFlight;
import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Bulk events ({@code "instanceKeys"}) through the Lambda door, {@value BulkProfile#CONCURRENCY} requests at a time:
 * one result per distinct key in the order given, each key's failure its own, the requests Mega-API received, the bound
 * seen at its stub, and a batch that runs out of time.
 */
@QuarkusTest
@TestProfile(BulkProfile.class)
@WithTestResource(MegaApiStub.class)
class LogoutFunctionBulkTest {

    private static final String ERRORS = "io.megalogout.error.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Inject
    LogoutFunction function;

    @Test
    void answersEachDistinctKeyOnceInTheOrderGivenWhateverTheOthersEndIn() {
        answers("ok", 200, "{ \"error\" : false, \"message\" : \"Instance ok disconnected\" }");
        answers("gone", 404, "{\"error\":true,\"message\":\"Instance not found\"}");
        answers("down", 500, "{\"error\":true,\"message\":\"Internal error\"}");
        answers("busy", 200, "{\"error\":true,\"message\":\"instance not connected\"}");

        String body = invoke("{\"instanceKeys\":[\"ok\",\"gone\",\"a/b\",\"down\",\"ok\",\"busy\",\"gone\"]}").statusCode(200)
                .extract().asString();

        JsonNode results = read(body).get("results");
        assertThat(field(results, "instanceKey")).containsExactly("ok", "gone", "a/b", "down", "busy");
        assertThat(field(results, "errorType")).containsExactly(null, ERRORS + "UnknownInstanceException",
                ERRORS + "InvalidInstanceKeyException", ERRORS + "MegaApiUnavailableException", null);

        assertThat(body).startsWith("{\"results\":[{\"instanceKey\":\"ok\",\"logout\":{ \"error\" : false, \"message\" :"
                + " \"Instance ok disconnected\" }},{\"instanceKey\":\"gone\",\"errorType\":")
                .endsWith(",{\"instanceKey\":\"busy\",\"logout\":{\"error\":true,\"message\":\"instance not connected\"}}]}");
        assertThat(results.get(1).get("errorMessage").asText()).contains("'gone'", "HTTP 404: Instance not found");
        assertThat(results.get(2).get("errorMessage").asText()).startsWith("Invalid instanceKey: \"a/b\"");
        assertThat(results.get(3).get("errorMessage").asText()).contains("'down'", "HTTP 500: Internal error");
        assertThat(received(megaApi)).containsExactlyInAnyOrder("DELETE /rest/instance/ok/logout",
                "DELETE /rest/instance/gone/logout", "DELETE /rest/instance/down/logout", "DELETE /rest/instance/busy/logout");
        String log = TokenNeverLogged.captured();
        assertThat(log).containsPattern("instanceKey=ok mode=plain outcome=LOGGED_OUT upstreamStatus=200 statusReads=0"
                + " durationMs=\\d+ caller=lambda bulk=1/5\n")
                .containsPattern("instanceKey=gone mode=plain outcome=UnknownInstanceException upstreamStatus=404"
                        + " statusReads=0 durationMs=\\d+ caller=lambda bulk=2/5 detail=")
                .containsPattern("instanceKey=- mode=- outcome=InvalidInstanceKeyException upstreamStatus=- statusReads=0"
                        + " durationMs=\\d+ caller=lambda bulk=3/5 detail=")
                .containsPattern("outcome=MegaApiUnavailableException upstreamStatus=500 statusReads=0 durationMs=\\d+"
                        + " caller=lambda bulk=4/5 detail=")
                .containsPattern("instanceKey=busy mode=plain outcome=ANSWERED_ERROR upstreamStatus=200 statusReads=0"
                        + " durationMs=\\d+ caller=lambda bulk=5/5\n");
    }

    @Test
    void sendsAtMostTheConfiguredNumberOfRequestsAtOnce() {
        List<String> keys = IntStream.rangeClosed(1, 6).mapToObj(i -> "k" + i).toList();
        for (String key : keys) {
            megaApi.stubFor(delete(urlEqualTo("/rest/instance/" + key + "/logout"))
                    .willReturn(okJson("{\"error\":false,\"message\":\"" + key + "\"}").withFixedDelay(300)));
        }

        JsonNode results = read(invoke(bulk(keys)).statusCode(200).extract().asString()).get("results");

        assertThat(field(results, "instanceKey")).containsExactlyElementsOf(keys);
        assertThat(results.findValuesAsText("message")).containsExactlyElementsOf(keys);

        assertThat(received(megaApi)).hasSize(6);
        assertThat(InFlight.most(megaApi)).as("requests in flight at once").isEqualTo(BulkProfile.CONCURRENCY);
    }

    @Test
    void answersBeforeTheDeadlineWithTheKeysThatGotNoTurnNotSent() throws Exception {
        for (String key : List.of("fast1", "fast2", "fast3")) {
            answers(key, 200, "{\"error\":false,\"message\":\"" + key + "\"}");
        }
        for (String key : List.of("slow1", "slow2")) {
            megaApi.stubFor(delete(urlEqualTo("/rest/instance/" + key + "/logout"))
                    .willReturn(okJson("{\"error\":false,\"message\":\"late\"}").withFixedDelay(15_000)));
        }
        // The deadline is 1.5 s away (2.5 s less the 1 s margin). Two workers: fast1, then slow2; slow1. Both slow ones
        // run into the deadline, so fast2 and fast3 never get a turn.
        LambdaContext context = LambdaContext.remaining(Duration.ofMillis(2_500));

        JsonNode results = read(handle(bulk(List.of("fast1", "slow1", "slow2", "fast2", "fast3")), context))
                .get("results");

        assertThat(context.getRemainingTimeInMillis()).as("time left before Lambda's deadline").isPositive();
        assertThat(results.get(0).get("logout").get("message").asText()).isEqualTo("fast1");
        for (int i = 1; i < 5; i++) {
            assertThat(results.get(i).get("errorType").asText()).isEqualTo(ERRORS + "MegaApiTimeoutException");
        }
        assertThat(results.get(3).get("errorMessage").asText()).contains("'fast2'", "nothing was sent");
        assertThat(results.get(4).get("errorMessage").asText()).contains("'fast3'", "nothing was sent");
        assertThat(received(megaApi)).containsExactlyInAnyOrder("DELETE /rest/instance/fast1/logout",
                "DELETE /rest/instance/slow1/logout", "DELETE /rest/instance/slow2/logout");
        assertThat(TokenNeverLogged.captured()).containsPattern("instanceKey=fast3 mode=plain"
                + " outcome=MegaApiTimeoutException upstreamStatus=- statusReads=0 durationMs=\\d+ caller=lambda bulk=5/5 detail=");
    }

    @Test
    void dryRunsEveryKeyWithoutALogout() {
        alwaysAnswers(megaApi, "a", okJson(statusAnswer("connected")));
        alwaysAnswers(megaApi, "b", okJson(statusAnswer("disconnected")));
        String base = ConfigProvider.getConfig().getValue("megaapi.base-url", String.class);

        invoke("{\"instanceKeys\":[\"a\",\"b\"],\"dryRun\":true}").statusCode(200).body(equalTo("{\"results\":["
                + "{\"instanceKey\":\"a\",\"logout\":{\"dryRun\":true,\"wouldSend\":\"DELETE " + base
                + "/rest/instance/a/logout\",\"instance\":" + instance("connected") + "}},"
                + "{\"instanceKey\":\"b\",\"logout\":{\"dryRun\":true,\"wouldSend\":\"DELETE " + base
                + "/rest/instance/b/logout\",\"instance\":" + instance("disconnected") + "}}]}"));

        assertThat(received(megaApi)).containsExactlyInAnyOrder("GET /rest/instance/a", "GET /rest/instance/b");
    }

    @Test
    void confirmsEveryKey() {
        disconnectsAfter(megaApi, "a", LOGOUT_ANSWER, 1);
        alwaysAnswers(megaApi, "b", okJson(statusAnswer("disconnected")));

        invoke("{\"instanceKeys\":[\"a\",\"b\"],\"confirm\":true}").statusCode(200).body(equalTo("{\"results\":["
                + "{\"instanceKey\":\"a\",\"logout\":{\"outcome\":\"LOGGED_OUT\",\"confirmed\":true,\"logout\":"
                + LOGOUT_ANSWER + ",\"instance\":" + instance("disconnected") + "}},"
                + "{\"instanceKey\":\"b\",\"logout\":{\"outcome\":\"ALREADY_DISCONNECTED\",\"confirmed\":true,"
                + "\"instance\":" + instance("disconnected") + "}}]}"));

        assertThat(received(megaApi)).filteredOn(request -> request.endsWith("/a") || request.endsWith("/a/logout"))
                .containsExactly("GET /rest/instance/a", "DELETE /rest/instance/a/logout", "GET /rest/instance/a");
        assertThat(received(megaApi)).filteredOn(request -> request.contains("/b")).containsExactly("GET /rest/instance/b");
    }

    @Test
    void takesAsManyKeysAsTheLimit() {
        List<String> keys = IntStream.rangeClosed(1, 100).mapToObj(i -> "k" + i).toList();
        for (String key : keys) {
            answers(key, 200, "{\"error\":false,\"message\":\"ok\"}");
        }

        JsonNode results = read(invoke(bulk(keys)).statusCode(200).extract().asString()).get("results");

        assertThat(field(results, "instanceKey")).containsExactlyElementsOf(keys);
        assertThat(field(results, "errorType")).containsOnlyNulls();

        assertThat(received(megaApi)).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void refusesMoreKeysThanTheLimitWithNothingSent() {
        List<String> keys = new ArrayList<>(IntStream.rangeClosed(1, 100).mapToObj(i -> "k" + i).toList());
        keys.add("k1");

        invoke(bulk(keys)).statusCode(500).body("errorType", equalTo(ERRORS + "InvalidEventException"))
                .body("errorMessage", equalTo("Invalid event: its instanceKeys has 101 keys, more than bulk.max-keys (100);"
                        + " split it"));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"instanceKeys\":[]}", "{\"instanceKeys\":\"a\"}", "{\"instanceKeys\":null}",
            "{\"instanceKeys\":{\"0\":\"a\"}}", "{\"instanceKeys\":[\"a\",null]}", "{\"instanceKeys\":[\"a\",1]}",
            "{\"instanceKeys\":[[\"a\"]]}", "{\"instanceKeys\":[\"a\",{}]}", "{\"instanceKeys\":[\"a\"],\"instanceKey\":\"a\"}",
            "{\"instanceKey\":\"a\",\"instanceKeys\":[\"b\"]}", "{\"instanceKeys\":[\"a\"],\"instanceKeys\":[\"b\"]}",
            "{\"instancekeys\":[\"a\"]}", "{\"instance_keys\":[\"a\"]}", "{\"InstanceKeys\":[\"a\"]}",
            "{\"instanceKey\":\"a\",\"instance-keys\":[\"b\"]}", "{\"instanceKeys\":[\"a\"],\"dryrun\":true}",
            "{\"instanceKeys\":[\"a\"],\"dryRun\":\"true\"}", "{\"instanceKeys\":[\"a\"],\"dryRun\":true,\"confirm\":true}",
            "{\"instanceKeys\":[\"a\"]} []" })
    void refusesABulkOfAnotherShapeWithNothingSent(String event) {
        invoke(event).statusCode(500).body("errorType", equalTo(ERRORS + "InvalidEventException"))
                .body("errorMessage", startsWith("Invalid event: "));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void answersAnInvalidKeyAloneAsAResultOfItsOwn() {
        JsonNode results = read(invoke("{\"instanceKeys\":[\" a\"]}").statusCode(200).extract().asString())
                .get("results");

        assertThat(field(results, "instanceKey")).containsExactly(" a");
        assertThat(field(results, "errorType")).containsExactly(ERRORS + "InvalidInstanceKeyException");

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    private void answers(String key, int status, String body) {
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/" + key + "/logout")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String bulk(List<String> keys) {
        return keys.stream().map(key -> "\"" + key + "\"").reduce((a, b) -> a + "," + b)
                .map(list -> "{\"instanceKeys\":[" + list + "]}").orElseThrow();
    }

    private String handle(String event, LambdaContext context) throws Exception {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), answer, context);
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** Each result's {@code name}, null where it has none. */
    private static List<String> field(JsonNode results, String name) {
        List<String> values = new ArrayList<>();
        results.forEach(result -> values.add(result.has(name) ? result.get(name).asText() : null));
        return values;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
