package org.example.segmentation.core.drift;

import java.util.Arrays;

/**
 * Quantile bins of a numeric feature, fixed on the reference month.
 *
 * <p><b>Edges.</b> With the reference's finite values sorted, {@code v[0] <= ... <= v[n-1]}, and {@code k} bins
 * requested, the candidate edges are the empirical quantiles {@code q_j = v[ceil(j n / k) - 1]} for
 * {@code j = 1..k-1} (inverse of the empirical distribution function: always a value of the data). Equal
 * candidates are merged, and a candidate equal to the maximum {@code v[n-1]} is dropped (its bin would be empty).
 * The remaining {@code e_1 < ... < e_m} give {@code m + 1} bins, closed on the right:
 * {@code (-inf, e_1], (e_1, e_2], ..., (e_m, +inf)}.
 *
 * <p><b>Ties and point masses.</b> A value that fills several quantiles (0 app logins for a third of the
 * customers) becomes one edge, and since bins are closed on the right the whole point mass lands in one bin:
 * {@code (-inf, 0]} holds every zero. A 0/1 flag gets the single edge 0 and two bins, {@code {0}} and
 * {@code {1}}; a constant feature gets no edge and one bin (its PSI is always 0). Values of a later month below
 * the reference minimum fall into the first bin, above the maximum into the last.
 */
final class QuantileBins {
    private QuantileBins() {
    }

    /**
     * The bin edges of {@code sorted} (ascending, finite, at least one value) for {@code bins} requested bins.
     */
    static double[] edges(double[] sorted, int bins) {
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        double max = sorted[n - 1];
        double[] out = new double[bins - 1];
        int m = 0;
        for (int j = 1; j < bins; j++) {
            int index = (int) ((j * (long) n + bins - 1) / bins) - 1;
            double q = sorted[Math.max(0, index)];
            if (q < max && (m == 0 || q > out[m - 1])) {
                out[m++] = q;
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** The bin of {@code x}: the number of edges below {@code x} (0..edges.length). */
    static int binOf(double[] edges, double x) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
