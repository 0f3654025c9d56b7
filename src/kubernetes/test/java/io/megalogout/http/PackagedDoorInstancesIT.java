package io.megalogout.http;

import static io.megalogout.megaapi.MegaApiHosts.answering;
import static io.megalogout.megaapi.MegaApiHosts.requests;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.fabric8.kubernetes.api.model.Secret;

/**
 * The packaged door reading its instances as a pod does: the Secret made by the Kubernetes README's command, its keys
 * mounted as the kubelet mounts them, {@code MEGAAPI_INSTANCES_FILE} pointing at {@code instances.json}; then the
 * Secret changed, as the kubelet changes the mount (a new version directory, the {@code ..data} link swapped), and the
 * key it adds served at its own host without a restart. Unlisted keys are refused, as the production overlay has it,
 * so that waiting for the change sends nothing anywhere.
 */
class PackagedDoorInstancesIT {

    private static final Path README = Path.of("infra/kubernetes/README.md");
    private static final String DEFAULT_TOKEN = "door-default-token-9";
    private static final String CUSTOMER_TOKEN = "door-customer-token-9";
    private static final String OK = "{\"error\":false,\"message\":\"ok\"}";

    @TempDir
    Path temporary;

    private WireMockServer defaultHost;
    private WireMockServer customerHost;
    private PackagedDoor door;

    @BeforeEach
    void startBothHosts() {
        defaultHost = answering(OK);
        customerHost = answering(OK);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (door != null) {
            door.close();
            assertThat(door.output()).doesNotContain(DEFAULT_TOKEN, CUSTOMER_TOKEN, DoorSettingsForTests.KEY);
        }
        defaultHost.stop();
        customerHost.stop();
    }

    @Test
    void servesTheInstancesOfTheMountedSecretAndAKeyAddedToItWithoutARestart() throws Exception {
        Path mount = KubeletMount.of(secretMadeByTheReadme(instances("cust-1.main")), temporary);
        door = PackagedDoor.start(Map.of("SMALLRYE_CONFIG_SOURCE_FILE_LOCATIONS", mount.toString(),
                "MEGAAPI_INSTANCES_FILE", mount.resolve("instances.json").toString(), "MEGAAPI_BASE_URL",
                defaultHost.baseUrl(), "MEGAAPI_ALLOW_PLAIN_HTTP", "true", "MEGAAPI_UNLISTED_INSTANCES", "refuse"))
                .awaitReady();

        assertThat(logout("cust-1.main").statusCode()).isEqualTo(200);
        assertThat(logout("cust-3").statusCode()).as("not listed yet").isEqualTo(404);
        long changed = System.nanoTime();
        kubeletUpdates(mount, secretMadeByTheReadme(instances("cust-1.main", "cust-3")));
        int status = 404;
        for (int look = 0; look < 300 && status == 404; look++) {
            status = logout("cust-3").statusCode();
            if (status == 404) {
                Thread.sleep(100);
            }
        }

        assertThat(status).isEqualTo(200);
        System.out.printf("PackagedDoorInstancesIT: a key added to the mounted file was served %d ms after the change"
                + " (megaapi.instances-recheck-ms: 5000 by default)%n", (System.nanoTime() - changed) / 1_000_000);
        assertThat(requests(customerHost)).containsExactly("DELETE /rest/instance/cust-1.main/logout Bearer "
                + CUSTOMER_TOKEN, "DELETE /rest/instance/cust-3/logout Bearer " + CUSTOMER_TOKEN);
        assertThat(requests(defaultHost)).as("nothing for an unlisted key").isEmpty();
    }

    private String instances(String... keys) {
        Map<String, Object> entries = new TreeMap<>();
        for (String key : keys) {
            entries.put(key, Map.of("token", CUSTOMER_TOKEN, "base-url", customerHost.baseUrl()));
        }
        try {
            return new ObjectMapper().writeValueAsString(entries);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The README's command, run with --dry-run=client in a directory holding {@code ./instances.json}. */
    private Map<String, String> secretMadeByTheReadme(String instancesJson) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(temporary, "work");
        Files.writeString(work.resolve("instances.json"), instancesJson);
        String yaml = DocumentedCommand.run(DocumentedCommand.in(README, "instances-secret:create")
                + " --dry-run=client -o yaml", Map.of("MEGAAPI_TOKEN", DEFAULT_TOKEN, "API_KEYS", DoorSettingsForTests.KEY),
                temporary, work);
        return KubectlSecret.data(KubectlSecret.read(yaml));
    }

    /** As the kubelet's atomic writer does: the new version in a directory of its own, then {@code ..data} swapped. */
    private static void kubeletUpdates(Path mount, Map<String, String> data) throws IOException {
        Path version = Files.createDirectory(mount.resolve("..2026_01_01_00_01_00.987654321"));
        for (Map.Entry<String, String> entry : data.entrySet()) {
            Files.writeString(version.resolve(entry.getKey()), entry.getValue());
        }
        Path link = Files.createSymbolicLink(mount.resolve("..data_tmp"), version.getFileName());
        Files.move(link, mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private HttpResponse<String> logout(String key) throws IOException, InterruptedException {
        return door.logout("{\"instanceKey\":\"" + key + "\"}", DoorSettingsForTests.KEY);
    }
}
