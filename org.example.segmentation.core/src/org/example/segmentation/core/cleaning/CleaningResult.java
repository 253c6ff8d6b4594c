package org.example.segmentation.core.cleaning;

import java.util.Objects;

/**
 * The outcome of {@link Cleaner#fit} or {@link CleaningModel#apply}.
 *
 * @param table  the cleaned table: identifiers first, then the features, then the added indicator columns,
 *               then (apply only) the input columns the model does not know, unchanged
 * @param model  the fitted model (for apply, the model applied)
 * @param report    what was done, column by column, and the rows removed by reason
 * @param inputRows for each row of {@code table}, its index in the input table (ascending; rows the cleaner
 *                  removed are absent), so a caller can join cleaned rows back to the rows as read
 */
public record CleaningResult(org.example.segmentation.core.table.Table table, CleaningModel model,
        CleaningReport report, int[] inputRows) {

    public CleaningResult {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(inputRows, "inputRows");
        if (inputRows.length != table.rowCount()) {
            throw new IllegalArgumentException("inputRows has " + inputRows.length + " entries for "
                    + table.rowCount() + " rows");
        }
        inputRows = inputRows.clone();
    }

    /** For each cleaned row, its index in the input table (a copy). */
    @Override
    public int[] inputRows() {
        return inputRows.clone();
    }

    /** The input row index of cleaned row {@code row}. */
    public int inputRow(int row) {
        return inputRows[row];
    }
}
