import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * How long a bulk of 100 keys takes against a Mega-API that answers each logout after 50 ms: the packaged HTTP door
 * (target/quarkus-app/quarkus-run.jar, JVM) against a WireMock stub with a fixed delay, the default bulk.concurrency
 * unless told otherwise. Prints figures; asserts nothing. Build the jar first (./mvnw package -Pkubernetes), then:
 *
 * <pre>
 * java -cp ~/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar \
 *      bench/BulkLatency.java [concurrency ...]
 * </pre>
 */
public class BulkLatency {

    private static final int KEYS = 100;
    private static final int DELAY_MS = 50;
    private static final int WARM_UP = 5;
    private static final int RUNS = 15;
    private static final String API_KEY = "bench-api-key-0123456789";

    public static void main(String[] args) throws Exception {
        WireMockServer megaApi = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64));
        megaApi.start();
        megaApi.stubFor(delete(urlMatching("/rest/instance/[^/]+/logout"))
                .willReturn(okJson("{\"error\":false,\"message\":\"disconnected\"}").withFixedDelay(DELAY_MS)));
        try {
            for (String concurrency : args.length == 0 ? new String[] { "default" } : args) {
                measure(megaApi, concurrency);
            }
        } finally {
            megaApi.stop();
        }
    }

    private static void measure(WireMockServer megaApi, String concurrency) throws Exception {
        int port = freePort();
        int management = freePort();
        ProcessBuilder door = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar").redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("bulk-bench", ".log").toFile());
        door.environment().putAll(java.util.Map.of("MEGAAPI_BASE_URL", megaApi.baseUrl(), "MEGAAPI_TOKEN",
                "bench-token-not-secret", "MEGAAPI_ALLOW_PLAIN_HTTP", "true", "HTTP_API_KEYS", API_KEY,
                "QUARKUS_HTTP_PORT", String.valueOf(port), "QUARKUS_MANAGEMENT_PORT", String.valueOf(management)));
        if (!concurrency.equals("default")) {
            door.environment().put("BULK_CONCURRENCY", concurrency);
        }
        Process process = door.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            awaitReady(client, management);
            for (int i = 0; i < WARM_UP; i++) {
                bulk(client, port, "warm" + i);
            }
            List<Long> millis = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                megaApi.resetRequests();
                long start = System.nanoTime();
                bulk(client, port, "run" + run);
                millis.add((System.nanoTime() - start) / 1_000_000);
                if (megaApi.getAllServeEvents().size() != KEYS) {
                    throw new IllegalStateException("Mega-API received " + megaApi.getAllServeEvents().size());
                }
            }
            Collections.sort(millis);
            System.out.printf("bulk of %d keys, Mega-API answering after %d ms, bulk.concurrency %s: median %d ms,"
                    + " min %d ms, max %d ms over %d runs (%d warm-up); one round of requests at least %d ms%n", KEYS,
                    DELAY_MS, concurrency, millis.get(RUNS / 2), millis.get(0), millis.get(RUNS - 1), RUNS, WARM_UP,
                    DELAY_MS);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static void bulk(HttpClient client, int port, String prefix) throws Exception {
        String keys = IntStream.range(0, KEYS).mapToObj(i -> "\"" + prefix + "-" + i + "\"")
                .collect(Collectors.joining(",", "{\"instanceKeys\":[", "]}"));
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout"))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(keys)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || answer.body().contains("errorType")) {
            throw new IllegalStateException(answer.statusCode() + " " + answer.body());
        }
    }

    private static void awaitReady(HttpClient client, int management) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < giveUp) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + management + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the door did not get ready");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
