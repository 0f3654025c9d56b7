package io.megalogout.megaapi;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.megalogout.megaapi.targets.SecretsRead;
import io.megalogout.secrets.SecretsExtension;
import io.megalogout.secrets.SecretsExtensionStandIn;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Two Mega-API hosts, each a WireMock server on a dynamic port: the default one ({@code megaapi.base-url}, with
 * {@link #DEFAULT_TOKEN}) and a customer's own. Instances: {@link #CUSTOMER_KEY} on the customer's host with its own
 * token, {@link #OTHER_KEY} on the default host with its own token, {@link #HOST_ONLY_KEY} on the customer's host without
 * a token; any other key gets the defaults. Inject {@link Servers} with {@link InjectMegaApiHosts}; both hosts, the
 * breakers and the secret are reset before each test.
 */
public class MegaApiHosts implements QuarkusTestResourceLifecycleManager {

    public static final String DEFAULT_TOKEN = "test-default-token-never-logged";
    public static final String CUSTOMER_TOKEN = "test-customer-token-never-logged";
    public static final String OTHER_TOKEN = "test-other-token-never-logged";
    public static final String ROTATED_CUSTOMER_TOKEN = "test-rotated-customer-token-never-logged";
    /** Every token these tests use: none may ever be logged or answered. */
    public static final List<String> TOKENS = List.of(DEFAULT_TOKEN, CUSTOMER_TOKEN, OTHER_TOKEN, ROTATED_CUSTOMER_TOKEN);

    public static final String CUSTOMER_KEY = "cust-1.main";
    public static final String OTHER_KEY = "other_2";
    public static final String HOST_ONLY_KEY = "host-only";
    public static final String INSTANCES_SECRET_ID = "arn:aws:secretsmanager:sa-east-1:000000000000:secret:megaapi/instances-XyZ";

    /** Init arg {@code "false"}: no default token (the default host stays). */
    public static final String DEFAULT_TOKEN_ARG = "default-token";
    /**
     * Init arg {@code "true"}: {@link #CUSTOMER_KEY} and {@link #HOST_ONLY_KEY} are in the JSON secret
     * {@link #INSTANCES_SECRET_ID} behind a {@link SecretsExtensionStandIn}, not in the configuration.
     */
    public static final String IN_SECRET = "instances-in-secret";

    /** What a test gets: the two hosts, and the extension when the instances are in a secret (else null). */
    public record Servers(WireMockServer defaultHost, WireMockServer customerHost, SecretsExtensionStandIn extension) {

        /** The instances secret's JSON, with this token for {@link #CUSTOMER_KEY}. */
        public String secretWith(String customerToken) {
            return "{\"" + CUSTOMER_KEY + "\": {\"token\": \"" + customerToken + "\", \"base-url\": \""
                    + customerHost.baseUrl() + "\"}, \"" + HOST_ONLY_KEY + "\": {\"base-url\": \""
                    + customerHost.baseUrl() + "\"}}";
        }
    }

    private boolean defaultToken;
    private boolean inSecret;
    private Servers servers;

    @Override
    public void init(Map<String, String> initArgs) {
        defaultToken = Boolean.parseBoolean(initArgs.getOrDefault(DEFAULT_TOKEN_ARG, "true"));
        inSecret = Boolean.parseBoolean(initArgs.getOrDefault(IN_SECRET, "false"));
    }

    @Override
    public Map<String, String> start() {
        WireMockServer defaultHost = new WireMockServer(wireMockConfig().dynamicPort());
        WireMockServer customerHost = new WireMockServer(wireMockConfig().dynamicPort());
        defaultHost.start();
        customerHost.start();
        Map<String, String> config = new HashMap<>(Map.of("megaapi.base-url", defaultHost.baseUrl(),
                "megaapi.instances." + OTHER_KEY + ".token", OTHER_TOKEN));
        if (defaultToken) {
            config.put("megaapi.token", DEFAULT_TOKEN);
        }
        SecretsExtensionStandIn extension = null;
        if (inSecret) {
            try {
                extension = new SecretsExtensionStandIn();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            config.putAll(Map.of("megaapi.instances-secret-id", INSTANCES_SECRET_ID, "megaapi.secrets.reader", "extension",
                    "AWS_SESSION_TOKEN",
                    SecretsExtensionStandIn.SESSION_TOKEN, SecretsExtension.PORT_VARIABLE,
                    String.valueOf(extension.port())));
        } else {
            config.putAll(Map.of("megaapi.instances.\"" + CUSTOMER_KEY + "\".base-url", customerHost.baseUrl(),
                    "megaapi.instances.\"" + CUSTOMER_KEY + "\".token", CUSTOMER_TOKEN,
                    "megaapi.instances.\"" + HOST_ONLY_KEY + "\".base-url", customerHost.baseUrl()));
        }
        servers = new Servers(defaultHost, customerHost, extension);
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        servers.defaultHost().resetAll();
        servers.customerHost().resetAll();
        if (Arc.container() != null) {
            CircuitBreakerMaintenance.get().resetAll();
        }
        if (servers.extension() != null) {
            servers.extension().reset();
            servers.extension().secret(INSTANCES_SECRET_ID, servers.secretWith(CUSTOMER_TOKEN));
            SecretsRead.forgetInstances();
        }
        injector.injectIntoFields(servers, new TestInjector.AnnotatedAndMatchesType(InjectMegaApiHosts.class,
                Servers.class));
    }

    @Override
    public void stop() {
        if (servers != null) {
            if (servers.extension() != null) {
                servers.extension().close();
            }
            servers.defaultHost().stop();
            servers.customerHost().stop();
        }
    }

    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface InjectMegaApiHosts {
    }

    /** A Mega-API host on a free port of its own, started, answering every request with {@code json} (HTTP 200). */
    public static WireMockServer answering(String json) {
        WireMockServer host = new WireMockServer(wireMockConfig().dynamicPort());
        host.start();
        host.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.okJson(json)));
        return host;
    }

    /** Each request a host received, oldest first: method, path and bearer token. */
    public static List<String> requests(WireMockServer host) {
        return host.getAllServeEvents().reversed().stream().map(ServeEvent::getRequest)
                .map(request -> request.getMethod() + " " + request.getUrl() + " " + request.getHeader("Authorization"))
                .toList();
    }
}
