package org.example.segmentation.core.selection;

import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;

/**
 * One candidate feature, its values copied once into a primitive array, and the statistics of the single-column
 * filters.
 *
 * <p>Numeric values are held as {@code double[]} with {@code NaN} for missing; a non-finite value (an infinity, or
 * a NaN the table holds as a value) counts as missing everywhere in feature selection. Categorical values are the
 * column's codes, {@code -1} for missing.
 */
final class Candidate {
    final Column column;
    final String name;
    final ColumnType type;
    /** Numeric values, NaN = missing; {@code null} for a categorical candidate. */
    final double[] values;
    /** Categorical codes, -1 = missing; {@code null} for a numeric candidate. */
    final int[] codes;
    /** Dictionary size of a categorical candidate, else 0. */
    final int levels;
    /** Missing (or non-finite) values. */
    final int missing;
    /** Missing share, 0 for an empty table. */
    final double missingShare;
    /** Numeric: sample variance of the values rescaled to [0,1] by min and max (0 when constant); else NaN. */
    final double scaledVariance;
    /** Categorical: share of the most frequent level among the values (NaN without values); else NaN. */
    final double dominantShare;
    /** Categorical: the number of levels that occur. */
    final int levelsPresent;

    private Candidate(Column column, double[] values, int[] codes, int levels, int missing, double scaledVariance,
            double dominantShare, int levelsPresent) {
        this.column = column;
        this.name = column.name();
        this.type = column.type();
        this.values = values;
        this.codes = codes;
        this.levels = levels;
        this.missing = missing;
        this.missingShare = column.size() == 0 ? 0 : (double) missing / column.size();
        this.scaledVariance = scaledVariance;
        this.dominantShare = dominantShare;
        this.levelsPresent = levelsPresent;
    }

    /** Copies a numeric or categorical column and computes its statistics. */
    static Candidate of(Column column) {
        if (column instanceof NumericColumn n) {
            return numeric(n);
        }
        return categorical((CategoricalColumn) column);
    }

    private static Candidate numeric(NumericColumn column) {
        double[] v = column.toArray();
        int missing = 0;
        int count = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                v[i] = Double.NaN;
                missing++;
                continue;
            }
            count++;
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
            sum += v[i];
        }
        double scaled = 0;
        if (count >= 2 && max > min) {
            // Two passes over the values rescaled to [0, 1]; halves keep max - min finite even for values near
            // +-Double.MAX_VALUE.
            double halfRange = max / 2 - min / 2;
            double mean = (sum / count / 2 - min / 2) / halfRange;
            if (!Double.isFinite(mean)) {
                mean = 0;
                for (double x : v) {
                    if (!Double.isNaN(x)) {
                        mean += (x / 2 - min / 2) / halfRange;
                    }
                }
                mean /= count;
            }
            double ss = 0;
            for (double x : v) {
                if (!Double.isNaN(x)) {
                    double d = (x / 2 - min / 2) / halfRange - mean;
                    ss += d * d;
                }
            }
            scaled = ss / (count - 1);
        }
        return new Candidate(column, v, null, 0, missing, scaled, Double.NaN, 0);
    }

    private static Candidate categorical(CategoricalColumn column) {
        int[] codes = column.codes();
        int[] counts = new int[column.levelCount()];
        int missing = 0;
        for (int c : codes) {
            if (c == CategoricalColumn.MISSING) {
                missing++;
            } else {
                counts[c]++;
            }
        }
        int top = 0;
        int present = 0;
        for (int c : counts) {
            top = Math.max(top, c);
            present += c > 0 ? 1 : 0;
        }
        int count = codes.length - missing;
        double dominant = count == 0 ? Double.NaN : (double) top / count;
        return new Candidate(column, null, codes, counts.length, missing, Double.NaN, dominant, present);
    }

    /** Whether the candidate has no value at all (every row missing or non-finite). */
    boolean empty() {
        return missing == column.size();
    }

    /** Whether numeric values are present in every row (so ranks can be computed once). */
    boolean complete() {
        return missing == 0;
    }
}
