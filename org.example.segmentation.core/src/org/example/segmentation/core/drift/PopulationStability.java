package org.example.segmentation.core.drift;

/**
 * The population stability index and the Jensen-Shannon distance of two count vectors over the same bins.
 *
 * <p><b>PSI.</b> {@code PSI = sum_i (a_i - e_i) ln(a_i / e_i)}, where {@code e_i} is the reference ("expected")
 * share of bin {@code i} and {@code a_i} the current ("actual") share. <b>Smoothing:</b> every bin's count gets
 * 0.5 added, on both sides, before the shares are taken: {@code e_i = (E_i + 0.5) / (E + 0.5 B)} with {@code B}
 * bins (the Jeffreys prior, also called the Haldane-Anscombe correction). So an empty bin (a level never seen in
 * the reference, a tail the current month does not reach) gives a finite, sample-size aware contribution instead
 * of infinity, and with thousands of rows per bin the smoothing changes the PSI by less than 1e-4. Each term is
 * {@code >= 0}, so the per-bin terms are the contributions of the bins to the total.
 *
 * <p><b>Jensen-Shannon distance.</b> {@code sqrt(JS)} with {@code JS = H(m) - (H(p) + H(q)) / 2} in bits,
 * {@code m = (p + q) / 2}, on the raw (unsmoothed) shares: 0 for equal distributions, 1 for disjoint ones.
 */
final class PopulationStability {
    /** The pseudo-count added to every bin before PSI shares are taken. */
    static final double SMOOTHING = 0.5;

    private PopulationStability() {
    }

    /** The smoothed shares {@code (c_i + 0.5) / (n + 0.5 B)}. */
    static double[] smoothedShares(long[] counts) {
        double total = 0;
        for (long c : counts) {
            total += c;
        }
        double denominator = total + SMOOTHING * counts.length;
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = (counts[i] + SMOOTHING) / denominator;
        }
        return out;
    }

    /** The PSI term of every bin; NaN everywhere when either side has no values. */
    static double[] contributions(long[] expected, long[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException(expected.length + " reference bins but " + actual.length + " current bins");
        }
        double[] out = new double[expected.length];
        if (sum(expected) == 0 || sum(actual) == 0) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        double[] e = smoothedShares(expected);
        double[] a = smoothedShares(actual);
        for (int i = 0; i < out.length; i++) {
            out[i] = (a[i] - e[i]) * Math.log(a[i] / e[i]);
        }
        return out;
    }

    /** The PSI of {@code actual} against {@code expected}; NaN when either side has no values. */
    static double psi(long[] expected, long[] actual) {
        double total = 0;
        for (double c : contributions(expected, actual)) {
            total += c;
        }
        return total;
    }

    /** The Jensen-Shannon distance (base 2) of the two distributions; NaN when either side has no values. */
    static double jensenShannonDistance(long[] p, long[] q) {
        double np = sum(p);
        double nq = sum(q);
        if (np == 0 || nq == 0) {
            return Double.NaN;
        }
        double js = 0;
        for (int i = 0; i < p.length; i++) {
            double a = p[i] / np;
            double b = q[i] / nq;
            double m = (a + b) / 2;
            if (a > 0) {
                js += 0.5 * a * Math.log(a / m);
            }
            if (b > 0) {
                js += 0.5 * b * Math.log(b / m);
            }
        }
        return Math.sqrt(Math.max(0, js / Math.log(2)));
    }

    static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }
}
