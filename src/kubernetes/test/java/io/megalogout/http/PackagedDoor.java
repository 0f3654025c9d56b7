package io.megalogout.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code target/quarkus-app/quarkus-run.jar} run as a container runs it, {@code java -jar} (or, in a {@code -Dnative}
 * build, the native executable), in the prod profile, with
 * exactly the given environment and its own free ports: for what only a real process shows (start-up refusals, the
 * log, SIGTERM).
 */
final class PackagedDoor implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread drain;
    final int port = DoorSettingsForTests.freePort();
    final int managementPort = DoorSettingsForTests.freePort();

    private PackagedDoor(Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>();
        if (System.getProperty("native") != null) {
            // -Dnative: the native executable the same build made, not the jar.
            command.add(System.getProperty("door.native", "target/megaapi-logout-1.0.0-SNAPSHOT-runner"));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of("-jar", System.getProperty("door.jar", "target/quarkus-app/quarkus-run.jar")));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MEGAAPI_") || name.startsWith("QUARKUS_")
                || name.startsWith("SMALLRYE_") || name.startsWith("HTTP_"));
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.putAll(environment);
        process = builder.start();
        drain = Thread.ofVirtual().start(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) != -1;) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        });
    }

    /** Starts the jar; {@link #awaitReady()} or {@link #awaitExit()} tells how that went. */
    static PackagedDoor start(Map<String, String> environment) throws IOException {
        return new PackagedDoor(environment);
    }

    /** Waits until the readiness probe answers 200, as Kubernetes would; fails if the process exits first. */
    PackagedDoor awaitReady() throws InterruptedException {
        for (int look = 0; look < 300; look++) {
            if (!process.isAlive()) {
                throw new AssertionError("the door exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (get(managementPort, "/q/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the door was not ready after 30 s:\n" + output());
    }

    /** Waits for the process to end by itself, and returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the door did not exit:\n" + output());
        }
        drain.join(5000);
        return process.exitValue();
    }

    /** {@code POST /logout} on the public port. */
    HttpResponse<String> logout(String event, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/logout"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, as the kubelet sends it when a pod is stopped. */
    void terminate() {
        process.destroy();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the process wrote so far (stdout and stderr): what the pod's log would hold. */
    String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        drain.join(5000);
    }
}
