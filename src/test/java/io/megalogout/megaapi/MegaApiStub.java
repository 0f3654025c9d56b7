package io.megalogout.megaapi;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.megalogout.megaapi.targets.SecretsRead;
import io.megalogout.secrets.SecretsExtension;
import io.megalogout.secrets.SecretsExtensionStandIn;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Mega-API as a real HTTP server: WireMock on a dynamic port. Points {@code megaapi.base-url} at it, injects it into
 * fields annotated {@link InjectMegaApiStub}, and is reset whenever it is injected, that is before each test (with the
 * function's circuit breaker, which remembers Mega-API's failures). The token is {@code megaapi.token}, or with
 * {@link #TOKEN_IN_SECRET} a secret behind a {@link SecretsExtensionStandIn}, injectable like the stub.
 */
public class MegaApiStub implements QuarkusTestResourceLifecycleManager {

    /** The token every test runs with: an obvious fake, distinctive enough to be searched for in output. */
    public static final String TOKEN = "test-token-never-logged";
    /** The token a test rotates to: just as secret. */
    public static final String ROTATED_TOKEN = "test-rotated-token-never-logged";
    /** The secret that holds the token with {@link #TOKEN_IN_SECRET}. */
    public static final String SECRET_ID = "arn:aws:secretsmanager:sa-east-1:000000000000:secret:megaapi/token-AbCdEf";

    /** Init arg: a path appended to the stub's address in {@code megaapi.base-url}, as behind a proxy. */
    public static final String BASE_PATH = "base-path";
    /** Init arg {@code "true"}: the function reaches the stub through a {@link TcpGate}, injectable like the stub. */
    public static final String GATED = "gated";
    /** Init arg {@code "true"}, with {@link #GATED}: the base URL says https, while the stub behind the gate speaks http. */
    public static final String HTTPS_BASE_URL = "https-base-url";
    /**
     * Init arg {@code "true"}: the token is in the secret {@link #SECRET_ID}, read through a stand-in of the AWS
     * Parameters and Secrets Lambda Extension that starts out holding {@link #TOKEN}.
     */
    public static final String TOKEN_IN_SECRET = "token-in-secret";

    private WireMockServer server;
    private TcpGate gate;
    private String basePath = "";
    private boolean gated;
    private boolean httpsBaseUrl;
    private boolean tokenInSecret;
    private SecretsExtensionStandIn extension;

    @Override
    public void init(Map<String, String> initArgs) {
        basePath = initArgs.getOrDefault(BASE_PATH, "");
        gated = Boolean.parseBoolean(initArgs.getOrDefault(GATED, "false"));
        httpsBaseUrl = Boolean.parseBoolean(initArgs.getOrDefault(HTTPS_BASE_URL, "false"));
        tokenInSecret = Boolean.parseBoolean(initArgs.getOrDefault(TOKEN_IN_SECRET, "false"));
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        String address = server.baseUrl();
        if (gated) {
            gate = new TcpGate(server.port());
            address = (httpsBaseUrl ? "https" : "http") + "://localhost:" + gate.port();
        }
        Map<String, String> config = new HashMap<>(Map.of("megaapi.base-url", address + basePath));
        if (!tokenInSecret) {
            config.put("megaapi.token", TOKEN);
            return config;
        }
        try {
            extension = new SecretsExtensionStandIn().secret(SECRET_ID, TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Lambda's environment variables, which the function reads through its configuration.
        config.putAll(Map.of("megaapi.token-secret-id", SECRET_ID, "megaapi.secrets.reader", "extension", "AWS_SESSION_TOKEN",
                SecretsExtensionStandIn.SESSION_TOKEN, SecretsExtension.PORT_VARIABLE, String.valueOf(extension.port())));
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        server.resetAll();
        // A fresh Mega-API for each test, so also a closed circuit breaker: earlier tests' failures must not open it.
        // (Against a packaged application, @QuarkusIntegrationTest, the breaker lives in the other process.)
        if (Arc.container() != null) {
            CircuitBreakerMaintenance.get().resetAll();
        }
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectMegaApiStub.class,
                WireMockServer.class));
        if (extension != null) {
            extension.reset();
            extension.secret(SECRET_ID, TOKEN);
            // A token read by an earlier test must not decide this one's first request.
            SecretsRead.forgetDefaultToken();
            injector.injectIntoFields(extension, new TestInjector.AnnotatedAndMatchesType(InjectMegaApiStub.class,
                    SecretsExtensionStandIn.class));
        }
        if (gate != null) {
            gate.forward();
            injector.injectIntoFields(gate, new TestInjector.AnnotatedAndMatchesType(InjectMegaApiStub.class,
                    TcpGate.class));
        }
    }

    @Override
    public void stop() {
        if (extension != null) {
            extension.close();
        }
        if (gate != null) {
            gate.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface InjectMegaApiStub {
    }
}
