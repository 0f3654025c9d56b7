package io.megalogout.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The extension's client against a stand-in of the extension's endpoint, started by each test. */
class SecretsExtensionTest {

    private static final String ARN = "arn:aws:secretsmanager:sa-east-1:000000000000:secret:megaapi/token-AbCdEf";
    private static final String VALUE = "secret-value-never-in-a-message";
    private static final Duration BUDGET = Duration.ofSeconds(5);

    private SecretsExtensionStandIn extension;
    private final Map<String, String> environment = new HashMap<>();

    @BeforeEach
    void startTheExtension() throws IOException {
        extension = new SecretsExtensionStandIn();
        environment.put(SecretsExtension.PORT_VARIABLE, String.valueOf(extension.port()));
        environment.put("AWS_SESSION_TOKEN", SecretsExtensionStandIn.SESSION_TOKEN);
    }

    @AfterEach
    void stopTheExtension() {
        extension.close();
    }

    private SecretsExtension client() {
        return new SecretsExtension(name -> Optional.ofNullable(environment.get(name)));
    }

    @Test
    void readsTheSecretStringWithTheSessionTokenInTheHeader() {
        extension.secret(ARN, VALUE);

        assertThat(client().secretString(ARN, BUDGET)).isEqualTo(VALUE);

        assertThat(extension.requests()).containsExactly(
                new SecretsExtensionStandIn.Request("/secretsmanager/get", ARN, SecretsExtensionStandIn.SESSION_TOKEN));
    }

    @Test
    void readsASecretNamedByAPathExactlyAsNamed() {
        extension.secret("prod/megaapi token+=.@-", VALUE);

        assertThat(client().secretString("prod/megaapi token+=.@-", BUDGET)).isEqualTo(VALUE);
    }

    @Test
    void isUnusableUnderSnapStartWhereLambdaSetsNoSessionTokenAndNeverTriesTheContainerCredentials() {
        environment.remove("AWS_SESSION_TOKEN");
        environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + extension.port() + "/credentials");
        environment.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-authorization-never-sent");
        extension.secret(ARN, VALUE);

        assertThat(client().unusable()).hasValue("the session token that the extension on localhost:"
                + extension.port() + " asks for is not: AWS_SESSION_TOKEN is not set (Lambda sets none under SnapStart,"
                + " where megaapi.secrets.reader=sdk reads secrets)");
        assertThatThrownBy(() -> client().secretString(ARN, BUDGET)).isInstanceOf(SecretReadException.class)
                .hasMessage("secret '" + ARN + "': no session token for the extension: AWS_SESSION_TOKEN is not set");
        assertThat(extension.requests()).isEmpty();
    }

    @Test
    void isUsableWithTheSessionTokenLambdaSetsWithoutSnapStart() {
        assertThat(client().unusable()).isEmpty();
    }

    @Test
    void namesTheStatusWhenTheExtensionRefusesTheSessionToken() {
        environment.put("AWS_SESSION_TOKEN", "an-expired-session-token");
        extension.secret(ARN, VALUE);

        assertThatThrownBy(() -> client().secretString(ARN, BUDGET)).isInstanceOf(SecretReadException.class)
                .hasMessageStartingWith("secret '" + ARN + "': the extension on localhost:" + extension.port()
                        + " answered HTTP 401")
                .hasMessageNotContaining("an-expired-session-token");
    }

    @ParameterizedTest
    @ValueSource(ints = { 400, 403, 404, 500, 502, 503 })
    void namesTheSecretAndTheStatusOfAnErrorNeverAValue(int status) {
        extension.secret(ARN, VALUE).failWith(status,
                "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized, token "
                        + SecretsExtensionStandIn.SESSION_TOKEN + "\"}");

        assertThatThrownBy(() -> client().secretString(ARN, BUDGET)).isInstanceOf(SecretReadException.class)
                .hasMessageStartingWith("secret '" + ARN + "': the extension on localhost:" + extension.port()
                        + " answered HTTP " + status + ": ")
                .hasMessageContaining("AccessDeniedException")
                .hasMessageNotContaining(VALUE)
                .hasMessageNotContaining(SecretsExtensionStandIn.SESSION_TOKEN);
    }

    @Test
    void namesAnUnknownSecret() {
        assertThatThrownBy(() -> client().secretString("no-such-secret", BUDGET))
                .hasMessageStartingWith("secret 'no-such-secret': the extension on localhost:" + extension.port()
                        + " answered HTTP 400")
                .hasMessageContaining("ResourceNotFoundException");
    }

    @Test
    void givesUpOnASlowExtensionAtTheEndOfTheBudget() {
        extension.secret(ARN, VALUE).delay(Duration.ofSeconds(120));

        // The stand-in would answer after two minutes; the read ends at its 300 ms budget (the bound here is generous).
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
                () -> client().secretString(ARN, Duration.ofMillis(300)))
                .isInstanceOf(SecretReadException.class)
                .hasMessage("secret '" + ARN + "': no answer from the extension within 300 ms"));
    }

    @Test
    void waitsForAnExtensionThatIsStillStartingWithinTheBudget() throws Exception {
        int port = freePort();
        environment.put(SecretsExtension.PORT_VARIABLE, String.valueOf(port));
        // Lambda starts the function's init without waiting for extensions: the first requests may find no listener.
        CompletableFuture<SecretsExtensionStandIn> late = CompletableFuture.supplyAsync(() -> {
            try {
                return new SecretsExtensionStandIn(port).secret(ARN, VALUE);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        try {
            assertThat(client().secretString(ARN, BUDGET)).isEqualTo(VALUE);
        } finally {
            late.join().close();
        }
    }

    @Test
    void saysNothingListensWhenTheExtensionNeverStarts() throws Exception {
        environment.put(SecretsExtension.PORT_VARIABLE, String.valueOf(freePort()));

        assertThatThrownBy(() -> client().secretString(ARN, Duration.ofMillis(300)))
                .isInstanceOf(SecretReadException.class)
                .hasMessageMatching("secret '" + ARN.replace(".", "\\.") + "': the extension could not be reached at "
                        + "localhost:\\d+ \\(ConnectException\\)");
    }

    @Test
    void refusesAPortThatIsNotOne() {
        environment.put(SecretsExtension.PORT_VARIABLE, "27x3");

        assertThatThrownBy(this::client).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT is not a port number");
    }

    @Test
    void refusesABinarySecret() {
        extension.failWith(200, "{\"ARN\":\"" + ARN + "\",\"SecretBinary\":\"AAEC\"}");

        assertThatThrownBy(() -> client().secretString(ARN, BUDGET))
                .hasMessage("secret '" + ARN + "': the extension's answer has no SecretString (a binary secret is not"
                        + " supported)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
