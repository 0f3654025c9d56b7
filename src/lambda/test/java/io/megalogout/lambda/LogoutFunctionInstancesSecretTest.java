package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.megalogout.lambda.EventServer.event;
import static io.megalogout.lambda.EventServer.invoke;
import static io.megalogout.lambda.LogoutFunctionManyHostsTest.NOT_CONFIGURED;
import static io.megalogout.lambda.LogoutFunctionManyHostsTest.OK;
import static io.megalogout.megaapi.MegaApiHosts.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.megalogout.TokenNeverLogged;
import io.megalogout.megaapi.MegaApiHosts;
import io.megalogout.megaapi.MegaApiHosts.InjectMegaApiHosts;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The instances' own settings in one JSON secret (megaapi.instances-secret-id), read through a stand-in of the
 * Parameters and Secrets extension: by the first request that needs it, kept, read again after a 401, and sent once
 * more only if that instance's token changed.
 */
@QuarkusTest
@WithTestResource(value = MegaApiHosts.class, initArgs = @ResourceArg(name = MegaApiHosts.IN_SECRET, value = "true"))
class LogoutFunctionInstancesSecretTest {

    private static final String REJECTED = "io.megalogout.error.MegaApiRejectedException";

    @InjectMegaApiHosts
    MegaApiHosts.Servers hosts;

    @Test
    void readsTheSecretForTheFirstRequestAndSendsEachKeyToItsOwnHost() {
        stubBothOk();

        invoke(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(200).body(equalTo(OK));
        invoke(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(200);
        invoke(event("demo")).statusCode(200);

        assertThat(requests(hosts.customerHost())).containsExactly(
                "DELETE /rest/instance/cust-1.main/logout Bearer " + MegaApiHosts.CUSTOMER_TOKEN,
                "DELETE /rest/instance/cust-1.main/logout Bearer " + MegaApiHosts.CUSTOMER_TOKEN);
        assertThat(requests(hosts.defaultHost())).containsExactly(
                "DELETE /rest/instance/demo/logout Bearer " + MegaApiHosts.DEFAULT_TOKEN);
        assertThat(hosts.extension().secretRequests()).as("reads of the secret").hasSize(1);
    }

    @Test
    void aKeyConfiguredInTheConfigurationDoesNotNeedTheSecret() {
        stubBothOk();

        invoke(event(MegaApiHosts.OTHER_KEY)).statusCode(200);

        assertThat(requests(hosts.defaultHost())).containsExactly(
                "DELETE /rest/instance/other_2/logout Bearer " + MegaApiHosts.OTHER_TOKEN);
        assertThat(hosts.extension().secretRequests()).isEmpty();
    }

    @Test
    void sendsOnceMoreWithTheInstancesNewTokenAfterA401WhenTheSecretWasRotated() {
        stubBothOk();
        invoke(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(200);
        hosts.customerHost().resetAll();
        hosts.extension().secret(MegaApiHosts.INSTANCES_SECRET_ID,
                hosts.secretWith(MegaApiHosts.ROTATED_CUSTOMER_TOKEN));
        hosts.customerHost().stubFor(any(anyUrl())
                .withHeader("Authorization", WireMock.equalTo("Bearer " + MegaApiHosts.CUSTOMER_TOKEN))
                .willReturn(unauthorized()));
        hosts.customerHost().stubFor(any(anyUrl())
                .withHeader("Authorization", WireMock.equalTo("Bearer " + MegaApiHosts.ROTATED_CUSTOMER_TOKEN))
                .willReturn(okJson(OK)));

        invoke(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(200).body(equalTo(OK));

        assertThat(requests(hosts.customerHost())).containsExactly(
                "DELETE /rest/instance/cust-1.main/logout Bearer " + MegaApiHosts.CUSTOMER_TOKEN,
                "DELETE /rest/instance/cust-1.main/logout Bearer " + MegaApiHosts.ROTATED_CUSTOMER_TOKEN);
        assertThat(requests(hosts.defaultHost())).isEmpty();
        assertThat(hosts.extension().secretRequests()).hasSize(2);
        assertThat(TokenNeverLogged.captured()).contains("logout token-reread instanceKey=cust-1.main source=\"secret '"
                + MegaApiHosts.INSTANCES_SECRET_ID + "'\" result=changed");
    }

    @Test
    void answersMegaApiRejectedAfterOneRequestWhenTheInstancesTokenIsUnchanged() {
        hosts.customerHost().stubFor(any(anyUrl()).willReturn(unauthorized()));

        invoke(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(500).body("errorType", equalTo(REJECTED))
                .body(not(containsString(MegaApiHosts.CUSTOMER_TOKEN)));

        assertThat(requests(hosts.customerHost())).hasSize(1);
        assertThat(hosts.extension().secretRequests()).hasSize(2);
        assertThat(TokenNeverLogged.captured()).contains("result=unchanged").doesNotContain("logout retry ");
    }

    /** Without the secret, no one can tell whether the key has a host of its own: the default host gets nothing. */
    @Test
    void sendsNothingAnywhereWhenTheSecretCannotBeRead() {
        stubBothOk();
        hosts.extension().failWith(500, "{\"message\":\"boom\"}");

        invoke(event("demo")).statusCode(500)
                .body("errorType", equalTo("io.megalogout.error.MegaApiTokenUnavailableException"))
                .body("errorMessage", containsString("nothing was sent"));

        assertThat(requests(hosts.defaultHost())).isEmpty();
        assertThat(requests(hosts.customerHost())).isEmpty();
    }

    @Test
    void refusesAnEntryWithAHostButNoTokenSendingNothing() {
        stubBothOk();

        // The answer says what is missing within its 300 characters; the log line names every place to set it.
        invoke(event(MegaApiHosts.HOST_ONLY_KEY)).statusCode(500).body("errorType", equalTo(NOT_CONFIGURED))
                .body("errorMessage", containsString("but no token of its own"));

        assertThat(TokenNeverLogged.captured()).contains("or its entry in secret '" + MegaApiHosts.INSTANCES_SECRET_ID);
        assertThat(requests(hosts.defaultHost())).isEmpty();
        assertThat(requests(hosts.customerHost())).isEmpty();
    }

    /**
     * One bad entry among good ones is refused alone: a misspelt field would send that instance's token to the default
     * host, so its key is refused, naming what is wrong; every other key is served.
     */
    @Test
    void refusesAnEntryWithAnUnknownFieldAloneAndServesTheOthers() {
        stubBothOk();
        hosts.extension().secret(MegaApiHosts.INSTANCES_SECRET_ID, "{\"" + MegaApiHosts.CUSTOMER_KEY + "\": {\"token\": \""
                + MegaApiHosts.CUSTOMER_TOKEN + "\", \"base-url\": \"" + hosts.customerHost().baseUrl() + "\"}, \"bad-1\": "
                + "{\"token\": \"" + MegaApiHosts.ROTATED_CUSTOMER_TOKEN + "\", \"baseUrl\": \""
                + hosts.customerHost().baseUrl() + "\"}}");

        invoke(event("bad-1")).statusCode(500).body("errorType", equalTo(NOT_CONFIGURED))
                .body("errorMessage", containsString("its entry in secret '" + MegaApiHosts.INSTANCES_SECRET_ID
                        + "' is refused: it has an unknown field (only token and base-url)"))
                .body(not(containsString(MegaApiHosts.ROTATED_CUSTOMER_TOKEN)));
        invoke(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(200).body(equalTo(OK));

        assertThat(requests(hosts.customerHost())).containsExactly(
                "DELETE /rest/instance/cust-1.main/logout Bearer " + MegaApiHosts.CUSTOMER_TOKEN);
        assertThat(requests(hosts.defaultHost())).isEmpty();
        assertThat(hosts.extension().secretRequests()).as("reads of the secret").hasSize(1);
        assertThat(TokenNeverLogged.captured()).containsOnlyOnce("instances entry-refused source=\"secret '"
                + MegaApiHosts.INSTANCES_SECRET_ID + "'\" instanceKey=bad-1 detail=\"it has an unknown field");
    }

    private void stubBothOk() {
        hosts.defaultHost().stubFor(any(anyUrl()).willReturn(okJson(OK)));
        hosts.customerHost().stubFor(any(anyUrl()).willReturn(okJson(OK)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder unauthorized() {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":true,\"message\":\"Invalid token\"}");
    }
}
