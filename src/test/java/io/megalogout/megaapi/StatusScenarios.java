package io.megalogout.megaapi;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Mega-API's status endpoint for the tests of dry runs and confirmed logouts: an instance whose status changes with a
 * logout (WireMock scenarios, so the stub is stateful), and what Mega-API received, in order.
 */
public final class StatusScenarios {

    /** A logout answer with odd spacing and an extra field, to show that it is passed on as sent. */
    public static final String LOGOUT_ANSWER = "{ \"error\" : false, \"message\" : \"Instance demo disconnected\", \"n\": 1.10 }";

    private StatusScenarios() {
    }

    /** The {@code instance} object as Mega-API writes it (odd spacing, escapes, a number form), to be passed on as is. */
    public static String instance(String status) {
        return "{ \"key\":\"demo\", \"status\" : \"" + status + "\", \"user\": {\"id\": \"5511999999999@s.whatsapp.net\","
                + " \"name\": \"Jo\\u00e3o\", \"n\": 1.10} }";
    }

    /** A status answer around {@link #instance}. */
    public static String statusAnswer(String status) {
        return "{\"error\": false, \"message\": \"Instance data fetched\", \"instance\": " + instance(status) + "}";
    }

    /** Every status read of {@code key} answers {@code answer}; a logout answers {@link #LOGOUT_ANSWER}. */
    public static void alwaysAnswers(WireMockServer megaApi, String key, ResponseDefinitionBuilder answer) {
        megaApi.stubFor(get(urlEqualTo("/rest/instance/" + key)).willReturn(answer));
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/" + key + "/logout")).willReturn(okJson(LOGOUT_ANSWER)));
    }

    /**
     * {@code key} reads connected until its logout (answered {@code logoutAnswer}); the {@code reads}-th read after the
     * logout is the first that reads disconnected, and so are all after it.
     */
    public static void disconnectsAfter(WireMockServer megaApi, String key, String logoutAnswer, int reads) {
        disconnectsAfter(megaApi, key, "connected", logoutAnswer, reads);
    }

    /** Like {@link #disconnectsAfter(WireMockServer, String, String, int)}, reading {@code before} until the logout. */
    public static void disconnectsAfter(WireMockServer megaApi, String key, String before, String logoutAnswer, int reads) {
        String scenario = "instance " + key;
        megaApi.stubFor(get(urlEqualTo("/rest/instance/" + key)).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(okJson(statusAnswer(before))));
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/" + key + "/logout")).inScenario(scenario)
                .whenScenarioStateIs(STARTED).willSetStateTo("read 1 after the logout").willReturn(okJson(logoutAnswer)));
        for (int read = 1; read < reads; read++) {
            megaApi.stubFor(get(urlEqualTo("/rest/instance/" + key)).inScenario(scenario)
                    .whenScenarioStateIs("read " + read + " after the logout")
                    .willSetStateTo("read " + (read + 1) + " after the logout")
                    .willReturn(okJson(statusAnswer("connected"))));
        }
        megaApi.stubFor(get(urlEqualTo("/rest/instance/" + key)).inScenario(scenario)
                .whenScenarioStateIs("read " + reads + " after the logout")
                .willReturn(okJson(statusAnswer("disconnected"))));
    }

    /**
     * The requests Mega-API received, oldest first, as {@code "METHOD path"}; each must have carried the test token.
     */
    public static List<String> received(WireMockServer megaApi) {
        List<ServeEvent> events = new ArrayList<>(megaApi.getAllServeEvents());
        // WireMock lists the newest first.
        Collections.reverse(events);
        assertThat(events).allSatisfy(event -> assertThat(event.getRequest().getHeader("Authorization"))
                .as("the Authorization of %s", event.getRequest().getUrl()).isEqualTo("Bearer " + MegaApiStub.TOKEN));
        return events.stream().map(event -> event.getRequest().getMethod() + " " + event.getRequest().getUrl()).toList();
    }

    /** {@code count} copies of {@code request}, to write expected sequences. */
    public static List<String> times(int count, String request) {
        return Collections.nCopies(count, request);
    }
}
