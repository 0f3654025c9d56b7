package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.megalogout.http.Door.event;
import static io.megalogout.http.DoorSettingsForTests.METERED_KEY;
import static io.megalogout.http.DoorSettingsForTests.OPS_KEY;
import static io.megalogout.megaapi.StatusScenarios.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import io.restassured.response.ValidatableResponse;

/**
 * A caller's logouts per minute ({@code metered}: {@value DoorSettingsForTests#METERED_PER_MINUTE}), in an application
 * of its own so that its minute starts full. Only one test spends it; the other asks for more than a minute holds,
 * which spends nothing. The minute refills one logout every 20 s: the requests of a test come well within that.
 */
@QuarkusTest
@TestProfile(FreshSharesProfile.class)
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
class LogoutResourceCallerSharesTest {

    private static final String OK = "{\"error\":false,\"message\":\"ok\"}";

    @InjectMegaApiStub
    WireMockServer megaApi;

    /**
     * A bulk that does not fit what is left is refused whole and spends nothing of it; a request past the minute is
     * refused whatever it asks for, even an instance outside the caller's (the minute is taken before the keys are
     * checked); other callers go on.
     */
    @Test
    void refusesLogoutsPastTheCallersMinuteWithNothingSent() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        as(METERED_KEY, event("metered-1")).statusCode(200);
        as(METERED_KEY, event("metered-2")).statusCode(200);
        rateLimited(as(METERED_KEY, "{\"instanceKeys\":[\"metered-3\",\"metered-4\"]}"));
        as(METERED_KEY, event("metered-3")).statusCode(200);

        rateLimited(as(METERED_KEY, event("metered-4")));
        rateLimited(as(METERED_KEY, event("acme-1")));
        as(OPS_KEY, event("metered-4")).statusCode(200);

        assertThat(received(megaApi)).containsExactly("DELETE /rest/instance/metered-1/logout",
                "DELETE /rest/instance/metered-2/logout", "DELETE /rest/instance/metered-3/logout",
                "DELETE /rest/instance/metered-4/logout");
    }

    @Test
    void refusesABulkOfMoreKeysThanAMinuteHoldsWhole() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));

        as(METERED_KEY, "{\"instanceKeys\":[\"metered-1\",\"metered-2\",\"metered-3\",\"metered-4\"]}").statusCode(429)
                .contentType(LogoutResourceTest.PROBLEM)
                .body("type", equalTo("tag:megalogout.io,2026:problems/rate-limited"))
                // No wait would help: no Retry-After.
                .header("Retry-After", nullValue())
                .body("detail", equalTo("This request asks for 4 logouts, more than this caller's 3 per minute; nothing"
                        + " was sent: send it in smaller bulks"));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    private static ValidatableResponse as(String key, String event) {
        return Door.withKey(key).body(event).post("/logout").then();
    }

    private static void rateLimited(ValidatableResponse answer) {
        String retryAfter = answer.statusCode(429)
                .contentType(LogoutResourceTest.PROBLEM)
                .body("type", equalTo("tag:megalogout.io,2026:problems/rate-limited"))
                .body("status", equalTo(429))
                .body("errorType", equalTo("io.megalogout.error.RateLimitedException"))
                .extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).as("Retry-After, in seconds").isPositive();
    }
}
