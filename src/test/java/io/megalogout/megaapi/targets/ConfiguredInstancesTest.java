package io.megalogout.megaapi.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /**
     * Why the guard reads profile variables too: without it, SmallRye reads {@code _PROD_MEGAAPI_INSTANCES__...} as
     * {@code %prod.megaapi.instances.*}, above the secret files, as the token of every key it folds onto.
     */
    @Test
    void smallRyeAloneGivesAProfileVariableToEveryKeyItFoldsOnto() throws IOException {
        Files.writeString(secrets.resolve("megaapi.instances.\"cust-1.main\".token"), CUSTOMER_TOKEN);
        Files.writeString(secrets.resolve("megaapi.instances.\"cust_1_main\".token"), OTHER_TOKEN);

        SmallRyeConfig config = config(Map.of("_PROD_MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN", "variable-token"),
                Map.of());

        assertThat(config.getConfigValue("megaapi.instances.\"cust-1.main\".token").getValue())
                .isEqualTo("variable-token");
        assertThat(config.getConfigValue("megaapi.instances.\"cust_1_main\".token").getValue())
                .isEqualTo("variable-token");
    }

    @Test
    void refusesAProfileVariableThatCouldBelongToTwoKeys() throws IOException {
        Files.writeString(secrets.resolve("megaapi.instances.\"cust-1.main\".token"), CUSTOMER_TOKEN);
        Files.writeString(secrets.resolve("megaapi.instances.\"cust_1_main\".token"), OTHER_TOKEN);

        assertThatThrownBy(() -> read(Map.of("_PROD_MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN", "variable-token"), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("_PROD_MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN could be the setting of 2 "
                        + "configured instances (cust-1.main, cust_1_main)")
                .hasMessageNotContaining("variable-token");
    }

    @Test
    void refusesAProfileVariableWhoseKeyIsNamedNowhereExactly() {
        assertThatThrownBy(() -> read(Map.of("_prod_MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN", CUSTOMER_TOKEN), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("_prod_MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN sets an instance's setting, but "
                        + "its key cannot be recovered exactly")
                .hasMessageNotContaining(CUSTOMER_TOKEN);
    }

    @Test
    void refusesAProfileVariableSpeltOtherwiseThanItIsLookedUp() {
        assertThatThrownBy(() -> read(Map.of("_PROD_MEGAAPI_INSTANCES_CUST_1_MAIN_TOKEN", CUSTOMER_TOKEN),
                Map.of("megaapi.instances.\"cust-1.main\".base-url", "https://customer.example")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("use _PROD_MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN");
    }

    @Test
    void aProfileVariableOverridesTheOneKeyNamedExactlyElsewhere() throws IOException {
        Files.writeString(secrets.resolve("megaapi.instances.\"cust-1.main\".token"), "older-token");

        Map<String, InstanceSettings> instances = read(
                Map.of("_PROD_MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN", CUSTOMER_TOKEN), Map.of());

        assertThat(instances).containsOnlyKeys("cust-1.main");
        assertThat(instances.get("cust-1.main").token()).contains(new BearerToken(CUSTOMER_TOKEN));
    }

    /** SmallRye reads another profile's variable for no lookup, as it reads another profile's property. */
    @Test
    void ignoresAnotherProfilesVariable() {
        Map<String, InstanceSettings> instances = read(
                Map.of("_DEV_MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN", CUSTOMER_TOKEN), Map.of());

        assertThat(instances).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "_PROD_" })
    void acceptsTheInstancesOwnSettingsAsVariables(String profile) {
        Map<String, String> environment = Map.of(profile + "MEGAAPI_INSTANCES_SECRET_ID", "megaapi/instances",
                profile + "MEGAAPI_INSTANCES_FILE", "/var/run/secrets/megaapi-instances/instances.json",
                profile + "MEGAAPI_INSTANCES_RECHECK_MS", "5000", profile + "MEGAAPI_INSTANCES_MAX_AGE_MS", "300000",
                profile + "MEGAAPI_UNLISTED_INSTANCES", "refuse");

        Map<String, InstanceSettings> instances = read(environment, Map.of());

        assertThat(instances).isEmpty();
        SmallRyeConfig config = config(environment, Map.of());
        assertThat(config.getConfigValue("megaapi.instances-file").getValue())
                .isEqualTo("/var/run/secrets/megaapi-instances/instances.json");
        assertThat(config.getConfigValue("megaapi.instances-recheck-ms").getValue()).isEqualTo("5000");
        assertThat(config.getConfigValue("megaapi.instances-max-age-ms").getValue()).isEqualTo("300000");
        assertThat(config.getConfigValue("megaapi.unlisted-instances").getValue()).isEqualTo("refuse");
    }

    @Test
    void refusesAVariableThatOnlyStartsLikeAnInstancesSetting() {
        assertThatThrownBy(() -> read(Map.of("MEGAAPI_INSTANCES_FILE_TOKEN", CUSTOMER_TOKEN), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("MEGAAPI_INSTANCES_FILE_TOKEN sets an instance's setting");
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
        return ConfiguredInstances.read(config(environment, file));
    }

    private SmallRyeConfig config(Map<String, String> environment, Map<String, String> file) {
        return new SmallRyeConfigBuilder().withProfile("prod").withSources(new EnvConfigSource(environment, 300))
                .withSources(new PropertiesConfigSource(file, "instances.properties", 250))
                .withSources(new FileSystemConfigSource(secrets.toFile(), 100)).build();
    }

    @Test
    void dropsAKeyWhoseValuesAreAllEmpty() {
        assertThat(read(Map.of(), Map.of("megaapi.instances.empty.token", ""))).isEmpty();
    }
}
