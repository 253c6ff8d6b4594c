package org.example.segmentation.core.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-column summary.
 *
 * <p>For numeric columns, {@code min}, {@code max}, {@code mean} and {@code std} are computed over the
 * finite non-missing values ({@code std} is the sample standard deviation, with {@code n - 1}); they are
 * {@code NaN} when there is no finite value ({@code std} also when there is only one). Non-finite values
 * (infinities, or a NaN that was read as a value) are counted in {@code nonFinite}. For categorical columns
 * {@code levelCounts} holds the count of every level in dictionary order (levels that no row uses count
 * 0). {@code distinct} is the number of distinct non-missing values for categorical and text columns, and
 * of distinct finite values for numeric columns.
 *
 * @param name        column name
 * @param type        column kind
 * @param count       non-missing values
 * @param missing     missing values
 * @param nonFinite   numeric only: non-missing values that are infinite or NaN
 * @param distinct    distinct values, as described above
 * @param min         numeric only, else NaN
 * @param max         numeric only, else NaN
 * @param mean        numeric only, else NaN
 * @param std         numeric only, else NaN
 * @param levelCounts categorical only, else empty; unmodifiable, in dictionary order
 */
public record ColumnSummary(String name, ColumnType type, int count, int missing, int nonFinite, int distinct,
        double min, double max, double mean, double std, Map<String, Integer> levelCounts) {

    public ColumnSummary {
        levelCounts = Collections.unmodifiableMap(new LinkedHashMap<>(levelCounts));
    }

    /** Missing values as a share of all rows (0 for an empty column). */
    public double missingShare() {
        int n = count + missing;
        return n == 0 ? 0.0 : (double) missing / n;
    }
}
