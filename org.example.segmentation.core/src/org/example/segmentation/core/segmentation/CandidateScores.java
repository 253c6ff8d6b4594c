package org.example.segmentation.core.segmentation;

import java.util.List;

import org.example.segmentation.core.cluster.KCandidate;

/**
 * The scores of one k tried, as stored in the model (a {@link KCandidate} with {@code null} for undefined or
 * infinite scores): of all rows, or after a sampled search ({@code k_search.sample_size}) of the search sample, as
 * the k selection's reason says; the segment sizes add up to the rows they were computed on.
 *
 * @param k                    the number of segments
 * @param inertia              within-segment sum of squares
 * @param silhouette           exact silhouette on the seeded sample
 * @param silhouetteSimplified simplified silhouette on all rows
 * @param calinskiHarabasz     Calinski-Harabasz
 * @param daviesBouldin        Davies-Bouldin
 * @param stability            mean adjusted Rand index of the bootstrap refits
 * @param minSegmentShare      the smallest segment's share of the rows
 * @param segmentSizes         rows per segment of that fit (in the clusterer's order, not by id)
 */
public record CandidateScores(int k, double inertia, Double silhouette, Double silhouetteSimplified,
        Double calinskiHarabasz, Double daviesBouldin, Double stability, double minSegmentShare,
        List<Integer> segmentSizes) {

    public CandidateScores {
        segmentSizes = List.copyOf(segmentSizes);
    }

    static CandidateScores of(KCandidate c) {
        return new CandidateScores(c.k(), c.inertia(), SegmentQuality.finite(c.silhouette()),
                SegmentQuality.finite(c.simplifiedSilhouette()), SegmentQuality.finite(c.calinskiHarabasz()),
                SegmentQuality.finite(c.daviesBouldin()), SegmentQuality.finite(c.stability()), c.minSegmentShare(),
                c.segmentSizes());
    }
}
