package io.megalogout.lambda.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.megalogout.DocumentedRules;
import io.megalogout.lambda.packaged.EventCategory.Drawn;
import io.megalogout.lambda.packaged.EventOracle.LoggedOut;
import io.megalogout.lambda.packaged.EventOracle.Rejected;
import io.megalogout.lambda.packaged.EventOracle.Result;

/**
 * Fuzzes the Lambda event of the deployable artifact: {@code target/function.zip} under AWS's own runtime client (see
 * {@link PackagedFunction}), one process for all cases, against one WireMock Mega-API that answers every request with
 * 200 and {@value #ANSWER}. Runs in the integration-test phase, after package.
 * <p>
 * {@value #CASES} cases from the fixed base seed {@value #SEED}, so a CI run sends the same events every time; case i is
 * generated from (base seed, i) alone ({@link FuzzRandom}), so any case reruns by itself. {@code -Dfuzz.seed=},
 * {@code -Dfuzz.cases=} explore further, {@code -Dfuzz.case=} reruns one case. Each event is of one
 * {@link EventCategory}, and must end in exactly one of two ways, never in another error type (an unhandled exception),
 * a crash, a timeout, a request to any other path, or more than one request:
 * <ol type="a">
 * <li>the function answers Mega-API's answer unchanged, and Mega-API received exactly one request: {@code DELETE
 * /rest/instance/{K}/logout} with the Bearer token, where K is a valid key (1 to 128 of {@code A-Z a-z 0-9 . _ -}, not
 * starting with '.', without ".."), which needs no percent-encoding and so appears literally in the path;</li>
 * <li>the function answers with errorType {@code InvalidEventException} or {@code InvalidInstanceKeyException}, and
 * Mega-API received nothing.</li>
 * </ol>
 * Which one, and for (a) which key, is what {@link EventOracle} expects of the event. Finally, the token never appears in
 * anything the function wrote. The run prints a report (seed, cases, time, counts by category and result) and fails with
 * up to {@value #MAX_FAILURES} failing cases, each with its event and the command that reruns it.
 */
class PackagedFunctionFuzzIT {

    private static final int CASES = 10_000;
    private static final long SEED = 20261125L;
    private static final int MAX_FAILURES = 10;
    /** Below this many cases a category may get none by chance; from here on none is a broken weight table. */
    private static final int CASES_FOR_EVERY_CATEGORY = 1_000;

    private static final String TOKEN = "fuzz-fake-token-4";
    private static final String ANSWER = "{\"error\":false,\"message\":\"ok\"}";
    private static final String PATH_START = "/rest/instance/";
    private static final String PATH_END = "/logout";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer megaApi;
    private static PackagedFunction function;

    @BeforeAll
    static void startTheFunction() throws Exception {
        megaApi = new WireMockServer(wireMockConfig().dynamicPort());
        megaApi.start();
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(ANSWER)));
        function = PackagedFunction.start(Map.of("MEGAAPI_BASE_URL", megaApi.baseUrl(), "MEGAAPI_TOKEN", TOKEN,
                // WireMock speaks plain http here; prod refuses it unless told so explicitly.
                "MEGAAPI_ALLOW_PLAIN_HTTP", "true"));
    }

    @AfterAll
    static void stopTheFunction() throws Exception {
        try {
            String output = function.output();
            int token = output.indexOf(TOKEN);
            assertThat(token).as(() -> "the token in the function's output: ..."
                    + output.substring(Math.max(0, token - 300), Math.min(output.length(), token + 300))).isNegative();
        } finally {
            function.close();
            megaApi.stop();
        }
    }

    @Test
    void everyEventLogsOutOneValidKeyOrIsRejectedAsInvalidInput() throws Exception {
        long seed = property("fuzz.seed", SEED);
        List<Integer> indices = System.getProperty("fuzz.case") != null
                ? List.of((int) property("fuzz.case", 0))
                : IntStream.range(0, (int) property("fuzz.cases", CASES)).boxed().toList();
        FuzzReport report = new FuzzReport(seed, indices.size());
        long start = System.nanoTime();
        for (int index : indices) {
            if (report.failures().size() >= MAX_FAILURES || !runCase(seed, index, indices.size() == 1, report)) {
                break;
            }
        }
        System.out.println(report.summary((System.nanoTime() - start) / 1_000_000));

        assertThat(report.failures()).withFailMessage("%d failing case(s); a run stops after %d:%n%s",
                report.failures().size(), MAX_FAILURES, report.failureDetails()).isEmpty();
        if (indices.size() >= CASES_FOR_EVERY_CATEGORY) {
            assertThat(EventCategory.values()).as("categories that got no case: the weight table is broken")
                    .allSatisfy(category -> assertThat(report.casesOf(category)).as(category.label).isPositive());
        }
    }

    /** Generates case {@code index}, sends it and judges the outcome; false if the function can take no more events. */
    private static boolean runCase(long seed, int index, boolean alone, FuzzReport report) throws Exception {
        Drawn drawn;
        try {
            drawn = EventCategory.draw(FuzzRandom.forCase(seed, index));
        } catch (RuntimeException e) {
            report.notGenerated(index, e.toString());
            return true;
        }
        FuzzCase fuzzCase = drawn.fuzzCase();
        if (alone) {
            System.out.printf("case %d of base seed %d: %s (%s), expected %s, %,d bytes: %s%n", index, seed,
                    drawn.category().label, fuzzCase.detail(), fuzzCase.expected(), fuzzCase.event().length,
                    Bytes.printable(fuzzCase.event(), 4_000));
        }
        megaApi.resetRequests();
        RuntimeApiStandIn.Outcome outcome;
        try {
            outcome = function.invoke(fuzzCase.event());
        } catch (AssertionError noOutcome) {
            // After 60 s without an answer, the function is stuck: the cases after this one would tell nothing.
            report.failed(index, drawn.category(), fuzzCase, noOutcome.getMessage());
            return false;
        }
        try {
            Result result = resultOf(outcome);
            if (fuzzCase.expected().admits(result)) {
                report.passed(drawn.category(), result);
            } else {
                report.failed(index, drawn.category(), fuzzCase, "ended in " + result);
            }
        } catch (AssertionError | Exception broken) {
            report.failed(index, drawn.category(), fuzzCase, broken.getMessage());
        }
        return true;
    }

    /** Checks that the invocation ended in (a) or (b), whatever the event, and says which. */
    private static Result resultOf(RuntimeApiStandIn.Outcome outcome) throws Exception {
        assertThat(outcome.initFailed()).as("the function failed its init: %s", outcome.body()).isFalse();
        List<LoggedRequest> requests = megaApi.findAll(anyRequestedFor(anyUrl()));
        if (!outcome.failed()) {
            assertThat(outcome.body()).as("the function's answer").isEqualTo(ANSWER);
            assertThat(requests).as("requests to Mega-API").hasSize(1);
            LoggedRequest request = requests.get(0);
            assertThat(request.getMethod()).as("the method of %s", request.getUrl()).isEqualTo(RequestMethod.DELETE);
            assertThat(request.getHeader("Authorization")).as("the Authorization header").isEqualTo("Bearer " + TOKEN);
            String path = request.getUrl();
            assertThat(path).as("the logout path").startsWith(PATH_START).endsWith(PATH_END);
            String key = path.substring(PATH_START.length(), path.length() - PATH_END.length());
            assertThat(DocumentedRules.isValidKey(key)).as("the logged-out key %s is a valid key", path).isTrue();
            return new LoggedOut(key);
        }
        JsonNode error = JSON.readTree(outcome.body());
        assertThat(error.path("errorType").asText()).as("errorType of %s", outcome.body())
                .isIn(EventOracle.INVALID_EVENT, EventOracle.INVALID_KEY);
        assertThat(requests).as("requests to Mega-API after %s", outcome.body()).isEmpty();
        return new Rejected(error.path("errorType").asText());
    }

    /** A number given as a system property ({@code -Dname=...} on the Maven command line), or the default. */
    private static long property(String name, long defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + "=" + value + " is not a whole number", e);
        }
    }
}
