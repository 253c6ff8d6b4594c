package org.example.segmentation.core.selection;

import java.util.Arrays;

/**
 * The association measures of feature selection, over primitive arrays. Numeric values are {@code double[]} with
 * {@code NaN} for missing; categorical values are {@code int[]} codes with {@code -1} for missing. Every measure
 * uses the rows where both values are present (pairwise-complete rows) and is {@code NaN} when it is undefined
 * there: fewer than two such rows, or a side that is constant on them.
 */
final class Associations {

    private Associations() {
    }

    /**
     * Pearson's correlation over the pairwise-complete rows, computed in two passes (means first), clamped to
     * [-1, 1]; {@code NaN} when fewer than two rows remain or either side is constant on them.
     */
    static double pearson(double[] x, double[] y) {
        int n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
                sx += x[i];
                sy += y[i];
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                double dx = x[i] - mx;
                double dy = y[i] - my;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /**
     * Spearman's rank correlation: Pearson's correlation of the average ranks (ties share the mean of their
     * ranks) over the pairwise-complete rows. The rows are ranked anew for each pair, unless both columns are
     * complete: then {@code ranksX} and {@code ranksY} (from {@link #ranks}, or {@code null}) are used.
     */
    static double spearman(double[] x, double[] y, double[] ranksX, double[] ranksY) {
        if (ranksX != null && ranksY != null) {
            return pearson(ranksX, ranksY);
        }
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
            }
        }
        double[] cx = new double[n];
        double[] cy = new double[n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                cx[k] = x[i];
                cy[k] = y[i];
                k++;
            }
        }
        return pearson(ranks(cx), ranks(cy));
    }

    /**
     * The average ranks (1-based) of {@code values}, which must hold no {@code NaN}: tied values share the mean of
     * the ranks they span ({@code [10, 20, 20, 30]} ranks {@code [1, 2.5, 2.5, 4]}).
     */
    static double[] ranks(double[] values) {
        int n = values.length;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = values[i] + 0.0; // -0.0 becomes 0.0: equal values, equal ranks
        }
        Arrays.sort(sorted);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double v = values[i] + 0.0;
            int first = lowerBound(sorted, v);
            int last = lowerBound(sorted, Math.nextUp(v)) - 1;
            out[i] = (first + last) / 2.0 + 1;
        }
        return out;
    }

    /** The first position in {@code sorted} whose value is not below {@code v}. */
    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Cramér's V of two categorical columns over the pairwise-complete rows: {@code sqrt(chi2 / (n * (k - 1)))}
     * with {@code chi2} Pearson's chi-squared statistic of their contingency table (levels that no complete row
     * uses are left out) and {@code k} the smaller of its numbers of rows and columns; no bias correction.
     * {@code NaN} when no row is complete or either side has a single level there ({@code k < 2}).
     */
    static double cramersV(int[] a, int levelsA, int[] b, int levelsB) {
        long[][] counts = new long[levelsA][levelsB];
        long[] rowSums = new long[levelsA];
        long[] colSums = new long[levelsB];
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0 && b[i] >= 0) {
                counts[a[i]][b[i]]++;
                rowSums[a[i]]++;
                colSums[b[i]]++;
                n++;
            }
        }
        int rows = 0;
        for (long s : rowSums) {
            rows += s > 0 ? 1 : 0;
        }
        int cols = 0;
        for (long s : colSums) {
            cols += s > 0 ? 1 : 0;
        }
        int k = Math.min(rows, cols);
        if (n == 0 || k < 2) {
            return Double.NaN;
        }
        double chi2 = 0;
        for (int r = 0; r < levelsA; r++) {
            if (rowSums[r] == 0) {
                continue;
            }
            for (int c = 0; c < levelsB; c++) {
                if (colSums[c] == 0) {
                    continue;
                }
                double expected = (double) rowSums[r] * colSums[c] / n;
                double d = counts[r][c] - expected;
                chi2 += d * d / expected;
            }
        }
        return Math.min(1, Math.sqrt(chi2 / (n * (double) (k - 1))));
    }

    /**
     * The correlation ratio (eta) of a numeric {@code y} on a categorical {@code codes} over the pairwise-complete
     * rows: the square root of the between-level sum of squares over the total sum of squares, in [0, 1]; for a
     * two-level column it equals |Pearson| of {@code y} with the 0/1 level indicator. {@code NaN} when fewer than
     * two rows remain or {@code y} is constant on them.
     */
    static double correlationRatio(int[] codes, int levels, double[] y) {
        double[] sums = new double[levels];
        long[] counts = new long[levels];
        double total = 0;
        long n = 0;
        for (int i = 0; i < y.length; i++) {
            if (codes[i] >= 0 && !Double.isNaN(y[i])) {
                sums[codes[i]] += y[i];
                counts[codes[i]]++;
                total += y[i];
                n++;
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mean = total / n;
        double ssTotal = 0;
        for (int i = 0; i < y.length; i++) {
            if (codes[i] >= 0 && !Double.isNaN(y[i])) {
                double d = y[i] - mean;
                ssTotal += d * d;
            }
        }
        if (ssTotal == 0) {
            return Double.NaN;
        }
        double ssBetween = 0;
        for (int g = 0; g < levels; g++) {
            if (counts[g] > 0) {
                double d = sums[g] / counts[g] - mean;
                ssBetween += counts[g] * d * d;
            }
        }
        return Math.min(1, Math.sqrt(ssBetween / ssTotal));
    }
}
