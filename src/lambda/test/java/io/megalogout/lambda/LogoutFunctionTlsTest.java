package io.megalogout.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.TokenNeverLogged;
import io.megalogout.error.MegaApiTimeoutException;
import io.megalogout.error.MegaApiUnavailableException;
import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;
import io.megalogout.megaapi.TcpGate;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An https base URL whose TLS handshake never completes: the connection phase, before any request exists, is bounded by
 * the deadline too. And one that answers TLS with plain HTTP: a handshake failure, not retried, with the token unsent.
 */
@QuarkusTest
@WithTestResource(value = MegaApiStub.class, initArgs = { @ResourceArg(name = MegaApiStub.GATED, value = "true"),
        @ResourceArg(name = MegaApiStub.HTTPS_BASE_URL, value = "true") })
class LogoutFunctionTlsTest {

    @InjectMegaApiStub
    WireMockServer megaApi;

    @InjectMegaApiStub
    TcpGate gate;

    @Inject
    LogoutFunction function;

    @Test
    void stopsAHandshakeThatNeverCompletesAtTheDeadline() {
        gate.swallow();
        int connectionsBefore = gate.connectionsAccepted();
        LambdaContext context = LambdaContext.remaining(Duration.ofSeconds(3));

        assertThatThrownBy(() -> invoke(context)).isInstanceOf(MegaApiTimeoutException.class);

        assertThat(context.getRemainingTimeInMillis()).as("time left when the function answered").isPositive();
        assertThat(gate.connectionsAccepted() - connectionsBefore).as("connections opened").isEqualTo(1);
    }

    @Test
    void reportsAFailedHandshakeWithoutRetryingIt() {
        assertThatThrownBy(() -> invoke(LambdaContext.remaining(Duration.ofSeconds(10))))
                .isInstanceOf(MegaApiUnavailableException.class)
                .hasMessageContaining("TLS handshake failed")
                .hasMessageContaining("nothing was sent");

        assertThat(TokenNeverLogged.captured()).doesNotContain("logout retry ");
        // The stub saw a TLS ClientHello where it expected HTTP: no request it could match, and no token.
        assertThat(megaApi.getAllServeEvents()).allSatisfy(event -> assertThat(event.getRequest().getHeader("Authorization"))
                .isNull());
    }

    private void invoke(LambdaContext context) throws Exception {
        function.handleRequest(new ByteArrayInputStream("{\"instanceKey\":\"demo\"}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), context);
    }
}
