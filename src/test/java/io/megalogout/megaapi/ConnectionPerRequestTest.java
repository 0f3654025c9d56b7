package io.megalogout.megaapi;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;
import io.megalogout.megaapi.connection.KeptConnections;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@code megaapi.connection-reuse-ms=0}: a connection of its own for every request, on one client. */
@QuarkusTest
@TestProfile(ConnectionPerRequestTest.NoReuse.class)
@WithTestResource(value = MegaApiStub.class, initArgs = @ResourceArg(name = MegaApiStub.GATED, value = "true"))
class ConnectionPerRequestTest {

    @InjectMegaApiStub
    WireMockServer megaApi;

    @InjectMegaApiStub
    TcpGate gate;

    @Inject
    MegaApi client;

    public static class NoReuse implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("megaapi.connection-reuse-ms", "0");
        }
    }

    @Test
    void everyRequestOpensAndClosesAConnectionOfItsOwn() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"Instance demo disconnected\"}")));
        int connectionsBefore = gate.connectionsAccepted();
        long clientsBefore = KeptConnections.clientsMade();

        for (int i = 0; i < 5; i++) {
            assertThat(client.logout(new InstanceKey("demo"), Deadline.none()).error()).isFalse();
        }

        assertThat(gate.connectionsAccepted() - connectionsBefore).isEqualTo(5);
        assertThat(megaApi.getAllServeEvents()).hasSize(5)
                .allSatisfy(served -> assertThat(served.getRequest().getHeader("Connection")).isEqualTo("close"));
        assertThat(KeptConnections.clientsMade() - clientsBefore).as("clients made for them").isLessThanOrEqualTo(1);
    }
}
