package io.megalogout.megaapi.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.configuration.ConfigurationException;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.file.FileSystemConfigSource;

/**
 * Per-instance settings read from real SmallRye Config sources, as Quarkus stacks them: the environment (300), a
 * properties file (250), the secrets directory (100). Keys come only from names written exactly; an environment
 * variable applies to exactly one of them or stops start-up.
 */
class ConfiguredInstancesTest {

    private static final String CUSTOMER_TOKEN = "customer-token-never-logged";
    private static final String OTHER_TOKEN = "other-token-never-logged";

    @TempDir
    Path secrets;

    @Test
    void readsAKeyWithDotsAndDashesFromASecretFileNamedExactly() throws IOException {
        Files.writeString(secrets.resolve("megaapi.instances.\"cust-1.main\".token"), CUSTOMER_TOKEN + "\n");
        Files.writeString(secrets.resolve("megaapi.instances.\"cust-1.main\".base-url"), "https://customer.example");

        Map<String, InstanceSettings> instances = read(Map.of(), Map.of());

        assertThat(instances).containsOnlyKeys("cust-1.main");
        assertThat(instances.get("cust-1.main").token()).contains(new BearerToken(CUSTOMER_TOKEN));
        assertThat(instances.get("cust-1.main").baseUrl()).contains("https://customer.example");
    }

    @Test
    void readsPlainAndQuotedNamesFromAConfigFile() {
        Map<String, InstanceSettings> instances = read(Map.of(), Map.of("megaapi.instances.other.token", OTHER_TOKEN,
                "megaapi.instances.\"cust-1.main\".base-url", "https://customer.example"));

        assertThat(instances).containsOnlyKeys("other", "cust-1.main");
        assertThat(instances.get("other").token()).contains(new BearerToken(OTHER_TOKEN));
        assertThat(instances.get("other").baseUrl()).isEmpty();
        assertThat(instances.get("cust-1.main").token()).isEmpty();
    }

    @Test
    void anEnvironmentVariableOverridesTheOneKeyNamedExactlyElsewhere() {
        Map<String, InstanceSettings> instances = read(
                Map.of("MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN", CUSTOMER_TOKEN, "MEGAAPI_INSTANCES_OTHER_TOKEN",
                        OTHER_TOKEN),
                Map.of("megaapi.instances.\"cust-1.main\".base-url", "https://customer.example",
                        "megaapi.instances.other.token", "older-token"));

        assertThat(instances).containsOnlyKeys("cust-1.main", "other");
        assertThat(instances.get("cust-1.main").token()).contains(new BearerToken(CUSTOMER_TOKEN));
        assertThat(instances.get("other").token()).contains(new BearerToken(OTHER_TOKEN));
    }

    /** SmallRye alone would make up the key "cust.1.main" from this variable. */
    @Test
    void refusesAnEnvironmentVariableWhoseKeyIsNamedNowhereExactly() {
        assertThatThrownBy(() -> read(Map.of("MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN", CUSTOMER_TOKEN), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN sets an instance's setting, but its key "
                        + "cannot be recovered exactly")
                .hasMessageNotContaining(CUSTOMER_TOKEN);
    }

    /** SmallRye alone would give both keys this one token. */
    @Test
    void refusesAnEnvironmentVariableThatCouldBelongToTwoKeys() {
        assertThatThrownBy(() -> read(Map.of("MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN", CUSTOMER_TOKEN),
                Map.of("megaapi.instances.\"cust-1.main\".base-url", "https://customer.example",
                        "megaapi.instances.\"cust_1.main\".base-url", "https://other.example")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("could be the setting of 2 configured instances (cust-1.main, cust_1.main)")
                .hasMessageNotContaining(CUSTOMER_TOKEN);
    }

    @Test
    void refusesAnEnvironmentVariableSpeltOtherwiseThanItIsLookedUp() {
        assertThatThrownBy(() -> read(Map.of("MEGAAPI_INSTANCES_CUST_1_MAIN_TOKEN", CUSTOMER_TOKEN),
                Map.of("megaapi.instances.\"cust-1.main\".base-url", "https://customer.example")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("use MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN");
    }

    @Test
    void keysThatDifferOnlyInCaseStaySeparateWithoutEnvironmentVariables() {
        Map<String, InstanceSettings> instances = read(Map.of(), Map.of("megaapi.instances.\"Cust-1\".token",
                CUSTOMER_TOKEN, "megaapi.instances.\"cust-1\".token", OTHER_TOKEN));

        assertThat(instances.get("Cust-1").token()).contains(new BearerToken(CUSTOMER_TOKEN));
        assertThat(instances.get("cust-1").token()).contains(new BearerToken(OTHER_TOKEN));
    }

    @Test
    void refusesAKeyThatIsNotAValidInstanceKey() {
        assertThatThrownBy(() -> read(Map.of(), Map.of("megaapi.instances.\"a/b\".token", CUSTOMER_TOKEN)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("megaapi.instances.\"a/b\".token does not name a valid instance key");
    }

    @Test
    void refusesAnUnquotedKeyWithDotsAndAnUnknownField() {
        assertThatThrownBy(() -> read(Map.of(), Map.of("megaapi.instances.cust.main.token", CUSTOMER_TOKEN)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("quote a key that holds dots");
        assertThatThrownBy(() -> read(Map.of(), Map.of("megaapi.instances.cust.baseUrl", "https://x.example")))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("megaapi.instances.cust.baseUrl ");
    }

    @Test
    void refusesASecretFileNamedLikeAnEnvironmentVariable() throws IOException {
        Files.writeString(secrets.resolve("MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN"), CUSTOMER_TOKEN);

        assertThatThrownBy(() -> read(Map.of(), Map.of())).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN is not megaapi.instances.");
    }

    @Test
    void ignoresTheInstancesSecretIdAndOtherProfiles() {
        Map<String, InstanceSettings> instances = read(Map.of("MEGAAPI_INSTANCES_SECRET_ID", "megaapi/instances"),
                Map.of("%dev.megaapi.instances.devonly.token", OTHER_TOKEN));

        assertThat(instances).isEmpty();
    }

    private Map<String, InstanceSettings> read(Map<String, String> environment, Map<String, String> file) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withProfile("prod")
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new PropertiesConfigSource(file, "instances.properties", 250))
                .withSources(new FileSystemConfigSource(secrets.toFile(), 100)).build();
        return ConfiguredInstances.read(config);
    }

    @Test
    void dropsAKeyWhoseValuesAreAllEmpty() {
        assertThat(read(Map.of(), Map.of("megaapi.instances.empty.token", ""))).isEmpty();
    }
}
