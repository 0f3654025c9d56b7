import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP door's half: start-up to the first answered logout and load at 32 connections, without and with a JDK AOT
 * cache (alternating within each round), and the stub's own ceiling under the same load, measured in the same round.
 * Each door first gets the same load, unmeasured, for as long as the measured one: the figures are a warm door's (the
 * JIT compiles the request path in the first seconds), the start-up column is the cold one.
 */
final class HttpBench {

    private static final String AUTH = "Authorization: Bearer ";

    private HttpBench() {
    }

    static List<Row> run(Path quarkusApp, Path aotCache, List<String> trustFlags, String megaApiUrl, int rounds,
            int loadSeconds, Path logDir) throws Exception {
        if (aotCache != null && !Files.isRegularFile(aotCache)) {
            AotTraining.record(quarkusApp, aotCache, trustFlags, megaApiUrl, logDir);
        }
        Row stub = new Row("Mega-API stub alone (TLS, keep-alive)", null);
        // bench/run passes no cache when target/quarkus-app is the default fast-jar, which an AOT cache cannot hold.
        Row plain = new Row(aotCache == null ? "HTTP door (quarkus-run.jar as built)"
                : "HTTP door (quarkus-run.jar, aot-jar packaging, no cache)", null);
        Row cached = aotCache == null ? null : new Row("HTTP door + JDK AOT cache (-XX:AOTCache)", plain);
        boolean wrk = Wrk.installed();
        if (!wrk) {
            System.err.println("bench: wrk is not installed: no load figures for the HTTP door (start-up and RSS only)");
        }
        for (int round = 1; round <= rounds; round++) {
            System.err.printf("bench: round %d/%d, HTTP door%n", round, rounds);
            if (wrk) {
                Wrk.Result ceiling = Wrk.run(megaApiUrl + "/rest/instance/bench-instance/logout",
                        Wrk.lua("DELETE", null, List.of(AUTH + TlsStub.TOKEN)), loadSeconds,
                        logDir);
                stub.add(Row.Column.RPS, ceiling.requestsPerSecond());
                stub.add(Row.Column.P50, ceiling.p50Ms());
                stub.add(Row.Column.P99, ceiling.p99Ms());
            }
            measure(plain, quarkusApp, trustFlags, megaApiUrl, loadSeconds, logDir, wrk);
            if (cached != null) {
                List<String> flags = new ArrayList<>(trustFlags);
                // AOTMode=on: fail rather than silently run without a cache the JVM refuses.
                flags.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + aotCache.toAbsolutePath()));
                measure(cached, quarkusApp, flags, megaApiUrl, loadSeconds, logDir, wrk);
            }
        }
        return cached == null ? List.of(stub, plain) : List.of(stub, plain, cached);
    }

    private static void measure(Row row, Path quarkusApp, List<String> flags, String megaApiUrl, int loadSeconds,
            Path logDir, boolean wrk) throws Exception {
        try (HttpDoor door = HttpDoor.start(quarkusApp, flags, megaApiUrl, logDir)) {
            double startUp = door.millisToFirstAnswer();
            row.add(Row.Column.START, startUp);
            row.add(Row.Column.COLD, startUp);
            if (wrk) {
                String logout = Wrk.lua("POST", HttpDoor.EVENT,
                        List.of(AUTH + HttpDoor.API_KEY, "Content-Type: application/json"));
                Wrk.run(door.logoutUrl(), logout, loadSeconds, logDir);
                Wrk.Result load = Wrk.run(door.logoutUrl(), logout, loadSeconds, logDir);
                row.add(Row.Column.RPS, load.requestsPerSecond());
                row.add(Row.Column.P50, load.p50Ms());
                row.add(Row.Column.P99, load.p99Ms());
            }
            row.add(Row.Column.RSS, PeakRss.mib(door.process.pid()));
        }
    }
}
