package io.megalogout.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.targets.TargetConfig;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.file.FileSystemConfigSource;

/**
 * The instances' file on Kubernetes as infra/kubernetes/README.md creates and changes it, its commands run as written
 * (kubectl only prints the Secret: {@code --dry-run=client}), against the rendered manifests: the Secret's key
 * {@code instances.json} holds the file byte for byte, the Deployment mounts that key as a refreshable item at the path
 * {@code MEGAAPI_INSTANCES_FILE} names, and the same directory read as SmallRye's file config source is accepted by
 * the instances' mapping.
 */
@QuarkusTest
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
class InstancesJsonSecretTest {

    private static final Path README = Path.of("infra/kubernetes/README.md");
    private static final String CREATE = "instances-secret:create";
    private static final String CHANGE = "instances-secret:change";
    private static final String KEY = "instances.json";
    /** The variables the README's commands expect. */
    private static final Map<String, String> VARIABLES = Map.of("MEGAAPI_TOKEN", "default-token-0000000001",
            "API_KEYS", DoorSettingsForTests.KEY);
    /** As the README writes it: one line, ended by a newline. */
    private static final String INSTANCES = "{\"cust-1.main\": {\"token\": \"cust-1-token-000001\", "
            + "\"base-url\": \"https://apinocode07.megaapi.com.br\"}, \"cust-2\": {\"token\": \"cust-2-token-000002\"}}\n";

    @TempDir
    Path temporary;

    @Test
    void createsTheKeyInstancesJsonFromTheFileAsItIs() throws Exception {
        Map<String, String> data = KubectlSecret.data(created());

        assertThat(data).containsEntry(KEY, INSTANCES).containsKeys("megaapi.token", CallersCheck.API_KEYS);
    }

    @Test
    void changesTheSameKeysThatTheCreateCommandMade() throws Exception {
        String pipe = " --dry-run=client -o yaml | kubectl apply -f -";
        String change = DocumentedCommand.in(README, CHANGE);
        assertThat(change).endsWith(pipe);

        Secret changed = KubectlSecret
                .read(run(change.substring(0, change.length() - pipe.length()) + " --dry-run=client -o yaml"));
        assertThat(KubectlSecret.data(changed)).isEqualTo(KubectlSecret.data(created()));
        assertThat(changed.getMetadata().getName()).isEqualTo(created().getMetadata().getName());
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/production" })
    void mountsTheKeyAsARefreshedItemWhereMegaapiInstancesFileLooks(String kustomization) throws Exception {
        Secret secret = created();
        RenderedManifests manifests = RenderedManifests.render(kustomization);
        PodSpec pod = manifests.pod();
        Volume volume = RenderedManifests.secretVolume(pod, secret.getMetadata().getName());
        VolumeMount mount = RenderedManifests.mount(pod.getContainers().get(0), volume);
        KeyToPath item = volume.getSecret().getItems().stream().filter(i -> i.getKey().equals(KEY)).findFirst()
                .orElseThrow(() -> new AssertionError("no item for the key " + KEY));
        String file = manifests.one(ConfigMap.class).getData().get("MEGAAPI_INSTANCES_FILE");

        assertThat(Path.of(mount.getMountPath(), item.getPath())).isEqualTo(Path.of(file));
        assertThat(mount.getSubPath()).as("a subPath mount is never refreshed").isNull();
        assertThat(volume.getSecret().getOptional()).as("a single-tenant deployment has no instances.json").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/production" })
    void refusesUnlistedInstancesInProductionOnly(String kustomization) throws Exception {
        Map<String, String> settings = RenderedManifests.render(kustomization).one(ConfigMap.class).getData();

        if (kustomization.equals("base")) {
            assertThat(settings).doesNotContainKey("MEGAAPI_UNLISTED_INSTANCES");
            assertThat(ConfigProvider.getConfig().getValue("megaapi.unlisted-instances", String.class))
                    .isEqualTo("default");
        } else {
            assertThat(settings).containsEntry("MEGAAPI_UNLISTED_INSTANCES", "refuse");
        }
    }

    @Test
    void isAPropertyOutsideTheInstancesMappingWhenSmallRyeReadsTheDirectory() throws Exception {
        Path directory = KubeletMount.of(KubectlSecret.data(created()), temporary);
        assertThat(ConfigProvider.getConfig().getValues("smallrye.config.source.file.locations", String.class))
                .contains(Path.of(readFile()).getParent().toString());

        SmallRyeConfig config = mapped(directory);
        // SmallRye reads the file as a property of its name (its lines joined, trimmed); the application reads the file.
        assertThat(config.getValue(KEY, String.class)).isEqualTo(INSTANCES.strip());
        TargetConfig targets = config.getConfigMapping(TargetConfig.class);
        assertThat(targets.instances()).isEmpty();
        assertThat(targets.instancesFile()).isEmpty();
        // The check can fail: a file named into the mapping's prefix is refused as an unknown property.
        Files.writeString(temporary.resolve("mount/megaapi.instances.json"), INSTANCES);
        assertThatThrownBy(() -> mapped(directory)).hasMessageContaining("megaapi.instances.json");
    }

    private static SmallRyeConfig mapped(Path directory) {
        return new SmallRyeConfigBuilder().withSources(new FileSystemConfigSource(directory.toFile(), 100))
                .withMapping(TargetConfig.class).build();
    }

    private static String readFile() throws IOException, InterruptedException {
        return RenderedManifests.render("base").one(ConfigMap.class).getData().get("MEGAAPI_INSTANCES_FILE");
    }

    private Secret created() throws IOException, InterruptedException {
        return KubectlSecret.read(run(DocumentedCommand.in(README, CREATE) + " --dry-run=client -o yaml"));
    }

    /** Runs a README command where the instances' file is {@code ./instances.json}, as the README writes it. */
    private String run(String command) throws IOException, InterruptedException {
        Path directory = temporary.resolve("work");
        if (!Files.isDirectory(directory)) {
            Files.createDirectory(directory);
            Files.writeString(directory.resolve(KEY), INSTANCES);
        }
        return DocumentedCommand.run(command, VARIABLES, temporary, directory);
    }

}
