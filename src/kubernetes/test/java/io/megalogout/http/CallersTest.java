package io.megalogout.http;

import static io.megalogout.http.CallerConfigs.caller;
import static io.megalogout.http.CallerConfigs.config;
import static io.megalogout.http.CallerConfigs.keys;
import static io.megalogout.http.CallerConfigs.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.runtime.configuration.ConfigurationException;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The callers and their keys: what start-up refuses (naming the property, never a value), and whose each key is.
 */
class CallersTest {

    private static final String ACME_KEY = "acme-key-0000000001";
    private static final String ACME_NEXT = "acme-key-0000000002";
    private static final String BETA_KEY = "beta-key-0000000001";

    @Test
    void refusesToStartWithoutKeys() {
        assertThatThrownBy(() -> new Callers(config(true)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("http.api-keys is required")
                .hasMessageContaining("http.auth.enabled=false");
    }

    @ParameterizedTest
    @ValueSource(strings = { "short-key-15chr", "has a space-0000000", "has\nnewline-000000", "comma-is-not-in-b64token,x",
            "ümlaut-0000000000000", "==leading-equals-0000" })
    void refusesAMalformedKeyWithoutPrintingIt(String key) {
        assertThatThrownBy(() -> new Callers(config(true, DoorSettingsForTests.KEY, key)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("http.api-keys holds a key that")
                .hasMessageNotContaining(key)
                .hasMessageNotContaining(DoorSettingsForTests.KEY);
    }

    @Test
    void startsWithoutKeysWhenSwitchedOffExplicitly() {
        assertThat(new Callers(config(false)).enabled()).isFalse();
    }

    @Test
    void namesTheCallerOfEachKeyTheSameForBothKeysOfARotationAndNoneForAnotherKey() {
        Callers callers = new Callers(config(true, Map.of("acme", caller("acme-*", ACME_KEY, ACME_NEXT), "beta",
                caller("beta-1,beta-2", BETA_KEY)), DoorSettingsForTests.KEY, DoorSettingsForTests.ROTATED_KEY));

        assertThat(callers.byKey(DoorSettingsForTests.KEY)).map(ConfiguredCaller::name).hasValue("default");
        assertThat(callers.byKey(DoorSettingsForTests.ROTATED_KEY)).map(ConfiguredCaller::name).hasValue("default");
        assertThat(callers.byKey(ACME_KEY)).map(ConfiguredCaller::name).hasValue("acme");
        assertThat(callers.byKey(ACME_NEXT)).map(ConfiguredCaller::name).hasValue("acme");
        assertThat(callers.byKey(BETA_KEY)).map(ConfiguredCaller::name).hasValue("beta");
        for (String other : List.of("", DoorSettingsForTests.KEY.substring(1), DoorSettingsForTests.KEY + "1",
                DoorSettingsForTests.KEY.toUpperCase(), " " + DoorSettingsForTests.KEY, ACME_KEY + "," + ACME_NEXT)) {
            assertThat(callers.byKey(other)).as("'%s'", other).isEmpty();
        }
        assertThat(callers.shared()).extracting(ConfiguredCaller::name).containsExactlyInAnyOrder("acme", "beta");
    }

    @Test
    void scopesEachCallerToItsPatterns() {
        Callers callers = new Callers(config(true, Map.of("acme", caller("acme-*, shared-1", ACME_KEY), "ops",
                caller("*", BETA_KEY))));

        InstancePatterns acme = callers.named("acme").orElseThrow().instances();
        assertThat(List.of("acme-", "acme-1", "acme-x.y", "shared-1")).allMatch(acme::matches);
        assertThat(List.of("acme", "ACME-1", "beta-1", "shared-10", "shared-", "xacme-1")).noneMatch(acme::matches);
        assertThat(callers.named("ops").orElseThrow().instances().matches("anything")).isTrue();
        assertThat(callers.named("default")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Acme", "1acme", "-acme", "acme_eu", "acme.eu", "a23456789012345678901234567890123", "default",
            "unchecked" })
    void refusesAMalformedOrTakenCallerName(String name) {
        assertThatThrownBy(() -> new Callers(config(true, Map.of(name, caller("*", ACME_KEY)))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("http.callers." + name + ".api-keys names a caller")
                .hasMessageNotContaining(ACME_KEY);
    }

    @Test
    void acceptsTheLongestAndDashedNames() {
        String longest = "a2345678901234567890123456789-12";

        assertThat(new Callers(config(true, Map.of(longest, caller("*", ACME_KEY), "acme-eu", caller("*", BETA_KEY))))
                .named(longest)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "a*b", "**", "*acme", "acme-**", "acme-*,beta*x", " ", "a/b", ".acme-*", "acme..x*", "*,a b" })
    void refusesAMalformedPatternWithoutPrintingIt(String patterns) {
        assertThatThrownBy(() -> new Callers(config(true, Map.of("acme", caller(patterns, ACME_KEY)))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("http.callers.acme.instances ")
                .satisfies(refused -> assertThat(refused.getMessage().substring("http.callers.acme.instances".length()))
                        .doesNotContain(patterns.isBlank() ? "\u0000" : patterns.strip()));
    }

    @Test
    void refusesACallerWithoutInstancesOrWithoutKeys() {
        assertThatThrownBy(() -> new Callers(config(true, Map.of("acme", settings(Optional.empty(), ACME_KEY)))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("http.callers.acme.instances is required");
        assertThatThrownBy(() -> new Callers(config(true, Map.of("acme", caller("acme-*")))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("http.callers.acme.api-keys is required");
    }

    @Test
    void refusesAKeyGivenToTwoCallersOrTwiceWithoutPrintingIt() {
        assertThatThrownBy(() -> new Callers(config(true, Map.of("acme", caller("acme-*", ACME_KEY), "beta",
                caller("beta-*", BETA_KEY, ACME_KEY)))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("http.callers.beta.api-keys holds a key that http.callers.acme.api-keys holds too: a key"
                        + " names one caller");
        assertThatThrownBy(() -> new Callers(config(true, Map.of("acme", caller("acme-*", DoorSettingsForTests.KEY)),
                DoorSettingsForTests.KEY)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("http.callers.acme.api-keys holds a key that http.api-keys holds too");
        assertThatThrownBy(() -> new Callers(config(true, Map.of("acme", caller("acme-*", ACME_KEY, ACME_KEY)))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("http.callers.acme.api-keys holds the same key twice");
    }

    @Test
    void refusesACallersVariableThatSmallRyeConfigCouldNotRead() {
        Map<String, HttpConfig.CallerSettings> acme = Map.of("acme", caller("acme-*", ACME_KEY));

        for (String unread : List.of("HTTP_CALLERS_ACME_EU_API_KEYS", "HTTP_CALLERS_BETA_INSTANCES", "HTTP_CALLERS_ACME",
                "HTTP_CALLERS_ACME_KEYS")) {
            assertThatThrownBy(() -> CallersCheck.callers(config(true, acme), Set.of("HTTP_CALLERS_ACME_API_KEYS", unread)))
                    .isInstanceOf(ConfigurationException.class).hasMessageStartingWith(unread + " is not read");
        }
        assertThat(CallersCheck.callers(config(true, acme), Set.of("HTTP_CALLERS_ACME_API_KEYS",
                "HTTP_CALLERS_ACME_INSTANCES", "HTTP_CALLERS_ACME_LOGOUTS_PER_MINUTE", "HTTP_CALLERS_ACME_MAX_CONCURRENT",
                "HTTP_API_KEYS"))).hasSize(1);
    }

    /** What SmallRye Config makes of callers given as environment variables: a name with '-' is not read. */
    @Test
    void readsACallerFromEnvironmentVariablesUnlessItsNameHasADash() {
        HttpConfig config = new SmallRyeConfigBuilder().withSources(new EnvConfigSource(Map.of(
                "HTTP_CALLERS_ACME_API_KEYS", ACME_KEY, "HTTP_CALLERS_ACME_INSTANCES", "acme-*,shared-1",
                "HTTP_CALLERS_ACME_LOGOUTS_PER_MINUTE", "5", "HTTP_CALLERS_ACME_EU_API_KEYS", BETA_KEY,
                "HTTP_CALLERS_ACME_EU_INSTANCES", "eu-*"), 300)).withMapping(HttpConfig.class).build()
                .getConfigMapping(HttpConfig.class);

        assertThat(config.callers()).containsOnlyKeys("acme");
        assertThat(config.callers().get("acme").instances()).hasValue(List.of("acme-*", "shared-1"));
        assertThat(config.callers().get("acme").logoutsPerMinute()).hasValue(5);
    }

    @Test
    void refusesCallersWhenKeysAreSwitchedOff() {
        assertThatThrownBy(() -> new Callers(config(false, Map.of("acme", caller("acme-*", ACME_KEY)))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("http.auth.enabled is false while http.callers are set");
    }

    @Test
    void refusesAShareBelowOne() {
        HttpConfig.CallerSettings zero = new CallerConfigs.Settings(Optional.of(keys(ACME_KEY)), Optional.of(List.of("*")),
                OptionalInt.of(0), OptionalInt.empty());

        assertThatThrownBy(() -> new Callers(config(true, Map.of("acme", zero))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("http.callers.acme.logouts-per-minute must be at least 1");
    }

    @Test
    void neverShowsAKeyInItsConfigurationValue() {
        assertThat(new HttpConfig.ApiKey(DoorSettingsForTests.KEY).toString()).doesNotContain(DoorSettingsForTests.KEY);
    }
}
