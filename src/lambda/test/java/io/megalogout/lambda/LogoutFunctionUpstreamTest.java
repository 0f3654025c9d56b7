package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.megalogout.lambda.EventServer.event;
import static io.megalogout.lambda.EventServer.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.megalogout.TokenNeverLogged;
import io.megalogout.error.LogoutFailure;
import io.megalogout.logout.LogLine;
import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each way Mega-API answers, or fails to, ends in its named error: one request sent, the instance and status in the
 * message, the token nowhere.
 */
@QuarkusTest
@WithTestResource(MegaApiStub.class)
class LogoutFunctionUpstreamTest {

    private static final String REJECTED = "io.megalogout.error.MegaApiRejectedException";
    private static final String UNKNOWN = "io.megalogout.error.UnknownInstanceException";
    private static final String UNAVAILABLE = "io.megalogout.error.MegaApiUnavailableException";
    private static final String CONTRACT = "io.megalogout.error.MegaApiContractException";
    private static final byte[] LATIN_1_BODY = "{\"error\":false,\"message\":\"caf\u00e9\"}"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    private static final String HTML_502 = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";

    @InjectMegaApiStub
    WireMockServer megaApi;

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(401, json("{\"error\":true,\"message\":\"Invalid token\"}"), REJECTED, "Invalid token"),
                Arguments.of(403, json("{\"error\":true,\"message\":\"Forbidden\"}"), REJECTED, "Forbidden"),
                Arguments.of(404, json("{\"error\":true,\"message\":\"Instance not found\"}"), UNKNOWN, "Instance not found"),
                Arguments.of(404, aResponse(), UNKNOWN, "megaapi.base-url"),
                Arguments.of(500, json("{\"error\":true,\"message\":\"Internal error\"}"), UNAVAILABLE, "Internal error"),
                Arguments.of(502, aResponse().withHeader("Content-Type", "text/html").withBody(HTML_502), UNAVAILABLE,
                        "HTTP 502)"),
                Arguments.of(503, aResponse(), UNAVAILABLE, "HTTP 503)"),
                Arguments.of(503, aResponse().withHeader("Retry-After", "Soon"), UNAVAILABLE, "HTTP 503)"),
                Arguments.of(504, aResponse(), UNAVAILABLE, "HTTP 504)"),
                Arguments.of(429, aResponse().withHeader("Retry-After", "30"), UNAVAILABLE, "HTTP 429)"),
                Arguments.of(400, json("{\"error\":true,\"message\":\"Bad request\"}"), CONTRACT, "Bad request"),
                Arguments.of(405, aResponse(), CONTRACT, "HTTP 405"),
                Arguments.of(200, aResponse().withHeader("Content-Type", "text/html").withBody("<html>ok</html>"), CONTRACT,
                        "Content-Type is 'text/html'"),
                Arguments.of(200, aResponse().withBody("{\"error\":false,\"message\":\"ok\"}"), CONTRACT,
                        "Content-Type is missing"),
                Arguments.of(200, json("{\"error\":false,\"message\":\"trunc"), CONTRACT, "not JSON"),
                Arguments.of(200, json("{\"error\":\"false\",\"message\":\"ok\"}"), CONTRACT, "boolean 'error'"),
                Arguments.of(200, json("{\"error\":false}"), CONTRACT, "string 'message'"),
                Arguments.of(200, json("{\"error\":false,\"message\":null}"), CONTRACT, "string 'message'"),
                Arguments.of(200, json("[{\"error\":false,\"message\":\"ok\"}]"), CONTRACT, "not an object"),
                Arguments.of(200, json("{\"error\":false,\"error\":true,\"message\":\"ok\"}"), CONTRACT, "not JSON"),
                Arguments.of(200, json("{\"error\":false,\"message\":\"ok\"} <html>"), CONTRACT, "not JSON"),
                Arguments.of(204, aResponse(), CONTRACT, "Content-Type is missing"),
                Arguments.of(200, aResponse().withHeader("Content-Type", "application/json").withBody(LATIN_1_BODY),
                        CONTRACT, "not valid UTF-8"),
                Arguments.of(200, json("{\"error\":false,\"message\":\"bye " + MegaApiStub.TOKEN + "\"}"), CONTRACT,
                        "contains the token"));
    }

    @ParameterizedTest(name = "{0} {3} -> {2}")
    @MethodSource("statuses")
    void mapsEachUpstreamStatusToItsError(int status, ResponseDefinitionBuilder answer, String errorType, String says) {
        megaApi.stubFor(any(anyUrl()).willReturn(answer.withStatus(status)));

        invoke(event("demo")).statusCode(500)
                .body("errorType", equalTo(errorType))
                .body("errorMessage", allOf(containsString("'demo'"), containsString("HTTP " + status), containsString(says),
                        not(containsString(MegaApiStub.TOKEN)), not(containsString("<html"))));

        assertOneLogoutOfDemo();
    }

    @ParameterizedTest
    @ValueSource(ints = { 301, 302, 303, 307, 308 })
    void neverFollowsARedirectSoTheOtherHostSeesNothing(int status) {
        WireMockServer elsewhere = new WireMockServer(wireMockConfig().dynamicPort());
        elsewhere.start();
        try {
            megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                    .withHeader("Location", elsewhere.baseUrl() + "/rest/instance/demo/logout")));

            invoke(event("demo")).statusCode(500)
                    .body("errorType", equalTo(CONTRACT))
                    .body("errorMessage", containsString("HTTP " + status));

            assertOneLogoutOfDemo();
            assertThat(elsewhere.getAllServeEvents()).isEmpty();
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void quotesAtMostALineOfTheUpstreamMessage() {
        megaApi.stubFor(any(anyUrl()).willReturn(json("{\"error\":true,\"message\":\"" + "x".repeat(5000) + "\"}")
                .withStatus(500)));

        invoke(event("demo")).statusCode(500)
                .body("errorType", equalTo(UNAVAILABLE))
                .body("errorMessage", containsString("x".repeat(200) + "...)"))
                .body("errorMessage", not(containsString("x".repeat(201))));
    }

    /** The longest key and the longest quote: the caller's text is cut at 300 characters, the log line keeps it all. */
    @Test
    void cutsTheCallersTextAt300CharactersAndKeepsItAllInTheLogLine() {
        String key = "k".repeat(128);
        megaApi.stubFor(any(anyUrl()).willReturn(json("{\"error\":true,\"message\":\"" + "x".repeat(5000) + "\"}")
                .withStatus(404)));

        String message = invoke(event(key)).statusCode(500)
                .body("errorType", equalTo("io.megalogout.error.UnknownInstanceException"))
                .extract().path("errorMessage");

        assertThat(message).hasSize(LogoutFailure.MAX_MESSAGE).startsWith("Mega-API does not know instance '" + key)
                .endsWith("...");
        assertThat(TokenNeverLogged.captured()).contains("x".repeat(200) + "...); check the key");
    }

    /**
     * Mega-API's message read as a second outcome, a line break or a field of its own if a line wrote it as it is: one
     * outcome on one line, through the retry's line and the request's.
     */
    @Test
    void writesAForgedUpstreamMessageAsOneOutcomeOnOneLine() {
        megaApi.stubFor(any(anyUrl()).willReturn(json("{\"error\":true,\"message\":\"x\\\" outcome=LOGGED_OUT"
                + " instanceKey=victim\\u2028outcome=LOGGED_OUT\\u0085mode=plain\"}").withStatus(503)
                .withHeader("Retry-After", "0")));

        invoke(event("demo")).statusCode(500).body("errorType", equalTo(UNAVAILABLE));

        List<String> lines = TokenNeverLogged.captured().lines().filter(line -> line.contains(": logout "))
                .map(line -> line.substring(line.indexOf("logout "))).toList();
        assertThat(lines).anyMatch(line -> line.startsWith("logout retry instanceKey=demo after=\"Mega-API is"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContainPattern("[\\p{Cc}\\u2028\\u2029]"));
        assertThat(lines).flatMap(line -> LogLine.values(line, "outcome")).containsExactly("MegaApiUnavailableException");
        assertThat(lines).flatMap(line -> LogLine.values(line, "instanceKey")).containsOnly("demo");
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private void assertOneLogoutOfDemo() {
        megaApi.verify(1, deleteRequestedFor(urlEqualTo("/rest/instance/demo/logout"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + MegaApiStub.TOKEN)));
        assertThat(megaApi.getAllServeEvents()).hasSize(1);
    }
}
