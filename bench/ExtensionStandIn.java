import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The AWS Parameters and Secrets Lambda Extension's endpoint as the function's extension reader sees it, for the row
 * that reads the token that way: {@code GET /secretsmanager/get?secretId=<the secret>} with the session token in
 * {@code X-Aws-Parameters-Secrets-Token} answers {"SecretString": "<token>"}; anything else 401 or 400. A loopback JDK
 * HttpServer: what it cannot show is the real extension's own process and its HTTPS call to Secrets Manager.
 */
final class ExtensionStandIn implements AutoCloseable {

    static final String SECRET_ID = "bench/megaapi-token";
    private static final String SESSION_TOKEN = "bench-session-token-not-secret";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String secretValue;

    ExtensionStandIn(String secretValue) throws IOException {
        this.secretValue = secretValue;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/secretsmanager/get", this::get);
        server.setExecutor(threads);
        server.start();
    }

    /** What the function needs to read the secret with the extension reader from this stand-in. */
    Map<String, String> environment() {
        return Map.of("MEGAAPI_SECRETS_READER", "extension", "MEGAAPI_TOKEN_SECRET_ID", SECRET_ID,
                "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(server.getAddress().getPort()),
                "AWS_SESSION_TOKEN", SESSION_TOKEN, "AWS_REGION", MotoSecrets.REGION);
    }

    private void get(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        if (!SESSION_TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"))) {
            reply(exchange, 401, "{\"message\":\"missing or bad session token\"}");
        } else if (!("secretId=" + SECRET_ID).equals(query)) {
            reply(exchange, 400, "{\"__type\":\"ResourceNotFoundException\"}");
        } else {
            // The token is the bench's own (letters and dashes): no JSON escaping needed.
            reply(exchange, 200, "{\"Name\":\"" + SECRET_ID + "\",\"SecretString\":\"" + secretValue + "\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
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
