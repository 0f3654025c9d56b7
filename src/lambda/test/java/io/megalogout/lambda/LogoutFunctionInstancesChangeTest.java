package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.megalogout.lambda.EventServer.event;
import static io.megalogout.lambda.EventServer.invoke;
import static io.megalogout.lambda.LogoutFunctionManyHostsTest.OK;
import static io.megalogout.megaapi.MegaApiHosts.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.megalogout.TokenNeverLogged;
import io.megalogout.megaapi.MegaApiHosts;
import io.megalogout.megaapi.MegaApiHosts.InjectMegaApiHosts;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The instances secret changed while the function runs: a key added, moved to another host, removed, each taking effect
 * without a new environment, asserted at both hosts (the right host with the right token, nothing at the other); and a
 * read that fails keeps what was read, but sends no key it does not list anywhere.
 */
@QuarkusTest
@TestProfile(InstancesChangeProfile.class)
@WithTestResource(value = MegaApiHosts.class, initArgs = @ResourceArg(name = MegaApiHosts.IN_SECRET, value = "true"))
class LogoutFunctionInstancesChangeTest {

    private static final String NEW_KEY = "cust-9.new";
    private static final String UNAVAILABLE = "io.megalogout.error.MegaApiTokenUnavailableException";

    @InjectMegaApiHosts
    MegaApiHosts.Servers hosts;

    @BeforeEach
    void answerEverywhere() {
        hosts.defaultHost().stubFor(any(anyUrl()).willReturn(okJson(OK)));
        hosts.customerHost().stubFor(any(anyUrl()).willReturn(okJson(OK)));
    }

    @Test
    void sendsAKeyAddedMovedAndRemovedWhereTheSecretSaysNow() {
        invoke(event(NEW_KEY)).statusCode(200);
        secret("{\"" + NEW_KEY + "\": {\"token\": \"" + MegaApiHosts.CUSTOMER_TOKEN + "\", \"base-url\": \""
                + hosts.customerHost().baseUrl() + "\"}}");
        invoke(event(NEW_KEY)).statusCode(200);
        secret("{\"" + NEW_KEY + "\": {\"token\": \"" + MegaApiHosts.ROTATED_CUSTOMER_TOKEN + "\", \"base-url\": \""
                + hosts.defaultHost().baseUrl() + "\"}}");
        invoke(event(NEW_KEY)).statusCode(200);
        secret("{}");
        invoke(event(NEW_KEY)).statusCode(200);

        assertThat(requests(hosts.customerHost())).as("added").containsExactly(
                "DELETE /rest/instance/cust-9.new/logout Bearer " + MegaApiHosts.CUSTOMER_TOKEN);
        assertThat(requests(hosts.defaultHost())).as("unlisted, moved, removed").containsExactly(
                "DELETE /rest/instance/cust-9.new/logout Bearer " + MegaApiHosts.DEFAULT_TOKEN,
                "DELETE /rest/instance/cust-9.new/logout Bearer " + MegaApiHosts.ROTATED_CUSTOMER_TOKEN,
                "DELETE /rest/instance/cust-9.new/logout Bearer " + MegaApiHosts.DEFAULT_TOKEN);
    }

    @Test
    void keepsWhatItReadWhenTheSecretCannotBeReadButSendsAnUnlistedKeyNowhere() {
        invoke(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(200);
        hosts.extension().failWith(500, "{\"message\":\"boom\"}");

        invoke(event(MegaApiHosts.CUSTOMER_KEY)).statusCode(200);
        invoke(event("demo")).statusCode(500).body("errorType", equalTo(UNAVAILABLE));

        assertThat(requests(hosts.customerHost())).containsExactly(
                "DELETE /rest/instance/cust-1.main/logout Bearer " + MegaApiHosts.CUSTOMER_TOKEN,
                "DELETE /rest/instance/cust-1.main/logout Bearer " + MegaApiHosts.CUSTOMER_TOKEN);
        assertThat(requests(hosts.defaultHost())).as("the unlisted key went nowhere").isEmpty();
        assertThat(TokenNeverLogged.captured()).contains("could not be read again; the copy read");
    }

    private void secret(String json) {
        hosts.extension().secret(MegaApiHosts.INSTANCES_SECRET_ID, json);
    }
}
