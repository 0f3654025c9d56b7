package io.megalogout.megaapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;

/** The start-up check on its own, for every shape of base URL and token; the packaged test shows it stops start-up. */
class MegaApiConfigCheckTest {

    private static final String TOKEN = "Abc-123._~+/token==";

    record Config(String baseUrl, BearerToken token, long connectTimeoutMs, long readTimeoutMs, long logoutTimeoutMs,
            int maxResponseBytes, boolean allowPlainHttp) implements MegaApiConfig {

        Config(String baseUrl, String token, boolean allowPlainHttp) {
            this(baseUrl, new BearerToken(token), 2000, 10000, 20000, 16384, allowPlainHttp);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://apinocode01.megaapi.com.br", "https://host:8443", "https://host/base/",
            "HTTPS://host" })
    void acceptsAnHttpsBaseUrl(String url) {
        assertThatCode(() -> MegaApiConfigCheck.check(new Config(url, TOKEN, false), LaunchMode.NORMAL))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "DEVELOPMENT", "TEST" })
    void acceptsPlainHttpInDevAndTest(String mode) {
        assertThatCode(() -> MegaApiConfigCheck.check(new Config("http://localhost:8089", TOKEN, false),
                LaunchMode.valueOf(mode))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void refusesPlainHttpInProdUnlessExplicitlyAllowed(boolean allowed) {
        var check = assertThatCode(
                () -> MegaApiConfigCheck.check(new Config("http://host", TOKEN, allowed), LaunchMode.NORMAL));
        if (allowed) {
            check.doesNotThrowAnyException();
        } else {
            check.isInstanceOf(ConfigurationException.class).hasMessageContaining("megaapi.base-url is plain http://")
                    .hasMessageContaining("megaapi.allow-plain-http");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://host", "host.example", "/rest", "https://", "https:///path", "https://user:pw@host",
            "https://host?x=1", "https://host#frag", "https://host name", " https://host", "" })
    void refusesABaseUrlThatIsNotSchemeHostPortPath(String url) {
        assertThatThrownBy(() -> MegaApiConfigCheck.check(new Config(url, TOKEN, true), LaunchMode.NORMAL))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("megaapi.base-url ")
                .satisfies(e -> assertThat(((ConfigurationException) e).getConfigKeys()).containsExactly("megaapi.base-url"))
                .hasMessageNotContaining("pw@");
    }

    @ParameterizedTest
    @ValueSource(strings = { "megaapi.connect-timeout-ms", "megaapi.read-timeout-ms", "megaapi.logout-timeout-ms",
            "megaapi.max-response-bytes" })
    void refusesALimitThatIsNotPositive(String property) {
        Config config = new Config("https://host", new BearerToken(TOKEN),
                property.equals("megaapi.connect-timeout-ms") ? 0 : 2000,
                property.equals("megaapi.read-timeout-ms") ? -1 : 10000,
                property.equals("megaapi.logout-timeout-ms") ? 0 : 20000,
                property.equals("megaapi.max-response-bytes") ? 0 : 16384, false);

        assertThatThrownBy(() -> MegaApiConfigCheck.check(config, LaunchMode.NORMAL))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(property + " must be greater than 0");
    }

    @ParameterizedTest
    @ValueSource(strings = { " secret-token", "secret-token\n", "secret token", "secret\ttoken", "secret-tok\u00e9n",
            "secret=token", "secret\r\nX-Injected: 1", "" })
    void refusesATokenThatCannotTravelInAnAuthorizationHeaderWithoutPrintingIt(String token) {
        assertThatThrownBy(() -> MegaApiConfigCheck.check(new Config("https://host", token, false), LaunchMode.NORMAL))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("megaapi.token ")
                .hasMessageNotContaining("secret");
    }
}
