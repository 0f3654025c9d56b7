package io.megalogout.lambda.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.megalogout.secrets.SecretsExtension;
import io.megalogout.secrets.SecretsExtensionStandIn;

/**
 * {@code target/function.zip} under AWS's runtime client with its token in AWS Secrets Manager, read through a stand-in
 * of the Parameters and Secrets extension's endpoint ({@code MEGAAPI_SECRETS_READER=extension}), as the template sets
 * it up when asked to, for a function without SnapStart. Each test starts its own function, so each begins with a fresh
 * execution environment. The SDK's reader, the default, is {@link PackagedFunctionSdkSecretsIT}'s.
 */
class PackagedFunctionExtensionIT {

    private static final String SECRET_ID = "arn:aws:secretsmanager:sa-east-1:000000000000:secret:megaapi/token-AbCdEf";
    private static final String TOKEN = "packaged-secret-fake-token-3";
    private static final String ROTATED = "packaged-rotated-fake-token-4";
    private static final String OK = "{\"error\":false,\"message\":\"Instance demo disconnected\"}";
    private static final String CONTAINER_AUTHORIZATION = "container-authorization-never-sent";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer megaApi;
    private static SecretsExtensionStandIn extension;
    private PackagedFunction function;

    @BeforeAll
    static void startMegaApiAndTheExtension() throws Exception {
        megaApi = new WireMockServer(wireMockConfig().dynamicPort());
        megaApi.start();
        extension = new SecretsExtensionStandIn();
    }

    @BeforeEach
    void reset() {
        megaApi.resetAll();
        extension.reset();
        extension.secret(SECRET_ID, TOKEN);
    }

    @AfterEach
    void noTokenEverAppearsInTheFunctionOutput() throws Exception {
        if (function != null) {
            function.close();
            assertThat(function.output()).doesNotContain(TOKEN, ROTATED, SecretsExtensionStandIn.SESSION_TOKEN,
                    CONTAINER_AUTHORIZATION);
        }
    }

    @AfterAll
    static void stopMegaApiAndTheExtension() {
        extension.close();
        megaApi.stop();
    }

    /** The template's environment: the secret's id, the reader, the extension's port; Lambda's session token. */
    private static Map<String, String> lambdaEnvironment() {
        Map<String, String> environment = new HashMap<>(Map.of("MEGAAPI_BASE_URL", megaApi.baseUrl(),
                "MEGAAPI_ALLOW_PLAIN_HTTP", "true", "MEGAAPI_TOKEN_SECRET_ID", SECRET_ID, "MEGAAPI_SECRETS_READER",
                "extension", SecretsExtension.PORT_VARIABLE, String.valueOf(extension.port())));
        environment.put("AWS_SESSION_TOKEN", SecretsExtensionStandIn.SESSION_TOKEN);
        return environment;
    }

    @Test
    void readsTheTokenWhenTheFirstLogoutNeedsItNotDuringInit() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        function = PackagedFunction.start(lambdaEnvironment());

        // Init is over once an invocation is answered; one that logs nothing out needs no token.
        assertThat(function.invoke("{\"instanceKey\": 42}").failed()).isTrue();
        assertThat(extension.requests()).isEmpty();
        RuntimeApiStandIn.Outcome outcome = function.invoke("{\"instanceKey\":\"demo\"}");

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.body()).isEqualTo(OK);
        assertThat(bearers()).containsExactly(TOKEN);
        assertThat(extension.secretRequests()).containsExactly(new SecretsExtensionStandIn.Request(
                "/secretsmanager/get", SECRET_ID, SecretsExtensionStandIn.SESSION_TOKEN));
    }

    @Test
    void sendsOnceMoreWithTheRotatedTokenAfterA401() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        function = PackagedFunction.start(lambdaEnvironment());
        assertThat(function.invoke("{\"instanceKey\":\"demo\"}").failed()).isFalse();
        megaApi.resetAll();
        extension.secret(SECRET_ID, ROTATED);
        megaApi.stubFor(any(anyUrl()).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":true,\"message\":\"Invalid token\"}")));
        megaApi.stubFor(any(anyUrl()).withHeader("Authorization", equalTo("Bearer " + ROTATED)).willReturn(okJson(OK)));

        RuntimeApiStandIn.Outcome outcome = function.invoke("{\"instanceKey\":\"demo\"}");

        assertThat(outcome.failed()).isFalse();
        assertThat(bearers()).containsExactly(TOKEN, ROTATED);
        assertThat(function.output()).contains("result=changed", "logout retry instanceKey=demo");
    }

    @Test
    void failsTheInvocationNamingTheSecretAndTheStatusOnlyInTheLogWhenTheSecretCannotBeRead() throws Exception {
        extension.failWith(403, "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized\"}");
        function = PackagedFunction.start(lambdaEnvironment());

        RuntimeApiStandIn.Outcome outcome = function.invoke("{\"instanceKey\":\"demo\"}");

        JsonNode error = JSON.readTree(outcome.body());
        assertThat(error.get("errorType").asText()).isEqualTo("io.megalogout.error.MegaApiTokenUnavailableException");
        assertThat(error.get("errorMessage").asText()).contains("'demo'", "nothing was sent")
                .doesNotContain(SECRET_ID, "HTTP 403", "AccessDeniedException");
        assertThat(megaApi.getAllServeEvents()).isEmpty();
        function.awaitOutput("outcome=");
        assertThat(function.output()).contains(SECRET_ID, "HTTP 403", "AccessDeniedException");
    }

    @Test
    void refusesToStartUnderSnapStartWhereLambdaSetsNoSessionTokenForTheExtension() throws Exception {
        Map<String, String> snapStart = lambdaEnvironment();
        snapStart.remove("AWS_SESSION_TOKEN");
        snapStart.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + extension.port() + "/credentials");
        snapStart.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", CONTAINER_AUTHORIZATION);
        function = PackagedFunction.start(snapStart);

        RuntimeApiStandIn.Outcome outcome = function.invoke("{\"instanceKey\":\"demo\"}");

        assertThat(outcome.initFailed()).isTrue();
        assertThat(function.output()).contains("ConfigurationException: megaapi.token-secret-id is set, but the session"
                + " token that the extension on localhost:" + extension.port() + " asks for is not: AWS_SESSION_TOKEN is"
                + " not set (Lambda sets none under SnapStart, where megaapi.secrets.reader=sdk reads secrets)");
        assertThat(extension.requests()).isEmpty();
        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    /** The bearer tokens Mega-API received, in order. */
    private static List<String> bearers() {
        return megaApi.getAllServeEvents().reversed().stream().map(ServeEvent::getRequest)
                .map(request -> request.getHeader("Authorization").substring("Bearer ".length())).toList();
    }
}
