package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.megalogout.http.Door.event;
import static io.megalogout.http.Door.logout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;
import io.megalogout.megaapi.StatusScenarios;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A Mega-API that fails or hangs: 504 at the deadline, then a paused breaker, 503 with Retry-After, still ready, and
 * wellness DOWN; or failing status reads, which pause dry runs and confirmed logouts but neither plain logouts nor
 * wellness; or a throttling Mega-API (429), which pauses nothing.
 */
@QuarkusTest
@TestProfile(PausedMegaApiProfile.class)
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
class LogoutResourceFailingMegaApiTest {

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Test
    void answersGatewayTimeoutWhenMegaApiDoesNotAnswerInTime() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"late\"}")
                .withFixedDelay((int) PausedMegaApiProfile.TIMEOUT_MS + 3_000)));

        logout(event("demo")).statusCode(504)
                .contentType(LogoutResourceTest.PROBLEM)
                .body("type", equalTo("tag:megalogout.io,2026:problems/megaapi-timeout"))
                .body("errorType", equalTo("io.megalogout.error.MegaApiTimeoutException"))
                .body("detail", containsString("may or may not have happened"));

        assertThat(megaApi.getAllServeEvents()).hasSize(1);
    }

    @Test
    void pausesAfterRepeatedFailuresAndSaysWhenToComeBack() {
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        logout(event("demo")).statusCode(502);
        logout(event("demo")).statusCode(502);

        logout(event("demo")).statusCode(503)
                .contentType(LogoutResourceTest.PROBLEM)
                .header("Retry-After", "60")
                .body("type", equalTo("tag:megalogout.io,2026:problems/megaapi-paused"))
                .body("errorType", equalTo("io.megalogout.error.MegaApiCircuitOpenException"))
                .body("instanceKey", equalTo("demo"));
        Door.management().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'megaapi' }.data.circuitBreaker", equalTo("open"))
                .body("checks.find { it.name == 'megaapi' }.data.openBreakers", equalTo("megaapi-logout:" + megaApi.baseUrl()));

        assertThat(megaApi.getAllServeEvents()).as("nothing sent while paused").hasSize(2);
    }

    /** The pod stays in the Service: its callers get the 503 problem with Retry-After, not connection errors. */
    @Test
    void staysReadyWhileTheDefaultHostIsPaused() {
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        logout(event("demo")).statusCode(502);
        logout(event("demo")).statusCode(502);
        Door.management().get("/q/health/well").then().statusCode(503);

        Door.management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'megaapi' }", nullValue());
    }

    /** One token throttled does not pause its host: more 429s than the breaker looks at, then the logout is sent. */
    @Test
    void keepsSendingLogoutsWhileMegaApiThrottles() {
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)));
        for (int i = 0; i < 3; i++) {
            logout(event("demo")).statusCode(502)
                    .body("type", equalTo("tag:megalogout.io,2026:problems/megaapi-unavailable"))
                    .body("detail", containsString("HTTP 429"));
        }
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));

        logout(event("demo")).statusCode(200);

        Door.management().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'megaapi' }.data.openBreakers", equalTo(""));
        assertThat(megaApi.getAllServeEvents()).as("every 429, then the logout").hasSize(4);
    }

    @Test
    void pausesStatusReadsAloneWhenTheyFailRepeatedly() {
        megaApi.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));
        megaApi.stubFor(delete(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));

        logout("{\"instanceKey\":\"demo\",\"dryRun\":true}").statusCode(503)
                .contentType(LogoutResourceTest.PROBLEM)
                .header("Retry-After", "60")
                .body("type", equalTo("tag:megalogout.io,2026:problems/megaapi-paused"))
                .body("detail", containsString("status reads are paused"));
        logout("{\"instanceKey\":\"demo\",\"confirm\":true}").statusCode(503);
        Door.management().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'megaapi' }.data.circuitBreaker", equalTo("closed"))
                .body("checks.find { it.name == 'megaapi' }.data.statusCircuitBreaker", equalTo("open"));
        logout(event("demo")).statusCode(200);

        assertThat(StatusScenarios.received(megaApi)).as("two reads until the breaker opened, then only the logout")
                .containsExactly("GET /rest/instance/demo", "GET /rest/instance/demo", "DELETE /rest/instance/demo/logout");
    }
}
