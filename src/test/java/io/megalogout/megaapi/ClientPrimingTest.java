package io.megalogout.megaapi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Priming (on in the Lambda door's build, whose tests these are) ran at start-up and reached neither the configured
 * host nor anything in front of it: the gate counts every TCP connection made to Mega-API's address since it started.
 */
@QuarkusTest
@WithTestResource(value = MegaApiStub.class, initArgs = @ResourceArg(name = MegaApiStub.GATED, value = "true"))
class ClientPrimingTest {

    @InjectMegaApiStub
    WireMockServer megaApi;

    @InjectMegaApiStub
    TcpGate gate;

    @Inject
    ClientPriming priming;

    @Test
    void primesAtStartUpWithoutConnectingToMegaApi() {
        assertThat(priming.primed()).isTrue();
        assertThat(gate.connectionsAccepted()).isZero();
    }
}
