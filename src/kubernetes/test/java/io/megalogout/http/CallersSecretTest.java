package io.megalogout.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.megalogout.megaapi.MegaApiStub;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.smallrye.config.source.file.FileSystemConfigSource;

/**
 * The named callers' Secret as infra/kubernetes/README.md creates and rotates it, its commands run as written (kubectl
 * only prints the result: {@code --dry-run=client}, {@code patch --local}), against the rendered Deployment and the
 * application's own configuration: every key becomes a file of its name in a directory the application reads, and
 * SmallRye Config reads each file as the caller setting it is named after. The rules the keys and values are held to are
 * the documented ones (docs/configuration.md, named callers), not the code's.
 */
@QuarkusTest
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
class CallersSecretTest {

    private static final Path README = Path.of("infra/kubernetes/README.md");
    private static final String CREATE = "callers-secret:create";
    private static final String ROTATE = "callers-secret:rotate";
    private static final Pattern SETTING = Pattern
            .compile("http\\.callers\\.([a-z][a-z0-9-]{0,31})\\.(api-keys|instances|logouts-per-minute|max-concurrent)");
    private static final Pattern API_KEY = Pattern.compile("[A-Za-z0-9._~+/-]{16,}=*");
    private static final Pattern INSTANCE_PATTERN = Pattern.compile("\\*|(?!\\.)(?!.*\\.\\.)[A-Za-z0-9._-]{1,128}\\*?");
    /** The variables the README's commands expect: each caller's key, and Acme's next one. */
    private static final Map<String, String> KEYS = Map.of("ACME_KEY", "acme-key-0000000000000001",
            "GLOBEX_KEY", "globex-key-00000000000002", "OPS_KEY", "ops-key-000000000000000003",
            "ACME_NEXT_KEY", "acme-key-0000000000000004");

    @TempDir
    Path temporary;

    @Test
    void createsOnlyCallerSettingsThatStartUpAccepts() throws Exception {
        Map<String, String> settings = KubectlSecret.data(created());
        Map<String, Map<String, String>> callers = new TreeMap<>();
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            Matcher setting = SETTING.matcher(entry.getKey());
            assertThat(setting.matches()).as("%s is a caller setting", entry.getKey()).isTrue();
            callers.computeIfAbsent(setting.group(1), name -> new TreeMap<>()).put(setting.group(2), entry.getValue());
        }
        Set<String> keys = new TreeSet<>();

        assertThat(callers).hasSizeGreaterThanOrEqualTo(3);
        callers.forEach((name, caller) -> {
            assertThat(caller).as(name).containsKeys("api-keys", "instances");
            for (String key : caller.get("api-keys").split(",", -1)) {
                assertThat(key).as("a key of %s", name).matches(API_KEY);
                assertThat(keys.add(key)).as("a key of %s given to no other caller", name).isTrue();
            }
            for (String pattern : caller.get("instances").split(",", -1)) {
                assertThat(pattern).as("a pattern of %s", name).matches(INSTANCE_PATTERN);
            }
            for (String limit : List.of("logouts-per-minute", "max-concurrent")) {
                if (caller.containsKey(limit)) {
                    assertThat(Integer.parseInt(caller.get(limit))).as("%s of %s", limit, name).isPositive();
                }
            }
        });
        assertThat(callers.values()).extracting(caller -> caller.get("instances")).contains("*");
        assertThat(callers.values()).anyMatch(caller -> caller.containsKey("logouts-per-minute"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/production" })
    void becomesFilesThatTheApplicationReadsAsTheSettingsNamedByTheKeys(String kustomization) throws Exception {
        Secret secret = created();
        PodSpec pod = RenderedManifests.render(kustomization).pod();
        Volume volume = RenderedManifests.secretVolume(pod, secret.getMetadata().getName());
        VolumeMount mount = RenderedManifests.mount(pod.getContainers().get(0), volume);

        assertThat(volume.getSecret().getItems()).as("every key mounted, as a file of its own name").isNullOrEmpty();
        assertThat(mount.getSubPath()).isNull();
        assertThat(ConfigProvider.getConfig().getValues("smallrye.config.source.file.locations", String.class))
                .contains(mount.getMountPath());
        Path directory = KubeletMount.of(KubectlSecret.data(secret), temporary);
        assertThat(new FileSystemConfigSource(directory.toFile(), 100).getProperties()).isEqualTo(KubectlSecret.data(secret));
    }

    @Test
    void rotationPutsTheNewKeyBesideTheOldOneAndChangesNothingElse() throws Exception {
        Path file = temporary.resolve("secret.yaml");
        Files.writeString(file, run(DocumentedCommand.in(README, CREATE) + " --dry-run=client -o yaml"));
        String patch = DocumentedCommand.in(README, ROTATE);
        String name = "kubectl patch secret " + KubectlSecret.read(Files.readString(file)).getMetadata().getName() + " ";
        assertThat(patch).startsWith(name);

        Secret rotated = KubectlSecret
                .read(run("kubectl patch --local -f '" + file + "' -o yaml " + patch.substring(name.length())));
        Map<String, String> before = KubectlSecret.data(KubectlSecret.read(Files.readString(file)));
        Map<String, String> after = new HashMap<>(KubectlSecret.data(rotated));
        // What the API server does with stringData on write: merge it over data.
        if (rotated.getStringData() != null) {
            after.putAll(rotated.getStringData());
        }

        Map<String, String> changed = new HashMap<>(after);
        changed.entrySet().removeIf(entry -> entry.getValue().equals(before.get(entry.getKey())));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(changed).hasSize(1);
        Map.Entry<String, String> rotating = changed.entrySet().iterator().next();
        assertThat(rotating.getKey()).endsWith(".api-keys");
        assertThat(rotating.getValue()).startsWith(before.get(rotating.getKey()) + ",");
        assertThat(rotating.getValue().split(",")).hasSize(2).allMatch(key -> API_KEY.matcher(key).matches());
    }

    private Secret created() throws IOException, InterruptedException {
        return KubectlSecret.read(run(DocumentedCommand.in(README, CREATE) + " --dry-run=client -o yaml"));
    }

    private String run(String command) throws IOException, InterruptedException {
        return DocumentedCommand.run(command, KEYS, temporary);
    }

}
