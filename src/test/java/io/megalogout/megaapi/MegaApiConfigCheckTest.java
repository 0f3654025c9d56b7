package io.megalogout.megaapi;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.runtime.configuration.ConfigurationException;

/** The start-up check of a call's bounds on its own; which hosts and tokens may be used is TargetConfigCheckTest's. */
class MegaApiConfigCheckTest {

    record Config(long connectTimeoutMs, long readTimeoutMs, long logoutTimeoutMs, int maxResponseBytes,
            boolean prime) implements MegaApiConfig {

        static Config withZero(String property) {
            return new Config(property.equals("megaapi.connect-timeout-ms") ? 0 : 2000,
                    property.equals("megaapi.read-timeout-ms") ? -1 : 10000,
                    property.equals("megaapi.logout-timeout-ms") ? 0 : 20000,
                    property.equals("megaapi.max-response-bytes") ? 0 : 16384, false);
        }
    }

    @Test
    void acceptsTheDefaults() {
        assertThatCode(() -> MegaApiConfigCheck.check(new Config(2000, 10000, 20000, 16384, true)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "megaapi.connect-timeout-ms", "megaapi.read-timeout-ms", "megaapi.logout-timeout-ms",
            "megaapi.max-response-bytes" })
    void refusesALimitThatIsNotPositive(String property) {
        assertThatThrownBy(() -> MegaApiConfigCheck.check(Config.withZero(property)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(property + " must be greater than 0");
    }
}
