package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.megalogout.lambda.EventServer.invoke;
import static io.megalogout.megaapi.StatusScenarios.LOGOUT_ANSWER;
import static io.megalogout.megaapi.StatusScenarios.alwaysAnswers;
import static io.megalogout.megaapi.StatusScenarios.disconnectsAfter;
import static io.megalogout.megaapi.StatusScenarios.received;
import static io.megalogout.megaapi.StatusScenarios.statusAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
 * SQS batches through the Lambda door, {@value BulkProfile#CONCURRENCY} requests at a time: the partial batch response
 * lists exactly the messages that failed, in order, and Mega-API receives each message's keys once.
 */
@QuarkusTest
@TestProfile(BulkProfile.class)
@WithTestResource(MegaApiStub.class)
class LogoutFunctionSqsTest {

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Inject
    LogoutFunction function;

    @Test
    void returnsExactlyTheFailedMessagesToTheQueue() {
        answers("ok", 200, "{\"error\":false,\"message\":\"ok\"}");
        answers("gone", 404, "{\"error\":true,\"message\":\"Instance not found\"}");
        answers("ok2", 200, "{\"error\":false,\"message\":\"ok\"}");
        answers("down", 500, "{\"error\":true,\"message\":\"Internal error\"}");
        answers("ok3", 200, "{\"error\":false,\"message\":\"ok\"}");
        answers("busy", 200, "{\"error\":true,\"message\":\"instance not connected\"}");

        invoke(Sqs.event("m1", "{\"instanceKey\":\"ok\"}", "m2", "{\"instanceKey\":\"gone\"}", "m3", "not json",
                "m4", "{\"instanceKeys\":[\"ok2\",\"down\"]}", "m5", "{\"instanceKeys\":[\"ok3\",\"ok3\"]}",
                "m6", "{\"instanceKey\":\"busy\"}", "m7", "{\"instanceKey\":\"a/b\"}", "m8", "{\"instanceKey\":\"ok\","
                        + "\"dryrun\":true}"))
                .statusCode(200).body(equalTo(Sqs.failures("m2", "m3", "m4", "m7", "m8")));

        assertThat(received(megaApi)).containsExactlyInAnyOrder("DELETE /rest/instance/ok/logout",
                "DELETE /rest/instance/gone/logout", "DELETE /rest/instance/ok2/logout", "DELETE /rest/instance/down/logout",
                "DELETE /rest/instance/ok3/logout", "DELETE /rest/instance/busy/logout");
        assertThat(TokenNeverLogged.captured())
                .containsPattern("WARN: logout requestId=\\S+ instanceKey=- mode=- outcome=InvalidEventException"
                        + " upstreamStatus=- statusReads=0 durationMs=\\d+ caller=sqs:AIDAEXAMPLESENDER messageId=m3 detail=\"Invalid event: it is not a"
                        + " single valid JSON document")
                .containsPattern("instanceKey=down mode=plain outcome=MegaApiUnavailableException upstreamStatus=500"
                        + " statusReads=0 durationMs=\\d+ caller=sqs:AIDAEXAMPLESENDER bulk=2/2 messageId=m4 detail=")
                .containsPattern("instanceKey=busy mode=plain outcome=ANSWERED_ERROR upstreamStatus=200 statusReads=0"
                        + " durationMs=\\d+ caller=sqs:AIDAEXAMPLESENDER messageId=m6\n");
    }

    @Test
    void answersAnEmptyListWhenEveryMessageSucceeded() {
        answers("ok", 200, "{\"error\":false,\"message\":\"ok\"}");

        invoke(Sqs.event("m1", "{\"instanceKey\":\"ok\"}")).statusCode(200).body(equalTo(Sqs.failures()));

        assertThat(received(megaApi)).containsExactly("DELETE /rest/instance/ok/logout");
    }

    @Test
    void failsOnlyTheDryRunsAndConfirmedLogoutsThatFailed() {
        alwaysAnswers(megaApi, "read", okJson(statusAnswer("connected")));
        alwaysAnswers(megaApi, "unread", aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":true,\"message\":\"Instance not found\"}"));
        disconnectsAfter(megaApi, "turns", LOGOUT_ANSWER, 1);
        alwaysAnswers(megaApi, "stuck", okJson(statusAnswer("connected")));

        invoke(Sqs.event("dry-ok", "{\"instanceKey\":\"read\",\"dryRun\":true}",
                "dry-failed", "{\"instanceKey\":\"unread\",\"dryRun\":true}",
                "confirmed", "{\"instanceKey\":\"turns\",\"confirm\":true}",
                "not-confirmed", "{\"instanceKey\":\"stuck\",\"confirm\":true}"))
                .statusCode(200).body(equalTo(Sqs.failures("dry-failed", "not-confirmed")));

        assertThat(received(megaApi)).doesNotContain("DELETE /rest/instance/read/logout",
                "DELETE /rest/instance/unread/logout");
        assertThat(received(megaApi)).filteredOn(request -> request.startsWith("DELETE"))
                .containsExactlyInAnyOrder("DELETE /rest/instance/turns/logout", "DELETE /rest/instance/stuck/logout");
        assertThat(TokenNeverLogged.captured()).contains("outcome=LogoutNotConfirmedException");
    }

    @Test
    void runsTheMessagesOfABatchWithinTheSameBound() {
        List<String> keys = List.of("k1", "k2", "k3", "k4", "k5");
        for (String key : keys) {
            megaApi.stubFor(delete(urlEqualTo("/rest/instance/" + key + "/logout"))
                    .willReturn(okJson("{\"error\":false,\"message\":\"ok\"}").withFixedDelay(300)));
        }

        invoke(Sqs.event("m1", "{\"instanceKey\":\"k1\"}", "m2", "{\"instanceKeys\":[\"k2\",\"k3\"]}", "m3",
                "{\"instanceKey\":\"k4\"}", "m4", "{\"instanceKey\":\"k5\"}")).statusCode(200).body(equalTo(Sqs.failures()));

        assertThat(received(megaApi)).hasSize(5);
        assertThat(InFlight.most(megaApi)).as("requests in flight at once").isEqualTo(BulkProfile.CONCURRENCY);
    }

    @Test
    void returnsTheMessagesNotStartedBeforeTheDeadlineWithNothingSent() throws Exception {
        answers("fast1", 200, "{\"error\":false,\"message\":\"ok\"}");
        answers("fast2", 200, "{\"error\":false,\"message\":\"ok\"}");
        for (String key : List.of("slow1", "slow2")) {
            megaApi.stubFor(delete(urlEqualTo("/rest/instance/" + key + "/logout"))
                    .willReturn(okJson("{\"error\":false,\"message\":\"late\"}").withFixedDelay(15_000)));
        }
        // The deadline is 1.5 s away: fast1, then slow2 on one worker, slow1 on the other; fast2 gets no turn.
        LambdaContext context = LambdaContext.remaining(Duration.ofMillis(2_500));

        String answer = handle(Sqs.event("m1", "{\"instanceKey\":\"fast1\"}", "m2", "{\"instanceKey\":\"slow1\"}", "m3",
                "{\"instanceKey\":\"slow2\"}", "m4", "{\"instanceKey\":\"fast2\"}"), context);

        assertThat(context.getRemainingTimeInMillis()).as("time left before Lambda's deadline").isPositive();
        assertThat(answer).isEqualTo(Sqs.failures("m2", "m3", "m4"));
        assertThat(received(megaApi)).containsExactlyInAnyOrder("DELETE /rest/instance/fast1/logout",
                "DELETE /rest/instance/slow1/logout", "DELETE /rest/instance/slow2/logout");
        assertThat(TokenNeverLogged.captured()).containsPattern("instanceKey=fast2 mode=plain outcome=MegaApiTimeoutException"
                + " upstreamStatus=- statusReads=0 durationMs=\\d+ caller=sqs:AIDAEXAMPLESENDER messageId=m4 detail=\"Mega-API did not answer in time for"
                + " instance 'fast2': nothing was sent");
    }

    /** A broken SQS envelope has no message to blame: the whole invocation fails, and Lambda retries the batch. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"Records\":[{\"body\":\"{\\\"instanceKey\\\":\\\"a\\\"}\",\"eventSource\":\"aws:sqs\"}]}",
            "{\"Records\":[{\"messageId\":\"\",\"body\":\"{\\\"instanceKey\\\":\\\"a\\\"}\",\"eventSource\":\"aws:sqs\"}]}",
            "{\"Records\":[{\"messageId\":7,\"body\":\"{\\\"instanceKey\\\":\\\"a\\\"}\",\"eventSource\":\"aws:sqs\"}]}",
            "{\"Records\":[{\"messageId\":\"m1\",\"eventSource\":\"aws:sqs\"}]}",
            "{\"Records\":[{\"messageId\":\"m1\",\"body\":{\"instanceKey\":\"a\"},\"eventSource\":\"aws:sqs\"}]}",
            "{\"Records\":[{\"messageId\":\"m1\",\"body\":\"{\\\"instanceKey\\\":\\\"a\\\"}\",\"eventSource\":\"aws:sqs\"},"
                    + "{\"messageId\":\"m1\",\"body\":\"{\\\"instanceKey\\\":\\\"b\\\"}\",\"eventSource\":\"aws:sqs\"}]}",
            "{\"Records\":[{\"messageId\":\"m1\",\"body\":\"{\\\"instanceKey\\\":\\\"a\\\"}\",\"eventSource\":\"aws:sqs\"},"
                    + "{\"messageId\":\"m2\",\"body\":\"{\\\"instanceKey\\\":\\\"b\\\"}\",\"eventSource\":\"aws:sns\"}]}",
            "{\"Records\":[{\"messageId\":\"m1\",\"body\":\"{\\\"instanceKey\\\":\\\"a\\\"}\",\"eventSource\":\"aws:sqs\"},"
                    + "42]}",
            "{\"instanceKey\":\"a\",\"Records\":[{\"messageId\":\"m1\",\"body\":\"{}\",\"eventSource\":\"aws:sqs\"}]}",
            "{\"Records\":[]}", "{\"Records\":\"m1\"}", "{\"Records\":null}",
            "{\"Records\":[{\"messageId\":\"m1\",\"body\":\"{\\\"instanceKey\\\":\\\"a\\\"}\",\"eventSource\":\"aws:sns\"}]}",
            "{\"Records\":[{\"messageId\":\"m1\",\"body\":\"{\\\"instanceKey\\\":\\\"a\\\"}\",\"eventSource\":\"aws:sqs\"}],"
                    + "\"Records\":[]}" })
    void refusesABrokenBatchAsAWholeWithNothingSent(String event) {
        invoke(event).statusCode(500).body("errorType", equalTo("io.megalogout.error.InvalidEventException"))
                .body("errorMessage", startsWith("Invalid event: "));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesABodyWithAnUnpairedSurrogateAsThatMessagesFailure() {
        invoke("{\"Records\":[" + Sqs.record("m1", "{}").replace("\"body\":\"{}\"",
                "\"body\":\"{\\\"instanceKey\\\":\\\"a\\ud800\\\"}\"") + "]}")
                .statusCode(200).body(equalTo(Sqs.failures("m1")));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
        assertThat(TokenNeverLogged.captured()).contains("messageId=m1 detail=\"Invalid event: the message body is not"
                + " valid UTF-8");
    }

    private void answers(String key, int status, String body) {
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/" + key + "/logout")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private String handle(String event, LambdaContext context) throws Exception {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), answer, context);
        return answer.toString(StandardCharsets.UTF_8);
    }
}
