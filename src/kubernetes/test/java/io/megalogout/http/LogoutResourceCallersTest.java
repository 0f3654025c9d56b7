package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.megalogout.http.Door.event;
import static io.megalogout.http.DoorSettingsForTests.ACME_KEY;
import static io.megalogout.http.DoorSettingsForTests.ACME_NEXT_KEY;
import static io.megalogout.http.DoorSettingsForTests.BETA_KEY;
import static io.megalogout.http.DoorSettingsForTests.KEY;
import static io.megalogout.http.DoorSettingsForTests.OPS_KEY;
import static io.megalogout.megaapi.StatusScenarios.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;
import io.megalogout.megaapi.StatusScenarios;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Named callers through the HTTP door: each reaches its own instances and no other, in every mode and within a bulk, a
 * refused key is answered alike whatever this deployment knows of it, and nothing at all is sent for it.
 */
@QuarkusTest
@TestProfile(CallersProfile.class)
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
class LogoutResourceCallersTest {

    private static final String OK = "{\"error\":false,\"message\":\"ok\"}";

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Test
    void logsOutAnInstanceInsideTheCallersInstances() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));

        as(ACME_KEY, event("acme-1")).statusCode(200).contentType(ContentType.JSON).body(equalTo(OK));

        megaApi.verify(1, deleteRequestedFor(urlEqualTo("/rest/instance/acme-1/logout"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + MegaApiStub.TOKEN)));
        assertThat(megaApi.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", ",\"dryRun\":true", ",\"confirm\":true" })
    void refusesAnInstanceOutsideTheCallersInstancesInEveryModeWithNothingSent(String mode) {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(StatusScenarios.statusAnswer("connected"))));

        forbidden(as(ACME_KEY, "{\"instanceKey\":\"beta-1\"" + mode + "}"), "beta-1");

        assertThat(megaApi.getAllServeEvents()).as("requests at Mega-API, logouts and status reads").isEmpty();
    }

    @Test
    void readsTheStatusOfAnInstanceInsideTheCallersInstancesForADryRun() {
        StatusScenarios.alwaysAnswers(megaApi, "acme-1", okJson(StatusScenarios.statusAnswer("connected")));

        as(ACME_KEY, "{\"instanceKey\":\"acme-1\",\"dryRun\":true}").statusCode(200).body("dryRun", equalTo(true));

        assertThat(received(megaApi)).containsExactly("GET /rest/instance/acme-1");
    }

    @Test
    void confirmsALogoutOfAnInstanceInsideTheCallersInstances() {
        StatusScenarios.disconnectsAfter(megaApi, "acme-1", StatusScenarios.LOGOUT_ANSWER, 1);

        as(ACME_KEY, "{\"instanceKey\":\"acme-1\",\"confirm\":true}").statusCode(200)
                .body("outcome", equalTo("LOGGED_OUT"));

        assertThat(received(megaApi)).containsExactly("GET /rest/instance/acme-1", "DELETE /rest/instance/acme-1/logout",
                "GET /rest/instance/acme-1");
    }

    @Test
    void letsBetaReachItsPrefixAndItsExactKeyOnly() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));

        as(BETA_KEY, event("beta-7")).statusCode(200);
        as(BETA_KEY, event("shared-exact")).statusCode(200);
        forbidden(as(BETA_KEY, event("shared-exactly")), "shared-exactly");
        forbidden(as(BETA_KEY, event("acme-1")), "acme-1");

        assertThat(received(megaApi)).containsExactly("DELETE /rest/instance/beta-7/logout",
                "DELETE /rest/instance/shared-exact/logout");
    }

    @Test
    void letsOpsAndTheDefaultCallerReachEveryInstance() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));

        for (String key : List.of(OPS_KEY, KEY)) {
            for (String instance : List.of("acme-1", "beta-1", "shared-exactly", "anything")) {
                as(key, event(instance)).statusCode(200);
            }
        }

        assertThat(received(megaApi)).hasSize(8).allMatch(request -> request.startsWith("DELETE /rest/instance/"));
    }

    /**
     * ops shows that this deployment treats the four keys apart (an own host and token, a host without a token, the
     * default host, an instance Mega-API does not know); acme, whose instances hold none of them, gets one answer.
     */
    @Test
    void answersTheSame403WhetherThisDeploymentServesTheInstanceOrNot() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        megaApi.stubFor(any(urlPathMatching("/rest/instance/beta-gone(/logout)?")).willReturn(aResponse().withStatus(404)));
        as(OPS_KEY, event(CallersProfile.OWN_KEY)).statusCode(200);
        as(OPS_KEY, event(CallersProfile.HOST_ONLY_KEY)).statusCode(404)
                .body("errorType", equalTo("io.megalogout.error.InstanceNotConfiguredException"));
        as(OPS_KEY, event("beta-1")).statusCode(200);
        as(OPS_KEY, event("beta-gone")).statusCode(404)
                .body("errorType", equalTo("io.megalogout.error.UnknownInstanceException"));
        megaApi.verify(1, deleteRequestedFor(urlEqualTo("/rest/instance/" + CallersProfile.OWN_KEY + "/logout"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + MegaApiStub.ROTATED_TOKEN)));
        megaApi.resetRequests();

        Map<String, String> answers = new LinkedHashMap<>();
        for (String instance : List.of(CallersProfile.OWN_KEY, CallersProfile.HOST_ONLY_KEY, "beta-1", "beta-gone")) {
            answers.put(instance, forbidden(as(ACME_KEY, event(instance)), instance).extract().asString()
                    .replace(instance, "<key>"));
        }

        assertThat(answers.values()).as("the answers, each with its key as <key>").hasSize(4).containsOnly(
                answers.get("beta-1"));
        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void answersABulkWithEachKeyDecidedAgainstTheCallersInstances() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));

        as(ACME_KEY, "{\"instanceKeys\":[\"acme-1\",\"beta-1\",\"acme-2\",\"bad/key\"]}").statusCode(200)
                .contentType(ContentType.JSON)
                .body("results.instanceKey", equalTo(List.of("acme-1", "beta-1", "acme-2", "bad/key")))
                .body("results[0].logout.message", equalTo("ok"))
                .body("results[1].errorType", equalTo("io.megalogout.error.InstanceNotAllowedException"))
                .body("results[1].logout", nullValue())
                .body("results[2].logout.message", equalTo("ok"))
                .body("results[3].errorType", equalTo("io.megalogout.error.InvalidInstanceKeyException"));

        assertThat(received(megaApi)).containsExactlyInAnyOrder("DELETE /rest/instance/acme-1/logout",
                "DELETE /rest/instance/acme-2/logout");
    }

    @Test
    void namesTheSameCallerForBothKeysOfARotation() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));

        as(ACME_KEY, event("acme-rotation-1")).statusCode(200);
        as(ACME_NEXT_KEY, event("acme-rotation-2")).statusCode(200);

        for (String instance : List.of("acme-rotation-1", "acme-rotation-2")) {
            assertThat(RequestLines.where("instanceKey", instance)).singleElement().asString()
                    .matches("INFO: logout requestId=" + RequestLines.UUID + " instanceKey=" + instance
                            + " mode=plain outcome=LOGGED_OUT upstreamStatus=200 statusReads=0 durationMs=\\d+"
                            + " caller=acme client=127\\.0\\.0\\.1");
        }
    }

    private static ValidatableResponse as(String key, String event) {
        return Door.withKey(key).body(event).post("/logout").then();
    }

    private static ValidatableResponse forbidden(ValidatableResponse answer, String instance) {
        return answer.statusCode(403)
                .contentType(LogoutResourceTest.PROBLEM)
                .body("type", equalTo("tag:megalogout.io,2026:problems/forbidden-instance"))
                .body("status", equalTo(403))
                .body("errorType", equalTo("io.megalogout.error.InstanceNotAllowedException"))
                .body("instanceKey", equalTo(instance));
    }
}
