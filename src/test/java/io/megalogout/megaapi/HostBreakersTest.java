package io.megalogout.megaapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.megalogout.error.MegaApiCircuitOpenException;
import io.megalogout.error.MegaApiUnavailableException;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What counts in a host's circuit breakers, with the build's own breaker settings: a 429 throttles one token, so no
 * number of them pauses the host, whether retried after its {@code Retry-After} or not; 503s still do.
 */
@QuarkusTest
@WithTestResource(MegaApiStub.class)
class HostBreakersTest {

    private static final InstanceKey DEMO = new InstanceKey("demo");
    private static final String OK = "{\"error\":false,\"message\":\"ok\"}";

    @InjectMegaApiStub
    WireMockServer megaApi;

    @Inject
    MegaApi client;

    @Inject
    BreakerConfig breakers;

    @Test
    void keepsSendingLogoutsAfterMoreThrottlingThanWouldOpenIt() {
        int throttled = 2 * breakers.logout().requestVolumeThreshold();
        logoutsAllThrottled(throttled, aResponse().withStatus(429));

        assertThat(client.logout(DEMO, Deadline.none()).message()).isEqualTo("ok");

        assertThat(client.paused()).isFalse();
        assertThat(megaApi.getAllServeEvents()).as("every 429, then the logout").hasSize(throttled + 1);
    }

    /** Each logout is sent three times (a 429 whose Retry-After fits is retried twice): every attempt is a 429. */
    @Test
    void keepsSendingLogoutsAfterThrottlingWithRetryAfter() {
        int throttled = breakers.logout().requestVolumeThreshold();
        logoutsAllThrottled(throttled, aResponse().withStatus(429).withHeader("Retry-After", "0"));

        assertThat(client.logout(DEMO, Deadline.none()).message()).isEqualTo("ok");

        assertThat(client.paused()).isFalse();
        assertThat(megaApi.getAllServeEvents()).as("three attempts per logout, then the logout")
                .hasSize(3 * throttled + 1);
    }

    @Test
    void keepsSendingStatusReadsAfterMoreThrottlingThanWouldOpenIt() {
        int throttled = 2 * breakers.status().requestVolumeThreshold();
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)));
        for (int i = 0; i < throttled; i++) {
            assertThatThrownBy(() -> client.status(DEMO, Deadline.none()))
                    .isInstanceOf(MegaApiUnavailableException.class);
        }
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"instance\":{\"status\":\"open\"}}")));

        assertThat(client.status(DEMO, Deadline.none()).status()).isEqualTo("open");

        assertThat(client.statusReadsPaused()).isFalse();
        assertThat(megaApi.getAllServeEvents()).as("every 429, then the read").hasSize(throttled + 1);
    }

    @Test
    void pausesTheHostAfter503s() {
        int failed = breakers.logout().requestVolumeThreshold();
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < failed; i++) {
            assertThatThrownBy(() -> client.logout(DEMO, Deadline.none()))
                    .isInstanceOf(MegaApiUnavailableException.class);
        }

        assertThatThrownBy(() -> client.logout(DEMO, Deadline.none())).isInstanceOf(MegaApiCircuitOpenException.class);

        assertThat(client.paused()).isTrue();
        assertThat(megaApi.getAllServeEvents()).as("nothing sent once paused").hasSize(failed);
    }

    /** A 503 whose Retry-After fits is retried: each attempt counts, so the breaker opens within the logouts. */
    @Test
    void pausesTheHostAfter503sWithRetryAfter() {
        int failed = breakers.logout().requestVolumeThreshold();
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
        for (int i = 0; i < failed; i++) {
            assertThatThrownBy(() -> client.logout(DEMO, Deadline.none()))
                    .isInstanceOfAny(MegaApiUnavailableException.class, MegaApiCircuitOpenException.class);
        }

        assertThat(client.paused()).isTrue();
        assertThat(megaApi.getAllServeEvents()).as("no more attempts than the breaker looks at").hasSize(failed);
    }

    /** {@code count} logouts, each answered {@code throttled} (a 429) and failing with it; then Mega-API answers again. */
    private void logoutsAllThrottled(int count, ResponseDefinitionBuilder throttled) {
        megaApi.stubFor(any(anyUrl()).willReturn(throttled));
        for (int i = 0; i < count; i++) {
            assertThatThrownBy(() -> client.logout(DEMO, Deadline.none()))
                    .isInstanceOfSatisfying(MegaApiUnavailableException.class,
                            busy -> assertThat(busy.upstreamStatus()).hasValue(429));
        }
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
    }
}
