package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.megalogout.lambda.EventServer.event;
import static io.megalogout.lambda.EventServer.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.megalogout.TokenNeverLogged;
import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Lambda door end to end: event in through the mock event server, Mega-API as a real HTTP stub. */
@QuarkusTest
@WithTestResource(MegaApiStub.class)
class LogoutFunctionTest {

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Test
    void logsOutTheGivenInstanceAndReturnsTheAnswer() {
        String answer = "{\"error\":false,\"message\":\"Instance demo disconnected\"}";
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(answer)));

        invoke(event("demo")).statusCode(200).body(equalTo(answer));

        assertOneLogoutOf("demo");
    }

    @Test
    void returnsTheAnswerByteForByteWithExtraFieldsAndErrorTrue() {
        String answer = "{ \"message\" : \"instance not connected\", \"error\" : true, \"n\": 1.10, \"extra\": {\"a\": [1, null]} }";
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(answer)));

        invoke(event("megacode-AbC_123.x")).statusCode(200).body(equalTo(answer));

        assertOneLogoutOf("megacode-AbC_123.x");
    }

    @Test
    void acceptsAKeyOfTheMaximumLength() {
        String key = "k".repeat(128);
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));

        invoke(event(key)).statusCode(200);

        assertOneLogoutOf(key);
    }

    @Test
    void ignoresOtherFieldsOfTheEvent() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));

        invoke("{\"source\":\"step-functions\",\"instanceKey\":\"demo\",\"attempt\":2}").statusCode(200);

        assertOneLogoutOf("demo");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"dryRun\":false", "\"confirm\":false", "\"dryRun\":false,\"confirm\":false",
            "\"dryrunOptions\":true", "\"confirmed\":true" })
    void treatsBothModesSwitchedOffAsAPlainLogout(String fields) {
        String answer = "{\"error\":false,\"message\":\"Instance demo disconnected\"}";
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(answer)));

        invoke("{\"instanceKey\":\"demo\"," + fields + "}").statusCode(200).body(equalTo(answer));

        assertOneLogoutOf("demo");
        assertThat(TokenNeverLogged.captured()).containsPattern("instanceKey=demo mode=plain outcome=LOGGED_OUT"
                + " upstreamStatus=200 statusReads=0 durationMs=\\d+ caller=lambda\n");
    }

    @Test
    void turnsUpstream401IntoMegaApiRejectedWithoutTheToken() {
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":true,\"message\":\"Invalid token " + MegaApiStub.TOKEN + "\"}")));

        invoke(event("demo")).statusCode(500)
                .body("errorType", equalTo("io.megalogout.error.MegaApiRejectedException"))
                .body("errorMessage", allOf(containsString("'demo'"), containsString("HTTP 401"),
                        containsString("Invalid token ***"), not(containsString(MegaApiStub.TOKEN))));

        assertOneLogoutOf("demo");
    }

    private void assertOneLogoutOf(String encodedKey) {
        megaApi.verify(1, deleteRequestedFor(urlEqualTo("/rest/instance/" + encodedKey + "/logout"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + MegaApiStub.TOKEN)));
        assertThat(megaApi.getAllServeEvents()).hasSize(1);
    }
}
