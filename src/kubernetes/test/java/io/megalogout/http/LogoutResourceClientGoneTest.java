package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.megalogout.http.Door.event;
import static io.megalogout.http.DoorSettingsForTests.METERED_KEY;
import static io.megalogout.megaapi.StatusScenarios.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * A client that goes away before its answer: the logout still runs to its end (and is recorded), and the caller's
 * place comes back then. Were it kept, each such client would take one of {@code metered}'s places (one) for good.
 */
@QuarkusTest
@TestProfile(GenerousSharesProfile.class)
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
class LogoutResourceClientGoneTest {

    private static final String OK = "{\"error\":false,\"message\":\"ok\"}";

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Test
    void givesTheCallersPlaceBackWhenItsClientGoesAwayBeforeTheAnswer() throws InterruptedException {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/metered-slow/logout")).willReturn(okJson(OK)
                .withFixedDelay(2_000)));
        RestAssuredConfig impatient = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 300));

        assertThatThrownBy(() -> Door.withKey(METERED_KEY).config(impatient).body(event("metered-slow")).post("/logout"))
                .isInstanceOf(SocketTimeoutException.class);

        // Busy until the slow logout ends; then the place is back (no answer but 503 and 200 is possible).
        int status = 503;
        for (int look = 0; look < 200 && status == 503; look++) {
            status = Door.withKey(METERED_KEY).body(event("metered-1")).post("/logout").then().extract().statusCode();
            if (status == 503) {
                Thread.sleep(50);
            }
        }
        assertThat(status).as("metered's one place, after its client went away").isEqualTo(200);
        assertThat(megaApi.findAll(deleteRequestedFor(urlEqualTo("/rest/instance/metered-slow/logout")))).hasSize(1);
        assertThat(received(megaApi)).endsWith("DELETE /rest/instance/metered-1/logout");
    }
}
