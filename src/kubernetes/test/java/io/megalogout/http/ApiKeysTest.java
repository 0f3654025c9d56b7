package io.megalogout.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.runtime.configuration.ConfigurationException;

/** The API key rules: what start-up refuses (naming the property, never a value), and which keys are accepted. */
class ApiKeysTest {

    @Test
    void refusesToStartWithoutKeys() {
        assertThatThrownBy(() -> new ApiKeys(config(true)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("http.api-keys is required")
                .hasMessageContaining("http.auth.enabled=false");
    }

    @ParameterizedTest
    @ValueSource(strings = { "short-key-15chr", "has a space-0000000", "has\nnewline-000000", "comma-is-not-in-b64token,x",
            "ümlaut-0000000000000", "==leading-equals-0000" })
    void refusesAMalformedKeyWithoutPrintingIt(String key) {
        assertThatThrownBy(() -> new ApiKeys(config(true, DoorSettingsForTests.KEY, key)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("http.api-keys holds a key that")
                .hasMessageNotContaining(key)
                .hasMessageNotContaining(DoorSettingsForTests.KEY);
    }

    @Test
    void startsWithoutKeysWhenSwitchedOffExplicitly() {
        assertThat(new ApiKeys(config(false)).enabled()).isFalse();
    }

    @Test
    void acceptsEachKeyOfARotationAndNothingElse() {
        ApiKeys keys = new ApiKeys(config(true, DoorSettingsForTests.KEY, DoorSettingsForTests.ROTATED_KEY));

        assertThat(keys.indexOf(DoorSettingsForTests.KEY)).hasValue(0);
        assertThat(keys.indexOf(DoorSettingsForTests.ROTATED_KEY)).hasValue(1);
        for (String other : List.of("", DoorSettingsForTests.KEY.substring(1), DoorSettingsForTests.KEY + "1",
                DoorSettingsForTests.KEY.toUpperCase(), " " + DoorSettingsForTests.KEY)) {
            assertThat(keys.indexOf(other)).as("'%s'", other).isEmpty();
        }
    }

    @Test
    void neverShowsAKeyInItsConfigurationValue() {
        assertThat(new HttpConfig.ApiKey(DoorSettingsForTests.KEY).toString()).doesNotContain(DoorSettingsForTests.KEY);
    }

    private static HttpConfig config(boolean enabled, String... keys) {
        return new HttpConfig() {

            @Override
            public Optional<List<ApiKey>> apiKeys() {
                return keys.length == 0 ? Optional.empty()
                        : Optional.of(Arrays.stream(keys).map(ApiKey::new).toList());
            }

            @Override
            public Auth auth() {
                return () -> enabled;
            }
        };
    }
}
