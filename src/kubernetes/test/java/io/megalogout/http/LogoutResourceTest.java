package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.megalogout.http.Door.event;
import static io.megalogout.http.Door.logout;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;
import io.megalogout.megaapi.StatusScenarios;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import io.restassured.http.ContentType;

/**
 * The HTTP door from outside: requests over a real socket, Mega-API as a WireMock stub. Each test checks the answer and
 * what Mega-API received. {@link LogoutResourceIT} runs the same tests against the packaged jar.
 */
@QuarkusTest
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
class LogoutResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final String ANSWER = "{ \"message\" : \"instance not connected\", \"error\" : true, \"n\": 1.10 }";

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Test
    void passesMegaApisAnswerThroughByteForByte() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(ANSWER)));

        logout(event("megacode-AbC_123.x")).statusCode(200)
                .contentType(ContentType.JSON)
                .header(RequestIds.HEADER, matchesPattern("[0-9a-f-]{36}"))
                .body(equalTo(ANSWER));

        assertOneLogoutOf("megacode-AbC_123.x");
    }

    @Test
    void answersADryRunWithTheStatusAndSendsNoLogout() {
        StatusScenarios.alwaysAnswers(megaApi, "demo", okJson(StatusScenarios.statusAnswer("connected")));

        logout("{\"instanceKey\":\"demo\",\"dryRun\":true}").statusCode(200)
                .contentType(ContentType.JSON)
                .body(equalTo("{\"dryRun\":true,\"wouldSend\":\"DELETE " + megaApi.baseUrl() + "/rest/instance/demo/logout\","
                        + "\"instance\":" + StatusScenarios.instance("connected") + "}"));

        assertThat(StatusScenarios.received(megaApi)).containsExactly("GET /rest/instance/demo");
    }

    @Test
    void answersAConfirmedLogoutOnceTheStatusReadsDisconnected() {
        StatusScenarios.disconnectsAfter(megaApi, "demo", StatusScenarios.LOGOUT_ANSWER, 1);

        logout("{\"instanceKey\":\"demo\",\"confirm\":true}").statusCode(200)
                .contentType(ContentType.JSON)
                .body(equalTo("{\"outcome\":\"LOGGED_OUT\",\"confirmed\":true,\"logout\":"
                        + StatusScenarios.LOGOUT_ANSWER + ",\"instance\":" + StatusScenarios.instance("disconnected") + "}"));

        assertThat(StatusScenarios.received(megaApi)).containsExactly("GET /rest/instance/demo",
                "DELETE /rest/instance/demo/logout", "GET /rest/instance/demo");
    }

    @Test
    void echoesTheCallersRequestIdWhenItIsSane() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(ANSWER)));

        Door.withKey(DoorSettingsForTests.KEY).header(RequestIds.HEADER, "step-fn:run-42.a_b").body(event("demo"))
                .post("/logout").then().statusCode(200).header(RequestIds.HEADER, "step-fn:run-42.a_b");
        Door.withKey(DoorSettingsForTests.KEY).header(RequestIds.HEADER, "a b <script>").body(event("demo"))
                .post("/logout").then().statusCode(200).header(RequestIds.HEADER, matchesPattern("[0-9a-f-]{36}"));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("not JSON", "{\"instanceKey\":", null, 400, "invalid-event", "InvalidEventException"),
                Arguments.of("key not a string", "{\"instanceKey\":7}", null, 400, "invalid-event",
                        "InvalidEventException"),
                Arguments.of("dryRun not a boolean", "{\"instanceKey\":\"demo\",\"dryRun\":\"true\"}", null, 400,
                        "invalid-event", "InvalidEventException"),
                Arguments.of("dryRun and confirm", "{\"instanceKey\":\"demo\",\"dryRun\":true,\"confirm\":true}", null,
                        400, "invalid-event", "InvalidEventException"),
                Arguments.of("dryRun misspelt", "{\"instanceKey\":\"demo\",\"dry_run\":true}", null, 400,
                        "invalid-event", "InvalidEventException"),
                Arguments.of("path in the key", event("a/b"), null, 400, "invalid-instance-key",
                        "InvalidInstanceKeyException"),
                Arguments.of("upstream 404", event("demo"), aResponse().withStatus(404), 404, "unknown-instance",
                        "UnknownInstanceException"),
                Arguments.of("upstream 401", event("demo"), aResponse().withStatus(401).withBody(
                        "{\"error\":true,\"message\":\"bad token " + MegaApiStub.TOKEN + "\"}"), 502, "megaapi-rejected",
                        "MegaApiRejectedException"),
                Arguments.of("upstream 500", event("demo"), aResponse().withStatus(500), 502, "megaapi-unavailable",
                        "MegaApiUnavailableException"),
                Arguments.of("upstream HTML 200", event("demo"), aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/html").withBody("<html/>"), 502, "megaapi-contract",
                        "MegaApiContractException"),
                Arguments.of("upstream redirect", event("demo"), aResponse().withStatus(302)
                        .withHeader("Location", "https://elsewhere.invalid/"), 502, "megaapi-contract",
                        "MegaApiContractException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void answersEachFailureAsAProblemWithLambdasErrorType(String name, String event, ResponseDefinitionBuilder upstream,
            int status, String type, String errorType) {
        if (upstream != null) {
            megaApi.stubFor(any(anyUrl()).willReturn(upstream));
        }

        logout(event).statusCode(status)
                .contentType(PROBLEM)
                .body("type", equalTo("tag:megalogout.io,2026:problems/" + type))
                .body("status", equalTo(status))
                .body("title", not(nullValue()))
                .body("errorType", equalTo("io.megalogout.error." + errorType))
                .body("instanceKey", upstream == null ? nullValue() : equalTo("demo"))
                .body(not(containsString(MegaApiStub.TOKEN)));

        assertThat(megaApi.getAllServeEvents()).hasSize(upstream == null ? 0 : 1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Bearer", "Bearer ", "Bearer wrong-key-0000000000", "bearer wrong-key-0000000000",
            "Basic dGVzdDp0ZXN0", "Token " + DoorSettingsForTests.KEY, "Bearer " + DoorSettingsForTests.KEY + "x",
            "Bearer  " + DoorSettingsForTests.KEY, DoorSettingsForTests.KEY })
    void refusesAMissingOrWrongApiKeyWithoutCallingMegaApi(String authorization) {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(ANSWER)));

        var request = given().contentType(ContentType.JSON).body(event("demo"));
        (authorization.isEmpty() ? request : request.header("Authorization", authorization)).post("/logout").then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("tag:megalogout.io,2026:problems/unauthorized"))
                .body(not(containsString(DoorSettingsForTests.KEY)));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void acceptsBothKeysOfARotation() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(ANSWER)));

        Door.withKey(DoorSettingsForTests.KEY).body(event("first")).post("/logout").then().statusCode(200);
        Door.withKey(DoorSettingsForTests.ROTATED_KEY).body(event("second")).post("/logout").then().statusCode(200);

        assertThat(megaApi.getAllServeEvents()).hasSize(2);
    }

    @Test
    void refusesABodyOverTheLimitUnread() {
        String big = "{\"instanceKey\":\"demo\",\"pad\":\"" + "x".repeat(17_000) + "\"}";

        logout(big).statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("tag:megalogout.io,2026:problems/content-too-large"));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotJson() {
        Door.withKey(DoorSettingsForTests.KEY).contentType(ContentType.TEXT).body(event("demo")).post("/logout").then()
                .statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("tag:megalogout.io,2026:problems/unsupported-media-type"));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesOtherMethods() {
        Door.withKey(DoorSettingsForTests.KEY).get("/logout").then()
                .statusCode(405).contentType(PROBLEM).header("Allow", "POST");
        Door.withKey(DoorSettingsForTests.KEY).body(event("demo")).delete("/logout").then().statusCode(405);

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void answersOtherPathsWithNotFoundAndKeepsTheManagementPathsOffThePublicPort() {
        Door.withKey(DoorSettingsForTests.KEY).body(event("demo")).post("/rest/instance/demo/logout").then()
                .statusCode(404).contentType(PROBLEM);
        given().get("/q/health").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void reportsLiveReadyAndWellOnTheManagementPort() {
        Door.management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Door.management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Door.management().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'megaapi' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'megaapi' }.data.circuitBreaker", equalTo("closed"))
                .body("checks.find { it.name == 'megaapi' }.data.statusCircuitBreaker", equalTo("closed"))
                .body("checks.find { it.name == 'megaapi' }.data.openBreakers", equalTo(""));

        assertThat(megaApi.getAllServeEvents()).as("a probe never calls Mega-API").isEmpty();
    }

    @Test
    void countsLogoutsByModeAndOutcomeWithoutInstanceKeysAsLabels() {
        megaApi.stubFor(
                any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"ok\",\"instance\":{\"status\":\"a\"}}")));
        logout(event("metrics-key-Zq7")).statusCode(200);
        logout("{\"instanceKey\":\"metrics-key-Zq7\",\"dryRun\":true}").statusCode(200);
        logout("{\"instanceKey\":\"metrics-key-Zq7\",\"dryRun\":1}").statusCode(400);

        String metrics = Door.management().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).contains(
                "megalogout_logouts_total{caller=\"default\",error_type=\"none\",mode=\"plain\",outcome=\"LOGGED_OUT\"}")
                .contains(
                        "megalogout_logouts_total{caller=\"default\",error_type=\"none\",mode=\"dryRun\",outcome=\"DRY_RUN\"}")
                .contains(
                        "megalogout_logouts_total{caller=\"default\",error_type=\"InvalidEventException\",mode=\"none\",outcome=\"FAILED\"}")
                .contains("uri=\"/rest/instance/{instanceKey}\"")
                .contains("ft_bulkhead_", "io.megalogout.http.LogoutSlots.run")
                .contains("uri=\"/rest/instance/{instanceKey}/logout\"")
                .doesNotContain("metrics-key-Zq7");
    }

    @Test
    void publishesItsOpenApiDocumentOnTheManagementPort() {
        Door.management().get("/q/openapi").then().statusCode(200)
                .body(containsString("/logout"), containsString(PROBLEM), containsString("scheme: bearer"),
                        containsString("\"401\""), containsString("\"403\""), containsString("forbidden-instance"),
                        containsString("\"429\""), containsString("rate-limited"), containsString("\"503\""),
                        containsString("dryRun:"),
                        containsString("confirm:"), containsString("wouldSend:"), containsString("ALREADY_DISCONNECTED"));
    }

    /** The key rule and a bulk's most keys, as InstanceKey and bulk.max-keys' default have them. */
    @Test
    void documentsTheKeyRuleAndTheMostKeysOfABulk() {
        Door.management().get("/q/openapi").then().statusCode(200).body(
                containsString("pattern: \"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$\""), containsString("maxItems: 100"));
    }

    private void assertOneLogoutOf(String key) {
        megaApi.verify(1, deleteRequestedFor(urlEqualTo("/rest/instance/" + key + "/logout"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + MegaApiStub.TOKEN)));
        assertThat(megaApi.getAllServeEvents()).hasSize(1);
    }
}
