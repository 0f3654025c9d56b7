import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lambda half: the framework-free baseline, our function.zip and each extra row, in alternating order within every
 * round (baseline, ours, ours with option..., then again), so that a machine that slows down mid-run slows all of them.
 */
final class LambdaBench {

    static final String OUR_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    static final String BASELINE_HANDLER = "BaselineHandler::handleRequest";

    private LambdaBench() {
    }

    static List<Row> run(Path ourTaskRoot, Path baselineTaskRoot, Path ricDir, List<String> trustFlags, String megaApiUrl,
            List<String> extraRows, int rounds, int warmInvocations, Path logDir) throws Exception {
        LambdaVariant baseline = new LambdaVariant("Lambda: baseline (no framework)", baselineTaskRoot,
                BASELINE_HANDLER, List.of(), Map.of());
        Map<LambdaVariant, Row> rows = new LinkedHashMap<>();
        Row baselineRow = new Row(baseline.name(), null);
        rows.put(baseline, baselineRow);
        rows.put(new LambdaVariant("Lambda: ours (function.zip)", ourTaskRoot, OUR_HANDLER, List.of(), Map.of()),
                new Row("Lambda: ours (function.zip)", baselineRow));
        for (String spec : extraRows) {
            LambdaVariant variant = LambdaVariant.parse(spec, ourTaskRoot, OUR_HANDLER);
            rows.put(variant, new Row("Lambda: ours, " + variant.name(), baselineRow));
        }
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<LambdaVariant, Row> entry : rows.entrySet()) {
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
