package io.megalogout.megaapi.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The start-up check of the client's hardening on its own; PackagedDoorIT shows that it stops the packaged door. */
class ClientHardeningTest {

    /** What application.properties sets, below whatever a test adds. */
    private static final Map<String, String> SHIPPED = Map.of("quarkus.rest-client.megaapi.follow-redirects", "false");

    private static Config properties(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(SHIPPED, "shipped", 100),
                new PropertiesConfigSource(properties, "test", 200)).build();
    }

    private static Config environment(Map<String, String> variables) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(SHIPPED, "shipped", 100),
                new EnvConfigSource(variables, 300)).build();
    }

    @Test
    void acceptsTheShippedSettingsInProd() {
        assertThatCode(() -> ClientHardening.check(properties(Map.of()), LaunchMode.NORMAL)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({ "quarkus.rest-client.megaapi.follow-redirects, true", "quarkus.rest-client.megaapi.trust-all, true",
            "quarkus.tls.trust-all, true", "quarkus.rest-client.megaapi.verify-host, false",
            "quarkus.rest-client.verify-host, false" })
    void refusesEachSettingThatSwitchesHardeningOffInProd(String property, String value) {
        assertThatThrownBy(() -> ClientHardening.check(properties(Map.of(property, value)), LaunchMode.NORMAL))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(property + " is " + value + ": ")
                .hasMessageEndingWith("this is refused outside the dev and test profiles");
    }

    @ParameterizedTest
    @CsvSource({ "QUARKUS_REST_CLIENT_MEGAAPI_FOLLOW_REDIRECTS, quarkus.rest-client.megaapi.follow-redirects",
            "QUARKUS_REST_CLIENT_MEGAAPI_TRUST_ALL, quarkus.rest-client.megaapi.trust-all",
            "QUARKUS_TLS_TRUST_ALL, quarkus.tls.trust-all" })
    void refusesTheirEnvironmentVariablesToo(String variable, String property) {
        assertThatThrownBy(() -> ClientHardening.check(environment(Map.of(variable, "true")), LaunchMode.NORMAL))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(property + " is true: ");
    }

    @Test
    void refusesATlsConfigurationOfTheClientThatTrustsEveryCertificate() {
        Config config = properties(Map.of("quarkus.rest-client.megaapi.tls-configuration-name", "egress",
                "quarkus.tls.egress.trust-all", "true"));

        assertThatThrownBy(() -> ClientHardening.check(config, LaunchMode.NORMAL))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("quarkus.tls.egress.trust-all is true: ");
    }

    /** The client's own setting counts before the one for all clients, as the REST client reads them. */
    @Test
    void acceptsRedirectsForOtherClientsWhenTheMegaApiClientDoesNotFollowThem() {
        Config config = properties(Map.of("quarkus.rest-client.follow-redirects", "true"));

        assertThatCode(() -> ClientHardening.check(config, LaunchMode.NORMAL)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { "DEVELOPMENT", "TEST" })
    void acceptsThemInDevAndTest(String mode) {
        Config config = properties(Map.of("quarkus.rest-client.megaapi.follow-redirects", "true",
                "quarkus.tls.trust-all", "true", "quarkus.rest-client.megaapi.verify-host", "false"));

        assertThatCode(() -> ClientHardening.check(config, LaunchMode.valueOf(mode))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({ "quarkus.rest-client.megaapi.proxy-address, egress.corp.example:3128",
            "quarkus.rest-client.proxy-address, egress.corp.example:3128", "quarkus.proxy.host, egress.corp.example" })
    void namesTheProxyAndTheSettingThatGivesIt(String property, String address) {
        assertThat(ClientHardening.proxy(properties(Map.of(property, address))))
                .hasValue("Mega-API requests go through the proxy at " + address + " (" + property + "); TLS still"
                        + " ends at Mega-API, the proxy only relays it");
    }

    @Test
    void namesNoProxyWithoutOneOrWhenTheClientSaysNone() {
        assertThat(ClientHardening.proxy(properties(Map.of()))).isEmpty();
        assertThat(ClientHardening.proxy(properties(Map.of("quarkus.rest-client.megaapi.proxy-address", "none",
                "quarkus.rest-client.proxy-address", "egress.corp.example:3128")))).isEmpty();
    }
}
