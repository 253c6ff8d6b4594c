package org.example.segmentation.core.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.example.segmentation.core.InputException;

/**
 * The percentile scale of one indicator in the reference table, in constant size: at most {@value #MAX_KNOTS} knots
 * {@code (value, percentile)}, strictly increasing in the value, non-decreasing in the percentile.
 *
 * <p><b>Fit.</b> With {@code m} distinct reference values {@code v_1 < ... < v_m}:
 * <ul>
 * <li>{@code m <= }{@value #MAX_KNOTS} (counts, flags, rates with few decimals): one knot per distinct value, at its
 * <em>mid-percentile</em> {@code F(v) = P(X < v) + P(X = v) / 2}: reference {1, 2, 3, 4, 5} gives 0.1, 0.3, 0.5, 0.7,
 * 0.9; a 0/1 flag with 70% zeros gives 0.35 and 0.85;</li>
 * <li>more distinct values: the type-7 quantiles {@code q_k} at {@code k / 1000}, {@code k = 0..1000} (linear
 * interpolation between order statistics), as knots {@code (q_k, k / 1000)}; knots of equal value are merged into one
 * at their mean percentile.</li>
 * </ul>
 *
 * <p><b>Map.</b> A value on a knot gets its percentile; between two knots, linear interpolation; below the first knot
 * 0, above the last 1; missing, NaN and infinite values stay missing (NaN). The mapping is non-decreasing, so an
 * indicator's percentile (and every score built on it) does not change under any increasing transformation applied
 * to the reference and the scored values alike (z-scaling, log).
 *
 * @param values      the knot values, strictly increasing
 * @param percentiles the knot percentiles in 0..1, non-decreasing
 */
record PercentileSketch(List<Double> values, List<Double> percentiles) {
    /** The most knots a sketch holds. */
    static final int MAX_KNOTS = 1001;

    PercentileSketch {
        values = List.copyOf(values);
        percentiles = List.copyOf(percentiles);
    }

    /**
     * Fits the sketch on the finite values {@code x[0..n-1]} (sorted in place).
     *
     * @throws IllegalArgumentException when {@code n} is 0
     */
    static PercentileSketch fit(double[] x, int n) {
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        Arrays.sort(x, 0, n);
        int distinct = 1;
        for (int i = 1; i < n; i++) {
            if (x[i] != x[i - 1]) {
                distinct++;
            }
        }
        double[] v;
        double[] p;
        if (distinct <= MAX_KNOTS) {
            v = new double[distinct];
            p = new double[distinct];
            int k = 0;
            int i = 0;
            while (i < n) {
                int j = i;
                while (j < n && x[j] == x[i]) {
                    j++;
                }
                v[k] = x[i];
                p[k] = (i + (j - i) / 2.0) / n;
                k++;
                i = j;
            }
        } else {
            double[] q = new double[MAX_KNOTS];
            double[] pq = new double[MAX_KNOTS];
            for (int k = 0; k < MAX_KNOTS; k++) {
                double h = (n - 1) * (double) k / (MAX_KNOTS - 1);
                int lo = (int) Math.floor(h);
                int hi = Math.min(n - 1, lo + 1);
                q[k] = x[lo] + (h - lo) * (x[hi] - x[lo]);
                pq[k] = (double) k / (MAX_KNOTS - 1);
            }
            double[] mv = new double[MAX_KNOTS];
            double[] mp = new double[MAX_KNOTS];
            int m = 0;
            int i = 0;
            while (i < MAX_KNOTS) {
                int j = i;
                double sum = 0;
                while (j < MAX_KNOTS && q[j] == q[i]) {
                    sum += pq[j];
                    j++;
                }
                mv[m] = q[i];
                mp[m] = sum / (j - i);
                m++;
                i = j;
            }
            v = Arrays.copyOf(mv, m);
            p = Arrays.copyOf(mp, m);
        }
        return new PercentileSketch(boxed(v), boxed(p));
    }

    /** Checks a sketch read from a file. */
    void validate(String column) {
        if (values.isEmpty() || values.size() != percentiles.size() || values.size() > MAX_KNOTS) {
            throw new InputException("the percentile sketch of '" + column + "' must have 1 to " + MAX_KNOTS
                    + " knots with as many values as percentiles");
        }
        for (int i = 0; i < values.size(); i++) {
            double v = Objects.requireNonNull(values.get(i), "value");
            double p = Objects.requireNonNull(percentiles.get(i), "percentile");
            if (!Double.isFinite(v) || !(p >= 0 && p <= 1)
                    || i > 0 && (!(v > values.get(i - 1)) || p < percentiles.get(i - 1))) {
                throw new InputException("the percentile sketch of '" + column + "' is not increasing at knot " + i);
            }
        }
    }

    /** A fast evaluator over primitive arrays. */
    Mapper mapper() {
        return new Mapper(unboxed(values), unboxed(percentiles));
    }

    /**
     * Maps values to percentiles; see the record comment. Immutable.
     *
     * <p>Scoring maps every row's value of every indicator, so the lookup is the scorer's inner loop. A plain binary
     * search over up to {@value #MAX_KNOTS} knots takes about ten unpredictable branches; here a small index first
     * narrows it down: the range from the first to the last knot is cut into {@code 2 x knots} equal buckets, and
     * {@code start[b]} is the first knot in bucket {@code b} or later. A value's bucket is computed in floating point,
     * and the computation ({@code (x - first) * scale}, truncated, clamped) is non-decreasing in {@code x}, so every
     * knot before {@code start[b]} is smaller than {@code x} and every knot from {@code start[b + 1]} on is larger:
     * {@link Arrays#binarySearch(double[], int, int, double)} over that slice (mostly 0 to 2 knots: counts have a knot
     * per integer, quantile knots are spread over the range) finds exactly the index or insertion point the search
     * over all knots finds, rounding included ({@code -0.0} against a knot {@code 0.0} too), and the interpolation
     * formula is the same. Results are bit-identical to the plain search.
     */
    static final class Mapper {
        private final double[] v;
        private final double[] p;
        /** The first knot's value. */
        private final double first;
        /** Buckets per unit of value; 0 (one bucket) for a single knot or a range too wide to divide. */
        private final double scale;
        private final int lastBucket;
        /** Per bucket {@code b} (and one more at the end), the first knot whose bucket is {@code b} or later. */
        private final int[] start;

        Mapper(double[] v, double[] p) {
            this.v = v;
            this.p = p;
            int n = v.length;
            this.first = v[0];
            double range = v[n - 1] - v[0];
            int buckets = n == 1 ? 1 : 2 * n;
            double s = buckets / range;
            if (n == 1 || !Double.isFinite(range) || !Double.isFinite(s) || s <= 0) {
                buckets = 1;
                s = 0;
            }
            this.scale = s;
            this.lastBucket = buckets - 1;
            this.start = new int[buckets + 1];
            int b = 0;
            for (int k = 0; k < n; k++) {
                int bk = bucket(v[k]);
                while (b <= bk) {
                    start[b++] = k;
                }
            }
            while (b <= buckets) {
                start[b++] = n;
            }
        }

        /** The bucket of {@code x}: non-decreasing in {@code x}, 0 to {@link #lastBucket}. */
        private int bucket(double x) {
            int b = (int) ((x - first) * scale);
            return b < 0 ? 0 : b > lastBucket ? lastBucket : b;
        }

        /** The percentile of {@code x} in 0..1, or NaN when {@code x} is not finite. */
        double percentile(double x) {
            if (!Double.isFinite(x)) {
                return Double.NaN;
            }
            int b = bucket(x);
            int i = Arrays.binarySearch(v, start[b], start[b + 1], x);
            if (i >= 0) {
                return p[i];
            }
            int hi = -i - 1;
            if (hi == 0) {
                return 0;
            }
            if (hi == v.length) {
                return 1;
            }
            int lo = hi - 1;
            return p[lo] + (p[hi] - p[lo]) * (x - v[lo]) / (v[hi] - v[lo]);
        }
    }

    private static List<Double> boxed(double[] a) {
        Double[] out = new Double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return List.of(out);
    }

    private static double[] unboxed(List<Double> a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i);
        }
        return out;
    }
}
