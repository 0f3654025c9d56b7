package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import io.megalogout.megaapi.StatusScenarios;
import io.megalogout.megaapi.TcpGate;
import io.megalogout.megaapi.connection.KeptConnections;

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
    private static final String CONNECTED = StatusScenarios.statusAnswer("connected");
    private static final String DISCONNECTED = StatusScenarios.statusAnswer("disconnected");
    private static final String PLAIN = "{\"instanceKey\":\"demo\"}";
    private static final String DRY_RUN = "{\"instanceKey\":\"demo\",\"dryRun\":true}";
    private static final String CONFIRM = "{\"instanceKey\":\"demo\",\"confirm\":true}";
    private static final String NONE = "none";
    private static final Duration USUAL = Duration.ofSeconds(10);
    private static final List<String> ROWS = new ArrayList<>();
    private static WireMockServer elsewhere;

    @InjectMegaApiStub
    WireMockServer megaApi;

    @InjectMegaApiStub
    TcpGate gate;

    @Inject
    LogoutFunction function;

    /**
     * One fault: the event (a plain logout, a dry run or a confirmed logout), how Mega-API misbehaves, how long the
     * invocation has, and what must come of it: the outcome, the requests Mega-API received in order (as the matrix
     * writes them), and the retries.
     */
    record Case(String name, Duration lambdaRemaining, String event, Consumer<LogoutFunctionFaultMatrixTest> arrange,
            String outcome, String requests, int retries) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> faults() {
        return Stream.of(logoutFaults(), statusReadFaults(), confirmFaults()).flatMap(faults -> faults);
    }

    /** A plain logout: {@code {"instanceKey": "demo"}}. */
    static Stream<Case> logoutFaults() {
        return Stream.of(
                fault("connection refused", USUAL, t -> t.gate.refuse(), "MegaApiUnavailableException", NONE, 2),
                fault("connection reset before headers", USUAL, answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                        "MegaApiUnavailableException", "DELETE", 0),
                fault("connection reset after headers", USUAL, t -> t.resetAfterHeaders(),
                        "MegaApiUnavailableException", "DELETE", 0),
                // On a kept-alive connection the stub sends that body as a chunk, which the client refuses as malformed.
                fault("200, garbage instead of the body, then close", USUAL,
                        answer(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)), "MegaApiUnavailableException",
                        "DELETE", 0),
                fault("empty reply", USUAL, answer(aResponse().withFault(Fault.EMPTY_RESPONSE)),
                        "MegaApiUnavailableException", "DELETE", 0),
                fault("garbage, then close", USUAL, answer(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
                        "MegaApiUnavailableException", "DELETE", 0),
                fault("headers later than the read timeout (3 s)", USUAL, answer(okJson(OK).withFixedDelay(3000)),
                        "MegaApiTimeoutException", "DELETE", 0),
                fault("no headers before the deadline (0.9 s left)", Duration.ofMillis(900),
                        answer(okJson(OK).withFixedDelay(5000)), "MegaApiTimeoutException", "DELETE", 0),
                fault("connection accepted, never answered", Duration.ofSeconds(3), t -> t.gate.swallow(),
                        "MegaApiTimeoutException", NONE, 0),
                fault("0.4 s left, less than the margin", Duration.ofMillis(400), answer(okJson(OK)),
                        "MegaApiTimeoutException", NONE, 0),
                fault("body trickled past the deadline (3 s left)", Duration.ofSeconds(3),
                        answer(okJson("{\"error\":false,\"message\":\"" + "x".repeat(200) + "\"}")
                                .withChunkedDribbleDelay(50, 10_000)),
                        "MegaApiTimeoutException", "DELETE", 0),
                fault("500", USUAL, answer(json(500, "{\"error\":true,\"message\":\"Internal error\"}")),
                        "MegaApiUnavailableException", "DELETE", 0),
                fault("502 with an HTML body", USUAL, answer(aResponse().withStatus(502)
                        .withHeader("Content-Type", "text/html").withBody("<html><body>502 Bad Gateway</body></html>")),
                        "MegaApiUnavailableException", "DELETE", 0),
                fault("503 without Retry-After", USUAL, answer(aResponse().withStatus(503)),
                        "MegaApiUnavailableException", "DELETE", 0),
                fault("503 with Retry-After: 1, always", USUAL,
                        answer(aResponse().withStatus(503).withHeader("Retry-After", "1")),
                        "MegaApiUnavailableException", "DELETE ×3", 2),
                fault("503 with Retry-After: 1, then 200", USUAL, t -> t.thenOk(aResponse().withStatus(503)
                        .withHeader("Retry-After", "1")), "LOGGED_OUT", "DELETE ×2", 1),
                fault("503 with Retry-After: 1, 1.2 s left", Duration.ofMillis(1200),
                        answer(aResponse().withStatus(503).withHeader("Retry-After", "1")),
                        "MegaApiUnavailableException", "DELETE", 0),
                fault("503 with Retry-After: 120", USUAL, answer(aResponse().withStatus(503).withHeader("Retry-After", "120")),
                        "MegaApiUnavailableException", "DELETE", 0),
                fault("504", USUAL, answer(aResponse().withStatus(504)), "MegaApiUnavailableException", "DELETE", 0),
                fault("429 with Retry-After: 1, then 200", USUAL, t -> t.thenOk(aResponse().withStatus(429)
                        .withHeader("Retry-After", "1")), "LOGGED_OUT", "DELETE ×2", 1),
                fault("401", USUAL, answer(json(401, "{\"error\":true,\"message\":\"Invalid token\"}")),
                        "MegaApiRejectedException", "DELETE", 0),
                fault("403", USUAL, answer(json(403, "{\"error\":true,\"message\":\"Forbidden\"}")),
                        "MegaApiRejectedException", "DELETE", 0),
                fault("404 with a body", USUAL, answer(json(404, "{\"error\":true,\"message\":\"Instance not found\"}")),
                        "UnknownInstanceException", "DELETE", 0),
                fault("404 without a body", USUAL, answer(aResponse().withStatus(404)), "UnknownInstanceException", "DELETE",
                        0),
                fault("200 with HTML", USUAL, answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>ok</body></html>")), "MegaApiContractException", "DELETE", 0),
                fault("200 with truncated JSON", USUAL, answer(okJson("{\"error\":false,\"message\":\"Instance de")),
                        "MegaApiContractException", "DELETE", 0),
                fault("200 with a 1 MB body", USUAL,
                        answer(okJson("{\"error\":false,\"message\":\"" + "x".repeat(1 << 20) + "\"}")),
                        "MegaApiContractException", "DELETE", 0),
                fault("200 with a 1 MB body, chunked (no length)", USUAL,
                        answer(okJson("{\"error\":false,\"message\":\"" + "x".repeat(1 << 20) + "\"}")
                                .withChunkedDribbleDelay(64, 200)),
                        "MegaApiContractException", "DELETE", 0),
                fault("301 to another host", USUAL, redirect(301), "MegaApiContractException", "DELETE", 0),
                fault("302 to another host", USUAL, redirect(302), "MegaApiContractException", "DELETE", 0),
                fault("307 to another host", USUAL, redirect(307), "MegaApiContractException", "DELETE", 0),
                fault("200 with extra fields (kept)", USUAL,
                        answer(okJson("{\"error\":false,\"message\":\"bye\",\"instance\":{\"key\":\"demo\"},\"extra\":1.10}")),
                        "LOGGED_OUT", "DELETE", 0),
                fault("200 with \"error\": true", USUAL, answer(okJson("{\"error\":true,\"message\":\"not connected\"}")),
                        "ANSWERED_ERROR", "DELETE", 0),
                fault("kept connection gone silent during a freeze longer than the reuse window", USUAL,
                        t -> t.afterAFreeze(), "LOGGED_OUT", "DELETE", 0),
                fault("kept connection gone silent within the reuse window (no freeze)", USUAL,
                        t -> t.silentWithinTheWindow(), "MegaApiTimeoutException", NONE, 0),
                fault("500 five times before (circuit breaker open)", USUAL, t -> t.afterFiveFailures(),
                        "MegaApiCircuitOpenException", NONE, 0));
    }

    /** A dry run, which only reads the status: {@code {"instanceKey": "demo", "dryRun": true}}. */
    static Stream<Case> statusReadFaults() {
        return Stream.of(
                dryRun("connection refused", USUAL, t -> t.gate.refuse(), "MegaApiUnavailableException", NONE, 2),
                dryRun("connection reset before headers", USUAL,
                        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)), "MegaApiUnavailableException",
                        "GET ×3", 2),
                dryRun("connection reset after headers", USUAL, t -> t.resetAfterHeaders(), "MegaApiUnavailableException",
                        "GET ×3", 2),
                dryRun("empty reply", USUAL, answer(aResponse().withFault(Fault.EMPTY_RESPONSE)),
                        "MegaApiUnavailableException", "GET ×3", 2),
                dryRun("headers later than the read timeout (3 s)", USUAL, answer(okJson(CONNECTED).withFixedDelay(3000)),
                        "MegaApiTimeoutException", "GET ×3", 2),
                dryRun("no headers before the deadline (0.9 s left)", Duration.ofMillis(900),
                        answer(okJson(CONNECTED).withFixedDelay(5000)), "MegaApiTimeoutException", "GET", 0),
                dryRun("500", USUAL, answer(json(500, "{\"error\":true,\"message\":\"Internal error\"}")),
                        "MegaApiUnavailableException", "GET ×3", 2),
                dryRun("502 with an HTML body, then 200", USUAL, t -> t.thenAnswer(aResponse().withStatus(502)
                        .withHeader("Content-Type", "text/html").withBody("<html><body>502 Bad Gateway</body></html>"),
                        okJson(CONNECTED)), "DRY_RUN", "GET ×2", 1),
                dryRun("503 with Retry-After: 120", USUAL,
                        answer(aResponse().withStatus(503).withHeader("Retry-After", "120")), "MegaApiUnavailableException",
                        "GET", 0),
                dryRun("429 without Retry-After", USUAL, answer(aResponse().withStatus(429)),
                        "MegaApiUnavailableException", "GET", 0),
                dryRun("401", USUAL, answer(json(401, "{\"error\":true,\"message\":\"Invalid token\"}")),
                        "MegaApiRejectedException", "GET", 0),
                dryRun("404", USUAL, answer(json(404, "{\"error\":true,\"message\":\"Instance not found\"}")),
                        "UnknownInstanceException", "GET", 0),
                dryRun("200 with HTML", USUAL, answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body>ok</body></html>")), "MegaApiContractException", "GET", 0),
                dryRun("200 without instance.status", USUAL,
                        answer(okJson("{\"error\":false,\"instance\":{\"user\":{}}}")), "MegaApiContractException",
                        "GET", 0),
                dryRun("200 with \"error\": true", USUAL, answer(okJson("{\"error\":true,\"message\":\"not found\"}")),
                        "MegaApiContractException", "GET", 0),
                dryRun("200 with a 1 MB body", USUAL,
                        answer(okJson("{\"error\":false,\"instance\":{\"status\":\"" + "x".repeat(1 << 20) + "\"}}")),
                        "MegaApiContractException", "GET", 0),
                dryRun("301 to another host", USUAL, redirect(301), "MegaApiContractException", "GET", 0),
                dryRun("200 with a status never seen before", USUAL,
                        answer(okJson("{\"error\":false,\"instance\":{\"status\":\"qrcode\"}}")), "DRY_RUN", "GET", 0),
                dryRun("500 until the status reads' circuit breaker opened", USUAL, t -> t.afterStatusReadsFailed(),
                        "MegaApiCircuitOpenException", NONE, 0),
                fault("plain logout while the status reads' circuit breaker is open", USUAL,
                        t -> t.afterStatusReadsFailed(), "LOGGED_OUT", "DELETE", 0));
    }

    /** A confirmed logout: {@code {"instanceKey": "demo", "confirm": true}}; the poll waits 250, 500, 1000, 2000 ms. */
    static Stream<Case> confirmFaults() {
        return Stream.of(
                confirm("status read 500 before the logout", USUAL, t -> StatusScenarios.alwaysAnswers(t.megaApi, "demo",
                        json(500, "{\"error\":true,\"message\":\"Internal error\"}")), "MegaApiUnavailableException",
                        "GET ×3", 2),
                confirm("status read disconnected before the logout", USUAL,
                        t -> StatusScenarios.alwaysAnswers(t.megaApi, "demo", okJson(DISCONNECTED)), "ALREADY_DISCONNECTED",
                        "GET", 0),
                confirm("logout 500 after the status read connected", USUAL, t -> t.logoutFails(json(500,
                        "{\"error\":true,\"message\":\"Internal error\"}")), "MegaApiUnavailableException",
                        "GET, DELETE", 0),
                confirm("logout timed out after the status read connected (1.5 s left)", Duration.ofMillis(1500),
                        t -> t.logoutFails(okJson(OK).withFixedDelay(3000)), "MegaApiTimeoutException", "GET, DELETE", 0),
                confirm("status reads disconnected after the logout", USUAL,
                        t -> StatusScenarios.disconnectsAfter(t.megaApi, "demo", OK, 1), "LOGGED_OUT", "GET, DELETE, GET", 0),
                confirm("status read 500 after the logout, then disconnected", USUAL, t -> t.failsOnceAfterTheLogout(),
                        "LOGGED_OUT", "GET, DELETE, GET ×2", 1),
                confirm("status never reads disconnected (3.75 s left)", Duration.ofMillis(3750),
                        t -> StatusScenarios.alwaysAnswers(t.megaApi, "demo", okJson(CONNECTED)),
                        "LogoutNotConfirmedException", "GET, DELETE, GET ×3", 0),
                confirm("logout answered \"error\": true, status still connected", USUAL,
                        t -> StatusScenarios.disconnectsAfter(t.megaApi, "demo", "{\"error\":true,\"message\":\"busy\"}",
                                2),
                        "LogoutNotConfirmedException", "GET, DELETE, GET", 0),
                confirm("status read 401 after the logout", USUAL, t -> t.rejectsReadsAfterTheLogout(),
                        "LogoutNotConfirmedException", "GET, DELETE, GET", 0));
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
        // Each fault starts as after a pause: the gate's faults apply to new connections, not to one kept from before.
        KeptConnections.drop();
        fault.arrange().accept(this);
        int retriedBefore = count("logout retry ", TokenNeverLogged.captured());

        long started = System.nanoTime();
        String outcome = invoke(fault.event(), LambdaContext.remaining(fault.lambdaRemaining()));
        long answeredMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        String requests = inShort(StatusScenarios.received(megaApi));
        int retries = count("logout retry ", TokenNeverLogged.captured()) - retriedBefore;
        ROWS.add(String.format("| %s | %s s | %s | %s | %d | %d |", fault.name(),
                String.format("%.2f", fault.lambdaRemaining().toMillis() / 1000.0).replaceFirst("0$", ""), outcome,
                requests, retries, answeredMs));

        assertThat(outcome).isEqualTo(fault.outcome());
        assertThat(requests).as("requests Mega-API received, in order").isEqualTo(fault.requests());
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
    private String invoke(String event, LambdaContext context) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            function.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), answer, context);
        } catch (LogoutFailure failure) {
            assertThat(failure.getMessage()).doesNotContain(MegaApiStub.TOKEN);
            return failure.getClass().getSimpleName();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        String json = answer.toString(StandardCharsets.UTF_8);
        assertThat(json).doesNotContain(MegaApiStub.TOKEN);
        if (json.startsWith("{\"dryRun\":true,")) {
            return "DRY_RUN";
        }
        if (json.startsWith("{\"outcome\":")) {
            return json.replaceFirst("^\\{\"outcome\":\"([A-Z_]+)\".*", "$1");
        }
        return json.contains("\"error\":true") ? "ANSWERED_ERROR" : "LOGGED_OUT";
    }

    /** Five logouts answered 500, which opens the circuit breaker (4 of the last 5 attempts failed). */
    private void afterFiveFailures() {
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 5; i++) {
            assertThat(invoke(PLAIN, LambdaContext.remaining(USUAL))).isEqualTo("MegaApiUnavailableException");
        }
        megaApi.resetRequests();
    }

    private void resetAfterHeaders() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        gate.cutAfterHeaders();
    }

    private void thenOk(ResponseDefinitionBuilder first) {
        thenAnswer(first, okJson(OK));
    }

    private void thenAnswer(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
        megaApi.stubFor(any(anyUrl()).inScenario("busy").whenScenarioStateIs(STARTED).willReturn(first)
                .willSetStateTo("ready"));
        megaApi.stubFor(any(anyUrl()).inScenario("busy").whenScenarioStateIs("ready").willReturn(then));
    }

    /** Dry runs answered 500 until the status reads' breaker opens; logouts would be answered. */
    private void afterStatusReadsFailed() {
        megaApi.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));
        megaApi.stubFor(delete(anyUrl()).willReturn(okJson(OK)));
        for (int i = 0; i < 5 && !invoke(DRY_RUN, LambdaContext.remaining(USUAL)).equals("MegaApiCircuitOpenException"); i++) {
            assertThat(i).as("dry runs before the breaker opened").isLessThan(4);
        }
        megaApi.resetRequests();
    }

    /** The status reads connected; the logout fails with {@code answer}. */
    private void logoutFails(ResponseDefinitionBuilder answer) {
        megaApi.stubFor(get(urlEqualTo("/rest/instance/demo")).willReturn(okJson(CONNECTED)));
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/demo/logout")).willReturn(answer));
    }

    /** Connected; after the logout, one read answered 500 (retried at once: a read changes nothing), then disconnected. */
    private void failsOnceAfterTheLogout() {
        StatusScenarios.disconnectsAfter(megaApi, "demo", OK, 2);
        megaApi.stubFor(get(urlEqualTo("/rest/instance/demo")).inScenario("instance demo")
                .whenScenarioStateIs("read 1 after the logout").willSetStateTo("read 2 after the logout")
                .willReturn(json(500, "{\"error\":true,\"message\":\"Internal error\"}")));
    }

    /** Connected; after the logout, the status read is refused: another read would only be refused again. */
    private void rejectsReadsAfterTheLogout() {
        StatusScenarios.disconnectsAfter(megaApi, "demo", OK, 2);
        megaApi.stubFor(get(urlEqualTo("/rest/instance/demo")).inScenario("instance demo")
                .whenScenarioStateIs("read 1 after the logout")
                .willReturn(json(401, "{\"error\":true,\"message\":\"Invalid token\"}")));
    }

    /**
     * One logout, then the connection it used goes silent, as when Lambda froze the process and Mega-API's side dropped
     * the connection meanwhile, and the freeze lasts past the reuse window ({@link FaultMatrixProfile}). The next
     * invocation must not depend on it: nothing is written into the silent connection.
     */
    private void afterAFreeze() {
        silentWithinTheWindow();
        try {
            Thread.sleep(FaultMatrixProfile.CONNECTION_REUSE_MS + 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One logout, then the connection it used goes silent at once, without a FIN or a reset: what no server does to a
     * connection idle for under a second, short of a network failure, which would cut a new connection as well. The
     * window's risk, shown: the next logout is written into it and times out, and it is not sent again.
     */
    private void silentWithinTheWindow() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        assertThat(invoke(PLAIN, LambdaContext.remaining(USUAL))).isEqualTo("LOGGED_OUT");
        gate.strandOpenConnections();
        megaApi.resetRequests();
    }

    private static Case fault(String name, Duration remaining, Consumer<LogoutFunctionFaultMatrixTest> arrange,
            String outcome, String requests, int retries) {
        return new Case(name, remaining, PLAIN, arrange, outcome, requests, retries);
    }

    private static Case dryRun(String name, Duration remaining, Consumer<LogoutFunctionFaultMatrixTest> arrange,
            String outcome, String requests, int retries) {
        return new Case("dryRun: " + name, remaining, DRY_RUN, arrange, outcome, requests, retries);
    }

    private static Case confirm(String name, Duration remaining, Consumer<LogoutFunctionFaultMatrixTest> arrange,
            String outcome, String requests, int retries) {
        return new Case("confirm: " + name, remaining, CONFIRM, arrange, outcome, requests, retries);
    }

    /**
     * Requests as the matrix writes them: methods in order, a run of one as {@code "GET ×3"}, none as {@value #NONE}.
     * Each went to demo's path (checked here), with the token ({@link StatusScenarios#received}).
     */
    private static String inShort(List<String> requests) {
        List<String> runs = new ArrayList<>();
        String previous = null;
        int run = 0;
        for (String request : requests) {
            assertThat(request).isIn("GET /rest/instance/demo", "DELETE /rest/instance/demo/logout");
            String method = request.substring(0, request.indexOf(' '));
            if (method.equals(previous)) {
                run++;
            } else {
                if (previous != null) {
                    runs.add(run == 1 ? previous : previous + " ×" + run);
                }
                previous = method;
                run = 1;
            }
        }
        if (previous != null) {
            runs.add(run == 1 ? previous : previous + " ×" + run);
        }
        return runs.isEmpty() ? NONE : String.join(", ", runs);
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
