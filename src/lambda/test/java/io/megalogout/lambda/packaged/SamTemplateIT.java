package io.megalogout.lambda.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.megalogout.lambda.EmfMetrics;
import io.megalogout.megaapi.MegaApiConfig;
import io.megalogout.megaapi.connection.ConnectionConfig;
import io.megalogout.megaapi.targets.TargetConfig;
import io.megalogout.secrets.SecretsConfig;
import io.megalogout.secrets.SecretsExtension;

import io.smallrye.config.ConfigMapping;

/**
 * {@code infra/aws/template.yaml} against the build it deploys: the handler the packaged tests run, the runtime, the
 * {@code function.zip} that {@code package} just wrote, environment variables that are configuration properties, and
 * what the template promises (SnapStart, least privilege, no retries of a destructive call, an alarm). The template is
 * read as YAML with CloudFormation's short-form tags ({@code !Ref}, {@code !GetAtt}, {@code !If}...) turned into their
 * long form, as CloudFormation reads them. cfn-lint (in .ci/run) checks it against CloudFormation's own schemas, after
 * the SAM transform.
 */
class SamTemplateIT {

    private static final Path TEMPLATE = Path.of("infra/aws/template.yaml");

    private static Map<String, Object> template;
    private static Map<String, Object> function;

    @BeforeAll
    static void readTheTemplate() throws IOException {
        template = map(new Yaml(new CloudFormationTags()).load(Files.readString(TEMPLATE)));
        function = map(resource("LogoutFunction", "AWS::Serverless::Function").get("Properties"));
    }

    @Test
    void deploysTheHandlerThePackagedTestsRun() {
        assertThat(function.get("Handler")).isEqualTo(ifNative("not.used.in.provided.runtime", PackagedFunction.HANDLER));
    }

    @Test
    void runsOnAJavaRuntimeThatRunsTheBuildsClassesOrOnProvidedAl2023ForTheNativeVariant() throws IOException {
        // java25: the Java CI runs every test on; the classes target an older release, which it runs.
        assertThat(function.get("Runtime")).isEqualTo(ifNative("provided.al2023", "java25"));
        byte[] header = Files.readAllBytes(Path.of("target/classes/io/megalogout/lambda/LogoutFunction.class"));
        int javaRelease = ((header[6] & 0xff) << 8 | (header[7] & 0xff)) - 44;
        assertThat(javaRelease).isBetween(21, 25);
    }

    @Test
    void deploysTheFunctionZipThatPackageWrote() {
        Path codeUri = TEMPLATE.getParent().resolve((String) function.get("CodeUri")).normalize();

        assertThat(codeUri).isEqualTo(Path.of("target/function.zip"));
        assertThat(codeUri.toAbsolutePath()).isEqualTo(Path.of(System.getProperty("function.zip")).toAbsolutePath());
        assertThat(codeUri).isRegularFile();
    }

    @Test
    void publishesVersionsBehindAnAliasWithSnapStartOnTheJvm() {
        assertThat(function.get("AutoPublishAlias")).isEqualTo("live");
        assertThat(function.get("SnapStart")).isEqualTo(Map.of("ApplyOn", ifNative("None", "PublishedVersions")));
    }

    @Test
    void setsOnlyEnvironmentVariablesThatTheFunctionOrItsExtensionRead() {
        Map<String, Object> variables = map(map(function.get("Environment")).get("Variables"));
        Set<String> ours = variables.keySet().stream().filter(name -> name.startsWith("MEGAAPI_"))
                .collect(Collectors.toSet());

        assertThat(properties(MegaApiConfig.class, TargetConfig.class, ConnectionConfig.class, SecretsConfig.class)
                .keySet()).containsAll(ours);
        // Each set only when its parameter is given: all three are optional, the template's Rules ask for a token.
        assertThat(variables).containsEntry("MEGAAPI_BASE_URL", ifGiven("HasDefaultHost", "MegaApiBaseUrl"))
                .containsEntry("MEGAAPI_TOKEN_SECRET_ID", ifGiven("HasTokenSecret", "MegaApiTokenSecretArn"))
                .containsEntry("MEGAAPI_INSTANCES_SECRET_ID", ifGiven("HasInstancesSecret", "MegaApiInstancesSecretArn"))
                // With an instances secret, a key it does not list is refused, never sent with the default token.
                .containsEntry("MEGAAPI_UNLISTED_INSTANCES", Map.of("Fn::If", List.of("HasInstancesSecret",
                        TargetConfig.Unlisted.REFUSE.name().toLowerCase(), TargetConfig.Unlisted.DEFAULT.name().toLowerCase())))
                .doesNotContainKey("MEGAAPI_TOKEN")
                .containsEntry("MEGAAPI_SECRETS_READER", Map.of("Ref", "SecretsReader"))
                // The function reads the token only at its first logout and after a 401: a cache could hide a rotation.
                // The extension's settings only where it runs.
                .containsEntry("PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED", Map.of("Fn::If", List.of("UsesExtension",
                        "false", Map.of("Ref", "AWS::NoValue"))))
                .containsEntry("SECRETS_MANAGER_TIMEOUT_MILLIS", Map.of("Fn::If", List.of("UsesExtension", "2500",
                        Map.of("Ref", "AWS::NoValue"))));
        assertThat(variables.keySet()).allMatch(name -> name.startsWith("MEGAAPI_")
                || name.startsWith("PARAMETERS_SECRETS_EXTENSION_") || name.startsWith("SECRETS_MANAGER_")
                || name.equals("DISABLE_SIGNAL_HANDLERS"));
        assertThat(SecretsExtension.PORT_VARIABLE).startsWith("PARAMETERS_SECRETS_EXTENSION_");
    }

    @Test
    void readsSecretsWithTheSdkByDefaultAndAddsTheExtensionsLayerOnlyWhereItReadsThemWithoutSnapStart() {
        Map<String, Object> reader = map(parameters().get("SecretsReader"));
        assertThat(reader.get("Default")).isEqualTo(SecretsConfig.Reader.SDK.id());
        assertThat(reader.get("AllowedValues")).isEqualTo(Arrays.stream(SecretsConfig.Reader.values())
                .map(SecretsConfig.Reader::id).toList());
        assertThat(function.get("Layers")).isEqualTo(Map.of("Fn::If", List.of("UsesExtension",
                List.of(Map.of("Ref", "ExtensionLayerArn")), Map.of("Ref", "AWS::NoValue"))));
        assertThat(map(template.get("Conditions")).get("UsesExtension"))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "SecretsReader"), "extension")));
        assertThat(map(parameters().get("ExtensionLayerArn")).get("Default")).isEqualTo("");

        // The extension only on the native variant, which has no SnapStart, and only with its layer.
        Map<String, Object> rule = map(map(template.get("Rules")).get("ExtensionOnlyWithoutSnapStart"));
        assertThat(rule.get("RuleCondition"))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "SecretsReader"), "extension")));
        assertThat(rule.get("Assertions").toString()).contains("{Fn::Equals=[{Ref=Variant}, native]}",
                "{Fn::Not=[{Fn::Equals=[{Ref=ExtensionLayerArn}, ]}]}");
        assertThat(function.get("SnapStart")).isEqualTo(Map.of("ApplyOn", ifNative("None", "PublishedVersions")));
    }

    @Test
    void refusesADeploymentWithoutAnyTokenSecretOrWithADefaultTokenButNoDefaultHost() {
        Map<String, Object> rules = map(template.get("Rules"));

        assertThat(rules.toString()).contains("MegaApiTokenSecretArn", "MegaApiInstancesSecretArn");
        assertThat(map(rules.get("DefaultTokenHasAHost")).get("RuleCondition").toString())
                .contains("MegaApiTokenSecretArn");
        assertThat(map(rules.get("DefaultTokenHasAHost")).get("Assertions").toString()).contains("MegaApiBaseUrl");
    }

    @Test
    void letsTheFunctionReadOnlyItsTokenSecrets() {
        assertThat(function).containsEntry("Role", Map.of("Fn::GetAtt", List.of("LogoutFunctionRole", "Arn")))
                .doesNotContainKeys("Policies", "Events");
        Map<String, Object> role = map(resource("LogoutFunctionRole", "AWS::IAM::Role").get("Properties"));
        assertThat(role).doesNotContainKeys("ManagedPolicyArns", "PermissionsBoundary");

        List<Map<String, Object>> statements = statements(role.get("Policies"));
        assertThat(statements).extracting(statement -> statement.get("Action"), statement -> statement.get("Resource"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                Map.of("Fn::GetAtt", List.of("LogoutLogGroup", "Arn"))),
                        org.assertj.core.groups.Tuple.tuple("secretsmanager:GetSecretValue",
                                Map.of("Ref", "MegaApiTokenSecretArn")),
                        org.assertj.core.groups.Tuple.tuple("secretsmanager:GetSecretValue",
                                Map.of("Ref", "MegaApiInstancesSecretArn")),
                        org.assertj.core.groups.Tuple.tuple("kms:Decrypt", Map.of("Ref", "SecretsKmsKeyArn")),
                        org.assertj.core.groups.Tuple.tuple(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"), "*"),
                        org.assertj.core.groups.Tuple.tuple("sqs:SendMessage",
                                Map.of("Fn::GetAtt", List.of("FailedLogoutsQueue", "Arn"))),
                        org.assertj.core.groups.Tuple.tuple(
                                List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
                                Map.of("Fn::GetAtt", List.of("LogoutRequestsQueue", "Arn"))));
        assertThat(statements).allMatch(statement -> "Allow".equals(statement.get("Effect")));
        // Each secret statement exists only when its secret is given (an empty ARN would be an invalid policy).
        assertThat(conditions(role.get("Policies"))).containsExactly("HasTokenSecret", "HasInstancesSecret",
                "HasKmsKey", "HasTracing", "HasSqsTrigger");
        // A customer-managed key is used only by Secrets Manager on the function's behalf.
        assertThat(statements).filteredOn(statement -> "kms:Decrypt".equals(statement.get("Action")))
                .extracting(statement -> statement.get("Condition").toString())
                .containsExactly("{StringEquals={kms:ViaService={Fn::Sub=secretsmanager.${AWS::Region}.amazonaws.com}}}");
        // The one resource each secret statement names is a secret's full ARN, never a pattern; or nothing at all.
        for (String parameter : List.of("MegaApiTokenSecretArn", "MegaApiInstancesSecretArn")) {
            String secretArn = map(parameters().get(parameter)).get("AllowedPattern").toString();
            assertThat("arn:aws:secretsmanager:sa-east-1:123456789012:secret:megaapi/token-AbCdEf").matches(secretArn);
            assertThat("").matches(secretArn);
            assertThat(List.of("*", "arn:aws:secretsmanager:sa-east-1:123456789012:secret:*",
                    "arn:aws:secretsmanager:*:123456789012:secret:megaapi")).noneMatch(arn -> arn.matches(secretArn));
        }
    }

    @Test
    void optionallyTriggersTheFunctionFromAQueueReturningOnlyFailedMessages() {
        assertThat(map(parameters().get("SqsTrigger"))).containsEntry("Default", "disabled");
        Map<String, Object> mapping = resource("LogoutRequestsEventSource", "AWS::Lambda::EventSourceMapping");
        assertThat(mapping).containsEntry("Condition", "HasSqsTrigger");
        Map<String, Object> properties = map(mapping.get("Properties"));

        assertThat(properties).containsEntry("EventSourceArn", Map.of("Fn::GetAtt", List.of("LogoutRequestsQueue",
                "Arn")))
                // The alias, whose published version SnapStart restores.
                .containsEntry("FunctionName", Map.of("Ref", "LogoutFunctionAliaslive"))
                .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
                .containsEntry("BatchSize", Map.of("Ref", "QueueBatchSize"))
                .containsEntry("MaximumBatchingWindowInSeconds", 0)
                .containsEntry("ScalingConfig", Map.of("MaximumConcurrency", Map.of("Ref", "ReservedConcurrency")));
        // A batch larger than 10 would need a batching window; each message may be a bulk of up to 100 keys.
        assertThat(map(parameters().get("QueueBatchSize"))).containsEntry("MaxValue", 10);
    }

    @Test
    void givesQueuedLogoutsAVisibilityTimeoutOfSixFunctionTimeoutsAndADeadLetterQueue() {
        Map<String, Object> queue = map(resource("LogoutRequestsQueue", "AWS::SQS::Queue").get("Properties"));
        Map<String, Object> redrive = map(queue.get("RedrivePolicy"));

        assertThat((Integer) queue.get("VisibilityTimeout")).isGreaterThanOrEqualTo(6 * (Integer) function.get("Timeout"));
        assertThat(redrive).containsEntry("deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(
                "LogoutRequestsDeadLetterQueue", "Arn"))).containsEntry("maxReceiveCount", 3);
        assertThat(queue).containsEntry("SqsManagedSseEnabled", true);
        assertThat(resource("LogoutRequestsDeadLetterQueue", "AWS::SQS::Queue")).containsEntry("Condition",
                "HasSqsTrigger");
        Map<String, Object> alarm = resource("LogoutRequestsDeadLetterAlarm", "AWS::CloudWatch::Alarm");
        assertThat(map(alarm.get("Properties")).get("Dimensions").toString()).contains("LogoutRequestsDeadLetterQueue");
    }

    @Test
    void hasNoWildcardActionOrResourceAnywhere() {
        List<Object> actions = new ArrayList<>();
        collect(template, "Action", actions);
        List<Object> notKeys = new ArrayList<>();
        Stream.of("NotAction", "NotResource", "NotPrincipal").forEach(key -> collect(template, key, notKeys));

        assertThat(strings(actions)).isNotEmpty().noneMatch(action -> action.equals("*") || action.endsWith(":*"))
                .allMatch(action -> action.matches("[a-z0-9-]+:[A-Za-z0-9]+"));
        assertThat(notKeys).isEmpty();
        // The one exception, as cfn-lint's NoWildcardIam rule allows it: '*' for exactly X-Ray's two upload actions,
        // which take no other resource.
        Map<String, Object> role = map(resource("LogoutFunctionRole", "AWS::IAM::Role").get("Properties"));
        for (Map<String, Object> statement : statements(role.get("Policies"))) {
            List<Object> resources = new ArrayList<>();
            collect(Map.of("s", statement), "Resource", resources);
            if (strings(resources).stream().anyMatch(resource -> resource.contains("*"))) {
                assertThat(statement.get("Resource")).isEqualTo("*");
                assertThat(statement.get("Action")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                        .containsExactlyInAnyOrderElementsOf(resourcelessActions());
            }
        }
        assertThat(resourcelessActions()).containsExactlyInAnyOrder("xray:PutTraceSegments", "xray:PutTelemetryRecords");
    }

    @Test
    void tracesWithXRayUnlessSwitchedOffAndMayUploadOnlyThen() {
        assertThat(map(parameters().get("XRayTracing"))).containsEntry("Default", "enabled");
        assertThat(map(template.get("Conditions")).get("HasTracing"))
                .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "XRayTracing"), "enabled")));
        assertThat(function.get("Tracing")).isEqualTo(Map.of("Fn::If", List.of("HasTracing", "Active", "PassThrough")));
        Map<String, Object> role = map(resource("LogoutFunctionRole", "AWS::IAM::Role").get("Properties"));
        List<Object> raw = rawStatements(role.get("Policies"));
        List<Object> xray = raw.stream().filter(statement -> statement.toString().contains("xray:")).toList();
        assertThat(xray).singleElement().extracting(statement -> ((List<?>) map(statement).get("Fn::If")).get(0))
                .isEqualTo("HasTracing");
    }

    @Test
    void alarmsAndTheDashboardUseOnlyMetricsAndDimensionsTheFunctionWrites() throws IOException {
        Map<String, Object> resources = map(template.get("Resources"));
        List<String> used = new ArrayList<>();
        for (String name : List.of("LogoutFailuresAlarm", "BreakerOpenAlarm")) {
            Map<String, Object> alarm = resource(name, "AWS::CloudWatch::Alarm");
            assertThat(alarm).containsEntry("Condition", "HasMetricAlarms");
            Map<String, Object> properties = map(alarm.get("Properties"));
            assertThat(properties).containsEntry("Namespace", EmfMetrics.NAMESPACE).containsEntry("Dimensions",
                    List.of(Map.of("Name", EmfMetrics.FUNCTION_NAME, "Value", Map.of("Ref", "LogoutFunction"))))
                    .containsEntry("AlarmActions", Map.of("Fn::If", List.of("HasMetricAlarmsAndAlarmTopic",
                            List.of(Map.of("Ref", "AlarmTopicArn")), Map.of("Ref", "AWS::NoValue"))));
            used.add((String) properties.get("MetricName"));
        }
        // Every alarm on our namespace is one of the two above.
        assertThat(resources.values()).filteredOn(resource -> resource.toString().contains(
                "Namespace=" + EmfMetrics.NAMESPACE)).hasSize(2);

        Map<String, Object> dashboard = resource("LogoutDashboard", "AWS::CloudWatch::Dashboard");
        assertThat(dashboard).containsEntry("Condition", "HasDashboard");
        String body = (String) map(map(dashboard.get("Properties")).get("DashboardBody")).get("Fn::Sub");
        JsonNode widgets = new ObjectMapper().readTree(body).get("widgets");
        assertThat(widgets).isNotEmpty();
        for (JsonNode widget : widgets) {
            for (JsonNode metric : widget.get("properties").get("metrics")) {
                if (metric.get(0).has("expression")) {
                    // SEARCH('{Namespace,Dimension,...} MetricName="X" ...')
                    Matcher search = Pattern.compile("SEARCH\\('\\{([^}]*)\\} MetricName=\"(\\w+)\"")
                            .matcher(metric.get(0).get("expression").asText());
                    assertThat(search.find()).as(metric.toString()).isTrue();
                    assertThat(search.group(1)).isEqualTo(String.join(",", EmfMetrics.NAMESPACE,
                            EmfMetrics.FUNCTION_NAME, EmfMetrics.OUTCOME));
                    used.add(search.group(2));
                } else {
                    assertThat(metric.get(0).asText()).isEqualTo(EmfMetrics.NAMESPACE);
                    assertThat(metric.get(2).asText()).isEqualTo(EmfMetrics.FUNCTION_NAME);
                    assertThat(metric.get(3).asText()).isEqualTo("${LogoutFunction}");
                    used.add(metric.get(1).asText());
                }
            }
        }
        assertThat(used).isNotEmpty().allMatch(EmfMetrics.METRICS::contains);
        assertThat(used).containsAll(EmfMetrics.METRICS);
        // Each can be switched off.
        assertThat(map(parameters().get("MetricAlarms"))).containsEntry("Default", "enabled");
        assertThat(map(parameters().get("Dashboard"))).containsEntry("Default", "enabled");
    }

    @Test
    void neverRetriesAFailedAsynchronousLogoutAndReportsIt() {
        Map<String, Object> invokeConfig = map(function.get("EventInvokeConfig"));

        assertThat(invokeConfig).containsEntry("MaximumRetryAttempts", 0);
        assertThat(map(map(invokeConfig.get("DestinationConfig")).get("OnFailure"))).containsEntry("Type", "SQS")
                .containsEntry("Destination", Map.of("Fn::GetAtt", List.of("FailedLogoutsQueue", "Arn")));
        resource("FailedLogoutsQueue", "AWS::SQS::Queue");
        // The function's EventInvokeConfig applies to the alias; the unqualified function ($LATEST) gets its own.
        Map<String, Object> latest = map(resource("LatestVersionInvokeConfig", "AWS::Lambda::EventInvokeConfig")
                .get("Properties"));
        assertThat(latest).containsEntry("FunctionName", Map.of("Ref", "LogoutFunction"))
                .containsEntry("Qualifier", "$LATEST").containsEntry("MaximumRetryAttempts", 0);
        assertThat(map(map(latest.get("DestinationConfig")).get("OnFailure")))
                .containsEntry("Destination", Map.of("Fn::GetAtt", List.of("FailedLogoutsQueue", "Arn")));
    }

    @Test
    void limitsConcurrencyWithAParameter() {
        assertThat(function.get("ReservedConcurrentExecutions")).isEqualTo(Map.of("Ref", "ReservedConcurrency"));
        assertThat(map(parameters().get("ReservedConcurrency"))).containsEntry("Type", "Number")
                .containsEntry("MinValue", 2);
    }

    @Test
    void logsToAGroupWithRetention() {
        assertThat(map(function.get("LoggingConfig"))).containsEntry("LogGroup", Map.of("Ref", "LogoutLogGroup"));
        assertThat(map(resource("LogoutLogGroup", "AWS::Logs::LogGroup").get("Properties")))
                .containsEntry("RetentionInDays", Map.of("Ref", "LogRetentionDays"));
    }

    @Test
    void raisesAnAlarmOnTheFunctionsErrors() {
        Map<String, Object> alarm = map(resource("LogoutErrorsAlarm", "AWS::CloudWatch::Alarm").get("Properties"));

        assertThat(alarm).containsEntry("Namespace", "AWS/Lambda").containsEntry("MetricName", "Errors")
                .containsEntry("Threshold", 1).containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                .containsEntry("Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref",
                        "LogoutFunction"))));
    }

    /** The actions cfn-lint's NoWildcardIam rule lets name the resource '*' (its RESOURCELESS_ACTIONS). */
    private static Set<String> resourcelessActions() {
        try {
            String rule = Files.readString(TEMPLATE.resolveSibling("lint-rules/NoWildcardIam.py"));
            Matcher set = Pattern.compile("(?m)^RESOURCELESS_ACTIONS = \\{([^}]*)\\}").matcher(rule);
            assertThat(set.find()).isTrue();
            return Arrays.stream(set.group(1).split(",")).map(action -> action.strip().replace("\"", ""))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code !If [condition, !Ref parameter, !Ref AWS::NoValue]} in its long form. */
    private static Map<String, Object> ifGiven(String condition, String parameter) {
        return Map.of("Fn::If", List.of(condition, Map.of("Ref", parameter), Map.of("Ref", "AWS::NoValue")));
    }

    /** {@code !If [IsNative, native, jvm]} in its long form. */
    private static Map<String, Object> ifNative(Object nativeValue, Object jvmValue) {
        return Map.of("Fn::If", List.of("IsNative", nativeValue, jvmValue));
    }

    private static Map<String, Object> resource(String name, String type) {
        Map<String, Object> resource = map(map(template.get("Resources")).get(name));
        assertThat(resource).as(name).isNotNull().containsEntry("Type", type);
        return resource;
    }

    private static Map<String, Object> parameters() {
        return map(template.get("Parameters"));
    }

    /** Each property of a config mapping, by the environment variable that sets it (SmallRye's rule). */
    private static Map<String, String> properties(Class<?>... mappings) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Class<?> mapping : mappings) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            for (Method method : mapping.getDeclaredMethods()) {
                String property = prefix + "." + method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
                properties.put(property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(), property);
            }
        }
        return properties;
    }

    /** Every statement, a conditional one ({@code !If [condition, statement, !Ref AWS::NoValue]}) included. */
    private static List<Map<String, Object>> statements(Object policies) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object statement : rawStatements(policies)) {
            Map<String, Object> conditional = map(statement);
            statements.add(conditional.containsKey("Fn::If") ? map(((List<?>) conditional.get("Fn::If")).get(1))
                    : conditional);
        }
        return statements;
    }

    /** The conditions of the conditional statements, in order; each must drop its statement when false. */
    private static List<String> conditions(Object policies) {
        List<String> conditions = new ArrayList<>();
        for (Object statement : rawStatements(policies)) {
            if (map(statement).get("Fn::If") instanceof List<?> branches) {
                assertThat(branches.get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
                conditions.add((String) branches.get(0));
            }
        }
        return conditions;
    }

    private static List<Object> rawStatements(Object policies) {
        List<Object> statements = new ArrayList<>();
        for (Object policy : (List<?>) policies) {
            statements.addAll((List<?>) map(map(policy).get("PolicyDocument")).get("Statement"));
        }
        return statements;
    }

    /** Every value of {@code key} anywhere below {@code node}. */
    private static void collect(Object node, String key, List<Object> values) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                if (key.equals(name)) {
                    values.add(value);
                }
                collect(value, key, values);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, key, values));
        }
    }

    /** The plain strings among Action or Resource values (intrinsic functions resolve only at deploy time). */
    private static List<String> strings(List<Object> values) {
        List<String> strings = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof String string) {
                strings.add(string);
            } else if (value instanceof List<?> list) {
                list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(strings::add);
            }
        }
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /**
     * SnakeYAML's safe constructor plus CloudFormation's short forms: {@code !Ref x} becomes {@code {Ref: x}},
     * {@code !GetAtt a.b} becomes {@code {Fn::GetAtt: [a, b]}}, any other {@code !Name v} becomes {@code {Fn::Name: v}}.
     */
    private static final class CloudFormationTags extends SafeConstructor {

        CloudFormationTags() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new Intrinsic());
        }

        private final class Intrinsic extends AbstractConstruct {

            @Override
            public Object construct(Node node) {
                String name = node.getTag().getValue().substring(1);
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("unexpected node " + node);
                };
                if (name.equals("GetAtt") && value instanceof String attribute) {
                    value = List.of(attribute.split("\\.", 2));
                }
                return Map.of(name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name, value);
            }
        }
    }
}
