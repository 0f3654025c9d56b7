package io.megalogout.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.targets.TargetConfig;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.smallrye.config.ConfigMappings;

/**
 * infra/kubernetes, base and overlay, as kubectl renders them, against the application they deploy: a locked-down pod,
 * probes on the management port's real health paths, every environment variable and secret file a real configuration
 * property, the callers' Secret mounted where the application reads it, the images' user, no secret value, and only
 * the public port reachable through the Service. Runs inside the application (a {@code @QuarkusTest}), so that the
 * configuration it checks against is the real one.
 */
@QuarkusTest
@WithTestResource(MegaApiStub.class)
@WithTestResource(DoorSettingsForTests.class)
class KubernetesManifestsTest {

    private static final String DOOR_CONFIG = "src/kubernetes/main/resources/META-INF/microprofile-config.properties";
    private static final String FILE_LOCATIONS = "smallrye.config.source.file.locations";

    private final Config config = ConfigProvider.getConfig();

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/production" })
    void locksThePodDown(String kustomization) throws Exception {
        PodSpec pod = pod(kustomization);
        Container door = door(pod);

        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(door.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(door.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(door.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(door.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(door.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(door.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(door.getResources().getLimits()).containsKey("memory");
        Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        for (VolumeMount mount : door.getVolumeMounts()) {
            boolean scratch = volumes.get(mount.getName()).getEmptyDir() != null;
            assertThat(scratch || Boolean.TRUE.equals(mount.getReadOnly()))
                    .as("%s is read-only or an emptyDir", mount.getMountPath()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/production" })
    void probesTheManagementPortsHealthPaths(String kustomization) throws Exception {
        Container door = door(pod(kustomization));
        Map<String, Integer> ports = door.getPorts().stream()
                .collect(Collectors.toMap(p -> p.getName(), p -> p.getContainerPort()));
        String health = config.getValue("quarkus.management.root-path", String.class) + "/"
                + config.getValue("quarkus.smallrye-health.root-path", String.class) + "/";

        // The ports as the door's configuration sets them: in tests, Quarkus listens on others.
        Properties settings = new Properties();
        try (Reader file = Files.newBufferedReader(Path.of(DOOR_CONFIG))) {
            settings.load(file);
        }
        assertThat(ports).containsEntry("http", Integer.valueOf(settings.getProperty("quarkus.http.port")))
                .containsEntry("management", Integer.valueOf(settings.getProperty("quarkus.management.port")));
        assertProbe(door.getStartupProbe(), health + config.getValue("quarkus.smallrye-health.startup-path", String.class));
        assertProbe(door.getLivenessProbe(), health + config.getValue("quarkus.smallrye-health.liveness-path", String.class));
        assertProbe(door.getReadinessProbe(),
                health + config.getValue("quarkus.smallrye-health.readiness-path", String.class));
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path.replace("//", "/"));
        Door.management().get(probe.getHttpGet().getPath()).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/production" })
    void namesOnlyRealConfigurationPropertiesAndReadsSecretsAsFiles(String kustomization) throws Exception {
        RenderedManifests manifests = RenderedManifests.render(kustomization);
        PodSpec pod = manifests.pod();
        Container door = door(pod);
        // The properties set, and those the instances' mapping declares without a default (megaapi.instances-file).
        Set<String> asEnvironment = Stream.concat(StreamSupport.stream(config.getPropertyNames().spliterator(), false),
                ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(TargetConfig.class)).keySet()
                        .stream())
                .map(name -> name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase()).collect(Collectors.toSet());
        Stream<String> environment = Stream.concat(manifests.one(ConfigMap.class).getData().keySet().stream(),
                door.getEnv() == null ? Stream.empty() : door.getEnv().stream().map(e -> e.getName()));
        Volume secrets = RenderedManifests.secretVolume(pod, "megaapi-logout-secrets");

        environment.forEach(name -> assertThat(asEnvironment).as("a property for %s", name).contains(name));
        assertThat(door.getEnvFrom()).allMatch(source -> source.getSecretRef() == null);
        assertThat(config.getValues(FILE_LOCATIONS, String.class))
                .contains(RenderedManifests.mount(door, secrets).getMountPath());
        assertThat(secrets.getSecret().getOptional()).as("a deployment of named callers only has no http.api-keys")
                .isTrue();
        // Each file a property, but instances.json: the file megaapi.instances-file names (InstancesJsonSecretTest).
        assertThat(secrets.getSecret().getItems()).extracting(item -> item.getPath())
                .containsExactlyInAnyOrder("megaapi.token", CallersCheck.API_KEYS, "instances.json")
                .filteredOn(file -> !file.equals("instances.json"))
                .allMatch(property -> config.getConfigValue(property).getValue() != null);
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/production" })
    void mountsTheOptionalCallersSecretWholeInADirectoryOfItsOwnThatTheApplicationReads(String kustomization)
            throws Exception {
        PodSpec pod = pod(kustomization);
        Container door = door(pod);
        Volume callers = RenderedManifests.secretVolume(pod, "megaapi-logout-callers");
        VolumeMount mounted = RenderedManifests.mount(door, callers);

        assertThat(callers.getSecret().getOptional()).as("a deployment without named callers needs no Secret").isTrue();
        assertThat(callers.getSecret().getItems()).as("the callers' names are per deployment: every key").isNullOrEmpty();
        assertThat(callers.getSecret().getDefaultMode()).isEqualTo(0440);
        assertThat(mounted.getReadOnly()).isTrue();
        assertThat(mounted.getSubPath()).isNull();
        assertThat(config.getValues(FILE_LOCATIONS, String.class)).contains(mounted.getMountPath());
        for (VolumeMount other : door.getVolumeMounts()) {
            if (other != mounted) {
                Path own = Path.of(mounted.getMountPath());
                Path theirs = Path.of(other.getMountPath());
                assertThat(own.startsWith(theirs) || theirs.startsWith(own))
                        .as("%s apart from %s", own, theirs).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/production" })
    void runsAsTheImagesUserAndHoldsNoSecretValue(String kustomization) throws Exception {
        RenderedManifests manifests = RenderedManifests.render(kustomization);

        for (String image : List.of("Dockerfile.jvm", "Dockerfile.native-micro")) {
            List<String> users = Files.readAllLines(Path.of("src/main/docker", image)).stream()
                    .filter(line -> line.startsWith("USER ")).toList();
            assertThat(users).as(image).isNotEmpty();
            assertThat(users.get(users.size() - 1)).as(image)
                    .isEqualTo("USER " + manifests.pod().getSecurityContext().getRunAsUser());
        }
        for (Secret secret : manifests.all(Secret.class)) {
            assertThat(secret.getData()).as(secret.getMetadata().getName()).isNullOrEmpty();
            assertThat(secret.getStringData()).as(secret.getMetadata().getName()).isNullOrEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/production" })
    void letsInOnlyThePublicPortAndMonitoringAndOutOnlyDnsAndHttps(String kustomization) throws Exception {
        RenderedManifests manifests = RenderedManifests.render(kustomization);
        NetworkPolicy policy = manifests.one(NetworkPolicy.class);

        assertThat(manifests.one(Service.class).getSpec().getPorts()).extracting(p -> p.getTargetPort().getStrVal())
                .containsExactly("http");
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNotEmpty();
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        policy.getSpec().getIngress().forEach(rule -> {
            List<String> ports = rule.getPorts().stream().map(p -> p.getPort().getStrVal()).toList();
            if (ports.contains("management")) {
                assertThat(rule.getFrom()).as("who may reach the management port").isNotEmpty()
                        .allMatch(peer -> peer.getNamespaceSelector() != null && peer.getIpBlock() == null);
            } else {
                assertThat(ports).containsExactly("http");
            }
        });
        assertThat(policy.getSpec().getEgress().stream().flatMap(rule -> rule.getPorts().stream())
                .map(KubernetesManifestsTest::port)).containsExactlyInAnyOrder("53/UDP", "53/TCP", "443/TCP");
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/production" })
    void waitsForLogoutsInFlightBeforeStopping(String kustomization) throws Exception {
        PodSpec pod = pod(kustomization);
        Duration shutdown = config.getValue("quarkus.shutdown.timeout", Duration.class);
        long preStop = Objects.requireNonNull(door(pod).getLifecycle().getPreStop().getSleep().getSeconds());

        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(shutdown.toSeconds() + preStop);
    }

    private static String port(NetworkPolicyPort port) {
        return port.getPort().getIntVal() + "/" + port.getProtocol();
    }

    private static PodSpec pod(String kustomization) throws IOException, InterruptedException {
        return RenderedManifests.render(kustomization).pod();
    }

    private static Container door(PodSpec pod) {
        assertThat(pod.getContainers()).hasSize(1);
        return pod.getContainers().get(0);
    }
}
