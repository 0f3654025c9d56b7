package io.megalogout.megaapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.error.MegaApiContractException;
import io.megalogout.error.MegaApiTimeoutException;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;
import io.megalogout.megaapi.connection.KeptConnections;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Connections as Mega-API's side sees them ({@link TcpGate} counts the connections it accepts), with the production
 * reuse window: requests in a row share their client's one connection, and a request cut short never leaves its
 * connection to the next one.
 */
@QuarkusTest
@WithTestResource(value = MegaApiStub.class, initArgs = @ResourceArg(name = MegaApiStub.GATED, value = "true"))
class ConnectionReuseTest {

    private static final String OK = "{\"error\":false,\"message\":\"Instance demo disconnected\"}";
    private static final InstanceKey DEMO = new InstanceKey("demo");

    @InjectMegaApiStub
    WireMockServer megaApi;

    @InjectMegaApiStub
    TcpGate gate;

    @Inject
    MegaApi client;

    @BeforeEach
    void startWithoutKeptConnections() {
        KeptConnections.drop();
    }

    @Test
    void requestsInARowShareTheirClientsOneConnection() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        int connectionsBefore = gate.connectionsAccepted();
        long clientsBefore = KeptConnections.clientsMade();

        for (int i = 0; i < 20; i++) {
            assertThat(client.logout(DEMO, Deadline.none()).error()).isFalse();
        }

        long clients = KeptConnections.clientsMade() - clientsBefore;
        assertThat(megaApi.getAllServeEvents()).hasSize(20).allSatisfy(served -> assertThat(served.getRequest()
                .getHeader("Connection")).as("no request asks to close its connection").isNotEqualToIgnoringCase("close"));
        assertThat(gate.connectionsAccepted() - connectionsBefore)
                .as("one connection for each client made (%d), not one per request", clients).isEqualTo((int) clients);
    }

    @Test
    void aRequestAbandonedAtItsDeadlineTakesItsConnectionWithIt() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK).withFixedDelay(3000)));
        int connectionsBefore = gate.connectionsAccepted();

        assertThatThrownBy(() -> client.logout(DEMO, Deadline.after(Duration.ofMillis(300))))
                .isInstanceOf(MegaApiTimeoutException.class);
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));

        assertThat(client.logout(DEMO, Deadline.none()).error()).isFalse();
        assertThat(gate.connectionsAccepted() - connectionsBefore).as("a new connection for the second logout")
                .isEqualTo(2);
    }

    @Test
    void anAnswerCutAtTheSizeLimitTakesItsConnectionWithIt() {
        megaApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"" + "x".repeat(100_000) + "\"}")));
        int connectionsBefore = gate.connectionsAccepted();

        assertThatThrownBy(() -> client.logout(DEMO, Deadline.none())).isInstanceOf(MegaApiContractException.class);
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));

        assertThat(client.logout(DEMO, Deadline.none()).error()).isFalse();
        assertThat(gate.connectionsAccepted() - connectionsBefore).as("a new connection for the second logout")
                .isEqualTo(2);
    }
}
