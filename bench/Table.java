import java.util.List;

/**
 * Prints the rows as one Markdown table: each cell is the median over the rounds and, with more than one round, the
 * spread min–max; a row with a baseline is followed by a line of ratios of medians.
 */
final class Table {

    private Table() {
    }

    static void print(List<Row> rows, String caption) {
        StringBuilder out = new StringBuilder(caption).append("\n\n| |");
        for (Row.Column column : Row.Column.values()) {
            out.append(' ').append(column.title).append(" |");
        }
        out.append("\n|---|").append("---:|".repeat(Row.Column.values().length)).append('\n');
        for (Row row : rows) {
            out.append("| ").append(row.name).append(" |");
            for (Row.Column column : Row.Column.values()) {
                out.append(' ').append(row.unavailable != null && column != Row.Column.RPS ? row.unavailable
                        : cell(row.values.get(column))).append(" |");
            }
            out.append('\n');
            if (row.baseline != null && row.unavailable == null) {
                out.append("| ↳ ratio to ").append(row.baseline.name).append(" |");
                for (Row.Column column : Row.Column.values()) {
                    out.append(' ').append(ratio(row.values.get(column), row.baseline.values.get(column))).append(" |");
                }
                out.append('\n');
            }
        }
        System.out.print(out);
    }

    private static String cell(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return "–";
        }
        String median = number(Stats.median(values));
        return values.size() == 1 ? median
                : median + " (" + number(Stats.min(values)) + "–" + number(Stats.max(values)) + ")";
    }

    private static String ratio(List<Double> values, List<Double> baseline) {
        if (values == null || baseline == null || values.isEmpty() || baseline.isEmpty()) {
            return "";
        }
        return String.format("×%.2f", Stats.median(values) / Stats.median(baseline));
    }

    private static String number(double value) {
        return value >= 100 ? String.format("%.0f", value) : value >= 10 ? String.format("%.1f", value)
                : String.format("%.2f", value);
    }
}
