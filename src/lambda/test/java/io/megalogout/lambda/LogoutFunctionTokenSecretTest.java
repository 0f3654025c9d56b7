package io.megalogout.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.megalogout.lambda.EventServer.event;
import static io.megalogout.lambda.EventServer.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.megalogout.TokenNeverLogged;
import io.megalogout.error.LogoutFailure;
import io.megalogout.error.MegaApiTokenUnavailableException;
import io.megalogout.megaapi.MegaApiStub;
import io.megalogout.megaapi.MegaApiStub.InjectMegaApiStub;
import io.megalogout.secrets.SecretsExtensionStandIn;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The token in AWS Secrets Manager (megaapi.token-secret-id), read through a stand-in of the Parameters and Secrets
 * extension: read by the first logout, not before; after a 401, read again and sent once more only if it changed.
 */
@QuarkusTest
@WithTestResource(value = MegaApiStub.class, initArgs = @ResourceArg(name = MegaApiStub.TOKEN_IN_SECRET, value = "true"))
class LogoutFunctionTokenSecretTest {

    private static final String OK = "{\"error\":false,\"message\":\"Instance demo disconnected\"}";
    private static final String REJECTED = "io.megalogout.error.MegaApiRejectedException";

    @InjectMegaApiStub
    WireMockServer megaApi;

    @InjectMegaApiStub
    SecretsExtensionStandIn extension;

    @Inject
    LogoutFunction function;

    @Test
    void readsTheTokenFromTheSecretForTheFirstLogoutAndKeepsIt() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));

        invoke(event("demo")).statusCode(200);
        invoke(event("demo")).statusCode(200);

        assertThat(bearers()).containsExactly(MegaApiStub.TOKEN, MegaApiStub.TOKEN);
        assertThat(extension.secretRequests()).containsExactly(new SecretsExtensionStandIn.Request(
                "/secretsmanager/get", MegaApiStub.SECRET_ID, SecretsExtensionStandIn.SESSION_TOKEN));
    }

    @Test
    void readsTheTokenFromTheTokenFieldOfAJsonSecret() {
        extension.secret(MegaApiStub.SECRET_ID, "{\"token\":\"" + MegaApiStub.TOKEN + "\"}");
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));

        invoke(event("demo")).statusCode(200);

        assertThat(bearers()).containsExactly(MegaApiStub.TOKEN);
    }

    @Test
    void sendsTheLogoutOnceMoreWithTheNewTokenAfterA401WhenTheSecretWasRotated() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        invoke(event("demo")).statusCode(200);
        megaApi.resetAll();
        extension.secret(MegaApiStub.SECRET_ID, MegaApiStub.ROTATED_TOKEN);
        megaApi.stubFor(any(anyUrl()).withHeader("Authorization", equalTo("Bearer " + MegaApiStub.TOKEN))
                .willReturn(unauthorized()));
        megaApi.stubFor(any(anyUrl()).withHeader("Authorization", equalTo("Bearer " + MegaApiStub.ROTATED_TOKEN))
                .willReturn(okJson(OK)));

        invoke(event("demo")).statusCode(200).body(org.hamcrest.Matchers.equalTo(OK));

        assertThat(bearers()).containsExactly(MegaApiStub.TOKEN, MegaApiStub.ROTATED_TOKEN);
        megaApi.verify(2, deleteRequestedFor(urlEqualTo("/rest/instance/demo/logout")));
        assertThat(TokenNeverLogged.captured()).contains("logout token-reread instanceKey=demo source=\"secret '"
                + MegaApiStub.SECRET_ID + "'\" result=changed", "logout retry instanceKey=demo after=\"Mega-API rejected");
    }

    @Test
    void keepsTheRotatedTokenForTheLogoutsAfter() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        invoke(event("demo")).statusCode(200);
        extension.secret(MegaApiStub.SECRET_ID, MegaApiStub.ROTATED_TOKEN);
        megaApi.resetAll();
        megaApi.stubFor(any(anyUrl()).withHeader("Authorization", equalTo("Bearer " + MegaApiStub.TOKEN))
                .willReturn(unauthorized()));
        megaApi.stubFor(any(anyUrl()).withHeader("Authorization", equalTo("Bearer " + MegaApiStub.ROTATED_TOKEN))
                .willReturn(okJson(OK)));
        invoke(event("demo")).statusCode(200);

        invoke(event("demo")).statusCode(200);

        assertThat(bearers()).containsExactly(MegaApiStub.TOKEN, MegaApiStub.ROTATED_TOKEN, MegaApiStub.ROTATED_TOKEN);
        assertThat(extension.secretRequests()).hasSize(2);
    }

    @Test
    void answersMegaApiRejectedAfterOneRequestWhenTheSecretStillHoldsTheRefusedToken() {
        megaApi.stubFor(any(anyUrl()).willReturn(unauthorized()));

        invoke(event("demo")).statusCode(500).body("errorType", org.hamcrest.Matchers.equalTo(REJECTED));

        assertThat(bearers()).containsExactly(MegaApiStub.TOKEN);
        assertThat(extension.secretRequests()).hasSize(2);
        assertThat(TokenNeverLogged.captured()).contains("result=unchanged").doesNotContain("logout retry ");
    }

    @Test
    void sendsAtMostOnceMoreWhenTheNewTokenIsRefusedToo() {
        megaApi.stubFor(any(anyUrl()).willReturn(unauthorized()));
        extension.secret(MegaApiStub.SECRET_ID, MegaApiStub.TOKEN);
        invoke(event("warm-up")).statusCode(500);
        megaApi.resetAll();
        megaApi.stubFor(any(anyUrl()).willReturn(unauthorized()));
        extension.secret(MegaApiStub.SECRET_ID, MegaApiStub.ROTATED_TOKEN);

        invoke(event("demo")).statusCode(500).body("errorType", org.hamcrest.Matchers.equalTo(REJECTED));

        // The first request goes with the token held (read for warm-up), the second with the rotated one: no third.
        assertThat(bearers()).containsExactly(MegaApiStub.TOKEN, MegaApiStub.ROTATED_TOKEN);
    }

    @Test
    void keepsA403AsItIsWithoutReadingTheSecretAgain() {
        megaApi.stubFor(any(anyUrl()).willReturn(unauthorized().withStatus(403)));

        invoke(event("demo")).statusCode(500).body("errorType", org.hamcrest.Matchers.equalTo(REJECTED));

        assertThat(bearers()).containsExactly(MegaApiStub.TOKEN);
        assertThat(extension.secretRequests()).hasSize(1);
    }

    @Test
    void answersMegaApiRejectedWhenTheSecretCannotBeReadAgain() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        invoke(event("demo")).statusCode(200);
        megaApi.resetAll();
        megaApi.stubFor(any(anyUrl()).willReturn(unauthorized()));
        extension.failWith(503, "");

        invoke(event("demo")).statusCode(500).body("errorType", org.hamcrest.Matchers.equalTo(REJECTED));

        assertThat(bearers()).containsExactly(MegaApiStub.TOKEN);
        assertThat(TokenNeverLogged.captured()).contains("result=failed detail=\"secret '" + MegaApiStub.SECRET_ID
                + "': the extension on localhost:" + extension.port() + " answered HTTP 503\"");
    }

    @Test
    void sendsNothingWhenTheSecretCannotBeReadAndNamesTheSecretAndTheStatusOnlyInTheLogLine() {
        extension.failWith(403, "{\"__type\":\"AccessDeniedException\"}");

        invoke(event("demo")).statusCode(500)
                .body("errorType", org.hamcrest.Matchers.equalTo("io.megalogout.error.MegaApiTokenUnavailableException"))
                .body("errorMessage", allOf(containsString("'demo'"), containsString("nothing was sent"),
                        not(containsString(MegaApiStub.SECRET_ID)), not(containsString("secretsmanager")),
                        not(containsString("HTTP 403")), not(containsString("AccessDeniedException")),
                        not(containsString("localhost")), not(containsString(SecretsExtensionStandIn.SESSION_TOKEN))));

        assertThat(megaApi.getAllServeEvents()).isEmpty();
        assertThat(TokenNeverLogged.captured()).contains("outcome=MegaApiTokenUnavailableException")
                .contains("secret '" + MegaApiStub.SECRET_ID + "'", "HTTP 403", "AccessDeniedException")
                .doesNotContain(SecretsExtensionStandIn.SESSION_TOKEN);
    }

    @Test
    void readsAgainOnTheNextLogoutAfterAFailedRead() {
        extension.failWith(500, "");
        invoke(event("demo")).statusCode(500);
        extension.failWith(0, "");
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(OK)));

        invoke(event("demo")).statusCode(200);

        assertThat(bearers()).containsExactly(MegaApiStub.TOKEN);
        assertThat(extension.secretRequests()).hasSize(2);
    }

    /**
     * A dry run's host and token are found within its own deadline: a secret slower than the time left ends the dry run
     * then, nothing read or sent, instead of holding it for the secret's own timeout (3 s).
     */
    @Test
    void findsADryRunsTokenWithinTheInvocationsDeadline() {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson("{\"error\":false,\"instance\":{\"status\":\"connected\"}}")));
        extension.delay(Duration.ofMillis(1_500));
        // Lambda gives 2 s; less the deadline margin (1 s), the dry run has 1 s, under the secret's 1.5 s.
        LambdaContext context = LambdaContext.remaining(Duration.ofSeconds(2));

        LogoutFailure failure = catchThrowableOfType(LogoutFailure.class, () -> function.handleRequest(
                new ByteArrayInputStream("{\"instanceKey\":\"demo\",\"dryRun\":true}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), context));

        assertThat(failure).isInstanceOf(MegaApiTokenUnavailableException.class);
        Matcher budget = Pattern.compile("within (\\d+) ms").matcher(failure.operatorDetail());
        assertThat(budget.find()).as("the read's budget in %s", failure.operatorDetail()).isTrue();
        assertThat(Long.parseLong(budget.group(1))).isLessThanOrEqualTo(1_000);
        assertThat(megaApi.getAllServeEvents()).isEmpty();
    }

    private static ResponseDefinitionBuilder unauthorized() {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":true,\"message\":\"Invalid token\"}");
    }

    /** The bearer tokens Mega-API received, in order. */
    private List<String> bearers() {
        return megaApi.getAllServeEvents().reversed().stream().map(ServeEvent::getRequest)
                .map(request -> request.getHeader("Authorization").substring("Bearer ".length())).toList();
    }
}
