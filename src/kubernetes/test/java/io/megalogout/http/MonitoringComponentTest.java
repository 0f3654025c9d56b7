package io.megalogout.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/**
 * The monitoring component (infra/kubernetes/components/monitoring) in the production overlay, as kubectl renders it:
 * everything in the overlay's namespace, Prometheus scraping the door's management port through a Service of its own
 * that the NetworkPolicy lets it reach, the rules reading that scrape's series, each alert explained in
 * docs/observability.md, and the dashboard where Grafana's sidecar finds it. That the metrics exist:
 * {@code MonitoringMetricsIT}; the alerts' behaviour: promtool ({@code test-rules}).
 */
class MonitoringComponentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RenderedManifests manifests;

    @BeforeAll
    static void render() throws Exception {
        manifests = RenderedManifests.productionWithMonitoring();
    }

    @Test
    void putsEverythingInTheOverlaysNamespace() {
        assertThat(manifests.objects).extracting(HasMetadata::getKind).contains("ServiceMonitor", "PrometheusRule");
        assertThat(manifests.objects).extracting(object -> object.getMetadata().getNamespace()).containsOnly(
                manifests.one(Deployment.class).getMetadata().getNamespace());
    }

    @Test
    void scrapesTheManagementPortThroughAServiceOfItsOwn() {
        Service metrics = metricsService();
        Service door = manifests.all(Service.class).stream().filter(s -> s != metrics).findFirst().orElseThrow();
        JsonNode monitor = spec("ServiceMonitor");
        Map<String, String> pod = manifests.one(Deployment.class).getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> wanted = JSON.convertValue(monitor.at("/selector/matchLabels"), Map.class);
        ServicePort port = metrics.getSpec().getPorts().get(0);

        assertThat(pod).containsAllEntriesOf(metrics.getSpec().getSelector());
        assertThat(metrics.getSpec().getPorts()).hasSize(1);
        assertThat(port.getTargetPort().getStrVal()).isEqualTo("management");
        assertThat(metrics.getMetadata().getLabels()).containsAllEntriesOf(wanted);
        assertThat(door.getMetadata().getLabels().entrySet().containsAll(wanted.entrySet()))
                .as("the public Service is not scraped").isFalse();
        assertThat(monitor.path("endpoints")).hasSize(1);
        assertThat(monitor.at("/endpoints/0/port").asText()).isEqualTo(port.getName());
        assertThat(monitor.at("/endpoints/0/path").asText()).isEqualTo("/q/metrics");
        assertThat(manifests.one(NetworkPolicy.class).getSpec().getIngress())
                .as("the management port open to a namespace, Prometheus'").anyMatch(rule -> !rule.getFrom().isEmpty()
                        && rule.getPorts().stream().anyMatch(p -> "management".equals(p.getPort().getStrVal())));
    }

    /** The Prometheus Operator names a ServiceMonitor's job after the Service it scrapes. */
    @Test
    void queriesOnlyTheSeriesOfTheMetricsServicesJob() throws Exception {
        MonitoringQueries queries = new MonitoringQueries(manifests);
        String job = "job=\"" + metricsService().getMetadata().getName() + "\"";

        assertThat(queries.queries).isNotEmpty();
        queries.queries.forEach((where, query) -> {
            assertThat(MonitoringQueries.labels(query).keySet()).as(where).containsAll(MonitoringQueries.metrics(query));
            assertThat(MonitoringQueries.labels(query).values()).as(where).allMatch(labels -> labels.contains("job"));
            assertThat(query).as(where).contains(job).doesNotContain("job=\"megaapi-logout\"");
        });
    }

    @Test
    void givesEachAlertASeverityAndASectionOfObservability() throws Exception {
        Set<String> anchors = Files.readAllLines(Path.of("docs/observability.md")).stream()
                .filter(line -> line.startsWith("#")).map(MonitoringComponentTest::anchor).collect(Collectors.toSet());
        JsonNode rules = spec("PrometheusRule").at("/groups/0/rules");

        assertThat(rules).hasSize(4);
        for (JsonNode rule : rules) {
            String alert = rule.path("alert").asText();
            assertThat(rule.at("/labels/severity").asText()).as(alert).isIn("critical", "warning");
            assertThat(rule.at("/annotations/summary").asText()).as(alert).isNotBlank();
            assertThat(rule.at("/annotations/description").asText()).as(alert).isNotBlank();
            assertThat(rule.at("/annotations/runbook_url").asText()).as(alert)
                    .isEqualTo("docs/observability.md#" + alert.toLowerCase());
            assertThat(anchors).as("a section %s in docs/observability.md", alert).contains(alert.toLowerCase());
        }
    }

    @Test
    void labelsTheDashboardForGrafanasSidecarUnderAStableName() throws Exception {
        ConfigMap dashboard = manifests.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getLabels().containsKey("grafana_dashboard")).findFirst().orElseThrow();
        JsonNode json = MonitoringQueries.dashboard(manifests);

        assertThat(dashboard.getMetadata().getName()).isEqualTo("megaapi-logout-dashboard");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.getData().keySet()).allMatch(file -> file.endsWith(".json"));
        assertThat(json.path("uid").asText()).isEqualTo("megaapi-logout");
        assertThat(json.path("panels")).extracting(panel -> panel.path("title").asText()).contains(
                "Logouts by outcome", "Logouts by caller", "Refusals by reason and caller",
                "Mega-API latency by call: p50, p95, p99", "Circuit breakers: pods per state");
    }

    /** MonitoringQueries' regular expressions, on the forms the component's queries take. */
    @Test
    void readsMetricAndLabelNamesOutOfPromQl() {
        String query = """
                label_replace(max by (namespace, method) (a_total{job="j", x=~"y[0-9]+"}) == 0, "h", "$1", "m", "(.+)")
                / sum without (pod) (rate(b_seconds_sum{le!="1e3"}[$__rate_interval] offset 5m)) > 0.2
                and on (namespace) c_bytes unless bool d:recorded""";

        assertThat(MonitoringQueries.metrics(query)).containsExactlyInAnyOrder("a_total", "b_seconds_sum", "c_bytes",
                "d:recorded");
        assertThat(MonitoringQueries.labels(query)).isEqualTo(Map.of("a_total", Set.of("job", "x"), "b_seconds_sum",
                Set.of("le")));
        assertThat(MonitoringQueries.metrics("label_values(e_total{job=\"$job\"}, namespace)"))
                .containsExactly("e_total");
    }

    private static Service metricsService() {
        List<Service> services = manifests.all(Service.class).stream()
                .filter(s -> s.getSpec().getPorts().stream().anyMatch(p -> p.getName().equals("management"))).toList();
        assertThat(services).hasSize(1);
        return services.get(0);
    }

    private static JsonNode spec(String kind) {
        return JSON.valueToTree(manifests.one(kind)).path("spec");
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
    private static String anchor(String heading) {
        return heading.replaceFirst("^#+\\s*", "").toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
