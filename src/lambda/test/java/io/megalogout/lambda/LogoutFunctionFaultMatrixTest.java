package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.megalogout.TokenNeverLogged;
import io.megalogout.error.LogoutFailure;
import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;
import io.megalogout.megaapi.TcpGate;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every upstream fault the function must survive, driven through the Lambda handler with a real invocation deadline
 * (Lambda's remaining time; the margin kept back is 500 ms, the read timeout 1 s). For each: the named outcome, the
 * requests Mega-API received, the retries, an answer before Lambda's deadline, and the token nowhere. The run prints
 * the matrix to {@code target/fault-matrix.md}; {@code docs/fault-matrix.md} must list the same rows.
 */
@QuarkusTest
@TestProfile(FaultMatrixProfile.class)
@WithTestResource(value = MegaApiStub.class, initArgs = @ResourceArg(name = MegaApiStub.GATED, value = "true"))
class LogoutFunctionFaultMatrixTest {

    static final Path PRINTED = Path.of("target", "fault-matrix.md");
    static final Path DOCUMENTED = Path.of("docs", "fault-matrix.md");

    private static final String HEADER = "| Fault | Lambda time left | Outcome | Requests Mega-API received | Retries | Answered in ms |";
    private static final String OK = "{\"error\":false,\"message\":\"Instance demo disconnected\"}";
    private static final Duration USUAL = Duration.ofSeconds(10);
    private static final List<String> ROWS = new ArrayList<>();
    private static WireMockServer elsewhere;

    @InjectMegaApiStub
    WireMockServer megaApi;

    @InjectMegaApiStub
    TcpGate gate;

    @Inject
    LogoutFunction function;

    /** One fault: how Mega-API misbehaves, how long the invocation has, and what must come of it. */
    record Case(String name, Duration lambdaRemaining, Consumer<LogoutFunctionFaultMatrixTest> arrange,
            String outcome, int requests, int retries) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> faults() {
        return Stream.of(
                fault("connection refused", USUAL, t -> t.gate.refuse(), "MegaApiUnavailableException", 0, 2),
                fault("connection reset before headers", USUAL, answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                        "MegaApiUnavailableException", 1, 0),
                fault("connection reset after headers", USUAL, t -> t.resetAfterHeaders(),
                        "MegaApiUnavailableException", 1, 0),
                fault("200 without length, garbage body, then close", USUAL,
                        answer(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)), "MegaApiContractException", 1, 0),
                fault("empty reply", USUAL, answer(aResponse().withFault(Fault.EMPTY_RESPONSE)),
                        "MegaApiUnavailableException", 1, 0),
                fault("garbage, then close", USUAL, answer(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
                        "MegaApiUnavailableException", 1, 0),
                fault("headers later than the read timeout (3 s)", USUAL, answer(okJson(OK).withFixedDelay(3000)),
                        "MegaApiTimeoutException", 1, 0),
                fault("no headers before the deadline (0.9 s left)", Duration.ofMillis(900),
                        answer(okJson(OK).withFixedDelay(5000)), "MegaApiTimeoutException", 1, 0),
                fault("connection accepted, never answered", Duration.ofSeconds(3), t -> t.gate.swallow(),
                        "MegaApiTimeoutException", 0, 0),
                fault("0.4 s left, less than the margin", Duration.ofMillis(400), answer(okJson(OK)),
                        "MegaApiTimeoutException", 0, 0),
                fault("body trickled past the deadline (3 s left)", Duration.ofSeconds(3),
                        answer(okJson("{\"error\":false,\"message\":\"" + "x".repeat(200) + "\"}")
                                .withChunkedDribbleDelay(50, 10_000)),
                        "MegaApiTimeoutException", 1, 0),
                fault("500", USUAL, answer(json(500, "{\"error\":true,\"message\":\"Internal error\"}")),
                        "MegaApiUnavailableException", 1, 0),
                fault("502 with an HTML body", USUAL, answer(aResponse().withStatus(502)
                        .withHeader("Content-Type", "text/html").withBody("<html><body>502 Bad Gateway</body></html>")),
                        "MegaApiUnavailableException", 1, 0),
                fault("503 without Retry-After", USUAL, answer(aResponse().withStatus(503)),
                        "MegaApiUnavailableException", 1, 0),
                fault("503 with Retry-After: 1, always", USUAL,
                        answer(aResponse().withStatus(503).withHeader("Retry-After", "1")),
                        "MegaApiUnavailableException", 3, 2),
                fault("503 with Retry-After: 1, then 200", USUAL, t -> t.thenOk(aResponse().withStatus(503)
                        .withHeader("Retry-After", "1")), "LOGGED_OUT", 2, 1),
                fault("503 with Retry-After: 1, 1.2 s left", Duration.ofMillis(1200),
                        answer(aResponse().withStatus(503).withHeader("Retry-After", "1")),
                        "MegaApiUnavailableException", 1, 0),
                fault("503 with Retry-After: 120", USUAL, answer(aResponse().withStatus(503).withHeader("Retry-After", "120")),
                        "MegaApiUnavailableException", 1, 0),
                fault("504", USUAL, answer(aResponse().withStatus(504)), "MegaApiUnavailableException", 1, 0),
                fault("429 with Retry-After: 1, then 200", USUAL, t -> t.thenOk(aResponse().withStatus(429)
                        .withHeader("Retry-After", "1")), "LOGGED_OUT", 2, 1),
                fault("401", USUAL, answer(json(401, "{\"error\":true,\"message\":\"Invalid token\"}")),
                        "MegaApiRejectedException", 1, 0),
                fault("403", USUAL, answer(json(403, "{\"error\":true,\"message\":\"Forbidden\"}")),
                        "MegaApiRejectedException", 1, 0),
                fault("404 with a body", USUAL, answer(json(404, "{\"error\":true,\"message\":\"Instance not found\"}")),
                        "UnknownInstanceException", 1, 0),
                fault("404 without a body", USUAL, answer(aResponse().withStatus(404)), "UnknownInstanceException", 1, 0),
                fault("200 with HTML", USUAL, answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>ok</body></html>")), "MegaApiContractException", 1, 0),
                fault("200 with truncated JSON", USUAL, answer(okJson("{\"error\":false,\"message\":\"Instance de")),
                        "MegaApiContractException", 1, 0),
                fault("200 with a 1 MB body", USUAL,
                        answer(okJson("{\"error\":false,\"message\":\"" + "x".repeat(1 << 20) + "\"}")),
                        "MegaApiContractException", 1, 0),
                fault("200 with a 1 MB body, chunked (no length)", USUAL,
                        answer(okJson("{\"error\":false,\"message\":\"" + "x".repeat(1 << 20) + "\"}")
                                .withChunkedDribbleDelay(64, 200)),
                        "MegaApiContractException", 1, 0),
                fault("301 to another host", USUAL, redirect(301), "MegaApiContractException", 1, 0),
                fault("302 to another host", USUAL, redirect(302), "MegaApiContractException", 1, 0),
                fault("307 to another host", USUAL, redirect(307), "MegaApiContractException", 1, 0),
                fault("200 with extra fields (kept)", USUAL,
                        answer(okJson("{\"error\":false,\"message\":\"bye\",\"instance\":{\"key\":\"demo\"},\"extra\":1.10}")),
                        "LOGGED_OUT", 1, 0),
                fault("200 with \"error\": true", USUAL, answer(okJson("{\"error\":true,\"message\":\"not connected\"}")),
                        "ANSWERED_ERROR", 1, 0),
                fault("pooled connection gone silent during a freeze", USUAL, t -> t.afterAFreeze(), "LOGGED_OUT", 1, 0),
                fault("500 five times before (circuit breaker open)", USUAL, t -> t.afterFiveFailures(),
                        "MegaApiCircuitOpenException", 0, 0));
    }

    @BeforeAll
    static void startAnotherHost() {
        elsewhere = new WireMockServer(wireMockConfig().dynamicPort());
        elsewhere.start();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void answersEveryFaultWithItsOutcomeBeforeTheDeadline(Case fault) {
        elsewhere.resetAll();
        fault.arrange().accept(this);

        long started = System.nanoTime();
        String outcome = invoke(LambdaContext.remaining(fault.lambdaRemaining()));
        long answeredMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        int requests = megaApi.getAllServeEvents().size();
        int retries = count("logout retry ", TokenNeverLogged.captured());
        ROWS.add(String.format("| %s | %.1f s | %s | %d | %d | %d |", fault.name(),
                fault.lambdaRemaining().toMillis() / 1000.0, outcome, requests, retries, answeredMs));

        assertThat(outcome).isEqualTo(fault.outcome());
        assertThat(requests).as("requests Mega-API received").isEqualTo(fault.requests());
        assertThat(retries).as("retries").isEqualTo(fault.retries());
        assertThat(answeredMs).as("answered before Lambda's deadline").isLessThan(fault.lambdaRemaining().toMillis());
        assertThat(elsewhere.getAllServeEvents()).as("requests another host received").isEmpty();
    }

    @AfterAll
    static void printTheMatrix() throws IOException {
        elsewhere.stop();
        String table = String.join("\n",
                "| Fault | Lambda time left | Outcome | Requests Mega-API received | Retries | Answered in ms |",
                "|---|---|---|---|---|---|", String.join("\n", ROWS)) + "\n";
        Files.writeString(PRINTED, table);
        if (ROWS.size() == faults().count()) {
            assertThat(withoutTimings(Files.readString(DOCUMENTED)))
                    .as("%s lists the faults, outcomes, requests and retries of this run (%s)", DOCUMENTED, PRINTED)
                    .isEqualTo(withoutTimings(table));
        }
    }

    /** Runs the handler as AWS's runtime client does; the outcome is the answer's kind or the error's class. */
    private String invoke(LambdaContext context) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            function.handleRequest(new ByteArrayInputStream("{\"instanceKey\":\"demo\"}".getBytes(StandardCharsets.UTF_8)),
                    answer, context);
        } catch (LogoutFailure failure) {
            assertThat(failure.getMessage()).doesNotContain(MegaApiStub.TOKEN);
            return failure.getClass().getSimpleName();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        String json = answer.toString(StandardCharsets.UTF_8);
        assertThat(json).doesNotContain(MegaApiStub.TOKEN);
        return json.contains("\"error\":true") ? "ANSWERED_ERROR" : "LOGGED_OUT";
    }

    /** Five logouts answered 500, which opens the circuit breaker (4 of the last 5 attempts failed). */
    private void afterFiveFailures() {
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 5; i++) {
            assertThat(invoke(LambdaContext.remaining(USUAL))).isEqualTo("MegaApiUnavailableException");
        }
        megaApi.resetRequests();
    }

    private void resetAfterHeaders() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        gate.cutAfterHeaders();
    }

    private void thenOk(ResponseDefinitionBuilder first) {
        megaApi.stubFor(any(anyUrl()).inScenario("busy").whenScenarioStateIs(STARTED).willReturn(first)
                .willSetStateTo("ready"));
        megaApi.stubFor(any(anyUrl()).inScenario("busy").whenScenarioStateIs("ready").willReturn(okJson(OK)));
    }

    /**
     * One logout, then the connection it used goes silent, as when Lambda froze the process and Mega-API's side dropped
     * the connection meanwhile. The next invocation must not depend on it.
     */
    private void afterAFreeze() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        assertThat(invoke(LambdaContext.remaining(USUAL))).isEqualTo("LOGGED_OUT");
        gate.strandOpenConnections();
        megaApi.resetRequests();
    }

    private static Case fault(String name, Duration remaining, Consumer<LogoutFunctionFaultMatrixTest> arrange,
            String outcome, int requests, int retries) {
        return new Case(name, remaining, arrange, outcome, requests, retries);
    }

    private static Consumer<LogoutFunctionFaultMatrixTest> answer(ResponseDefinitionBuilder answer) {
        return t -> t.megaApi.stubFor(any(anyUrl()).willReturn(answer));
    }

    private static Consumer<LogoutFunctionFaultMatrixTest> redirect(int status) {
        return t -> t.megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Location", elsewhere.baseUrl() + "/rest/instance/demo/logout")));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static int count(String text, String in) {
        Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(in);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    /** The matrix's rows (those after its header) without the last column, which differs from run to run. */
    private static String withoutTimings(String markdown) {
        return markdown.lines().dropWhile(line -> !line.startsWith(HEADER)).skip(2)
                .takeWhile(line -> line.startsWith("| "))
                .map(line -> line.substring(0, line.lastIndexOf(" | ", line.length() - 3)))
                .collect(Collectors.joining("\n"));
    }
}
