package io.megalogout.megaapi.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.megalogout.secrets.SecretsExtension;
import io.megalogout.secrets.SecretsExtensionStandIn;

/** The shapes a secret may hold the token in, read through a stand-in of the extension. */
class SecretTokenTest {

    private static final String ID = "megaapi/token";
    private static final Duration BUDGET = Duration.ofSeconds(5);

    private SecretsExtensionStandIn extension;
    private SecretToken source;

    @BeforeEach
    void startTheExtension() throws IOException {
        extension = new SecretsExtensionStandIn();
        Map<String, String> environment = Map.of(SecretsExtension.PORT_VARIABLE, String.valueOf(extension.port()),
                "AWS_SESSION_TOKEN", SecretsExtensionStandIn.SESSION_TOKEN);
        source = new SecretToken(new SecretsExtension(name -> Optional.ofNullable(environment.get(name))), ID);
    }

    @AfterEach
    void stopTheExtension() {
        extension.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Abc-123._~+/token==", "Abc-123._~+/token==\n", "{\"token\":\"Abc-123._~+/token==\"}",
            " {\"token\": \"Abc-123._~+/token==\", \"instance\": \"demo\"}\n" })
    void readsAPlainTokenOrAJsonObjectWithATokenField(String secretString) {
        extension.secret(ID, secretString);

        assertThat(source.read(BUDGET)).isEqualTo(new BearerToken("Abc-123._~+/token=="));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"password\":\"secret-not-a-token\"}", "{\"token\":42}", "{\"token\":null}" })
    void refusesJsonWithoutAStringTokenNamingTheSecretOnly(String secretString) {
        extension.secret(ID, secretString);

        assertThatThrownBy(() -> source.read(BUDGET)).isInstanceOf(TokenReadException.class)
                .hasMessage("secret 'megaapi/token' is a JSON value without a string field 'token'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "secret token", "secret-tok\u00e9n", "{\"token\":\"secret token\"}", "", "{secret" })
    void refusesWhatIsNotABearerTokenWithoutPrintingIt(String secretString) {
        extension.secret(ID, secretString);

        assertThatThrownBy(() -> source.read(BUDGET)).isInstanceOf(TokenReadException.class)
                .hasMessageStartingWith("secret 'megaapi/token' ")
                .hasMessageNotContaining("secret token").hasMessageNotContaining("tok\u00e9n");
    }

    @Test
    void passesOnWhyTheSecretCouldNotBeRead() {
        extension.failWith(403, "{\"__type\":\"AccessDeniedException\"}");

        assertThatThrownBy(() -> source.read(BUDGET)).isInstanceOf(TokenReadException.class)
                .hasMessageStartingWith("secret 'megaapi/token': the extension on localhost:" + extension.port()
                        + " answered HTTP 403");
    }
}
