package org.example.segmentation.core.segmentation;

import java.util.Arrays;

/**
 * Percentiles of the Euclidean distances of fit rows to their segment's centroid, in the feature space. The
 * percentile {@code p} of the sorted distances {@code s[0..n-1]} interpolates linearly between closest ranks
 * (Hyndman-Fan type 7, the default of R and numpy): {@code h = (n - 1) p / 100},
 * {@code s[floor h] + (h - floor h)(s[floor h + 1] - s[floor h])}.
 *
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile: a row farther than this from its centroid is {@code out_of_range}
 */
public record DistancePercentiles(double p50, double p90, double p95, double p99) {

    public DistancePercentiles {
        for (double v : new double[] {p50, p90, p95, p99}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("a distance percentile must be finite and >= 0, got " + v);
            }
        }
        if (!(p50 <= p90 && p90 <= p95 && p95 <= p99)) {
            throw new IllegalArgumentException("distance percentiles must not decrease: " + p50 + ", " + p90 + ", "
                    + p95 + ", " + p99);
        }
    }

    /** The percentiles of {@code distances[0..count)} (sorted in place). */
    static DistancePercentiles of(double[] distances, int count) {
        if (count == 0) {
            return new DistancePercentiles(0, 0, 0, 0);
        }
        Arrays.sort(distances, 0, count);
        return new DistancePercentiles(percentile(distances, count, 50), percentile(distances, count, 90),
                percentile(distances, count, 95), percentile(distances, count, 99));
    }

    /** Type-7 percentile of the sorted {@code s[0..n)}. */
    static double percentile(double[] s, int n, double p) {
        double h = (n - 1) * p / 100;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return s[n - 1];
        }
        return s[lo] + (h - lo) * (s[lo + 1] - s[lo]);
    }
}
