package io.megalogout.lambda.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.lambda.secrets.ContainerCredentialsStandIn;
import io.megalogout.lambda.secrets.MotoSecretsManager;
import io.megalogout.megaapi.MegaApiHosts;
import io.megalogout.secrets.SecretsExtension;
import io.megalogout.secrets.SecretsExtensionStandIn;

/**
 * {@code target/function.zip} under AWS's runtime client, reading its secrets with the default reader (the AWS SDK's
 * Secrets Manager client) from moto_server ({@code AWS_ENDPOINT_URL_SECRETS_MANAGER}), which checks every request's
 * signature, session token and the role's permission. Two environments, as Lambda sets them up:
 * <ul>
 * <li>SnapStart: no {@code AWS_ACCESS_KEY_ID} nor {@code AWS_SESSION_TOKEN}; the role's credentials come from a
 * container credentials stand-in that answers only to the right {@code AWS_CONTAINER_AUTHORIZATION_TOKEN};</li>
 * <li>access keys: the role's temporary credentials in the environment, as without SnapStart.</li>
 * </ul>
 * In both, a stand-in of the Parameters and Secrets extension listens where the extension would, and must never be
 * asked: the default deployment runs no extension. Each test starts its own function: a fresh execution environment.
 */
class PackagedFunctionSdkSecretsIT {

    private static final String TOKEN = "sdk-secret-fake-token-5";
    private static final String ROTATED = "sdk-rotated-fake-token-6";
    private static final String CUSTOMER_TOKEN = "sdk-customer-fake-token-7";
    private static final String UNREAD_VALUE = "sdk-never-read-fake-token-8";
    private static final String AUTHORIZATION = "container-authorization-token-never-logged";
    private static final String OK = "{\"error\":false,\"message\":\"Instance demo disconnected\"}";
    private static final String LOGOUT = "DELETE /rest/instance/demo/logout Bearer ";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How Lambda gives the function its role's credentials. */
    enum Platform {
        SNAPSTART,
        ACCESS_KEYS
    }

    private static MotoSecretsManager aws;
    private static WireMockServer megaApi;
    private static WireMockServer customerHost;
    private static SecretsExtensionStandIn extensionTrap;
    private ContainerCredentialsStandIn containerCredentials;
    private MotoSecretsManager.RoleCredentials role;
    private PackagedFunction function;

    @BeforeAll
    static void startAwsMegaApiAndTheTrap() throws Exception {
        aws = MotoSecretsManager.start();
        megaApi = new WireMockServer(wireMockConfig().dynamicPort());
        megaApi.start();
        customerHost = new WireMockServer(wireMockConfig().dynamicPort());
        customerHost.start();
        extensionTrap = new SecretsExtensionStandIn();
    }

    @BeforeEach
    void reset() {
        megaApi.resetAll();
        customerHost.resetAll();
        extensionTrap.reset();
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        customerHost.stubFor(any(anyUrl()).willReturn(okJson(OK)));
    }

    @AfterEach
    void noSecretInTheOutputAndNoExtensionAsked() throws Exception {
        if (function != null) {
            function.close();
            assertThat(function.output()).doesNotContain(TOKEN, ROTATED, CUSTOMER_TOKEN, UNREAD_VALUE, AUTHORIZATION,
                    role.secretAccessKey(), role.sessionToken());
        }
        if (containerCredentials != null) {
            containerCredentials.close();
        }
        assertThat(extensionTrap.requests()).as("requests to the extension's port").isEmpty();
    }

    @AfterAll
    static void stopAll() {
        extensionTrap.close();
        customerHost.stop();
        megaApi.stop();
        aws.close();
    }

    /** The template's environment on {@code platform}, with {@code role}'s credentials and nothing else of AWS's. */
    private Map<String, String> lambdaEnvironment(Platform platform, MotoSecretsManager.RoleCredentials credentials)
            throws Exception {
        role = credentials;
        Map<String, String> environment = new HashMap<>(Map.of("MEGAAPI_BASE_URL", megaApi.baseUrl(),
                "MEGAAPI_ALLOW_PLAIN_HTTP", "true", "AWS_REGION", MotoSecretsManager.REGION,
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", aws.endpoint(),
                // Lambda has no AWS config files; this machine's, if any, must not count.
                "AWS_CONFIG_FILE", "/nonexistent/aws-config", "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials",
                SecretsExtension.PORT_VARIABLE, String.valueOf(extensionTrap.port())));
        if (platform == Platform.SNAPSTART) {
            containerCredentials = new ContainerCredentialsStandIn(AUTHORIZATION, credentials);
            environment.putAll(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start",
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI", containerCredentials.uri(),
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN", AUTHORIZATION));
        } else {
            environment.putAll(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand", "AWS_ACCESS_KEY_ID",
                    credentials.accessKeyId(), "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey(),
                    "AWS_SESSION_TOKEN", credentials.sessionToken()));
        }
        return environment;
    }

    /** A function whose default token is {@code value}, in a new secret, read with {@code role}'s credentials. */
    private String startWithTokenSecret(Platform platform, String value, MotoSecretsManager.RoleCredentials role)
            throws Exception {
        String secret = aws.createSecret(unique("token"), value);
        Map<String, String> environment = lambdaEnvironment(platform, role);
        environment.put("MEGAAPI_TOKEN_SECRET_ID", secret);
        function = PackagedFunction.start(environment);
        return secret;
    }

    /** A new role that may only read secrets. */
    private static MotoSecretsManager.RoleCredentials readerRole() {
        return aws.readerRole(unique("reader").replace('/', '-'));
    }

    private static String unique(String name) {
        return "megaapi/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void readsTheTokenWithTheRolesCredentialsWhenTheFirstLogoutNeedsItAndSendsIt(Platform platform) throws Exception {
        String secret = startWithTokenSecret(platform, TOKEN, readerRole());

        // Init is over once an invocation is answered: priming fetched no credentials, and one that logs nothing out
        // reads no secret.
        assertThat(function.invoke("{\"instanceKey\": 42}").failed()).isTrue();
        if (containerCredentials != null) {
            assertThat(function.restores()).as("SnapStart restores").isEqualTo(1);
            assertThat(containerCredentials.requests()).isEmpty();
        }
        RuntimeApiStandIn.Outcome outcome = function.invoke("{\"instanceKey\":\"demo\"}");

        assertThat(outcome.failed()).as(function.output()).isFalse();
        assertThat(outcome.body()).isEqualTo(OK);
        assertThat(MegaApiHosts.requests(megaApi)).containsExactly(LOGOUT + TOKEN);
        if (containerCredentials != null) {
            assertThat(containerCredentials.requests()).containsExactly(AUTHORIZATION);
        }
        assertThat(function.invoke("{\"instanceKey\":\"demo\"}").failed()).isFalse();
        assertThat(MegaApiHosts.requests(megaApi)).as("the token is read once").containsExactly(LOGOUT + TOKEN,
                LOGOUT + TOKEN);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void readsTheRotatedSecretAfterA401AndSendsOnceMore(Platform platform) throws Exception {
        String secret = startWithTokenSecret(platform, TOKEN, readerRole());
        assertThat(function.invoke("{\"instanceKey\":\"demo\"}").failed()).as(function.output()).isFalse();
        aws.putSecretValue(secret, ROTATED);
        megaApi.resetAll();
        megaApi.stubFor(any(anyUrl()).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":true,\"message\":\"Invalid token\"}")));
        megaApi.stubFor(any(anyUrl()).withHeader("Authorization", equalTo("Bearer " + ROTATED)).willReturn(okJson(OK)));

        RuntimeApiStandIn.Outcome outcome = function.invoke("{\"instanceKey\":\"demo\"}");

        assertThat(outcome.failed()).as(function.output()).isFalse();
        assertThat(MegaApiHosts.requests(megaApi)).containsExactly(LOGOUT + TOKEN, LOGOUT + ROTATED);
        assertThat(function.output()).contains("result=changed", "logout retry instanceKey=demo");
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void readsTheInstancesSecretAndSendsTheKeyToItsOwnHostWithItsOwnToken(Platform platform) throws Exception {
        String secret = aws.createSecret(unique("instances"), "{\"cust-1\": {\"token\": \"" + CUSTOMER_TOKEN
                + "\", \"base-url\": \"" + customerHost.baseUrl() + "\"}}");
        Map<String, String> environment = lambdaEnvironment(platform, readerRole());
        environment.remove("MEGAAPI_BASE_URL");
        environment.putAll(Map.of("MEGAAPI_INSTANCES_SECRET_ID", secret, "MEGAAPI_UNLISTED_INSTANCES", "refuse"));
        function = PackagedFunction.start(environment);

        RuntimeApiStandIn.Outcome outcome = function.invoke("{\"instanceKey\":\"cust-1\"}");

        assertThat(outcome.failed()).as(function.output()).isFalse();
        assertThat(MegaApiHosts.requests(customerHost))
                .containsExactly("DELETE /rest/instance/cust-1/logout Bearer " + CUSTOMER_TOKEN);
        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void failsTheLogoutNamingTheSecretInTheLogNeverItsValueWhenTheRoleMayNotReadIt(Platform platform) throws Exception {
        String secret = startWithTokenSecret(platform, UNREAD_VALUE, aws.deniedRole(unique("denied").replace('/', '-')));

        RuntimeApiStandIn.Outcome outcome = function.invoke("{\"instanceKey\":\"demo\"}");

        JsonNode error = JSON.readTree(outcome.body());
        assertThat(error.get("errorType").asText()).isEqualTo("io.megalogout.error.MegaApiTokenUnavailableException");
        assertThat(error.get("errorMessage").asText()).contains("'demo'", "nothing was sent").doesNotContain(secret);
        assertThat(megaApi.getAllServeEvents()).isEmpty();
        function.awaitOutput("outcome=");
        assertThat(function.output()).contains("secret '" + secret + "': Secrets Manager answered HTTP 403",
                "not authorized to perform: secretsmanager:GetSecretValue");
    }

    @Test
    void failsTheLogoutNamingTheCredentialsWhenTheContainerEndpointRefusesTheAuthorizationToken() throws Exception {
        String secret = aws.createSecret(unique("token"), UNREAD_VALUE);
        Map<String, String> environment = lambdaEnvironment(Platform.SNAPSTART, readerRole());
        environment.put("MEGAAPI_TOKEN_SECRET_ID", secret);
        environment.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "a-stale-authorization-token");
        function = PackagedFunction.start(environment);

        RuntimeApiStandIn.Outcome outcome = function.invoke("{\"instanceKey\":\"demo\"}");

        assertThat(JSON.readTree(outcome.body()).get("errorType").asText())
                .isEqualTo("io.megalogout.error.MegaApiTokenUnavailableException");
        assertThat(megaApi.getAllServeEvents()).isEmpty();
        assertThat(containerCredentials.requests()).isNotEmpty().allMatch("a-stale-authorization-token"::equals);
        function.awaitOutput("outcome=");
        assertThat(function.output()).contains("secret '" + secret + "': no credentials from the default chain: [",
                "ContainerCredentialsProvider(): ").doesNotContain("a-stale-authorization-token");
    }

    @Test
    void refusesToStartWithoutARegionNamingIt() throws Exception {
        Map<String, String> environment = lambdaEnvironment(Platform.ACCESS_KEYS, readerRole());
        environment.remove("AWS_REGION");
        environment.put("MEGAAPI_TOKEN_SECRET_ID", "megaapi/token");
        function = PackagedFunction.start(environment);

        assertThat(function.invoke("{\"instanceKey\":\"demo\"}").initFailed()).isTrue();
        assertThat(function.output()).contains("ConfigurationException: megaapi.token-secret-id is set, but AWS_REGION "
                + "is not set (Lambda sets it), which the AWS SDK's Secrets Manager client needs");
    }
}
