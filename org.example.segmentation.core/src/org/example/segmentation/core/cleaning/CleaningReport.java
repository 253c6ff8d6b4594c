package org.example.segmentation.core.cleaning;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/**
 * What one fit or apply did: one {@link ColumnReport} per column (kept, added, dropped, passed through) and
 * the rows removed by reason. Nothing the cleaner changes is missing from it: every converted, invalid,
 * clipped, imputed, grouped or scaled value is counted in its column's row, every dropped column has a row
 * with the reason, and every removed row is counted once in {@link #rowsRemoved()}.
 */
public final class CleaningReport {
    /** The columns of {@link #toTable()}, in order. */
    public static final List<String> COLUMNS = List.of("feature", "role", "type_in", "type_out", "action",
            "missing_before", "invalid", "outliers", "imputed", "levels_grouped", "values_grouped", "unseen",
            "missing_after", "dropped", "reason");
    /** The columns of {@link #rowsRemovedTable()}, in order. */
    public static final List<String> ROWS_REMOVED_COLUMNS = List.of("reason", "feature", "rows");

    private final boolean fit;
    private final int rowsIn;
    private final int rowsOut;
    private final List<ColumnReport> columns;
    private final List<RowsRemoved> rowsRemoved;

    CleaningReport(boolean fit, int rowsIn, int rowsOut, List<ColumnReport> columns, List<RowsRemoved> rowsRemoved) {
        this.fit = fit;
        this.rowsIn = rowsIn;
        this.rowsOut = rowsOut;
        this.columns = List.copyOf(columns);
        this.rowsRemoved = List.copyOf(rowsRemoved);
    }

    /** Whether this is the report of a fit ({@code false}: of an apply). */
    public boolean isFit() {
        return fit;
    }

    public int rowsIn() {
        return rowsIn;
    }

    public int rowsOut() {
        return rowsOut;
    }

    /** One entry per column: identifiers, features, added indicators, dropped columns, passed-through columns. */
    public List<ColumnReport> columns() {
        return columns;
    }

    /**
     * The entry of the named column.
     *
     * @throws IllegalArgumentException when the report has none
     */
    public ColumnReport column(String name) {
        for (ColumnReport c : columns) {
            if (c.feature().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("the cleaning report has no column '" + name + "'");
    }

    /** Rows removed, by reason and column, in the order of the stages. */
    public List<RowsRemoved> rowsRemoved() {
        return rowsRemoved;
    }

    /** The rows removed for {@code reason} ({@code duplicate}, {@code outlier}, {@code missing_value}). */
    public int rowsRemoved(String reason) {
        int n = 0;
        for (RowsRemoved r : rowsRemoved) {
            if (r.reason().equals(reason)) {
                n += r.rows();
            }
        }
        return n;
    }

    /** The names of the dropped columns, in report order. */
    public List<String> droppedColumns() {
        List<String> out = new ArrayList<>();
        for (ColumnReport c : columns) {
            if (c.dropped()) {
                out.add(c.feature());
            }
        }
        return out;
    }

    public int invalid() {
        return columns.stream().mapToInt(ColumnReport::invalid).sum();
    }

    public int outliers() {
        return columns.stream().mapToInt(ColumnReport::outliers).sum();
    }

    public int imputed() {
        return columns.stream().mapToInt(ColumnReport::imputed).sum();
    }

    public int valuesGrouped() {
        return columns.stream().mapToInt(ColumnReport::valuesGrouped).sum();
    }

    public int unseen() {
        return columns.stream().mapToInt(ColumnReport::unseen).sum();
    }

    /**
     * The report as a table with the columns {@link #COLUMNS}: text columns {@code feature}, {@code role},
     * {@code type_in}, {@code type_out}, {@code action}, {@code dropped} ({@code true}/{@code false}) and
     * {@code reason} (empty text is missing), the counts as numeric columns.
     */
    public Table toTable() {
        int n = columns.size();
        String[][] text = new String[7][n];
        double[][] counts = new double[8][n];
        for (int i = 0; i < n; i++) {
            ColumnReport c = columns.get(i);
            text[0][i] = c.feature();
            text[1][i] = c.role();
            text[2][i] = emptyToNull(c.typeIn());
            text[3][i] = emptyToNull(c.typeOut());
            text[4][i] = emptyToNull(c.action());
            text[5][i] = Boolean.toString(c.dropped());
            text[6][i] = emptyToNull(c.reason());
            counts[0][i] = c.missingBefore();
            counts[1][i] = c.invalid();
            counts[2][i] = c.outliers();
            counts[3][i] = c.imputed();
            counts[4][i] = c.levelsGrouped();
            counts[5][i] = c.valuesGrouped();
            counts[6][i] = c.unseen();
            counts[7][i] = c.missingAfter();
        }
        List<Column> out = new ArrayList<>();
        out.add(TextColumn.of("feature", text[0]));
        out.add(TextColumn.of("role", text[1]));
        out.add(TextColumn.of("type_in", text[2]));
        out.add(TextColumn.of("type_out", text[3]));
        out.add(TextColumn.of("action", text[4]));
        String[] countNames = {"missing_before", "invalid", "outliers", "imputed", "levels_grouped", "values_grouped",
            "unseen", "missing_after"};
        for (int k = 0; k < countNames.length; k++) {
            out.add(NumericColumn.of(countNames[k], counts[k]));
        }
        out.add(TextColumn.of("dropped", text[5]));
        out.add(TextColumn.of("reason", text[6]));
        return Table.of(out);
    }

    /** The rows removed as a table with the columns {@link #ROWS_REMOVED_COLUMNS}; no rows when none were. */
    public Table rowsRemovedTable() {
        int n = rowsRemoved.size();
        String[] reason = new String[n];
        String[] feature = new String[n];
        double[] count = new double[n];
        for (int i = 0; i < n; i++) {
            RowsRemoved r = rowsRemoved.get(i);
            reason[i] = r.reason();
            feature[i] = emptyToNull(r.feature());
            count[i] = r.rows();
        }
        return Table.of(TextColumn.of("reason", reason), TextColumn.of("feature", feature),
                NumericColumn.of("rows", count));
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return "CleaningReport[" + (fit ? "fit" : "apply") + ", " + rowsIn + " rows in, " + rowsOut + " out, "
                + droppedColumns().size() + " columns dropped, " + invalid() + " invalid, " + outliers()
                + " outliers, " + imputed() + " imputed]";
    }
}
