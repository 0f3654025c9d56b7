package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.megalogout.lambda.EventServer.invoke;
import static io.megalogout.megaapi.StatusScenarios.LOGOUT_ANSWER;
import static io.megalogout.megaapi.StatusScenarios.alwaysAnswers;
import static io.megalogout.megaapi.StatusScenarios.disconnectsAfter;
import static io.megalogout.megaapi.StatusScenarios.instance;
import static io.megalogout.megaapi.StatusScenarios.received;
import static io.megalogout.megaapi.StatusScenarios.statusAnswer;
import static io.megalogout.megaapi.StatusScenarios.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.megalogout.TokenNeverLogged;
import io.megalogout.error.LogoutNotConfirmedException;
import io.megalogout.logout.QuickConfirmProfile;
import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Dry runs and confirmed logouts through the Lambda door, against a stateful Mega-API stub (WireMock scenarios): each
 * test checks the answer and the exact requests Mega-API received, in order. The poll runs in milliseconds here
 * ({@link QuickConfirmProfile}).
 */
@QuarkusTest
@TestProfile(QuickConfirmProfile.class)
@WithTestResource(MegaApiStub.class)
class LogoutFunctionModesTest {

    private static final String GET = "GET /rest/instance/demo";
    private static final String DELETE = "DELETE /rest/instance/demo/logout";
    private static final String DRY_RUN = "{\"instanceKey\":\"demo\",\"dryRun\":true}";
    private static final String CONFIRM = "{\"instanceKey\":\"demo\",\"confirm\":true}";
    private static final String ERROR_TRUE = "{\"error\":true,\"message\":\"instance not connected\"}";

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Inject
    LogoutFunction function;

    @ParameterizedTest
    @ValueSource(strings = { "connected", "disconnected", "qrcode" })
    void dryRunReadsTheStatusAndNeverLogsOut(String status) {
        alwaysAnswers(megaApi, "demo", okJson(statusAnswer(status)));

        invoke(DRY_RUN).statusCode(200).body(equalTo("{\"dryRun\":true,\"wouldSend\":\"DELETE " + baseUrl()
                + "/rest/instance/demo/logout\",\"instance\":" + instance(status) + "}"));

        assertThat(received(megaApi)).containsExactly(GET);
        assertThat(TokenNeverLogged.captured()).contains("instanceKey=demo mode=dryRun outcome=DRY_RUN upstreamStatus=200"
                + " statusReads=1");
    }

    @Test
    void confirmSendsNoLogoutForAnInstanceAlreadyDisconnected() {
        alwaysAnswers(megaApi, "demo", okJson(statusAnswer("disconnected")));

        invoke(CONFIRM).statusCode(200).body(equalTo("{\"outcome\":\"ALREADY_DISCONNECTED\",\"confirmed\":true,"
                + "\"instance\":" + instance("disconnected") + "}"));

        assertThat(received(megaApi)).containsExactly(GET);
    }

    @ParameterizedTest(name = "disconnected at read {0} after the logout")
    @ValueSource(ints = { 1, 3 })
    void confirmLogsOutThenReadsUntilTheStatusReadsDisconnected(int reads) {
        disconnectsAfter(megaApi, "demo", LOGOUT_ANSWER, reads);

        invoke(CONFIRM).statusCode(200).body(equalTo("{\"outcome\":\"LOGGED_OUT\",\"confirmed\":true,\"logout\":"
                + LOGOUT_ANSWER + ",\"instance\":" + instance("disconnected") + "}"));

        List<String> expected = new ArrayList<>(List.of(GET, DELETE));
        expected.addAll(times(reads, GET));
        assertThat(received(megaApi)).containsExactlyElementsOf(expected);
        assertThat(TokenNeverLogged.captured()).contains("instanceKey=demo mode=confirm outcome=LOGGED_OUT"
                + " upstreamStatus=200 statusReads=" + (reads + 1));
    }

    @Test
    void confirmCountsAStatusNeverSeenBeforeAsNotDisconnected() {
        disconnectsAfter(megaApi, "demo", "qrcode", LOGOUT_ANSWER, 1);

        invoke(CONFIRM).statusCode(200).body(equalTo("{\"outcome\":\"LOGGED_OUT\",\"confirmed\":true,\"logout\":"
                + LOGOUT_ANSWER + ",\"instance\":" + instance("disconnected") + "}"));

        assertThat(received(megaApi)).containsExactly(GET, DELETE, GET);
    }

    @Test
    void confirmEndsInNotConfirmedBeforeTheDeadlineWhenTheStatusNeverTurns() {
        alwaysAnswers(megaApi, "demo", okJson(statusAnswer("connected")));
        LambdaContext context = LambdaContext.remaining(Duration.ofMillis(QuickConfirmProfile.TIMEOUT_MS + 3_000));

        assertThatThrownBy(() -> handle(CONFIRM, context)).isInstanceOf(LogoutNotConfirmedException.class)
                .hasMessageContaining("answered the logout of instance 'demo' (HTTP 200, \"error\": false: Instance demo"
                        + " disconnected)")
                .hasMessageContaining("the last showed \"connected\"")
                .hasMessageNotContaining(MegaApiStub.TOKEN);

        assertThat(context.getRemainingTimeInMillis()).as("time left before Lambda's deadline").isPositive();
        List<String> requests = received(megaApi);
        assertThat(requests).as("a read, the one logout, reads").startsWith(GET, DELETE).hasSizeGreaterThan(2);
        assertThat(requests.subList(2, requests.size())).containsOnly(GET);
        assertThat(TokenNeverLogged.captured()).contains("mode=confirm outcome=LogoutNotConfirmedException upstreamStatus=200"
                + " statusReads=" + (requests.size() - 1));
    }

    @Test
    void confirmReadsOnceAfterALogoutAnsweredWithErrorTrueAndAnswersAlreadyDisconnected() {
        disconnectsAfter(megaApi, "demo", ERROR_TRUE, 1);

        invoke(CONFIRM).statusCode(200).body(equalTo("{\"outcome\":\"ALREADY_DISCONNECTED\",\"confirmed\":true,"
                + "\"logout\":" + ERROR_TRUE + ",\"instance\":" + instance("disconnected") + "}"));

        assertThat(received(megaApi)).containsExactly(GET, DELETE, GET);
    }

    @Test
    void confirmReadsOnceAfterALogoutAnsweredWithErrorTrueAndSaysItIsNotConfirmed() {
        disconnectsAfter(megaApi, "demo", ERROR_TRUE, 2);

        invoke(CONFIRM).statusCode(500)
                .body("errorType", equalTo("io.megalogout.error.LogoutNotConfirmedException"))
                .body("errorMessage", allOf(containsString("\"error\": true: instance not connected"),
                        containsString("after it: 2 status reads in all; the last showed \"connected\"")));

        assertThat(received(megaApi)).containsExactly(GET, DELETE, GET);
    }

    static Stream<Arguments> statusFailures() {
        return Stream.of(
                Arguments.of(json(401, "{\"error\":true,\"message\":\"Invalid token\"}"), "MegaApiRejectedException",
                        "(status read, HTTP 401: Invalid token)", 1),
                Arguments.of(json(404, "{\"error\":true,\"message\":\"Instance not found\"}"), "UnknownInstanceException",
                        "(status read, HTTP 404: Instance not found)", 1),
                Arguments.of(json(500, "{\"error\":true,\"message\":\"Internal error\"}"), "MegaApiUnavailableException",
                        "(status read, HTTP 500: Internal error)", 3),
                Arguments.of(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html/>"),
                        "MegaApiContractException", "status read: the Content-Type is 'text/html'", 1),
                Arguments.of(json(200, "{\"error\":false,\"instance\":{\"user\":{}}}"), "MegaApiContractException",
                        "an object 'instance' with a string 'status'", 1),
                Arguments.of(json(200, "{\"error\":false,\"instance\":{\"status\":null}}"), "MegaApiContractException",
                        "an object 'instance' with a string 'status'", 1),
                Arguments.of(json(200, "{\"error\":true,\"message\":\"Instance not found\"}"), "MegaApiContractException",
                        "an object 'instance' with a string 'status'", 1),
                Arguments.of(json(200, "{\"error\":true,\"message\":\"busy\",\"instance\":{\"status\":\"disconnected\"}}"),
                        "MegaApiContractException", "status read: it says \"error\": true (busy)", 1));
    }

    @ParameterizedTest(name = "dryRun: {1} {2}")
    @MethodSource("statusFailures")
    void dryRunEndsInTheStatusReadsNamedError(ResponseDefinitionBuilder answer, String errorType, String says, int reads) {
        alwaysAnswers(megaApi, "demo", answer);

        invoke(DRY_RUN).statusCode(500).body("errorType", equalTo("io.megalogout.error." + errorType))
                .body("errorMessage", allOf(containsString("'demo'"), containsString(says),
                        not(containsString(MegaApiStub.TOKEN))));

        assertThat(received(megaApi)).containsExactlyElementsOf(times(reads, GET));
    }

    @ParameterizedTest(name = "confirm: {1} {2}")
    @MethodSource("statusFailures")
    void confirmSendsNoLogoutWhenTheFirstStatusReadFails(ResponseDefinitionBuilder answer, String errorType, String says,
            int reads) {
        alwaysAnswers(megaApi, "demo", answer);

        invoke(CONFIRM).statusCode(500).body("errorType", equalTo("io.megalogout.error." + errorType))
                .body("errorMessage", containsString(says));

        assertThat(received(megaApi)).containsExactlyElementsOf(times(reads, GET));
    }

    @Test
    void confirmPassesOnTheLogoutsOwnFailureWithoutRetryingIt() {
        alwaysAnswers(megaApi, "demo", okJson(statusAnswer("connected")));
        megaApi.stubFor(
                delete("/rest/instance/demo/logout").willReturn(json(500, "{\"error\":true,\"message\":\"Internal error\"}")));

        invoke(CONFIRM).statusCode(500).body("errorType", equalTo("io.megalogout.error.MegaApiUnavailableException"))
                .body("errorMessage", containsString("'demo' (HTTP 500: Internal error)"));

        assertThat(received(megaApi)).containsExactly(GET, DELETE);
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String baseUrl() {
        return ConfigProvider.getConfig().getValue("megaapi.base-url", String.class);
    }

    private void handle(String event, LambdaContext context) throws Exception {
        function.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                context);
    }
}
