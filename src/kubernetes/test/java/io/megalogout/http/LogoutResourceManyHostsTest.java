package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.megalogout.http.Door.event;
import static io.megalogout.http.Door.logout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.megalogout.TokenNeverLogged;
import io.megalogout.megaapi.MegaApiHosts;
import io.megalogout.megaapi.MegaApiHosts.InjectMegaApiHosts;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The HTTP door with two Mega-API hosts: a key this deployment has no token for is a 404 problem of its own, with
 * nothing sent; a customer's dead host pauses its own logouts (503) but not the default host's, and wellness stays UP
 * while it lists the open breaker.
 */
@QuarkusTest
@TestProfile(PausedMegaApiProfile.class)
@WithTestResource(MegaApiHosts.class)
@WithTestResource(DoorSettingsForTests.class)
class LogoutResourceManyHostsTest {

    private static final String OK = "{\"error\":false,\"message\":\"ok\"}";

    @InjectMegaApiHosts
    MegaApiHosts.Servers hosts;

    @Test
    void answersInstanceNotConfiguredAs404WithNothingSent() {
        hosts.customerHost().stubFor(any(anyUrl()).willReturn(okJson(OK)));

        logout(event(MegaApiHosts.HOST_ONLY_KEY)).statusCode(404)
                .contentType(LogoutResourceTest.PROBLEM)
                .body("type", equalTo("tag:megalogout.io,2026:problems/instance-not-configured"))
                .body("errorType", equalTo("io.megalogout.error.InstanceNotConfiguredException"))
                .body("instanceKey", equalTo(MegaApiHosts.HOST_ONLY_KEY))
                .body("detail", containsString("nothing was sent"))
                .body(not(containsString(MegaApiHosts.DEFAULT_TOKEN)));

        assertThat(hosts.customerHost().getAllServeEvents()).isEmpty();
        assertThat(hosts.defaultHost().getAllServeEvents()).isEmpty();
    }

    @Test
    void aCustomersDeadHostPausesOnlyItsOwnLogouts() {
        hosts.customerHost().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        hosts.defaultHost().stubFor(any(anyUrl()).willReturn(okJson(OK)));
        logout(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(502);
        logout(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(502);

        logout(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(503)
                .body("type", equalTo("tag:megalogout.io,2026:problems/megaapi-paused"))
                .body("detail", containsString("Mega-API at this instance's host failed"))
                .body("detail", not(containsString(hosts.customerHost().baseUrl())));
        assertThat(TokenNeverLogged.captured()).contains("Mega-API at " + hosts.customerHost().baseUrl() + " failed");
        logout(event("demo")).statusCode(200).body(equalTo(OK));
        Door.management().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'megaapi' }.data.circuitBreaker", equalTo("closed"))
                .body("checks.find { it.name == 'megaapi' }.data.openBreakers",
                        equalTo("megaapi-logout:" + hosts.customerHost().baseUrl()));

        assertThat(hosts.customerHost().getAllServeEvents()).as("requests to the dead host").hasSize(2);
        assertThat(Door.management().get("/q/metrics").then().statusCode(200).extract().asString())
                .as("the breakers' states are metrics too").contains("ft_circuitbreaker_state_current{method=\"megaapi-logout:"
                        + hosts.customerHost().baseUrl() + "\",state=\"open\"} 1.0");
    }
}
