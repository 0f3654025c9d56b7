package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

/**
 * A failing Mega-API is not hammered: after 4 failures in the last 5 attempts, logouts fail fast with
 * MegaApiCircuitOpenException and send nothing, until the breaker's delay has passed and one trial succeeds. Answers
 * that are Mega-API refusing (4xx) do not count.
 */
@QuarkusTest
@TestProfile(ShortCircuitBreakerProfile.class)
@WithTestResource(MegaApiStub.class)
class LogoutFunctionCircuitBreakerTest {

    private static final String OPEN = "io.megalogout.error.MegaApiCircuitOpenException";
    private static final String BACK = "{\"error\":false,\"message\":\"back\"}";
    private static final String UNAVAILABLE = "io.megalogout.error.MegaApiUnavailableException";

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Test
    void opensAfterRepeatedFailuresAndClosesAfterASuccessfulTrial() throws InterruptedException {
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502)));
        for (int i = 0; i < 5; i++) {
            invoke(event("demo")).statusCode(500).body("errorType", equalTo(UNAVAILABLE));
        }

        invoke(event("demo")).statusCode(500)
                .body("errorType", equalTo(OPEN))
                .body("errorMessage", containsString("nothing was sent for instance 'demo'"));
        assertThat(megaApi.getAllServeEvents()).as("requests while the breaker was closed").hasSize(5);

        megaApi.stubFor(any(anyUrl()).willReturn(okJson(BACK)));
        Thread.sleep(ShortCircuitBreakerProfile.OPEN_MS + 200);
        invoke(event("demo")).statusCode(200).body(equalTo(BACK));
        invoke(event("demo")).statusCode(200).body(equalTo(BACK));
        assertThat(megaApi.getAllServeEvents()).hasSize(7);
    }

    /** 3 failures, then a 503 whose retries fill the window: the breaker opens between two attempts of one logout. */
    @Test
    void saysWhatWasSentWhenItOpensDuringALogout() {
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 3; i++) {
            invoke(event("demo")).statusCode(500).body("errorType", equalTo(UNAVAILABLE));
        }
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));

        invoke(event("demo")).statusCode(500)
                .body("errorType", equalTo(OPEN))
                .body("errorMessage", containsString("after its first 2, so the logout may or may not have happened"));
        assertThat(megaApi.getAllServeEvents()).hasSize(5);
    }

    @Test
    void doesNotCountMegaApiRefusingAsAFailure() {
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
        for (int i = 0; i < 10; i++) {
            invoke(event("demo")).statusCode(500).body("errorType", equalTo("io.megalogout.error.UnknownInstanceException"));
        }
        assertThat(megaApi.getAllServeEvents()).hasSize(10);
    }
}
