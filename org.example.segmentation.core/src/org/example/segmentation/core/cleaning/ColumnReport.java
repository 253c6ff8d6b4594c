package org.example.segmentation.core.cleaning;

import java.util.Objects;

/**
 * What the cleaner did to one column: one row of the cleaning report. Counts are over the rows of the call
 * (the fit table, or the table or chunk given to apply).
 *
 * @param feature       the column name
 * @param role          {@code identifier}, {@code numeric}, {@code categorical} (features), {@code indicator}
 *                      (a column the cleaner added), {@code dropped}, or {@code passed_through} (apply: a column
 *                      the model does not know)
 * @param typeIn        the column type in the input ({@code numeric}, {@code categorical}, {@code text}), empty
 *                      for an added column or a dropped column the input lacks
 * @param typeOut       the column type in the output, empty when dropped
 * @param action        what was done, in order, in words (conversion, outlier fences, fill value, grouping,
 *                      scaling)
 * @param missingBefore missing values in the input
 * @param invalid       values that were present but not valid (text in a numeric column, NaN, infinities) and
 *                      became missing
 * @param outliers      values outside the outlier fences (clipped, set missing, row dropped or flagged, as the
 *                      action says), among the rows left after duplicates
 * @param imputed       missing values filled
 * @param levelsGrouped levels the model groups into {@code Other} (rare or beyond the level cap at fit)
 * @param valuesGrouped values changed to {@code Other} in this call (grouped or unseen levels)
 * @param unseen        values with a level the model never saw at fit
 * @param missingAfter  missing values in the output
 * @param dropped       whether the column is left out of the output
 * @param reason        why the column has its role, was converted, or was dropped; empty otherwise
 */
public record ColumnReport(String feature, String role, String typeIn, String typeOut, String action,
        int missingBefore, int invalid, int outliers, int imputed, int levelsGrouped, int valuesGrouped, int unseen,
        int missingAfter, boolean dropped, String reason) {

    public ColumnReport {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(typeIn, "typeIn");
        Objects.requireNonNull(typeOut, "typeOut");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
    }
}
