import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The HTTP door as a process: java [flags] -jar quarkus-run.jar, on free ports, against the stub. */
final class HttpDoor implements AutoCloseable {

    static final String API_KEY = "bench-api-key-0123456789";
    static final String EVENT = "{\"instanceKey\":\"bench-instance\"}";

    final int port;
    final Process process;
    final long startNanos;
    final Path log;

    private HttpDoor(int port, Process process, long startNanos, Path log) {
        this.port = port;
        this.process = process;
        this.startNanos = startNanos;
        this.log = log;
    }

    static HttpDoor start(Path quarkusApp, List<String> jvmFlags, String megaApiUrl, Path logDir) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", quarkusApp.resolve("quarkus-run.jar").toAbsolutePath().toString()));
        Path log = Files.createTempFile(logDir, "http-door-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        var env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MEGAAPI_") || name.startsWith("QUARKUS_")
                || name.startsWith("HTTP_") || name.startsWith("JAVA_TOOL_OPTIONS"));
        env.put("MEGAAPI_BASE_URL", megaApiUrl);
        env.put("MEGAAPI_TOKEN", TlsStub.TOKEN);
        env.put("HTTP_API_KEYS", API_KEY);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(freePort()));
        long start = System.nanoTime();
        return new HttpDoor(port, builder.start(), start, log);
    }

    String logoutUrl() {
        return "http://127.0.0.1:" + port + "/logout";
    }

    /**
     * Sends the logout until one is answered 200, polling every 5 ms while the port is closed; returns the time from the
     * process start to that answer.
     */
    double millisToFirstAnswer() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(logoutUrl()))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EVENT)).build();
        long deadline = startNanos + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the HTTP door exited at start-up; see " + log);
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().equals(TlsStub.ANSWER)) {
                    throw new IllegalStateException("the HTTP door answered " + response.statusCode() + " "
                            + response.body() + "; see " + log);
                }
                return (System.nanoTime() - startNanos) / 1e6;
            } catch (ConnectException notListeningYet) {
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("the HTTP door answered nothing within 60 s; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM, as Kubernetes stops a pod; a JVM writing an AOT cache at exit needs the time it takes. */
    void stop(int seconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(30);
    }
}
