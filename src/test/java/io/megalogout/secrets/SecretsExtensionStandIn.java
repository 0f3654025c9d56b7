package io.megalogout.secrets;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The AWS Parameters and Secrets Lambda Extension as the function sees it, on a port of its own:
 * {@code GET /secretsmanager/get?secretId=...}, answered only with the session token in
 * {@code X-Aws-Parameters-Secrets-Token} (401 otherwise, as the extension does), with the secret's JSON, as
 * GetSecretValue answers. Tests set the secrets, make it fail or slow, and read what it was asked.
 */
public final class SecretsExtensionStandIn implements AutoCloseable {

    /** The session token the stand-in accepts: distinctive, so that tests can check it is never logged. */
    public static final String SESSION_TOKEN = "test-session-token-never-logged";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the stand-in received it. */
    public record Request(String path, String secretId, String sessionToken) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int failWith;
    private volatile String failBody = "";
    private volatile Duration delay = Duration.ZERO;

    public SecretsExtensionStandIn() throws IOException {
        this(0);
    }

    /** On the given port (0: any free one). */
    public SecretsExtensionStandIn(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/secretsmanager/get", this::secret);
        server.setExecutor(threads);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stores a secret's {@code SecretString}. */
    public SecretsExtensionStandIn secret(String secretId, String secretString) {
        secrets.put(secretId, secretString);
        return this;
    }

    /** Answers every secret request with this status and body from now on (0: serve again). */
    public SecretsExtensionStandIn failWith(int status, String body) {
        failWith = status;
        failBody = body;
        return this;
    }

    /** Waits this long before answering a secret request. */
    public SecretsExtensionStandIn delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Every request so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The secret requests so far. */
    public List<Request> secretRequests() {
        return requests.stream().filter(request -> request.secretId() != null).toList();
    }

    /** Forgets secrets, failures, delays and requests. */
    public void reset() {
        secrets.clear();
        requests.clear();
        failWith = 0;
        failBody = "";
        delay = Duration.ZERO;
    }

    private void secret(HttpExchange exchange) throws IOException {
        String secretId = query(exchange, "secretId");
        String token = exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token");
        requests.add(new Request(exchange.getRequestURI().getPath(), secretId == null ? "" : secretId, token));
        pause();
        if (!SESSION_TOKEN.equals(token)) {
            reply(exchange, 401, "{\"__type\":\"UnauthorizedException\",\"message\":\"missing or bad session token\"}");
        } else if (failWith != 0) {
            reply(exchange, failWith, failBody);
        } else if (secretId == null || !secrets.containsKey(secretId)) {
            reply(exchange, 400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find"
                    + " the specified secret.\"}");
        } else {
            reply(exchange, 200, JSON.writeValueAsString(Map.of("ARN", secretId, "Name", secretId, "SecretString",
                    secrets.get(secretId), "VersionId", "v1", "VersionStages", List.of("AWSCURRENT"))));
        }
    }

    private void pause() {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && parts[0].equals(name)) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
