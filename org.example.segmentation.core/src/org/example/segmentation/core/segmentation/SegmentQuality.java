package org.example.segmentation.core.segmentation;

/**
 * How good the chosen segmentation is, by the criteria that need no ground truth (see
 * {@link org.example.segmentation.core.cluster.ClusterQuality} and
 * {@link org.example.segmentation.core.cluster.KSelection}). {@code null} stands for a score that is undefined
 * ({@code NaN}) or infinite.
 *
 * @param rows                 the fit rows
 * @param inertia              the within-segment sum of squared distances to the segment means
 * @param silhouette           the exact silhouette on the seeded sample, -1..1, higher is better
 * @param silhouetteSimplified the simplified silhouette on all rows (distances to the means)
 * @param calinskiHarabasz     Calinski-Harabasz, higher is better
 * @param daviesBouldin        Davies-Bouldin, lower is better
 * @param stability            the mean adjusted Rand index of the bootstrap refits, or null when not measured
 */
public record SegmentQuality(int rows, double inertia, Double silhouette, Double silhouetteSimplified,
        Double calinskiHarabasz, Double daviesBouldin, Double stability) {

    /** {@code null} for NaN and infinities; the value otherwise. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** {@code NaN} for {@code null}. */
    static double value(Double v) {
        return v == null ? Double.NaN : v;
    }
}
