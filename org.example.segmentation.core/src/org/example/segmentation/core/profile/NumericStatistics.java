package org.example.segmentation.core.profile;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.TDistribution;
import org.example.segmentation.core.table.NumericColumn;

/**
 * The {@link NumericProfile}s of one numeric feature: the population and every segment. Formulas and edge cases
 * are in {@link NumericProfile}.
 *
 * <p>The values are grouped by segment once (a counting sort into one {@code double[]}); each group's mean is
 * computed in two passes (the mean, then a correction by the mean deviation) and its sum of squared deviations from
 * that mean. The rest of the population of segment {@code s} is the union of the other groups: its mean is their
 * size-weighted mean and its sum of squares {@code sum over j != s of SS_j + n_j (mean_j - rest mean)^2}, a sum of
 * non-negative terms (no cancellation). A group whose values are all equal has exactly that value as mean and 0 as
 * sum of squares, so a constant feature gives a difference of exactly 0.
 */
final class NumericStatistics {

    /** The result for one feature. */
    record Result(NumericProfile population, NumericProfile[] segments, boolean binary, boolean constant,
            int nonFinite) {
    }

    private NumericStatistics() {
    }

    static Result compute(NumericColumn column, Segments segments) {
        int k = segments.count();
        int rows = column.size();
        int[] n = new int[k];
        int[] missing = new int[k];
        int nonFinite = 0;
        for (int i = 0; i < rows; i++) {
            int s = segments.code(i);
            if (s < 0) {
                continue;
            }
            double v = column.value(i);
            if (column.isMissing(i) || !Double.isFinite(v)) {
                missing[s]++;
                if (!column.isMissing(i)) {
                    nonFinite++;
                }
            } else {
                n[s]++;
            }
        }
        int[] start = new int[k + 1];
        for (int s = 0; s < k; s++) {
            start[s + 1] = start[s] + n[s];
        }
        double[] grouped = new double[start[k]];
        int[] fill = Arrays.copyOf(start, k);
        boolean binary = true;
        for (int i = 0; i < rows; i++) {
            int s = segments.code(i);
            double v = column.value(i);
            if (s >= 0 && !column.isMissing(i) && Double.isFinite(v)) {
                grouped[fill[s]++] = v;
                binary &= v == 0 || v == 1;
            }
        }

        double[] mean = new double[k];
        double[] ss = new double[k];
        double[] min = new double[k];
        double[] max = new double[k];
        double[] median = new double[k];
        for (int s = 0; s < k; s++) {
            Arrays.sort(grouped, start[s], start[s + 1]);
            Moments m = Moments.of(grouped, start[s], start[s + 1]);
            mean[s] = m.mean;
            ss[s] = m.ss;
            min[s] = n[s] == 0 ? Double.NaN : grouped[start[s]];
            max[s] = n[s] == 0 ? Double.NaN : grouped[start[s + 1] - 1];
            median[s] = medianOfSorted(grouped, start[s], start[s + 1]);
        }

        double[] all = grouped.clone();
        Arrays.sort(all);
        Moments pop = Moments.of(all, 0, all.length);
        int total = all.length;
        int totalMissing = 0;
        for (int s = 0; s < k; s++) {
            totalMissing += missing[s];
        }
        double popMin = total == 0 ? Double.NaN : all[0];
        boolean constant = total == 0 || all[0] == all[total - 1];
        binary &= total > 0 && !constant;
        boolean indexDefined = total > 0 && popMin >= 0 && pop.mean != 0;
        NumericProfile population = new NumericProfile(total, totalMissing, pop.mean, medianOfSorted(all, 0, total),
                std(pop.ss, total), indexDefined ? 100.0 : Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);

        NumericProfile[] out = new NumericProfile[k];
        for (int s = 0; s < k; s++) {
            int restN = total - n[s];
            double restMean = restMean(s, n, mean, min, max, restN);
            double restSs = 0;
            for (int j = 0; j < k; j++) {
                if (j != s && n[j] > 0) {
                    double d = mean[j] - restMean;
                    restSs += ss[j] + n[j] * d * d;
                }
            }
            double index = indexDefined && n[s] > 0 ? 100.0 * mean[s] / pop.mean : Double.NaN;
            double d = cohensD(n[s], mean[s], ss[s], restN, restMean, restSs);
            double[] welch = welch(n[s], mean[s], ss[s], restN, restMean, restSs);
            out[s] = new NumericProfile(n[s], missing[s], mean[s], median[s], std(ss[s], n[s]), index, d, welch[0],
                    welch[1], welch[2]);
        }
        return new Result(population, out, binary, constant, nonFinite);
    }

    /** The size-weighted mean of the groups other than {@code s}; exactly their value when they are all equal. */
    private static double restMean(int s, int[] n, double[] mean, double[] min, double[] max, int restN) {
        if (restN == 0) {
            return Double.NaN;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int j = 0; j < n.length; j++) {
            if (j != s && n[j] > 0) {
                lo = Math.min(lo, min[j]);
                hi = Math.max(hi, max[j]);
                sum += n[j] * mean[j];
            }
        }
        if (lo == hi) {
            return lo;
        }
        return Math.min(hi, Math.max(lo, sum / restN));
    }

    /** Cohen's d of a group against another, pooled over both groups' sums of squares. */
    static double cohensD(int n1, double mean1, double ss1, int n2, double mean2, double ss2) {
        if (n1 == 0 || n2 == 0 || n1 + n2 < 3) {
            return Double.NaN;
        }
        double diff = mean1 - mean2;
        double pooled = Math.sqrt((ss1 + ss2) / (n1 + n2 - 2));
        if (pooled == 0) {
            return diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
        }
        return diff / pooled;
    }

    /** Welch's test of two groups: {t, df, two-sided p}; NaN for fewer than 2 values in a group. */
    static double[] welch(int n1, double mean1, double ss1, int n2, double mean2, double ss2) {
        if (n1 < 2 || n2 < 2) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double a = ss1 / (n1 - 1) / n1;
        double b = ss2 / (n2 - 1) / n2;
        double diff = mean1 - mean2;
        double se = Math.sqrt(a + b);
        if (se == 0) {
            return diff == 0 ? new double[] {0, Double.NaN, 1}
                    : new double[] {Math.copySign(Double.POSITIVE_INFINITY, diff), Double.NaN, 0};
        }
        double df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
        double t = diff / se;
        double p = Math.min(1, 2 * TDistribution.of(df).survivalProbability(Math.abs(t)));
        return new double[] {t, df, p};
    }

    private static double std(double ss, int n) {
        return n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1));
    }

    static double medianOfSorted(double[] sorted, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return Double.NaN;
        }
        int mid = from + n / 2;
        return n % 2 == 1 ? sorted[mid] : sorted[mid - 1] + (sorted[mid] - sorted[mid - 1]) / 2;
    }

    /** Mean and sum of squared deviations of {@code values[from..to-1]} (sorted), in two passes. */
    private static final class Moments {
        final double mean;
        final double ss;

        private Moments(double mean, double ss) {
            this.mean = mean;
            this.ss = ss;
        }

        static Moments of(double[] sorted, int from, int to) {
            int n = to - from;
            if (n == 0) {
                return new Moments(Double.NaN, Double.NaN);
            }
            if (sorted[from] == sorted[to - 1]) {
                return new Moments(sorted[from], 0);
            }
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += sorted[i];
            }
            double mean = sum / n;
            double correction = 0;
            for (int i = from; i < to; i++) {
                correction += sorted[i] - mean;
            }
            mean += correction / n;
            double ss = 0;
            for (int i = from; i < to; i++) {
                double d = sorted[i] - mean;
                ss += d * d;
            }
            return new Moments(mean, ss);
        }
    }
}
