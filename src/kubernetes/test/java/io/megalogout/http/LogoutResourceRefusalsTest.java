package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.megalogout.http.Door.event;
import static io.megalogout.http.DoorSettingsForTests.ACME_KEY;
import static io.megalogout.http.DoorSettingsForTests.METERED_KEY;
import static io.megalogout.http.DoorSettingsForTests.OPS_KEY;
import static io.megalogout.megaapi.StatusScenarios.received;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.megalogout.TokenNeverLogged;
import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * What the door refuses before anything is sent, and the audit record of each refusal: one WARN line (found here by
 * the caller's own request id) and, for a missing key, an instance outside the caller's and a used-up minute, one count
 * in {@code megalogout_refused_total}. The caller {@code metered} spends at most two of its
 * {@value DoorSettingsForTests#METERED_PER_MINUTE} logouts a minute in this class, whatever the order of its tests.
 */
@QuarkusTest
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
class LogoutResourceRefusalsTest {

    private static final String OK = "{\"error\":false,\"message\":\"ok\"}";
    private static final String WRONG_KEY = TokenNeverLogged.API_KEY_PREFIX + "wrong-00001";

    @InjectMegaApiStub
    WireMockServer megaApi;

    /** Callers of their own, not the common pool: see {@link LogoutResourceOverloadTest}. */
    private final ExecutorService callers = Executors.newFixedThreadPool(1);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", WRONG_KEY })
    void recordsAMissingOrWrongKeyAsOneLineOfNobodyAndCountsIt(String key) {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        String series = refused("-", "unauthorized");
        double before = Door.counter(series);
        String id = "unauthorized-" + (key.isEmpty() ? "none" : "wrong");
        RequestSpecification request = given().contentType(ContentType.JSON).header(RequestIds.HEADER, id);

        (key.isEmpty() ? request : request.header("Authorization", "Bearer " + key)).body(event("acme-1"))
                .post("/logout").then().statusCode(401).header(RequestIds.HEADER, id)
                .body("type", equalTo("tag:megalogout.io,2026:problems/unauthorized"));

        assertThat(RequestLines.where("callerRequestId", id)).singleElement().asString().matches("WARN: logout requestId="
                + RequestLines.UUID + " instanceKey=- mode=- outcome=NotAuthenticatedException upstreamStatus=-"
                + " statusReads=0 durationMs=\\d+ caller=- client=127\\.0\\.0\\.1 callerRequestId=" + id + " detail=.*");
        assertThat(TokenNeverLogged.captured()).doesNotContain("wrong-00001");
        assertThat(Door.counter(series) - before).isEqualTo(1);
        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void recordsAnInstanceOutsideTheCallersAsOneLineOfTheCallerAndCountsIt() {
        String series = refused("acme", "forbidden-instance");
        String failed = "megalogout_logouts_total{caller=\"acme\",error_type=\"InstanceNotAllowedException\","
                + "mode=\"plain\",outcome=\"FAILED\"}";
        double before = Door.counter(series);
        double failedBefore = Door.counter(failed);

        withId(ACME_KEY, "forbidden-1").body(event("beta-1")).post("/logout").then().statusCode(403)
                .header(RequestIds.HEADER, "forbidden-1");

        assertThat(RequestLines.where("callerRequestId", "forbidden-1")).singleElement().asString()
                .matches("WARN: logout requestId=" + RequestLines.UUID + " instanceKey=beta-1 mode=plain"
                        + " outcome=InstanceNotAllowedException upstreamStatus=- statusReads=0 durationMs=\\d+"
                        + " caller=acme client=127\\.0\\.0\\.1 callerRequestId=forbidden-1 detail=.*");
        assertThat(Door.counter(series) - before).isEqualTo(1);
        assertThat(Door.counter(failed) - failedBefore).isEqualTo(1);
        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    /** More keys than a minute holds: refused whole whatever the minute has left, so it spends none of it. */
    @Test
    void recordsABulkPastTheCallersMinuteAsOneLineOfTheCallerAndCountsIt() {
        String series = refused("metered", "rate-limited");
        double before = Door.counter(series);

        withId(METERED_KEY, "limited-1").body("{\"instanceKeys\":[\"metered-1\",\"metered-2\",\"metered-3\","
                + "\"metered-4\"]}").post("/logout").then().statusCode(429).header(RequestIds.HEADER, "limited-1");

        assertThat(RequestLines.where("callerRequestId", "limited-1")).singleElement().asString()
                .matches("WARN: logout requestId=" + RequestLines.UUID + " instanceKey=- mode=-"
                        + " outcome=RateLimitedException upstreamStatus=- statusReads=0 durationMs=\\d+"
                        + " caller=metered client=127\\.0\\.0\\.1 callerRequestId=limited-1 detail=.*");
        assertThat(Door.counter(series) - before).isEqualTo(1);
        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void keepsTheCallersRequestIdBesideTheDoorsOwnAndCountsTheCallersLogouts() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        String loggedOut = "megalogout_logouts_total{caller=\"acme\",error_type=\"none\",mode=\"plain\","
                + "outcome=\"LOGGED_OUT\"}";
        double before = Door.counter(loggedOut);

        withId(ACME_KEY, "acme-run:7.b").body(event("acme-1")).post("/logout").then().statusCode(200)
                .header(RequestIds.HEADER, "acme-run:7.b");

        assertThat(RequestLines.where("callerRequestId", "acme-run:7.b")).singleElement().asString()
                .matches("INFO: logout requestId=" + RequestLines.UUID + " instanceKey=acme-1 mode=plain"
                        + " outcome=LOGGED_OUT .* caller=acme client=127\\.0\\.0\\.1 callerRequestId=acme-run:7\\.b");
        assertThat(Door.counter(loggedOut) - before).isEqualTo(1);
    }

    /**
     * An instance outside metered's is 403 {@code forbidden-instance} as for any caller, while metered's minute has
     * room. The minute is taken (a logout a key) before the keys are checked, so this spends one of it, and once the
     * minute is used up the same request is 429: see {@link LogoutResourceCallerSharesTest}.
     */
    @Test
    void refusesAnInstanceOutsideARateLimitedCallersAs403WhileItsMinuteHasRoom() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));

        as(METERED_KEY, event("acme-1")).statusCode(403)
                .body("type", equalTo("tag:megalogout.io,2026:problems/forbidden-instance"));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesACallersRequestPastItsPlacesWhileOtherCallersGoOn() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/metered-slow/logout"))
                .willReturn(okJson(OK).withFixedDelay(3_000)));
        CompletableFuture<Integer> held = CompletableFuture.supplyAsync(
                () -> as(METERED_KEY, event("metered-slow")).extract().statusCode(), callers);
        awaitReceived(deleteRequestedFor(urlEqualTo("/rest/instance/metered-slow/logout")));

        withId(METERED_KEY, "busy-1").body(event("metered-2")).post("/logout").then().statusCode(503)
                .contentType(LogoutResourceTest.PROBLEM)
                .header("Retry-After", "1")
                .header(RequestIds.HEADER, "busy-1")
                .body("type", equalTo("tag:megalogout.io,2026:problems/too-many-logouts"))
                .body("errorType", equalTo("io.megalogout.error.TooManyLogoutsException"));
        as(OPS_KEY, event("ops-1")).statusCode(200);

        assertThat(held.get()).isEqualTo(200);
        assertThat(received(megaApi)).containsExactlyInAnyOrder("DELETE /rest/instance/metered-slow/logout",
                "DELETE /rest/instance/ops-1/logout");
    }

    private static String refused(String caller, String reason) {
        return "megalogout_refused_total{caller=\"" + caller + "\",reason=\"" + reason + "\"}";
    }

    private static RequestSpecification withId(String key, String requestId) {
        return Door.withKey(key).header(RequestIds.HEADER, requestId);
    }

    private static ValidatableResponse as(String key, String event) {
        return Door.withKey(key).body(event).post("/logout").then();
    }

    /** Waits until Mega-API's stub has received one such request; gives up after 300 looks rather than hang. */
    private void awaitReceived(RequestPatternBuilder request) throws InterruptedException {
        for (int look = 0; look < 300; look++) {
            if (megaApi.findAll(request).size() == 1) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("Mega-API's stub never received " + request.build());
    }
}
