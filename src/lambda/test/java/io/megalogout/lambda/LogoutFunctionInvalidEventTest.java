package io.megalogout.lambda;

import static io.megalogout.lambda.EventServer.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every unusable event ends in one of our two input errors, and Mega-API receives nothing at all. */
@QuarkusTest
@WithTestResource(MegaApiStub.class)
class LogoutFunctionInvalidEventTest {

    private static final String INVALID_EVENT = "io.megalogout.error.InvalidEventException";
    private static final String INVALID_KEY = "io.megalogout.error.InvalidInstanceKeyException";

    @InjectMegaApiStub
    WireMockServer megaApi;

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not json", "[]", "[{\"instanceKey\":\"demo\"}]", "\"demo\"", "42", "null", "true", "{}",
            "{\"instanceKey\":null}", "{\"instanceKey\":42}", "{\"instanceKey\":true}", "{\"instanceKey\":{\"k\":\"demo\"}}",
            "{\"instanceKey\":[\"demo\"]}", "{\"InstanceKey\":\"demo\"}", "{\"instance_key\":\"demo\"}",
            "{\"instanceKey\":\"demo\"", "{\"instanceKey\":\"demo\",\"instanceKey\":\"other\"}",
            "{\"instanceKey\":\"demo\"} {\"instanceKey\":\"other\"}", "{\"instanceKey\":\"demo\"}]", "{instanceKey:\"demo\"}",
            "{'instanceKey':'demo'}" })
    void rejectsAnEventThatIsNotAnObjectWithAStringKey(String event) {
        invoke(event).statusCode(500)
                .body("errorType", equalTo(INVALID_EVENT))
                .body("errorMessage", startsWith("Invalid event: "));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    /**
     * The opt-in fields must be JSON booleans, not both true, once each, and spelt as documented: otherwise nothing is
     * sent, so that an event meant as a dry run can never be taken for a logout.
     */
    @ParameterizedTest
    @ValueSource(strings = { "\"dryRun\":\"true\"", "\"dryRun\":1", "\"dryRun\":0", "\"dryRun\":null", "\"dryRun\":{}",
            "\"dryRun\":[true]", "\"dryRun\":\"false\"", "\"confirm\":\"yes\"", "\"confirm\":null", "\"confirm\":1",
            "\"dryRun\":true,\"confirm\":true", "\"confirm\":true,\"dryRun\":true", "\"dryRun\":true,\"dryRun\":true",
            "\"dryRun\":true,\"dryRun\":false", "\"confirm\":false,\"confirm\":true", "\"dryrun\":true", "\"DryRun\":true",
            "\"dry_run\":true", "\"dry-run\":true", "\"dryRun \":true", "\"DRYRUN\":false", "\"Confirm\":true",
            "\"CONFIRM\":true", "\"confirm_\":true" })
    void rejectsAModeFieldThatIsNotOneBooleanOfItsDocumentedName(String fields) {
        invoke("{\"instanceKey\":\"demo\"," + fields + "}").statusCode(500)
                .body("errorType", equalTo(INVALID_EVENT))
                .body("errorMessage", startsWith("Invalid event: "));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "dryRun", "confirm" })
    void rejectsAnInvalidKeyOfADryRunOrConfirmedLogoutWithoutCallingMegaApi(String mode) {
        invoke("{\"instanceKey\":\"a/b\",\"" + mode + "\":true}").statusCode(500)
                .body("errorType", equalTo(INVALID_KEY));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", " ", "\t", " demo", "demo ", "demo\n", "\ndemo", "a/b", "/demo", "demo/", "a\\b", "a?b", "a#b", "a%2Fb",
            "%2e%2e", "a%b", ".", "..", "../admin", "demo/../other", "a..b", ".hidden", "a b", "a\u0000b", "a\tb",
            "a\rb", "a\u007fb", "a\u0085b", "inst\u00e2ncia", "demo\u202e", "\u0434\u0435\u043c\u043e", "a;b", "a:b",
            "a@b", "a+b", "a&b=c", "a\"b", "<script>" })
    void rejectsAKeyOutsideTheSafeSet(String key) {
        invoke(eventWith(key)).statusCode(500)
                .body("errorType", equalTo(INVALID_KEY))
                .body("errorMessage", startsWith("Invalid instanceKey: "));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void rejectsAKeyOverTheMaximumLength() {
        invoke(eventWith("k".repeat(129))).statusCode(500)
                .body("errorType", equalTo(INVALID_KEY))
                .body("errorMessage", equalTo("Invalid instanceKey: it has 129 characters, more than 128"));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    /**
     * Bytes that are not UTF-8 around or inside the key. The overlong forms decode leniently to ASCII ("C1 A4" to 'd',
     * "C0 AE" and "E0 80 AE" to '.'), so a lax decoder would log out a key the caller never wrote.
     */
    @ParameterizedTest
    @ValueSource(strings = { "C3 28", "C1 A4", "C0 AE", "E0 80 AE", "ED A0 80", "F4 90 80 80", "F8 88 80 80 80", "80",
            "FF" })
    void rejectsInvalidUtf8(String hex) {
        byte[] start = "{\"instanceKey\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] end = "emo\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = HexFormat.ofDelimiter(" ").parseHex(hex);
        byte[] event = new byte[start.length + bad.length + end.length];
        System.arraycopy(start, 0, event, 0, start.length);
        System.arraycopy(bad, 0, event, start.length, bad.length);
        System.arraycopy(end, 0, event, start.length + bad.length, end.length);

        invoke(event).statusCode(500).body("errorType", equalTo(INVALID_EVENT))
                .body("errorMessage", equalTo("Invalid event: it is not valid UTF-8"));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void rejectsDeeplyNestedJson() {
        String event = "{\"instanceKey\":\"demo\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        invoke(event).statusCode(500).body("errorType", equalTo(INVALID_EVENT));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void neverEchoesControlCharactersOfARejectedKey() {
        invoke(eventWith("a\nFAKE LOG LINE")).statusCode(500)
                .body("errorType", equalTo(INVALID_KEY))
                .body("errorMessage", not(containsString("\n")));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    private static String eventWith(String key) {
        try {
            return new ObjectMapper().writeValueAsString(Map.of("instanceKey", key));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
