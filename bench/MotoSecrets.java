import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Secrets Manager as {@code moto_server} serves it on a free loopback port, holding the stub's token in one secret,
 * for the rows that read it with the SDK reader. moto without {@code INITIAL_NO_AUTH_ACTION_COUNT} accepts any signature,
 * so the secret is created with one plain POST whose Authorization header only names the region (moto takes the region
 * from it); the function signs its reads with dummy keys. A bench copy of the tests' MotoSecretsManager, without the SDK.
 */
final class MotoSecrets implements AutoCloseable {

    static final String REGION = "sa-east-1";
    private static final Pattern ARN = Pattern.compile("\"ARN\"\\s*:\\s*\"([^\"]+)\"");

    private final Process process;
    private final String endpoint;
    private final String secretArn;

    private MotoSecrets(Process process, String endpoint, String secretArn) {
        this.process = process;
        this.endpoint = endpoint;
        this.secretArn = secretArn;
    }

    /**
     * Starts moto_server, waits until it answers and creates the secret.
     *
     * @throws IOException when moto_server is not on PATH or does not start (see {@link #missing})
     */
    static MotoSecrets start(String secretValue, Path logDir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = logDir.resolve("moto_server.log");
        ProcessBuilder builder = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("INITIAL_NO_AUTH_ACTION_COUNT");
        Process process = builder.start();
        try {
            for (long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);; Thread.sleep(100)) {
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    break;
                } catch (IOException notYet) {
                    if (!process.isAlive() || System.nanoTime() > giveUp) {
                        throw new IOException("moto_server did not start on port " + port + ":\n"
                                + Files.readString(log));
                    }
                }
            }
            String endpoint = "http://127.0.0.1:" + port;
            return new MotoSecrets(process, endpoint, createSecret(endpoint, secretValue));
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process);
            throw e;
        }
    }

    /** Whether the failure of {@link #start} is moto_server's absence from PATH (then the rows say n/a). */
    static boolean missing(IOException failure) {
        return failure.getMessage() != null && failure.getMessage().contains("Cannot run program \"moto_server\"");
    }

    private static String createSecret(String endpoint, String value) throws IOException, InterruptedException {
        String body = "{\"Name\":\"bench/megaapi-token\",\"SecretString\":\"" + value + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/"))
                .header("X-Amz-Target", "secretsmanager.CreateSecret")
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=bench/20260101/" + REGION
                        + "/secretsmanager/aws4_request, SignedHeaders=host, Signature=00")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher arn = ARN.matcher(answer.body());
            if (answer.statusCode() != 200 || !arn.find()) {
                throw new IOException("moto_server did not create the secret: HTTP " + answer.statusCode() + " "
                        + answer.body());
            }
            return arn.group(1);
        }
    }

    /** What the function needs to read the secret with the SDK reader (the default) from moto, and nothing else. */
    Map<String, String> environment() {
        return Map.of("MEGAAPI_TOKEN_SECRET_ID", secretArn, "AWS_REGION", REGION,
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoint, "AWS_ACCESS_KEY_ID", "AKIABENCHBENCHBENCH0",
                "AWS_SECRET_ACCESS_KEY", "bench-secret-access-key-not-secret",
                // Lambda has no AWS config files; this machine's, if any, must not count.
                "AWS_CONFIG_FILE", "/nonexistent/x", "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/y");
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
