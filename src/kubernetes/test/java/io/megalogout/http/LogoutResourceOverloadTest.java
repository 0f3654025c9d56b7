package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.megalogout.http.Door.event;
import static io.megalogout.http.Door.logout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Past the bulkhead (here 1 in flight, 1 waiting), a request is refused at once with a 503 and nothing is sent for it. */
@QuarkusTest
@TestProfile(OverloadProfile.class)
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
class LogoutResourceOverloadTest {

    @InjectMegaApiStub
    WireMockServer megaApi;

    /**
     * Callers of their own: not the common pool, which has one thread on two cores and which Groovy (under RestAssured)
     * needs for its own class initialisation, a deadlock when a caller holds that thread.
     */
    private final ExecutorService callers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void refusesARequestPastTheBulkheadWithoutSendingIt() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"slow\"}").withFixedDelay(3_000)));
        CompletableFuture<Integer> inFlight = CompletableFuture.supplyAsync(() -> logout(event("first")).extract()
                .statusCode(), callers);
        awaitBulkhead("executionsRunning");
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> logout(event("second")).extract()
                .statusCode(), callers);
        awaitBulkhead("executionsWaiting");

        logout(event("third")).statusCode(503)
                .contentType(LogoutResourceTest.PROBLEM)
                .header("Retry-After", "1")
                .body("type", equalTo("tag:megalogout.io,2026:problems/too-many-logouts"))
                .body("errorType", equalTo("io.megalogout.error.TooManyLogoutsException"));

        assertThat(inFlight.get()).isEqualTo(200);
        assertThat(waiting.get()).isEqualTo(200);
        assertThat(megaApi.findAll(anyRequestedFor(anyUrl()))).extracting(r -> r.getUrl())
                .containsExactlyInAnyOrder("/rest/instance/first/logout", "/rest/instance/second/logout");
        assertThat(Door.management().get("/q/metrics").asString())
                .contains(
                        "ft_bulkhead_calls_total{bulkheadResult=\"rejected\",method=\"io.megalogout.http.LogoutSlots.run\"} 1.0");
    }

    /**
     * Waits until the bulkhead's own gauge (SmallRye Fault Tolerance's metrics) shows one logout in that state; gives up
     * after 200 looks, well within the stub's delay, rather than hang.
     */
    private static void awaitBulkhead(String gauge) throws InterruptedException {
        String one = "ft_bulkhead_" + gauge + "{method=\"io.megalogout.http.LogoutSlots.run\"} 1.0";
        for (int look = 0; look < 200; look++) {
            if (Door.management().get("/q/metrics").asString().contains(one)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the bulkhead never showed " + one);
    }
}
