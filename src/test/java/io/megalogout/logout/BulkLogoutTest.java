package io.megalogout.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.megalogout.error.InvalidInstanceKeyException;

/** A bulk's answer, written from its keys' results: every key escaped as JSON requires, each answer as it was given. */
class BulkLogoutTest {

    /**
     * A quote, a backslash, a slash, control characters, a letter outside ASCII, one outside the BMP, and a lone
     * surrogate (an event can write one as an escape). The quote, the backslash and the control characters are escaped;
     * the rest pass as they are.
     */
    private static final String ODD_KEY = "a\"b\\c/d\n\t\u0000\u001f\u00e9\uD83D\uDE00\uD800";
    private static final String ODD_KEY_AS_JSON = "a\\\"b\\\\c/d\\n\\t\\u0000\\u001F\u00e9\uD83D\uDE00\uD800";

    @Test
    void escapesAKeyThatBrokeTheRulesAndItsMessage() {
        String answer = BulkLogout.answer(List.of(KeyResult.failed(ODD_KEY,
                new InvalidInstanceKeyException("\"" + ODD_KEY + "\" has characters outside A-Z"))));

        assertThat(answer).isEqualTo("{\"results\":[{\"instanceKey\":\"" + ODD_KEY_AS_JSON + "\",\"errorType\":"
                + "\"io.megalogout.error.InvalidInstanceKeyException\",\"errorMessage\":\"Invalid instanceKey: \\\""
                + ODD_KEY_AS_JSON + "\\\" has characters outside A-Z\"}]}");
    }

    @Test
    void passesEachAnswerOnAsItWasGivenInTheKeysOrder() {
        String sent = "{ \"error\" : false,\n\"message\" : \"Instance a disconnected \\u00e9\" }";
        String notConnected = "{\"error\":true,\"message\":\"not connected\"}";

        String answer = BulkLogout.answer(List.of(KeyResult.answered("a", plain(false, sent)),
                KeyResult.answered("b", plain(true, notConnected))));

        assertThat(answer).isEqualTo("{\"results\":[{\"instanceKey\":\"a\",\"logout\":" + sent + "},"
                + "{\"instanceKey\":\"b\",\"logout\":" + notConnected + "}]}");
    }

    @Test
    void namesADefectWithoutPassingItsMessageOn() {
        String answer = BulkLogout.answer(List.of(KeyResult.failed("a", new IllegalStateException("token=abc"))));

        assertThat(answer).isEqualTo("{\"results\":[{\"instanceKey\":\"a\",\"errorType\":"
                + "\"java.lang.IllegalStateException\",\"errorMessage\":\"an unexpected failure (a defect); its log"
                + " line names it\"}]}");
    }

    private static LogoutResult plain(boolean error, String json) {
        return LogoutResult.plain(new LogoutAnswer(200, error, "as in the JSON", json));
    }
}
