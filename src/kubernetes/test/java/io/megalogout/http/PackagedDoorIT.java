package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The packaged HTTP door as a pod runs it ({@code java -jar target/quarkus-app/quarkus-run.jar}, prod profile): what it
 * refuses at start-up, what it logs, and how it stops. No secret ever appears in its output.
 */
class PackagedDoorIT {

    private static final String TOKEN = "door-fake-token-7";
    private static final String ANSWER = "{\"error\":false,\"message\":\"ok\"}";

    private WireMockServer megaApi;
    private PackagedDoor door;

    @BeforeEach
    void startMegaApi() {
        megaApi = new WireMockServer(wireMockConfig().dynamicPort());
        megaApi.start();
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(ANSWER)));
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (door != null) {
            door.close();
            assertThat(door.output()).as("the door's output").doesNotContain(TOKEN, DoorSettingsForTests.KEY,
                    DoorSettingsForTests.ROTATED_KEY);
        }
        megaApi.stop();
    }

    private Map<String, String> environment(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("MEGAAPI_BASE_URL", megaApi.baseUrl(), "MEGAAPI_TOKEN", TOKEN,
                "MEGAAPI_ALLOW_PLAIN_HTTP", "true", "HTTP_API_KEYS",
                DoorSettingsForTests.KEY + "," + DoorSettingsForTests.ROTATED_KEY));
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                env.remove(more[i]);
            } else {
                env.put(more[i], more[i + 1]);
            }
        }
        return env;
    }

    @Test
    void logsOutAndWritesOneJsonLogLine() throws Exception {
        door = PackagedDoor.start(environment()).awaitReady();

        HttpResponse<String> answer = door.logout("{\"instanceKey\":\"demo\"}", DoorSettingsForTests.ROTATED_KEY);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(ANSWER);
        assertThat(megaApi.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        String requestId = answer.headers().firstValue(RequestIds.HEADER).orElseThrow();
        JsonNode line = door.output().lines().filter(l -> l.contains("\"logout requestId=")).map(PackagedDoorIT::json)
                .findFirst().orElseThrow(() -> new AssertionError("no logout line in:\n" + door.output()));
        assertThat(line.at("/mdc/requestId").asText()).isEqualTo(requestId);
        assertThat(line.at("/mdc/instanceKey").asText()).isEqualTo("demo");
        assertThat(line.at("/mdc/outcome").asText()).isEqualTo("LOGGED_OUT");
    }

    @Test
    void refusesToStartWithoutApiKeys() throws Exception {
        door = PackagedDoor.start(environment("HTTP_API_KEYS", null));

        assertThat(door.awaitExit()).isNotZero();
        assertThat(door.output()).contains("http.api-keys is required");
    }

    @Test
    void refusesToStartWithAShortApiKeyWithoutPrintingIt() throws Exception {
        door = PackagedDoor.start(environment("HTTP_API_KEYS", DoorSettingsForTests.KEY + ",short-secret-1"));

        assertThat(door.awaitExit()).isNotZero();
        assertThat(door.output()).contains("http.api-keys holds a key that is shorter").doesNotContain("short-secret-1");
    }

    /** The HTTP door's build carries no AWS SDK: a token in Secrets Manager is the Lambda's, a mounted Secret is ours. */
    @Test
    void refusesToStartWithATokenSecretItCannotRead() throws Exception {
        door = PackagedDoor.start(environment("MEGAAPI_TOKEN", null, "MEGAAPI_TOKEN_SECRET_ID", "megaapi/token",
                "AWS_REGION", "sa-east-1"));

        assertThat(door.awaitExit()).isNotZero();
        assertThat(door.output()).contains("megaapi.token-secret-id is set, but megaapi.secrets.reader is 'sdk', a reader"
                + " this build does not have");
    }

    /** Set by environment, as a deployment would: the prod profile refuses it, naming the property. */
    @Test
    void refusesToStartFollowingRedirectsToMegaApi() throws Exception {
        door = PackagedDoor.start(environment("QUARKUS_REST_CLIENT_MEGAAPI_FOLLOW_REDIRECTS", "true"));

        assertThat(door.awaitExit()).isNotZero();
        assertThat(door.output()).contains("quarkus.rest-client.megaapi.follow-redirects is true: a redirect would"
                + " carry the token to another host");
    }

    @Test
    void namesTheProxyToMegaApiAtStart() throws Exception {
        door = PackagedDoor.start(environment("QUARKUS_REST_CLIENT_MEGAAPI_PROXY_ADDRESS", "egress.corp.invalid:3128"))
                .awaitReady();

        assertThat(door.output()).contains("\"level\":\"INFO\"", "Mega-API requests go through the proxy at"
                + " egress.corp.invalid:3128 (quarkus.rest-client.megaapi.proxy-address)");
    }

    @Test
    void servesWithoutKeysOnlyWhenSwitchedOffAndSaysSoAtStart() throws Exception {
        door = PackagedDoor.start(environment("HTTP_API_KEYS", null, "HTTP_AUTH_ENABLED", "false")).awaitReady();

        assertThat(door.logout("{\"instanceKey\":\"demo\"}", null).statusCode()).isEqualTo(200);
        assertThat(door.output()).contains("\"level\":\"WARN\"", "served WITHOUT API keys");
    }

    /** A logout cut halfway leaves its caller not knowing: on SIGTERM the door stops taking requests, not answering. */
    @Test
    void finishesTheLogoutInFlightOnSigterm() throws Exception {
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(ANSWER).withFixedDelay(2_000)));
        door = PackagedDoor.start(environment()).awaitReady();
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return door.logout("{\"instanceKey\":\"demo\"}", DoorSettingsForTests.KEY);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitOneLogoutRunning();

        door.terminate();

        assertThat(inFlight.get().statusCode()).isEqualTo(200);
        assertThat(inFlight.get().body()).isEqualTo(ANSWER);
        door.awaitExit();
        assertThat(door.isAlive()).isFalse();
        assertThat(megaApi.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    /** The bulkhead's own gauge says one logout is running: the request has reached the door's worker. */
    private void awaitOneLogoutRunning() throws Exception {
        String one = "ft_bulkhead_executionsRunning{method=\"io.megalogout.http.LogoutSlots.run\"} 1.0";
        for (int look = 0; look < 500; look++) {
            if (PackagedDoor.get(door.managementPort, "/q/metrics").body().contains(one)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no logout in flight:\n" + door.output());
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

}
