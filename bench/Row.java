import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One line of the table: a name and, per column, one value per round. */
final class Row {

    enum Column {
        START("init / start-up ms"), FIRST("1st invocation ms"), COLD("cold total ms"), P50("warm p50 ms"),
        P99("warm p99 ms"), RPS("req/s @32"), RSS("peak RSS MiB");

        final String title;

        Column(String title) {
            this.title = title;
        }
    }

    final String name;
    /** The row the ratio line compares this one with, or null. */
    final Row baseline;
    final Map<Column, List<Double>> values = new EnumMap<>(Column.class);
    /** Why this row was not measured on this machine (printed in its cells), or null. */
    String unavailable;

    Row(String name, Row baseline) {
        this.name = name;
        this.baseline = baseline;
    }

    void add(Column column, double value) {
        values.computeIfAbsent(column, c -> new ArrayList<>()).add(value);
    }
}
