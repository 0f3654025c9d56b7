package io.megalogout.lambda.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.megalogout.DocumentedRules;
import io.megalogout.lambda.packaged.EventCategory.Drawn;
import io.megalogout.lambda.packaged.EventOracle.Confirmed;
import io.megalogout.lambda.packaged.EventOracle.DryRun;
import io.megalogout.lambda.packaged.EventOracle.Expected;
import io.megalogout.lambda.packaged.EventOracle.LoggedOut;
import io.megalogout.lambda.packaged.EventOracle.Rejected;
import io.megalogout.lambda.packaged.EventOracle.Result;

/**
 * Fuzzes the Lambda event of the deployable artifact: {@code target/function.zip} under AWS's own runtime client (see
 * {@link PackagedFunction}), one process for all cases, against one WireMock Mega-API that answers a logout with 200
 * and {@value #ANSWER}, and a status read with {@value #CONNECTED} until a logout, {@value #DISCONNECTED} after it
 * (a WireMock scenario, reset for each case). Runs in the integration-test phase, after package.
 * <p>
 * {@value #CASES} cases from the fixed base seed {@value #SEED}, so a CI run sends the same events every time; case i is
 * generated from (base seed, i) alone ({@link FuzzRandom}), so any case reruns by itself. {@code -Dfuzz.seed=},
 * {@code -Dfuzz.cases=} explore further, {@code -Dfuzz.case=} reruns one case. Each event is of one
 * {@link EventCategory}, and must end in exactly one of these ways, never in another error type (an unhandled exception),
 * a crash, a timeout, a request to any other path, or other requests:
 * <ol type="a">
 * <li>for one valid key K (1 to 128 of {@code A-Z a-z 0-9 . _ -}, not starting with '.', without ".."), which needs no
 * percent-encoding and so appears literally in the paths, every request with the Bearer token, either
 * <ul>
 * <li>a plain logout: Mega-API received exactly {@code DELETE /rest/instance/K/logout}, and the function answers
 * Mega-API's answer unchanged; or</li>
 * <li>a dry run: Mega-API received exactly {@code GET /rest/instance/K}, never a {@code DELETE}, and the function
 * answers what the logout would send and the instance as sent; or</li>
 * <li>a confirmed logout: Mega-API received exactly {@code GET /rest/instance/K}, {@code DELETE
 * /rest/instance/K/logout}, {@code GET /rest/instance/K}, in that order, and the function answers {@code LOGGED_OUT}
 * with both answers as sent;</li>
 * </ul>
 * </li>
 * <li>the function answers with errorType {@code InvalidEventException} or {@code InvalidInstanceKeyException}, and
 * Mega-API received nothing.</li>
 * </ol>
 * Which one, and for (a) which mode and key, is what {@link EventOracle} expects of the event; but the function serves
 * listed instances only ({@code megaapi.unlisted-instances=refuse}), and a valid key that {@link Listing} leaves out of
 * the instances file ends in {@code InstanceNotConfiguredException} with nothing sent. Finally, the token never appears
 * in
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
    private static final String CONNECTED = "{\"error\":false,\"message\":\"ok\",\"instance\":{\"status\":\"connected\"}}";
    private static final String DISCONNECTED = "{\"error\":false,\"instance\": {\"status\" : \"disconnected\"} }";
    private static final String SCENARIO = "instance";
    private static final String PATH_START = "/rest/instance/";
    private static final String PATH_END = "/logout";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer megaApi;
    private static PackagedFunction function;
    private static Path instancesFile;

    @BeforeAll
    static void startTheFunction() throws Exception {
        megaApi = new WireMockServer(wireMockConfig().dynamicPort());
        megaApi.start();
        megaApi.stubFor(delete(urlPathMatching(PATH_START + "[^/]+" + PATH_END)).inScenario(SCENARIO)
                .willSetStateTo("logged out").willReturn(okJson(ANSWER)));
        megaApi.stubFor(get(urlPathMatching(PATH_START + "[^/]+")).inScenario(SCENARIO).whenScenarioStateIs(STARTED)
                .willReturn(okJson(CONNECTED)));
        megaApi.stubFor(get(urlPathMatching(PATH_START + "[^/]+")).inScenario(SCENARIO).whenScenarioStateIs("logged out")
                .willReturn(okJson(DISCONNECTED)));
        instancesFile = Files.createTempDirectory("fuzz-instances").resolve("instances.json");
        Files.writeString(instancesFile, "{}");
        function = PackagedFunction.start(Map.of("MEGAAPI_BASE_URL", megaApi.baseUrl(), "MEGAAPI_TOKEN", TOKEN,
                // WireMock speaks plain http here; prod refuses it unless told so explicitly.
                "MEGAAPI_ALLOW_PLAIN_HTTP", "true",
                // A confirmed logout reads the status again 10 ms after the logout, not 250 ms.
                "CONFIRM_POLL_INITIAL_DELAY_MS", "10",
                // Only listed instances are served, as the template has it with an instances source; the file is read
                // again for every key it does not list (no wait), so that each case's own file is the one read.
                "MEGAAPI_UNLISTED_INSTANCES", "refuse", "MEGAAPI_INSTANCES_FILE", instancesFile.toString(),
                "MEGAAPI_INSTANCES_RECHECK_MS", "0"));
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
    void everyEventSendsWhatItAsksForToOneValidKeyOrIsRejectedAsInvalidInput() throws Exception {
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
        Expected expected = Listing.expected(fuzzCase.expected());
        Listing.write(instancesFile, fuzzCase.expected());
        megaApi.resetRequests();
        megaApi.resetScenarios();
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
            if (expected.admits(result)) {
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
        List<LoggedRequest> requests = received();
        if (outcome.failed()) {
            JsonNode error = JSON.readTree(outcome.body());
            assertThat(error.path("errorType").asText()).as("errorType of %s", outcome.body())
                    .isIn(EventOracle.INVALID_EVENT, EventOracle.INVALID_KEY, Listing.NOT_CONFIGURED);
            assertThat(requests).as("requests to Mega-API after %s", outcome.body()).isEmpty();
            return new Rejected(error.path("errorType").asText());
        }
        assertThat(requests).as("requests to Mega-API").isNotEmpty().allSatisfy(request -> assertThat(
                request.getHeader("Authorization")).as("the Authorization header").isEqualTo("Bearer " + TOKEN));
        String key = keyOf(requests.get(0));
        String get = "GET " + PATH_START + key;
        String delete = "DELETE " + PATH_START + key + PATH_END;
        List<String> sent = requests.stream().map(r -> r.getMethod() + " " + r.getUrl()).toList();
        if (sent.equals(List.of(delete))) {
            assertThat(outcome.body()).as("the function's answer").isEqualTo(ANSWER);
            return new LoggedOut(key);
        }
        if (sent.equals(List.of(get))) {
            assertThat(outcome.body()).as("the function's answer").isEqualTo("{\"dryRun\":true,\"wouldSend\":\"DELETE "
                    + megaApi.baseUrl() + PATH_START + key + PATH_END + "\",\"instance\":{\"status\":\"connected\"}}");
            return new DryRun(key);
        }
        assertThat(sent).as("requests to Mega-API, in order").containsExactly(get, delete, get);
        assertThat(outcome.body()).as("the function's answer").isEqualTo("{\"outcome\":\"LOGGED_OUT\",\"confirmed\":true,"
                + "\"logout\":" + ANSWER + ",\"instance\":{\"status\" : \"disconnected\"}}");
        return new Confirmed(key);
    }

    /** Every request Mega-API received for this case, oldest first. */
    private static List<LoggedRequest> received() {
        List<LoggedRequest> requests = new ArrayList<>(megaApi.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .toList());
        // WireMock lists the newest first.
        Collections.reverse(requests);
        return requests;
    }

    /** The key in the path of a request the function sent: one that needs no encoding, so it appears as it is. */
    private static String keyOf(LoggedRequest request) {
        String path = request.getUrl();
        assertThat(path).as("the path of %s", request.getMethod()).startsWith(PATH_START);
        String key = path.substring(PATH_START.length()).replaceFirst(PATH_END + "$", "");
        assertThat(DocumentedRules.isValidKey(key)).as("the key in %s is a valid key", path).isTrue();
        return key;
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
