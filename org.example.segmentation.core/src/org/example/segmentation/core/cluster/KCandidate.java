package org.example.segmentation.core.cluster;

import java.util.List;

/**
 * One row of the table {@link KSelection} builds: the scores of the clustering fitted with one k. A report shows
 * these side by side so an analyst can see why a k was chosen and overrule it. The figures are of the rows searched:
 * all rows, or after a sampled search ({@link KSelectionResult#sampledSearch()}) the search sample, to which the
 * segment sizes then add up; {@link KSelectionResult#chosenOnAllRows()} has the chosen k's figures on all rows.
 *
 * @param k                    the number of segments asked for
 * @param inertia              within-cluster sum of squared distances to the cluster means
 *                             ({@link ClusterQuality#inertia()}); always falls as k grows, so it is shown, not used
 * @param silhouette           exact silhouette on the seeded sample ({@link Silhouette}), -1..1, higher is better;
 *                             the score the choice is made on; {@code NaN} when undefined
 * @param simplifiedSilhouette simplified silhouette on all rows ({@link ClusterQuality#simplifiedSilhouette()})
 * @param calinskiHarabasz     {@link ClusterQuality#calinskiHarabasz()}, higher is better
 * @param daviesBouldin        {@link ClusterQuality#daviesBouldin()}, lower is better
 * @param stability            mean adjusted Rand index of the bootstrap refits against this fit, on the sample
 *                             ({@link KSelection}); {@code NaN} when not measured (no runs, or a refit failed)
 * @param minSegmentShare      the smallest segment's share of all rows, 0..1
 * @param segmentSizes         rows per segment {@code 0..k-1}
 */
public record KCandidate(int k, double inertia, double silhouette, double simplifiedSilhouette,
        double calinskiHarabasz, double daviesBouldin, double stability, double minSegmentShare,
        List<Integer> segmentSizes) {

    public KCandidate {
        segmentSizes = List.copyOf(segmentSizes);
    }
}
