package org.example.segmentation.core.cluster;

import java.util.List;
import java.util.Objects;

/**
 * What {@link KSelection#select} found: every candidate's scores, the chosen k, why, and the chosen fit.
 *
 * @param <F>           the clusterer's fit type ({@link KMeansResult} for k-means)
 * @param config        the configuration used
 * @param candidates    one entry per k, in increasing k
 * @param chosenK       the chosen number of segments
 * @param basis         which step of the rule chose it; anything but {@link Basis#ALL_CRITERIA} deserves a warning
 * @param reason        one human-readable paragraph: the rule that chose {@code chosenK} and why better-scoring k
 *                      were passed over
 * @param chosenFit     the fit of {@code chosenK} on all rows (no refit needed)
 * @param sampleRows    rows in the seeded sample of the exact silhouette and the stability score
 * @param bootstrapRows rows in each bootstrap refit (0 when there were no runs)
 */
public record KSelectionResult<F>(KSelectionConfig config, List<KCandidate> candidates, int chosenK, Basis basis,
        String reason, F chosenFit, int sampleRows, int bootstrapRows) {

    /** Which step of the rule in {@link KSelection} made the choice. */
    public enum Basis {
        /** The best silhouette among the k that meet both the segment-share and the stability condition. */
        ALL_CRITERIA,
        /** No k met both; the best silhouette among the k that meet the segment-share condition. */
        STABILITY_RELAXED,
        /** No k met the segment-share condition; the best silhouette overall. */
        BEST_SILHOUETTE,
        /** No k has a defined silhouette; the smallest k. */
        SMALLEST_K
    }

    public KSelectionResult {
        Objects.requireNonNull(config, "config");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(chosenFit, "chosenFit");
    }

    /** The chosen candidate's scores. */
    public KCandidate chosen() {
        for (KCandidate c : candidates) {
            if (c.k() == chosenK) {
                return c;
            }
        }
        throw new IllegalStateException("no candidate for k=" + chosenK);
    }

    /** Whether the chosen k meets every condition of the configuration. */
    public boolean criteriaMet() {
        return basis == Basis.ALL_CRITERIA;
    }
}
