package nl.welkom.report;

import java.time.YearMonth;
import java.util.List;

/**
 * What a report counted: named series (the columns) over labelled rows. Counts only: no names,
 * no ids. Every cell also knows how many households it was counted from, for the small-cell rule.
 *
 * @param rowsKey message key of the word for what the rows are ("Month", "Stage")
 * @param series  message keys of the series, in column order
 * @param rows    the rows, in the order they are shown
 */
public record ReportTable(String rowsKey, List<String> series, List<Row> rows) {
    /**
     * The small-cell rule: a cell counted from fewer households than this is shown as {@code "<5"}
     * in exports, so that nobody can be singled out from a downloaded file.
     */
    public static final int SMALL_CELL = 5;

    public ReportTable {
        series = List.copyOf(series);
        rows = List.copyOf(rows);
        for (Row row : rows) {
            if (row.cells().size() != series.size()) {
                throw new IllegalArgumentException("row " + row.key() + " has " + row.cells().size() + " cells for "
                        + series.size() + " series");
            }
        }
    }

    /** The largest count in the table (0 when empty). */
    public long max() {
        return rows.stream().flatMap(row -> row.cells().stream()).mapToLong(Cell::count).max().orElse(0);
    }

    /**
     * One row.
     *
     * @param key   a stable code for the API ({@code 2026-03}, {@code ARRIVAL}, {@code COMPLETED})
     * @param label what the dashboard and the CSV call it
     * @param cells one per series
     */
    public record Row(String key, Label label, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * A count and the number of distinct households it was counted from.
     *
     * @param count      the number shown on the dashboard and in the API
     * @param households how many households contributed to it
     */
    public record Cell(long count, long households) {
        /** A count of households. */
        public static Cell households(long count) {
            return new Cell(count, count);
        }

        /** A figure that is not counted from households (a target): never hidden by the small-cell rule. */
        public static Cell figure(long count) {
            return new Cell(count, 0);
        }

        /** Whether the small-cell rule hides this count in an export. */
        public boolean small() {
            return households > 0 && households < SMALL_CELL;
        }

        /** The cell as written in an export: the count, or {@code "<5"} under the small-cell rule. */
        public String exported() {
            return small() ? "<" + SMALL_CELL : Long.toString(count);
        }
    }

    /** How a row is named: a word from the message bundles, or a calendar month written in the reader's language. */
    public sealed interface Label permits Message, Month, Name {
    }

    /** A row named by the message {@code key} (for instance {@code stage.ARRIVAL} from the dashboard's bundle). */
    public record Message(String key) implements Label {
    }

    /** A row that is a calendar month. */
    public record Month(YearMonth month) implements Label {
    }

    /** A row named by a name the data carries, the same in every language (a quota period's label, {@code 2027-1}). */
    public record Name(String text) implements Label {
    }
}
