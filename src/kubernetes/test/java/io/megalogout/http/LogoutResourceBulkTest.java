package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.megalogout.http.Door.logout;
import static io.megalogout.megaapi.StatusScenarios.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.logout.BulkProfile;
import io.megalogout.megaapi.InFlight;
import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import io.restassured.http.ContentType;

/**
 * Bulks through the HTTP door: 200 with every key's result in the body (207-style), a problem only when the body is not
 * a bulk at all, each key counted in the metrics, {@value BulkProfile#CONCURRENCY} requests at a time.
 */
@QuarkusTest
@TestProfile(BulkProfile.class)
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
class LogoutResourceBulkTest {

    private static final String LOGGED_OUT = "megalogout_logouts_total{caller=\"default\",error_type=\"none\",mode=\"plain\",outcome=\"LOGGED_OUT\"}";
    private static final String UNKNOWN = "megalogout_logouts_total{caller=\"default\",error_type=\"UnknownInstanceException\",mode=\"plain\","
            + "outcome=\"FAILED\"}";

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Test
    void answers200WithEveryKeysResultInTheOrderGiven() {
        answers("ok", 200, "{ \"error\" : false, \"message\" : \"ok\" }");
        answers("ok2", 200, "{\"error\":false,\"message\":\"ok2\"}");
        answers("gone", 404, "{\"error\":true,\"message\":\"Instance not found\"}");
        double loggedOut = count(LOGGED_OUT);
        double unknown = count(UNKNOWN);

        logout("{\"instanceKeys\":[\"ok\",\"gone\",\"a/b\",\"ok2\",\"ok\"]}").statusCode(200)
                .contentType(ContentType.JSON)
                .body(equalTo("{\"results\":[{\"instanceKey\":\"ok\",\"logout\":{ \"error\" : false, \"message\" : \"ok\" }},"
                        + "{\"instanceKey\":\"gone\",\"errorType\":\"io.megalogout.error.UnknownInstanceException\","
                        + "\"errorMessage\":\"Mega-API does not know instance 'gone' (HTTP 404: Instance not found); check the"
                        + " key and that megaapi.base-url is this instance's host\"},"
                        + "{\"instanceKey\":\"a/b\",\"errorType\":\"io.megalogout.error.InvalidInstanceKeyException\","
                        + "\"errorMessage\":\"Invalid instanceKey: \\\"a/b\\\" has characters outside A-Z a-z 0-9 - _ . (or"
                        + " starts with '.', or contains '..')\"},"
                        + "{\"instanceKey\":\"ok2\",\"logout\":{\"error\":false,\"message\":\"ok2\"}}]}"));

        assertThat(received(megaApi)).containsExactlyInAnyOrder("DELETE /rest/instance/ok/logout",
                "DELETE /rest/instance/gone/logout", "DELETE /rest/instance/ok2/logout");
        assertThat(count(LOGGED_OUT) - loggedOut).as("keys counted as logged out").isEqualTo(2);
        assertThat(count(UNKNOWN) - unknown).as("keys counted as unknown").isEqualTo(1);
    }

    @Test
    void sendsAtMostTheConfiguredNumberOfRequestsAtOnce() {
        for (String key : new String[] { "k1", "k2", "k3", "k4", "k5" }) {
            megaApi.stubFor(delete(urlEqualTo("/rest/instance/" + key + "/logout"))
                    .willReturn(okJson("{\"error\":false,\"message\":\"ok\"}").withFixedDelay(300)));
        }

        logout("{\"instanceKeys\":[\"k1\",\"k2\",\"k3\",\"k4\",\"k5\"]}").statusCode(200);

        assertThat(received(megaApi)).hasSize(5);
        assertThat(InFlight.most(megaApi)).as("requests in flight at once").isEqualTo(BulkProfile.CONCURRENCY);
    }

    @Test
    void answers400ForABodyThatIsNoBulkWithNothingSent() {
        logout("{\"instanceKeys\":[\"ok\",null]}").statusCode(400)
                .contentType(LogoutResourceTest.PROBLEM)
                .body("type", equalTo("tag:megalogout.io,2026:problems/invalid-event"))
                .body("detail", equalTo("Invalid event: its instanceKeys[1] is null, not a string"));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void describesTheBulkInItsOpenApiDocument() {
        Door.management().get("/q/openapi").then().statusCode(200)
                .body(containsString("instanceKeys:"), containsString("maxItems: 100"), containsString("BulkAnswer"),
                        containsString("results:"), containsString("errorType:"), containsString("207-style"));
    }

    private void answers(String key, int status, String body) {
        megaApi.stubFor(delete(urlEqualTo("/rest/instance/" + key + "/logout")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** The counter's value now, 0 before it first counts. */
    private static double count(String series) {
        String metrics = Door.management().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
