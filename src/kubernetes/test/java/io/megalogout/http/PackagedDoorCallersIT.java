package io.megalogout.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Named callers on the packaged door ({@code java -jar quarkus-run.jar}, prod profile), given as a pod gets them: one
 * by environment variables, one by files in a secrets directory (what Kubernetes mounts from the callers' Secret). Each
 * reaches its own instances only; a key outside them is 403 with nothing sent, single, bulk or dry run.
 */
class PackagedDoorCallersIT {

    private static final String TOKEN = "door-fake-token-8";
    private static final String ANSWER = "{\"error\":false,\"message\":\"ok\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path secrets;

    private WireMockServer megaApi;
    private PackagedDoor door;

    @BeforeEach
    void start() throws Exception {
        megaApi = new WireMockServer(wireMockConfig().dynamicPort());
        megaApi.start();
        megaApi.stubFor(any(anyUrl()).willReturn(okJson(ANSWER)));
        // As a Secret's keys are mounted: one file per property, named after it.
        Files.writeString(secrets.resolve("http.callers.beta.api-keys"), DoorSettingsForTests.BETA_KEY);
        Files.writeString(secrets.resolve("http.callers.beta.instances"), "beta-*,shared-exact");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (door != null) {
            door.close();
            assertThat(door.output()).as("the door's output").doesNotContain(TOKEN, DoorSettingsForTests.ACME_KEY,
                    DoorSettingsForTests.BETA_KEY, "wrong-key-0000000000");
        }
        megaApi.stop();
    }

    private Map<String, String> environment(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("MEGAAPI_BASE_URL", megaApi.baseUrl(), "MEGAAPI_TOKEN", TOKEN,
                "MEGAAPI_ALLOW_PLAIN_HTTP", "true", "HTTP_CALLERS_ACME_API_KEYS", DoorSettingsForTests.ACME_KEY,
                "HTTP_CALLERS_ACME_INSTANCES", "acme-*", "SMALLRYE_CONFIG_SOURCE_FILE_LOCATIONS", secrets.toString()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void eachCallerReachesItsOwnInstancesOnlyAndNothingIsSentForAnother() throws Exception {
        door = PackagedDoor.start(environment()).awaitReady();

        assertThat(door.logout("{\"instanceKey\":\"acme-1\"}", DoorSettingsForTests.ACME_KEY).statusCode()).isEqualTo(200);
        assertThat(door.logout("{\"instanceKey\":\"shared-exact\"}", DoorSettingsForTests.BETA_KEY).statusCode())
                .isEqualTo(200);
        HttpResponse<String> forbidden = door.logout("{\"instanceKey\":\"beta-1\"}", DoorSettingsForTests.ACME_KEY);
        HttpResponse<String> dryRun = door.logout("{\"instanceKey\":\"acme-1\",\"dryRun\":true}",
                DoorSettingsForTests.BETA_KEY);
        HttpResponse<String> confirm = door.logout("{\"instanceKey\":\"acme-1\",\"confirm\":true}",
                DoorSettingsForTests.BETA_KEY);
        HttpResponse<String> bulk = door.logout("{\"instanceKeys\":[\"beta-2\",\"acme-2\"]}",
                DoorSettingsForTests.BETA_KEY);

        for (HttpResponse<String> refused : List.of(forbidden, dryRun, confirm)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(refused.body()).get("errorType").asText())
                    .isEqualTo("io.megalogout.error.InstanceNotAllowedException");
        }
        JsonNode results = JSON.readTree(bulk.body()).get("results");
        assertThat(bulk.statusCode()).isEqualTo(200);
        assertThat(results.get(0).has("logout")).isTrue();
        assertThat(results.get(1).get("errorType").asText()).isEqualTo("io.megalogout.error.InstanceNotAllowedException");
        assertThat(megaApi.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
                .containsExactlyInAnyOrder("/rest/instance/acme-1/logout", "/rest/instance/shared-exact/logout",
                        "/rest/instance/beta-2/logout");
    }

    @Test
    void logsWhoAskedForEachKeyAndForEachRefusal() throws Exception {
        door = PackagedDoor.start(environment()).awaitReady();

        door.logout("{\"instanceKey\":\"acme-1\"}", DoorSettingsForTests.ACME_KEY);
        door.logout("{\"instanceKey\":\"beta-1\"}", DoorSettingsForTests.ACME_KEY);
        assertThat(door.logout("{\"instanceKey\":\"acme-1\"}", "wrong-key-0000000000").statusCode()).isEqualTo(401);

        List<JsonNode> lines = door.output().lines().filter(line -> line.contains("\"logout requestId="))
                .map(PackagedDoorCallersIT::json).toList();
        assertThat(lines).extracting(line -> line.at("/mdc/caller").asText() + " " + line.at("/mdc/instanceKey").asText()
                + " " + line.at("/mdc/outcome").asText() + " " + line.get("level").asText())
                .containsExactly("acme acme-1 LOGGED_OUT INFO", "acme beta-1 InstanceNotAllowedException WARN",
                        "- - NotAuthenticatedException WARN");
        assertThat(lines).allSatisfy(line -> assertThat(line.at("/mdc/client").asText()).isEqualTo("127.0.0.1"));
    }

    @Test
    void refusesToStartWithACallersVariableItCannotReadWithoutPrintingItsValue() throws Exception {
        door = PackagedDoor.start(environment("HTTP_CALLERS_ACME_EU_API_KEYS", "test-api-key-eu-00000001",
                "HTTP_CALLERS_ACME_EU_INSTANCES", "eu-*"));

        assertThat(door.awaitExit()).isNotZero();
        assertThat(door.output()).contains("HTTP_CALLERS_ACME_EU_API_KEYS is not read")
                .doesNotContain("test-api-key-eu-00000001");
    }

    @Test
    void refusesToStartWithACallerWithoutInstances() throws Exception {
        Files.delete(secrets.resolve("http.callers.beta.instances"));
        door = PackagedDoor.start(environment());

        assertThat(door.awaitExit()).isNotZero();
        assertThat(door.output()).contains("http.callers.beta.instances is required");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }
}
