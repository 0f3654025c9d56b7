package io.megalogout.http;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * A kustomization as {@code kubectl kustomize} renders it, read into Kubernetes' object model (Fabric8): a field the
 * model does not know (a typo, a field at the wrong level) fails the read, as the API server would refuse it.
 */
final class RenderedManifests {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Deployment", Deployment.class,
            "Service", Service.class, "ConfigMap", ConfigMap.class, "Secret", Secret.class, "NetworkPolicy",
            NetworkPolicy.class, "PodDisruptionBudget", PodDisruptionBudget.class, "HorizontalPodAutoscaler",
            HorizontalPodAutoscaler.class);
    /**
     * The Prometheus Operator's kinds of the monitoring component. Fabric8 has no model of them in this build, so they
     * are read as generic objects, their fields unchecked here: promtool checks the rules (test-rules), and
     * MonitoringComponentTest the fields the component relies on.
     */
    private static final Set<String> PROMETHEUS_OPERATOR_KINDS = Set.of("ServiceMonitor", "PrometheusRule");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    final List<HasMetadata> objects;

    private RenderedManifests(List<HasMetadata> objects) {
        this.objects = objects;
    }

    /** Renders {@code infra/kubernetes/<directory>} with the kubectl on the PATH (1.14+ has kustomize built in). */
    static RenderedManifests render(String directory) throws IOException, InterruptedException {
        return render(Path.of("infra/kubernetes", directory));
    }

    /**
     * The production overlay with the monitoring component, as a user turns it on: an overlay of their own (here a
     * temporary one under {@code target/}) that sets the namespace and lists the component.
     */
    static RenderedManifests productionWithMonitoring() throws IOException, InterruptedException {
        Path overlay = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "monitored-overlay")
                .toAbsolutePath();
        // kustomize accepts only relative paths to other kustomizations.
        Path infra = Path.of("infra/kubernetes").toAbsolutePath();
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: megaapi-logout-prod
                resources:
                  - %s
                components:
                  - %s
                """.formatted(overlay.relativize(infra.resolve("overlays/production")),
                overlay.relativize(infra.resolve("components/monitoring"))));
        try {
            return render(overlay);
        } finally {
            Files.delete(overlay.resolve("kustomization.yaml"));
            Files.delete(overlay);
        }
    }

    private static RenderedManifests render(Path directory) throws IOException, InterruptedException {
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", directory.toString()).start();
        } catch (IOException missing) {
            throw new AssertionError("kubectl is needed to render infra/kubernetes (kubectl kustomize): " + missing);
        }
        byte[] out;
        try (InputStream stdout = kubectl.getInputStream()) {
            out = stdout.readAllBytes();
        }
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + directory + " failed: " + err);
        }
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode> readValues(out).readAll()) {
            if (PROMETHEUS_OPERATOR_KINDS.contains(document.path("kind").asText())) {
                objects.add(YAML.treeToValue(document, GenericKubernetesResource.class));
                continue;
            }
            Class<? extends HasMetadata> type = KINDS.get(document.path("kind").asText());
            if (type == null) {
                throw new AssertionError("a kind this test does not know: " + document.path("kind"));
            }
            HasMetadata object = YAML.treeToValue(document, type);
            noUnknownFields(object, document.path("kind").asText(), new IdentityHashMap<>());
            objects.add(object);
        }
        return new RenderedManifests(objects);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The one object of a kind read as a generic object (the Prometheus Operator's). */
    GenericKubernetesResource one(String kind) {
        List<GenericKubernetesResource> found = all(GenericKubernetesResource.class).stream()
                .filter(object -> object.getKind().equals(kind)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.get(0);
    }

    /** The Deployment's pod. */
    PodSpec pod() {
        return one(Deployment.class).getSpec().getTemplate().getSpec();
    }

    /** The pod's one volume of this Secret. */
    static Volume secretVolume(PodSpec pod, String secretName) {
        List<Volume> volumes = pod.getVolumes().stream()
                .filter(v -> v.getSecret() != null && secretName.equals(v.getSecret().getSecretName())).toList();
        if (volumes.size() != 1) {
            throw new AssertionError("expected one volume of Secret " + secretName + ", found " + volumes.size());
        }
        return volumes.get(0);
    }

    /** The container's one mount of this volume. */
    static VolumeMount mount(Container container, Volume volume) {
        List<VolumeMount> mounts = container.getVolumeMounts().stream()
                .filter(m -> m.getName().equals(volume.getName())).toList();
        if (mounts.size() != 1) {
            throw new AssertionError("expected one mount of volume " + volume.getName() + ", found " + mounts.size());
        }
        return mounts.get(0);
    }

    /**
     * Fabric8's types keep fields they do not know in {@code additionalProperties} instead of refusing them: walk the
     * object and refuse any.
     */
    private static void noUnknownFields(Object value, String path, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            items.forEach(item -> noUnknownFields(item, path + "[]", seen));
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> noUnknownFields(item, path + "." + key, seen));
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || Set.of("getClass", "getApiVersion", "getKind", "getPlural", "getSingular")
                            .contains(getter.getName())) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    throw new AssertionError("fields Kubernetes does not know at " + path + ": " + unknown.keySet());
                }
            } else {
                noUnknownFields(field, path + "." + getter.getName().substring(3), seen);
            }
        }
    }
}
