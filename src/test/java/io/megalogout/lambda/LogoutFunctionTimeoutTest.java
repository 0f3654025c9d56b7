package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.megalogout.lambda.EventServer.event;
import static io.megalogout.lambda.EventServer.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Headers that do not come within the read timeout end in MegaApiTimeoutException, not in a hung invocation. */
@QuarkusTest
@TestProfile(ShortTimeoutsProfile.class)
@WithTestResource(MegaApiStub.class)
class LogoutFunctionTimeoutTest {

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Test
    void reportsHeadersLaterThanTheReadTimeoutAsATimeout() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"too late\"}").withFixedDelay(3000)));

        invoke(event("demo")).statusCode(500)
                .body("errorType", equalTo("io.megalogout.error.MegaApiTimeoutException"))
                .body("errorMessage", containsString("megaapi.read-timeout-ms"));

        assertThat(megaApi.getAllServeEvents()).hasSize(1);
    }
}
