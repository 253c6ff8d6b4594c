package org.example.segmentation.core.cleaning;

import java.util.Objects;

/**
 * The outcome of {@link Cleaner#fit} or {@link CleaningModel#apply}.
 *
 * @param table  the cleaned table: identifiers first, then the features, then the added indicator columns,
 *               then (apply only) the input columns the model does not know, unchanged
 * @param model  the fitted model (for apply, the model applied)
 * @param report what was done, column by column, and the rows removed by reason
 */
public record CleaningResult(org.example.segmentation.core.table.Table table, CleaningModel model,
        CleaningReport report) {

    public CleaningResult {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(report, "report");
    }
}
