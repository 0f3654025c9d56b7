package io.megalogout.lambda;

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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.megalogout.megaapi.MegaApiHosts;
import io.megalogout.megaapi.MegaApiHosts.InjectMegaApiHosts;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A default host but no default token: only instances with a token of their own are served. */
@QuarkusTest
@WithTestResource(value = MegaApiHosts.class, initArgs = @ResourceArg(name = MegaApiHosts.DEFAULT_TOKEN_ARG, value = "false"))
class LogoutFunctionWithoutDefaultTokenTest {

    @InjectMegaApiHosts
    MegaApiHosts.Servers hosts;

    @BeforeEach
    void bothHostsAnswer() {
        hosts.defaultHost().stubFor(any(anyUrl()).willReturn(okJson(OK)));
        hosts.customerHost().stubFor(any(anyUrl()).willReturn(okJson(OK)));
    }

    @Test
    void refusesAKeyWithoutAnyTokenSendingNothing() {
        invoke(event("demo")).statusCode(500)
                .body("errorType", equalTo(NOT_CONFIGURED))
                .body("errorMessage", containsString("Instance 'demo' is not configured in this deployment: no token"))
                .body("errorMessage", containsString("megaapi.instances.\"demo\".token"));

        assertThat(requests(hosts.defaultHost())).isEmpty();
        assertThat(requests(hosts.customerHost())).isEmpty();
    }

    @Test
    void refusesADryRunOfAKeyWithoutAnyTokenSendingNothing() {
        invoke("{\"instanceKey\":\"demo\",\"dryRun\":true}").statusCode(500).body("errorType", equalTo(NOT_CONFIGURED));

        assertThat(requests(hosts.defaultHost())).isEmpty();
        assertThat(requests(hosts.customerHost())).isEmpty();
    }

    @Test
    void stillServesKeysWithTokensOfTheirOwn() {
        invoke(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(200);
        invoke(event(MegaApiHosts.OTHER_KEY)).statusCode(200);

        assertThat(requests(hosts.customerHost())).containsExactly(
                "DELETE /rest/instance/cust-1.main/logout Bearer " + MegaApiHosts.CUSTOMER_TOKEN);
        assertThat(requests(hosts.defaultHost())).containsExactly(
                "DELETE /rest/instance/other_2/logout Bearer " + MegaApiHosts.OTHER_TOKEN);
    }
}
