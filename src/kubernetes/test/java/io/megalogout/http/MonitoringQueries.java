package io.megalogout.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;

/**
 * The PromQL the monitoring component runs (its PrometheusRule's expressions, its dashboard's targets and variables),
 * and the metric and label names each one reads.
 * <p>
 * Not a PromQL parser: a few regular expressions that hold for how these queries are written, checked by
 * {@code MonitoringComponentTest} against names known to be there. Strings ({@code "..."}: label values, and
 * Grafana's {@code $variables}) go first, then what holds no metric name: durations ({@code [10m]}) and grouping lists
 * ({@code by (namespace)}). Label names are read from selectors ({@code name{label="..."}}) first, then selectors are
 * emptied. What is left is functions (a name before {@code (}), keywords and operators ({@code and}, {@code bool}) and
 * metric names: any other name.
 */
final class MonitoringQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern GROUPING = Pattern
            .compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** Grafana's {@code label_values(metric{...}, label)}: only its first argument is PromQL. */
    private static final Pattern LABEL_VALUES = Pattern.compile("\\blabel_values\\s*\\(([^,]*),[^)]*\\)");
    private static final Pattern SELECTOR = Pattern.compile("(?<![\\w.$])(" + NAME + ")\\s*\\{([^}]*)\\}");
    private static final Pattern MATCHER = Pattern.compile("(" + NAME + ")\\s*(?:=~|!~|!=|=)");
    /** A whole name (possessive {@code *+}: never a shorter part of one) not followed by {@code (}. */
    private static final Pattern WORD = Pattern.compile("(?<![\\w.$:])" + NAME + "+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan", "atan2");

    /** Each query by where it is: {@code alert <name>}, {@code panel <title> <refId>}, {@code variable <name>}. */
    final Map<String, String> queries = new TreeMap<>();

    MonitoringQueries(RenderedManifests manifests) throws Exception {
        JsonNode rule = JSON.valueToTree(manifests.one("PrometheusRule"));
        for (JsonNode group : rule.at("/spec/groups")) {
            for (JsonNode alert : group.path("rules")) {
                queries.put("alert " + alert.path("alert").asText(), alert.path("expr").asText());
            }
        }
        JsonNode dashboard = dashboard(manifests);
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.put("panel " + panel.path("title").asText() + " " + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
            if (variable.path("type").asText().equals("query")) {
                queries.put("variable " + variable.path("name").asText(), variable.at("/query/query").asText());
            }
        }
    }

    /** The dashboard, the one file of the ConfigMap Grafana's sidecar reads. */
    static JsonNode dashboard(RenderedManifests manifests) throws Exception {
        ConfigMap configMap = manifests.all(ConfigMap.class).stream()
                .filter(c -> "1".equals(c.getMetadata().getLabels().get("grafana_dashboard"))).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap labelled grafana_dashboard=1"));
        if (configMap.getData().size() != 1) {
            throw new AssertionError("expected one dashboard file, found " + configMap.getData().keySet());
        }
        return JSON.readTree(configMap.getData().values().iterator().next());
    }

    /** The metric names a query reads. */
    static Set<String> metrics(String query) {
        String bare = selectorsEmptied(query);
        Set<String> names = new TreeSet<>();
        Matcher word = WORD.matcher(bare);
        while (word.find()) {
            if (!KEYWORDS.contains(word.group())) {
                names.add(word.group());
            }
        }
        return names;
    }

    /** Each metric a query selects with labels, to the label names it matches on. */
    static Map<String, Set<String>> labels(String query) {
        Map<String, Set<String>> labels = new TreeMap<>();
        Matcher selector = SELECTOR.matcher(withoutStringsAndRanges(query));
        while (selector.find()) {
            Matcher matcher = MATCHER.matcher(selector.group(2));
            while (matcher.find()) {
                labels.computeIfAbsent(selector.group(1), metric -> new TreeSet<>()).add(matcher.group(1));
            }
        }
        return labels;
    }

    private static String withoutStringsAndRanges(String query) {
        return RANGE.matcher(STRING.matcher(query).replaceAll("\"\"")).replaceAll("");
    }

    private static String selectorsEmptied(String query) {
        String bare = withoutStringsAndRanges(query).replaceAll("\\{[^}]*\\}", "");
        bare = GROUPING.matcher(bare).replaceAll("");
        return LABEL_VALUES.matcher(bare).replaceAll("$1");
    }

    /** Every query's metrics, with where each is read. */
    Map<String, List<String>> metricsByQuery() {
        Map<String, List<String>> metrics = new TreeMap<>();
        queries.forEach((where, query) -> metrics(query)
                .forEach(name -> metrics.computeIfAbsent(name, n -> new ArrayList<>()).add(where)));
        return metrics;
    }
}
