package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.megalogout.http.Door.logout;
import static io.megalogout.megaapi.StatusScenarios.alwaysAnswers;
import static io.megalogout.megaapi.StatusScenarios.instance;
import static io.megalogout.megaapi.StatusScenarios.received;
import static io.megalogout.megaapi.StatusScenarios.statusAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.logout.QuickConfirmProfile;
import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import io.restassured.http.ContentType;

/**
 * Confirmed logouts through the HTTP door, with the poll in milliseconds ({@link QuickConfirmProfile}): what each ends
 * in, as a status and a body, what Mega-API received, and what the metrics count.
 */
@QuarkusTest
@TestProfile(QuickConfirmProfile.class)
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
class LogoutResourceModesTest {

    private static final String CONFIRM = "{\"instanceKey\":\"demo\",\"confirm\":true}";

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Test
    void answersAlreadyDisconnectedWithoutALogout() {
        alwaysAnswers(megaApi, "demo", okJson(statusAnswer("disconnected")));

        logout(CONFIRM).statusCode(200).contentType(ContentType.JSON).body(equalTo("{\"outcome\":\"ALREADY_DISCONNECTED\","
                + "\"confirmed\":true,\"instance\":" + instance("disconnected") + "}"));

        assertThat(received(megaApi)).containsExactly("GET /rest/instance/demo");
    }

    @Test
    void answersGatewayTimeoutWhenTheStatusNeverReadsDisconnected() {
        alwaysAnswers(megaApi, "demo", okJson(statusAnswer("connected")));

        logout(CONFIRM).statusCode(504)
                .contentType(LogoutResourceTest.PROBLEM)
                .body("type", equalTo("tag:megalogout.io,2026:problems/logout-not-confirmed"))
                .body("errorType", equalTo("io.megalogout.error.LogoutNotConfirmedException"))
                .body("instanceKey", equalTo("demo"))
                .body("detail", allOf(containsString("(HTTP 200, \"error\": false: Instance demo disconnected)"),
                        containsString("the last showed \"connected\""), containsString("status reads in all")));

        List<String> requests = received(megaApi);
        assertThat(requests).startsWith("GET /rest/instance/demo", "DELETE /rest/instance/demo/logout")
                .filteredOn(request -> request.startsWith("DELETE")).hasSize(1);
        assertThat(requests.subList(2, requests.size())).isNotEmpty().containsOnly("GET /rest/instance/demo");
    }

    @Test
    void countsConfirmedOutcomesByMode() {
        alwaysAnswers(megaApi, "demo", okJson(statusAnswer("disconnected")));
        logout(CONFIRM).statusCode(200);
        alwaysAnswers(megaApi, "demo", okJson(statusAnswer("connected")));
        logout(CONFIRM).statusCode(504);

        String metrics = Door.management().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics)
                .contains(
                        "megalogout_logouts_total{caller=\"default\",error_type=\"none\",mode=\"confirm\",outcome=\"ALREADY_DISCONNECTED\"}")
                .contains(
                        "megalogout_logouts_total{caller=\"default\",error_type=\"LogoutNotConfirmedException\",mode=\"confirm\","
                                + "outcome=\"FAILED\"}");
    }
}
