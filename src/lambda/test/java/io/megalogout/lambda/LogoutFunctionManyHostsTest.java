package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.megalogout.lambda.EventServer.event;
import static io.megalogout.lambda.EventServer.invoke;
import static io.megalogout.megaapi.MegaApiHosts.requests;
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
 * Many instances in one deployment, on two hosts with different tokens: each key's requests go to its own host with its
 * own token, and nowhere else; a key without its own settings gets the defaults; a key whose host has no token of its
 * own gets nothing sent; a dead host pauses only its own logouts.
 */
@QuarkusTest
@TestProfile(ShortCircuitBreakerProfile.class)
@WithTestResource(MegaApiHosts.class)
class LogoutFunctionManyHostsTest {

    static final String OK = "{\"error\":false,\"message\":\"disconnected\"}";
    static final String NOT_CONFIGURED = "io.megalogout.error.InstanceNotConfiguredException";

    @InjectMegaApiHosts
    MegaApiHosts.Servers hosts;

    @Test
    void sendsAKeyWithDotsAndDashesToItsOwnHostWithItsOwnToken() {
        stubBothOk();

        invoke(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(200).body(equalTo(OK));

        assertThat(requests(hosts.customerHost())).containsExactly(
                "DELETE /rest/instance/cust-1.main/logout Bearer " + MegaApiHosts.CUSTOMER_TOKEN);
        assertThat(requests(hosts.defaultHost())).as("the default host").isEmpty();
    }

    @Test
    void sendsAKeyWithItsOwnTokenOnlyToTheDefaultHost() {
        stubBothOk();

        invoke(event(MegaApiHosts.OTHER_KEY)).statusCode(200);

        assertThat(requests(hosts.defaultHost())).containsExactly(
                "DELETE /rest/instance/other_2/logout Bearer " + MegaApiHosts.OTHER_TOKEN);
        assertThat(requests(hosts.customerHost())).as("the customer's host").isEmpty();
    }

    @Test
    void sendsAnUnconfiguredKeyToTheDefaultHostWithTheDefaultToken() {
        stubBothOk();

        invoke(event("demo")).statusCode(200);

        assertThat(requests(hosts.defaultHost())).containsExactly(
                "DELETE /rest/instance/demo/logout Bearer " + MegaApiHosts.DEFAULT_TOKEN);
        assertThat(requests(hosts.customerHost())).isEmpty();
    }

    @Test
    void sendsEachOfSeveralKeysToItsOwnHostWithItsOwnToken() {
        stubBothOk();

        invoke(event("demo")).statusCode(200);
        invoke(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(200);
        invoke(event(MegaApiHosts.OTHER_KEY)).statusCode(200);

        assertThat(requests(hosts.defaultHost())).containsExactly(
                "DELETE /rest/instance/demo/logout Bearer " + MegaApiHosts.DEFAULT_TOKEN,
                "DELETE /rest/instance/other_2/logout Bearer " + MegaApiHosts.OTHER_TOKEN);
        assertThat(requests(hosts.customerHost())).containsExactly(
                "DELETE /rest/instance/cust-1.main/logout Bearer " + MegaApiHosts.CUSTOMER_TOKEN);
    }

    @Test
    void readsTheStatusOfADryRunFromTheKeysOwnHostAndShowsThatHost() {
        String instance = "{\"key\":\"cust-1.main\",\"status\":\"connected\"}";
        hosts.customerHost().stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"instance\":" + instance + "}")));

        invoke("{\"instanceKey\":\"cust-1.main\",\"dryRun\":true}").statusCode(200)
                .body(equalTo("{\"dryRun\":true,\"wouldSend\":\"DELETE " + hosts.customerHost().baseUrl()
                        + "/rest/instance/cust-1.main/logout\",\"instance\":" + instance + "}"));

        assertThat(requests(hosts.customerHost())).containsExactly(
                "GET /rest/instance/cust-1.main Bearer " + MegaApiHosts.CUSTOMER_TOKEN);
        assertThat(requests(hosts.defaultHost())).isEmpty();
    }

    /** The default token is never sent to an instance's own host. */
    @Test
    void refusesAKeyWithItsOwnHostButNoTokenOfItsOwnSendingNothing() {
        stubBothOk();

        invoke(event(MegaApiHosts.HOST_ONLY_KEY)).statusCode(500)
                .body("errorType", equalTo(NOT_CONFIGURED))
                .body("errorMessage", containsString("megaapi.instances.\"host-only\".token"))
                .body("errorMessage", containsString("nothing was sent"));

        assertThat(requests(hosts.customerHost())).isEmpty();
        assertThat(requests(hosts.defaultHost())).isEmpty();
    }

    @Test
    void aDeadHostPausesOnlyItsOwnLogouts() {
        hosts.customerHost().stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502)));
        hosts.defaultHost().stubFor(any(anyUrl()).willReturn(okJson(OK)));
        for (int i = 0; i < 5; i++) {
            invoke(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(500)
                    .body("errorType", equalTo("io.megalogout.error.MegaApiUnavailableException"));
        }

        invoke(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(500)
                .body("errorType", equalTo("io.megalogout.error.MegaApiCircuitOpenException"))
                .body("errorMessage", containsString("Mega-API at this instance's host failed"))
                .body("errorMessage", not(containsString(hosts.customerHost().baseUrl())))
                .body("errorMessage", containsString("nothing was sent for instance 'cust-1.main'"));
        assertThat(TokenNeverLogged.captured()).contains("Mega-API at " + hosts.customerHost().baseUrl() + " failed");
        invoke(event("demo")).statusCode(200).body(equalTo(OK));
        invoke(event(MegaApiHosts.OTHER_KEY)).statusCode(200).body(equalTo(OK));

        assertThat(hosts.customerHost().getAllServeEvents()).as("requests to the dead host").hasSize(5);
        assertThat(hosts.defaultHost().getAllServeEvents()).hasSize(2);
    }

    private void stubBothOk() {
        hosts.defaultHost().stubFor(any(anyUrl()).willReturn(okJson(OK)));
        hosts.customerHost().stubFor(any(anyUrl()).willReturn(okJson(OK)));
    }
}
