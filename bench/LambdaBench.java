import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Lambda half: the framework-free baseline, our function.zip and each extra row, in alternating order within every
 * round (baseline, ours, ours with option..., then again), so that a machine that slows down mid-run slows all of them.
 * A row whose token comes from a secret gets its source's environment from {@link TokenSecrets}; a row whose source
 * cannot run here (moto_server missing) is printed as such and not measured.
 */
final class LambdaBench {

    static final String OUR_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    static final String BASELINE_HANDLER = "BaselineHandler::handleRequest";

    private LambdaBench() {
    }

    static List<Row> run(Path ourTaskRoot, Path baselineTaskRoot, Path ricDir, List<String> trustFlags, String megaApiUrl,
            List<String> extraRows, TokenSecrets secrets, int rounds, int warmInvocations, Path logDir)
            throws Exception {
        LambdaVariant baseline = new LambdaVariant("Lambda: baseline (no framework)", baselineTaskRoot,
                BASELINE_HANDLER, List.of(), Map.of());
        Map<LambdaVariant, Row> rows = new LinkedHashMap<>();
        Row baselineRow = new Row(baseline.name(), null);
        rows.put(baseline, baselineRow);
        rows.put(new LambdaVariant("Lambda: ours (function.zip)", ourTaskRoot, OUR_HANDLER, List.of(), Map.of()),
                new Row("Lambda: ours (function.zip)", baselineRow));
        for (String spec : extraRows) {
            LambdaVariant variant = LambdaVariant.parse(spec, ourTaskRoot, OUR_HANDLER);
            Row row = new Row("Lambda: ours, " + variant.name(), baselineRow);
            if (!variant.tokenSecret().isEmpty()) {
                Optional<Map<String, String>> secretEnv = secrets.environment(variant.tokenSecret());
                if (secretEnv.isEmpty()) {
                    row.unavailable = secrets.unavailable(variant.tokenSecret());
                    rows.put(variant, row);
                    continue;
                }
                variant = variant.withEnv(secretEnv.get());
            }
            rows.put(variant, row);
        }
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<LambdaVariant, Row> entry : rows.entrySet()) {
                if (entry.getValue().unavailable != null) {
                    continue;
                }
                System.err.printf("bench: round %d/%d, %s: %d warm invocations%n", round, rounds, entry.getValue().name,
                        warmInvocations);
                LambdaRun.Sample sample = LambdaRun.measure(entry.getKey(), ricDir, trustFlags, megaApiUrl,
                        warmInvocations, logDir);
                Row row = entry.getValue();
                row.add(Row.Column.START, sample.initMs());
                row.add(Row.Column.FIRST, sample.firstMs());
                row.add(Row.Column.COLD, sample.coldTotalMs());
                row.add(Row.Column.P50, sample.warmP50Ms());
                row.add(Row.Column.P99, sample.warmP99Ms());
                row.add(Row.Column.RSS, sample.rssMiB());
            }
        }
        return new ArrayList<>(rows.values());
    }
}
