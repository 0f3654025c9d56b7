package io.megalogout.lambda.packaged;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.megalogout.lambda.packaged.EventOracle.Confirmed;
import io.megalogout.lambda.packaged.EventOracle.DryRun;
import io.megalogout.lambda.packaged.EventOracle.LoggedOut;
import io.megalogout.lambda.packaged.EventOracle.Rejected;
import io.megalogout.lambda.packaged.EventOracle.Result;

/** What a fuzz run did, case by case: counts by category and result, the failures, and how to rerun each of them. */
final class FuzzReport {

    /** The columns of the table: the ways a case may end, and the way it must not. */
    enum Column {
        LOGGED_OUT("(a) logged out"),
        DRY_RUN("(a) dry run"),
        CONFIRMED("(a) confirmed"),
        EVENT_REJECTED("(b) InvalidEventException"),
        KEY_REJECTED("(b) InvalidInstanceKeyException"),
        NOT_LISTED("(c) not listed, InstanceNotConfiguredException"),
        FAILED("failed");

        final String label;

        Column(String label) {
            this.label = label;
        }

        static Column of(Result result) {
            return switch (result) {
                case LoggedOut l -> LOGGED_OUT;
                case DryRun d -> DRY_RUN;
                case Confirmed c -> CONFIRMED;
                case Rejected r -> r.errorType().equals(EventOracle.INVALID_KEY) ? KEY_REJECTED
                        : r.errorType().equals(Listing.NOT_CONFIGURED) ? NOT_LISTED : EVENT_REJECTED;
            };
        }
    }

    /** One case that broke the rules: what was sent, what was allowed, and what happened instead. */
    record Failure(int index, String category, FuzzCase fuzzCase, String actual) {
    }

    private final long baseSeed;
    private final int planned;
    private final Map<EventCategory, int[]> counts = new EnumMap<>(EventCategory.class);
    private final List<Failure> failures = new ArrayList<>();
    private int cases;

    FuzzReport(long baseSeed, int planned) {
        this.baseSeed = baseSeed;
        this.planned = planned;
    }

    void passed(EventCategory category, Result result) {
        count(category, Column.of(result));
    }

    void failed(int index, EventCategory category, FuzzCase fuzzCase, String actual) {
        count(category, Column.FAILED);
        failures.add(new Failure(index, category.label, fuzzCase, actual));
    }

    /** A case whose event could not even be generated: a defect of the test, reported like a failure. */
    void notGenerated(int index, String error) {
        cases++;
        failures.add(new Failure(index, "(not generated)", null, error));
    }

    private void count(EventCategory category, Column column) {
        counts.computeIfAbsent(category, c -> new int[Column.values().length])[column.ordinal()]++;
        cases++;
    }

    List<Failure> failures() {
        return failures;
    }

    int casesOf(EventCategory category) {
        int[] row = counts.get(category);
        return row == null ? 0 : Arrays.stream(row).sum();
    }

    /** The counts as a table, one row per category, after a line with the seed, the cases run and the time taken. */
    String summary(long millis) {
        String run = cases == planned ? String.format(cases == 1 ? "%d case" : "%,d cases", cases)
                : String.format("%,d of %,d cases (stopped at the failures below)", cases, planned);
        StringBuilder out = new StringBuilder(String.format("PackagedFunctionFuzzIT: base seed %d, %s, %.1f s, %d failed%n",
                baseSeed, run, millis / 1000.0, failures.size()));
        out.append(String.format("  %-36s %7s", "category", "cases"));
        for (Column column : Column.values()) {
            out.append(String.format(" %" + Math.max(8, column.label.length()) + "s", column.label));
        }
        int[] total = new int[Column.values().length];
        // A category without cases has no row: a full run fails on it anyway, and a single case would show one for every other category.
        for (Map.Entry<EventCategory, int[]> entry : counts.entrySet()) {
            int[] row = entry.getValue();
            row(out, entry.getKey().label, row);
            for (int i = 0; i < row.length; i++) {
                total[i] += row[i];
            }
        }
        row(out, "all", total);
        return out.append(String.format("%n  rerun one case: %s%n", rerunCommand("N")))
                .append(String.format(
                        "  explore: the same with -Dfuzz.seed=<any number> -Dfuzz.cases=<how many> instead of -Dfuzz.case%n"))
                .toString();
    }

    private static void row(StringBuilder out, String label, int[] row) {
        out.append(String.format("%n  %-36s %,7d", label, Arrays.stream(row).sum()));
        for (Column column : Column.values()) {
            out.append(String.format(" %," + Math.max(8, column.label.length()) + "d", row[column.ordinal()]));
        }
    }

    /** Each failure with its seed, index, event (escaped) and the command that reruns it alone. */
    String failureDetails() {
        StringBuilder out = new StringBuilder();
        for (Failure failure : failures) {
            FuzzCase fuzzCase = failure.fuzzCase();
            out.append(String.format("%ncase %d of base seed %d: %s%s%n", failure.index(), baseSeed, failure.category(),
                    fuzzCase == null ? "" : " (" + fuzzCase.detail() + ")"));
            if (fuzzCase != null) {
                out.append(String.format("  expected: %s%n", fuzzCase.expected()));
            }
            String actual = String.valueOf(failure.actual()).strip();
            actual = actual.length() > 2_000 ? actual.substring(0, 2_000) + "... (cut)" : actual;
            out.append(String.format("  actual:   %s%n", actual.replace("\n", "\n            ")));
            if (fuzzCase != null) {
                out.append(String.format("  event (%,d bytes): %s%n", fuzzCase.event().length,
                        Bytes.printable(fuzzCase.event(), 600)));
            }
            out.append(String.format("  rerun it alone: %s%n", rerunCommand(failure.index())));
        }
        return out.toString();
    }

    String rerunCommand(Object index) {
        return "./mvnw verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PackagedFunctionFuzzIT"
                + " -Dfuzz.seed=" + baseSeed + " -Dfuzz.case=" + index;
    }
}
