package org.example.segmentation.core.cleaning;

import java.util.Objects;

/**
 * Rows the cleaner removed for one reason: one row of the rows-removed report. Every removed row is counted
 * once, under the first stage and column that removed it, so the counts add up to rows in minus rows out.
 *
 * @param reason  {@code duplicate}, {@code outlier} (outlier action drop_row) or {@code missing_value}
 *                (missing-value strategy drop_row)
 * @param feature the column whose value removed the row; empty for duplicates
 * @param rows    the number of rows removed
 */
public record RowsRemoved(String reason, String feature, int rows) {

    public RowsRemoved {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(feature, "feature");
    }
}
