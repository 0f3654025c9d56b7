package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Every metric the monitoring component's alerts and dashboard query, and every label they select on, is one the
 * packaged door serves on the path its ServiceMonitor scrapes, once it has answered a logout, a failure, a dry run and
 * a refusal (labelled series appear with their first count). Labels Prometheus adds when it scrapes (job, namespace,
 * pod...) are not the door's to serve.
 */
class MonitoringMetricsIT {

    private static final Set<String> SCRAPE_LABELS = Set.of("job", "namespace", "pod", "instance", "service",
            "endpoint", "container");
    /** A sample line of the text format: its name, and its labels if any. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"");

    private WireMockServer megaApi;
    private PackagedDoor door;

    @BeforeEach
    void startMegaApi() {
        megaApi = new WireMockServer(wireMockConfig().dynamicPort());
        megaApi.start();
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"message\":\"ok\"}")));
        megaApi.stubFor(any(urlPathMatching("/rest/instance/broken.*")).willReturn(serverError()));
        megaApi.stubFor(any(urlPathMatching("/rest/instance/linked")).willReturn(
                okJson("{\"error\":false,\"instance\":{\"key\":\"linked\",\"status\":\"connected\"}}")));
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (door != null) {
            door.close();
        }
        megaApi.stop();
    }

    @Test
    void servesEveryMetricAndLabelTheAlertsAndTheDashboardQuery() throws Exception {
        RenderedManifests manifests = RenderedManifests.productionWithMonitoring();
        JsonNode monitor = new ObjectMapper().valueToTree(manifests.one("ServiceMonitor"));
        MonitoringQueries queries = new MonitoringQueries(manifests);
        door = PackagedDoor.start(Map.of("MEGAAPI_BASE_URL", megaApi.baseUrl(), "MEGAAPI_TOKEN", "metrics-fake-token-3",
                "MEGAAPI_ALLOW_PLAIN_HTTP", "true", "HTTP_API_KEYS", DoorSettingsForTests.KEY)).awaitReady();
        assertThat(door.logout("{\"instanceKey\":\"demo\"}", DoorSettingsForTests.KEY).statusCode()).isEqualTo(200);
        assertThat(door.logout("{\"instanceKey\":\"broken\"}", DoorSettingsForTests.KEY).statusCode()).isEqualTo(502);
        assertThat(door.logout("{\"instanceKey\":\"linked\",\"dryRun\":true}", DoorSettingsForTests.KEY).statusCode())
                .isEqualTo(200);
        assertThat(door.logout("{\"instanceKey\":\"demo\"}", null).statusCode()).isEqualTo(401);

        String path = monitor.at("/spec/endpoints/0/path").asText();
        Map<String, Set<String>> served = served(PackagedDoor.get(door.managementPort, path).body());

        Map<String, List<String>> metrics = queries.metricsByQuery();
        assertThat(metrics).as("the queries' metrics").containsKeys("megalogout_logouts_total",
                "megalogout_refused_total", "ft_circuitbreaker_state_current", "ft_bulkhead_calls_total",
                "http_client_requests_seconds_bucket");
        metrics.forEach((metric, where) -> assertThat(served.containsKey(metric))
                .as("%s, read by %s, is served", metric, where).isTrue());
        queries.queries.forEach((where, query) -> MonitoringQueries.labels(query).forEach((metric, labels) -> {
            Set<String> own = new TreeSet<>(labels);
            own.removeAll(SCRAPE_LABELS);
            assertThat(served.get(metric)).as("the labels of %s, read by %s", metric, where).containsAll(own);
        }));
    }

    /**
     * Each metric name of the text format's samples, to the label names its samples carry. A histogram's or a
     * summary's samples are named with their suffixes ({@code _bucket}, {@code _count}, {@code _sum}, {@code _max}), as
     * a query names them.
     */
    private static Map<String, Set<String>> served(String exposition) {
        Map<String, Set<String>> served = new TreeMap<>();
        for (String line : exposition.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList()) {
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.find()).as("a sample line: %s", line).isTrue();
            Set<String> labels = served.computeIfAbsent(sample.group(1), name -> new TreeSet<>());
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
        return served;
    }
}
