package io.megalogout.lambda.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.megalogout.lambda.Sqs;
import io.megalogout.megaapi.MegaApiHosts;

/**
 * Per-instance settings as the packaged function reads them from its real sources: a Kubernetes-style secrets directory
 * whose file names hold quotes and dots, the process environment (which may only override a key named exactly
 * elsewhere), and an extra config file ({@code QUARKUS_CONFIG_LOCATIONS}); start-up refuses what it cannot trust.
 */
class PackagedFunctionInstancesIT {

    private static final String DEFAULT_TOKEN = "packaged-default-token-1";
    private static final String FILE_TOKEN = "packaged-instance-file-token-1";
    private static final String ENV_TOKEN = "packaged-instance-env-token-1";
    private static final String OK = "{\"error\":false,\"message\":\"ok\"}";

    @TempDir
    Path secrets;

    private WireMockServer defaultHost;
    private WireMockServer customerHost;

    @BeforeEach
    void startHosts() {
        defaultHost = MegaApiHosts.answering(OK);
        customerHost = MegaApiHosts.answering(OK);
    }

    @AfterEach
    void stopHosts() {
        defaultHost.stop();
        customerHost.stop();
    }

    @Test
    void readsAnInstanceFromSecretFilesNamedExactlyAndLetsTheEnvironmentOverrideItsToken() throws Exception {
        Files.writeString(secrets.resolve("megaapi.instances.\"cust-1.main\".base-url"), customerHost.baseUrl());
        Files.writeString(secrets.resolve("megaapi.instances.\"cust-1.main\".token"), FILE_TOKEN);
        Map<String, String> env = environment();
        env.put("MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN", ENV_TOKEN);

        try (PackagedFunction function = PackagedFunction.start(env)) {
            assertThat(function.invoke("{\"instanceKey\":\"cust-1.main\"}").body()).isEqualTo(OK);
            assertThat(function.invoke("{\"instanceKey\":\"demo\"}").body()).isEqualTo(OK);

            customerHost.verify(1, deleteRequestedFor(urlEqualTo("/rest/instance/cust-1.main/logout"))
                    .withHeader("Authorization", WireMock.equalTo("Bearer " + ENV_TOKEN)));
            assertThat(customerHost.getAllServeEvents()).hasSize(1);
            defaultHost.verify(1, deleteRequestedFor(urlEqualTo("/rest/instance/demo/logout"))
                    .withHeader("Authorization", WireMock.equalTo("Bearer " + DEFAULT_TOKEN)));
            assertThat(defaultHost.getAllServeEvents()).hasSize(1);
            assertThat(function.output()).doesNotContain(FILE_TOKEN, ENV_TOKEN, DEFAULT_TOKEN);
        }
    }

    @Test
    void logsOutAnSqsBatchAcrossHostsWithInstancesFromAnExtraConfigFile() throws Exception {
        // Hosts in a config file (as a ConfigMap would mount it); cust-2 has a host of its own but no token.
        Path file = secrets.resolve("instances.properties");
        Files.writeString(file, "megaapi.instances.\"cust-1.main\".base-url=" + customerHost.baseUrl() + "\n"
                + "megaapi.instances.\"cust-1.main\".token=" + FILE_TOKEN + "\n"
                + "megaapi.instances.cust-2.base-url=" + customerHost.baseUrl() + "\n");
        Map<String, String> env = environment();
        env.put("QUARKUS_CONFIG_LOCATIONS", file.toString());
        String event = Sqs.event("m1", "{\"instanceKey\":\"cust-1.main\"}",
                "m2", "{\"instanceKeys\":[\"demo\",\"cust-1.main\",\"demo\"]}",
                "m3", "{\"instanceKey\":\"cust-2\"}");

        try (PackagedFunction function = PackagedFunction.start(env)) {
            RuntimeApiStandIn.Outcome outcome = function.invoke(event);

            assertThat(outcome.failed()).isFalse();
            // cust-2 would need the default token on a customer's host: refused, nothing sent, its message returns.
            assertThat(outcome.body()).isEqualTo(Sqs.failures("m3"));
            customerHost.verify(2, deleteRequestedFor(urlEqualTo("/rest/instance/cust-1.main/logout"))
                    .withHeader("Authorization", WireMock.equalTo("Bearer " + FILE_TOKEN)));
            assertThat(customerHost.getAllServeEvents()).hasSize(2);
            defaultHost.verify(1, deleteRequestedFor(urlEqualTo("/rest/instance/demo/logout"))
                    .withHeader("Authorization", WireMock.equalTo("Bearer " + DEFAULT_TOKEN)));
            assertThat(defaultHost.getAllServeEvents()).hasSize(1);
            assertThat(function.output()).contains("instanceKey=cust-2", "InstanceNotConfiguredException", "messageId=m3")
                    .doesNotContain(FILE_TOKEN, DEFAULT_TOKEN);
        }
    }

    @Test
    void refusesToStartWithAnInstanceVariableWhoseKeyIsNamedNowhereExactly() throws Exception {
        Map<String, String> env = environment();
        env.put("MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN", ENV_TOKEN);

        try (PackagedFunction function = PackagedFunction.start(env)) {
            assertThat(function.invoke("{\"instanceKey\":\"demo\"}").initFailed()).isTrue();
            assertThat(function.output()).contains("ConfigurationException: MEGAAPI_INSTANCES__CUST_1_MAIN__TOKEN sets "
                    + "an instance's setting, but its key cannot be recovered exactly").doesNotContain(ENV_TOKEN);
            assertThat(defaultHost.getAllServeEvents()).isEmpty();
        }
    }

    @Test
    void refusesToStartWithAPlainHttpInstanceHostFromAnExtraConfigFile() throws Exception {
        Path file = secrets.resolve("instances.properties");
        Files.writeString(file, "megaapi.instances.\"cust-1.main\".base-url=" + customerHost.baseUrl() + "\n"
                + "megaapi.instances.\"cust-1.main\".token=" + FILE_TOKEN + "\n");
        Map<String, String> env = environment();
        env.remove("MEGAAPI_ALLOW_PLAIN_HTTP");
        env.put("MEGAAPI_BASE_URL", "https://default.example");
        env.put("QUARKUS_CONFIG_LOCATIONS", file.toString());

        try (PackagedFunction function = PackagedFunction.start(env)) {
            assertThat(function.invoke("{\"instanceKey\":\"cust-1.main\"}").initFailed()).isTrue();
            assertThat(function.output())
                    .contains("ConfigurationException: megaapi.instances.\"cust-1.main\".base-url is plain http://")
                    .doesNotContain(FILE_TOKEN);
            assertThat(customerHost.getAllServeEvents()).isEmpty();
        }
    }

    private Map<String, String> environment() {
        return new HashMap<>(Map.of("MEGAAPI_BASE_URL", defaultHost.baseUrl(), "MEGAAPI_TOKEN", DEFAULT_TOKEN,
                "MEGAAPI_ALLOW_PLAIN_HTTP", "true", "SMALLRYE_CONFIG_SOURCE_FILE_LOCATIONS", secrets.toString()));
    }
}
