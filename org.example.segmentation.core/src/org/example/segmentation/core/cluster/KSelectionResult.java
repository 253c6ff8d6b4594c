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
 * @param chosenFit     the fit of {@code chosenK} on all rows: the search's own fit, or after a sampled search the
 *                      fit on all rows started from the sample's fit
 * @param sampleRows    rows in the seeded sample of the exact silhouette and the stability score
 * @param bootstrapRows rows in each bootstrap refit (0 when there were no runs)
 * @param searchRows    rows every candidate was fitted and scored on: {@code allRows}, or the size of the seeded
 *                      search sample ({@code k_search.sample_size}) when the search was sampled
 * @param allRows       rows of the data
 * @param chosenOnAllRows the scores of {@code chosenFit} on all rows: inertia, simplified silhouette,
 *                      Calinski-Harabasz, Davies-Bouldin, smallest segment share and segment sizes of all rows; the
 *                      silhouette and the stability are the chosen candidate's. Equal to {@link #chosen()} when the
 *                      search was not sampled
 */
public record KSelectionResult<F>(KSelectionConfig config, List<KCandidate> candidates, int chosenK, Basis basis,
        String reason, F chosenFit, int sampleRows, int bootstrapRows, int searchRows, int allRows,
        KCandidate chosenOnAllRows) {

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
        Objects.requireNonNull(chosenOnAllRows, "chosenOnAllRows");
        if (chosenOnAllRows.k() != chosenK) {
            throw new IllegalArgumentException("the all-rows scores are of k=" + chosenOnAllRows.k() + ", not the "
                    + "chosen k=" + chosenK);
        }
    }

    /** Whether the candidates were fitted and scored on a sample of the rows ({@code searchRows < allRows}). */
    public boolean sampledSearch() {
        return searchRows < allRows;
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
