import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One execution environment's life: AWS's runtime client started on a task root at Lambda's JVM flags, timed to its first
 * /next (init), then one cold invocation and the warm ones, then its peak RSS. Fails on any failed invocation or an
 * answer other than the stub's: a broken bench must not print figures.
 */
final class LambdaRun {

    /** Lambda's own Java runtime flags (its JAVA_TOOL_OPTIONS on the managed runtime), and JDK 25's two for the client. */
    static final List<String> LAMBDA_JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-XX:MaxRAM=512m", "--enable-native-access=ALL-UNNAMED", "--add-opens",
            "java.base/java.lang=ALL-UNNAMED");
    private static final String RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String EVENT = "{\"instanceKey\":\"bench-instance\"}";

    record Sample(double initMs, double firstMs, double coldTotalMs, double warmP50Ms, double warmP99Ms, double rssMiB) {
    }

    private LambdaRun() {
    }

    static Sample measure(LambdaVariant variant, Path ricDir, List<String> trustFlags, String megaApiUrl,
            int warmInvocations, Path logDir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(trustFlags);
        command.addAll(variant.extraJvmFlags());
        command.addAll(List.of("-cp", ricDir.toAbsolutePath().resolve("*").toString(), RUNTIME_CLIENT, variant.handler()));
        Path log = Files.createTempFile(logDir, "lambda-", ".log");
        try (RuntimeApi runtimeApi = new RuntimeApi()) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(variant.taskRoot().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            var env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("MEGAAPI_") || name.startsWith("QUARKUS_")
                    || name.startsWith("AWS_") || name.startsWith("PARAMETERS_SECRETS_")
                    || name.startsWith("JAVA_TOOL_OPTIONS"));
            env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
            env.put("AWS_LAMBDA_FUNCTION_NAME", "bench");
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
            env.put("LAMBDA_TASK_ROOT", variant.taskRoot().toString());
            env.put("MEGAAPI_BASE_URL", megaApiUrl);
            env.put("MEGAAPI_TOKEN", TlsStub.TOKEN);
            env.putAll(variant.extraEnv());
            if (env.containsKey("MEGAAPI_TOKEN_SECRET_ID")) {
                // The function refuses both: a row reading its token from a secret gets none in the environment.
                env.remove("MEGAAPI_TOKEN");
            }
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                long initEnd = runtimeApi.firstNextNanos(60);
                RuntimeApi.Outcome first = check(runtimeApi.invoke(EVENT, 60), variant, log);
                long coldEnd = System.nanoTime();
                List<Double> warm = new ArrayList<>(warmInvocations);
                for (int i = 0; i < warmInvocations; i++) {
                    warm.add(check(runtimeApi.invoke(EVENT, 30), variant, log).functionNanos() / 1e6);
                }
                return new Sample((initEnd - start) / 1e6, first.functionNanos() / 1e6, (coldEnd - start) / 1e6,
                        Stats.percentile(warm, 50), Stats.percentile(warm, 99), PeakRss.mib(process.pid()));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(variant.name() + ": no answer in time; "
                        + (process.isAlive() ? "the process runs" : "the process exited") + ", see " + log, e);
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }

    private static RuntimeApi.Outcome check(RuntimeApi.Outcome outcome, LambdaVariant variant, Path log) {
        if (outcome.failed() || !outcome.body().equals(TlsStub.ANSWER)) {
            throw new IllegalStateException(variant.name() + ": the invocation failed: " + outcome.body() + "; see " + log);
        }
        return outcome;
    }
}
