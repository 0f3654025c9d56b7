package io.megalogout.lambda.secrets;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The container credentials endpoint Lambda gives a SnapStart function instead of {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SESSION_TOKEN}: {@code GET AWS_CONTAINER_CREDENTIALS_FULL_URI} with
 * {@code Authorization: AWS_CONTAINER_AUTHORIZATION_TOKEN}, answered with the role's credentials only when that header
 * is the right token (403 otherwise). It records the {@code Authorization} of every request.
 */
public final class ContainerCredentialsStandIn implements AutoCloseable {

    public static final String PATH = "/2018-06-01/credentials";

    private final HttpServer server;
    private final String authorization;
    private final MotoSecretsManager.RoleCredentials credentials;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public ContainerCredentialsStandIn(String authorization, MotoSecretsManager.RoleCredentials credentials)
            throws IOException {
        this.authorization = authorization;
        this.credentials = credentials;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PATH, this::answer);
        server.start();
    }

    /** The value of {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** The {@code Authorization} header of every request so far ("" when there was none). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String presented = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(presented == null ? "" : presented);
        boolean right = authorization.equals(presented) && "GET".equals(exchange.getRequestMethod());
        byte[] body = (right ? "{\"AccessKeyId\":\"" + credentials.accessKeyId() + "\",\"SecretAccessKey\":\""
                + credentials.secretAccessKey() + "\",\"Token\":\"" + credentials.sessionToken() + "\",\"Expiration\":\""
                + credentials.expiration() + "\"}" : "{\"message\":\"bad authorization token\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(right ? 200 : 403, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
