import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * bench/run's Java part: starts the TLS Mega-API stub, runs the Lambda half and the HTTP door's half against it and prints
 * one table. bench/run prepares everything it is given (artifacts, task roots, certificates); see its --help.
 */
public class Bench {

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.logDir);
        List<String> trustFlags = List.of("-Djavax.net.ssl.trustStore=" + options.truststore.toAbsolutePath(),
                "-Djavax.net.ssl.trustStorePassword=" + options.password, "-Djavax.net.ssl.trustStoreType=PKCS12");
        List<Row> rows = new ArrayList<>();
        try (TlsStub megaApi = new TlsStub(options.keystore, options.password);
                TokenSecrets secrets = new TokenSecrets(TlsStub.TOKEN, options.logDir);
                LatencyRelay network = options.latencyMs > 0 ? new LatencyRelay(megaApi.port(), options.latencyMs)
                        : null) {
            // With --latency-ms the Lambda rows reach the stub through the relay; the HTTP door always directly, so
            // that its load compares with the stub's own ceiling.
            String lambdaMegaApi = network == null ? megaApi.baseUrl() : "https://localhost:" + network.port();
            rows.addAll(LambdaBench.run(options.functionTaskRoot, options.baselineTaskRoot, options.ricDir, trustFlags,
                    lambdaMegaApi, options.lambdaRows, secrets, options.rounds, options.invocations, options.logDir));
            if (options.quarkusApp != null) {
                rows.addAll(HttpBench.run(options.quarkusApp, options.aotCache, trustFlags, megaApi.baseUrl(),
                        options.rounds, options.loadSeconds, options.logDir));
            }
        }
        Table.print(rows, String.format("%d round(s); Lambda: %d warm invocations per round, Lambda's JVM flags %s,"
                + " %d ms each way to the stub; %s. Median (min–max) over rounds.", options.rounds, options.invocations,
                String.join(" ", LambdaRun.LAMBDA_JVM_FLAGS), options.latencyMs, options.quarkusApp == null
                        ? "no HTTP door (--lambda-only)"
                        : "HTTP door: wrk, 32 connections, " + options.loadSeconds + " s per round"));
    }

    /** The command line bench/run builds; every option is required except the HTTP door's and the extra rows. */
    private static final class Options {
        int rounds;
        int invocations;
        int loadSeconds;
        long latencyMs;
        Path functionTaskRoot;
        Path baselineTaskRoot;
        Path ricDir;
        Path keystore;
        Path truststore;
        String password;
        Path quarkusApp;
        Path aotCache;
        Path logDir;
        final List<String> lambdaRows = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--rounds" -> o.rounds = Integer.parseInt(value);
                    case "--invocations" -> o.invocations = Integer.parseInt(value);
                    case "--load-seconds" -> o.loadSeconds = Integer.parseInt(value);
                    case "--latency-ms" -> o.latencyMs = Long.parseLong(value);
                    case "--function-task-root" -> o.functionTaskRoot = Path.of(value);
                    case "--baseline-task-root" -> o.baselineTaskRoot = Path.of(value);
                    case "--ric-dir" -> o.ricDir = Path.of(value);
                    case "--keystore" -> o.keystore = Path.of(value);
                    case "--truststore" -> o.truststore = Path.of(value);
                    case "--password" -> o.password = value;
                    case "--quarkus-app" -> o.quarkusApp = Path.of(value);
                    case "--aot-cache" -> o.aotCache = Path.of(value);
                    case "--logs" -> o.logDir = Path.of(value);
                    case "--lambda-row" -> o.lambdaRows.add(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return o;
        }
    }
}
