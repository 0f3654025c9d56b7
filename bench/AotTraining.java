import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a JDK AOT cache for the HTTP door (JDK 25, JEP 514's one-step -XX:AOTCacheOutput): start the door, serve
 * logouts so that their classes load and their methods get profiled, then SIGTERM; the JVM assembles the cache as it
 * exits. `./mvnw package` alone writes no app.aot: Quarkus trains on @QuarkusIntegrationTest runs (verify), so the bench
 * trains its own, on its own stub, for the quarkus-run.jar it measures.
 */
final class AotTraining {

    private static final int REQUESTS = 500;

    private AotTraining() {
    }

    static void record(Path quarkusApp, Path aotCache, List<String> trustFlags, String megaApiUrl, Path logDir)
            throws Exception {
        System.err.println("bench: recording the JDK AOT cache " + aotCache + " (a training run of " + REQUESTS
                + " logouts)");
        Files.createDirectories(aotCache.toAbsolutePath().getParent());
        List<String> flags = new ArrayList<>(trustFlags);
        flags.add("-XX:AOTCacheOutput=" + aotCache.toAbsolutePath());
        HttpDoor door = HttpDoor.start(quarkusApp, flags, megaApiUrl, logDir);
        try {
            for (int i = 0; i < REQUESTS; i++) {
                door.millisToFirstAnswer();
            }
        } finally {
            door.stop(300);
        }
        if (!Files.isRegularFile(aotCache)) {
            throw new IllegalStateException("the training run wrote no AOT cache; see " + door.log);
        }
    }
}
