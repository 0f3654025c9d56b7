package io.megalogout.lambda.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code target/function.zip} run the way the managed Java runtime runs it: unpacked as the task root (the working
 * directory), started by AWS's own runtime client with the handler SAM deploys, against a Runtime API endpoint.
 */
final class PackagedFunction implements AutoCloseable {

    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    private static final String RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private final RuntimeApiStandIn runtimeApi;
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread drain;

    private PackagedFunction(RuntimeApiStandIn runtimeApi, Process process) {
        this.runtimeApi = runtimeApi;
        this.process = process;
        this.drain = Thread.ofVirtual().start(() -> {
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

    /**
     * Starts the runtime client on a fresh copy of the function, with its own Runtime API and exactly the given function
     * environment (no MEGAAPI_, QUARKUS_, SMALLRYE_, AWS_ or PARAMETERS_SECRETS_ variable leaks in from the build's
     * environment).
     */
    static PackagedFunction start(Map<String, String> environment) throws IOException {
        RuntimeApiStandIn runtimeApi = new RuntimeApiStandIn();
        Path taskRoot = unpack(Path.of(System.getProperty("function.zip", "target/function.zip")));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("lambda.java.args", "").split("\\s+")));
        command.addAll(List.of("-cp",
                Path.of(System.getProperty("lambda.ric.dir", "target/lambda-runtime-client")).resolve("*").toString(),
                RUNTIME_CLIENT, HANDLER));
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MEGAAPI_") || name.startsWith("QUARKUS_")
                || name.startsWith("SMALLRYE_") || name.startsWith("AWS_") || name.startsWith("PARAMETERS_SECRETS_"));
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "megaapi-logout");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/megaapi-logout");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "test");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.putAll(environment);
        return new PackagedFunction(runtimeApi, builder.start());
    }

    /** Waits up to 5 s for {@code text} in the output: a log line written just before an answer may arrive after it. */
    void awaitOutput(String text) throws InterruptedException {
        for (long giveUp = System.nanoTime() + 5_000_000_000L; !output().contains(text)
                && System.nanoTime() < giveUp;) {
            Thread.sleep(50);
        }
    }

    /** How many SnapStart restores the runtime client went through ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}). */
    int restores() {
        return runtimeApi.restores();
    }

    /** Sends one event through the Runtime API and waits for the function's outcome. */
    RuntimeApiStandIn.Outcome invoke(String event) throws Exception {
        return invoke(event.getBytes(StandardCharsets.UTF_8), DEFAULT_TIMEOUT);
    }

    /** Sends one event as raw bytes, which need not be JSON nor UTF-8, and waits for the function's outcome. */
    RuntimeApiStandIn.Outcome invoke(byte[] event) throws Exception {
        return invoke(event, DEFAULT_TIMEOUT);
    }

    /** Sends one event with the given Lambda timeout (the deadline the function sees) and waits for the outcome. */
    RuntimeApiStandIn.Outcome invoke(String event, Duration lambdaTimeout) throws Exception {
        return invoke(event.getBytes(StandardCharsets.UTF_8), lambdaTimeout);
    }

    private RuntimeApiStandIn.Outcome invoke(byte[] event, Duration lambdaTimeout) throws Exception {
        try {
            return runtimeApi.invoke(event, lambdaTimeout, Duration.ofSeconds(60));
        } catch (TimeoutException e) {
            throw new AssertionError("no outcome within 60 s; the function " + (process.isAlive() ? "runs" : "exited")
                    + " and wrote:\n" + output(), e);
        }
    }

    /** Stops the process (SIGSTOP), as Lambda freezes an execution environment between invocations. */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Resumes a frozen process (SIGCONT). */
    void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Everything the process wrote so far (stdout and stderr): what CloudWatch would hold. */
    String output() {
        return output.toString();
    }

    private static Path unpack(Path zip) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: run the package phase first");
        }
        // Beside function.zip, under target/, so that mvn clean removes it.
        Path root = Files.createTempDirectory(zip.toAbsolutePath().getParent(), "lambda-task-");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        return root;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        drain.join(5000);
        runtimeApi.close();
    }
}
