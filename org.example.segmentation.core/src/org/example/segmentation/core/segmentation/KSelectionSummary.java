package org.example.segmentation.core.segmentation;

import java.util.List;
import java.util.Objects;

/**
 * How the number of segments was chosen, as stored in the model.
 *
 * @param automatic     whether k was searched ({@code k=0}) or fixed by the setting {@code k}
 * @param chosenK       the number of segments
 * @param basis         which step of the rule of {@link org.example.segmentation.core.cluster.KSelection} chose it
 *                      ({@code all_criteria}, {@code stability_relaxed}, {@code best_silhouette}, {@code smallest_k})
 * @param reason        the rule's explanation in words
 * @param sampleRows    rows in the seeded sample of the exact silhouette and the stability score
 * @param bootstrapRows rows in each bootstrap refit (0 without stability runs)
 * @param candidates    the scores of every k tried, in increasing k
 */
public record KSelectionSummary(boolean automatic, int chosenK, String basis, String reason, int sampleRows,
        int bootstrapRows, List<CandidateScores> candidates) {

    public KSelectionSummary {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(reason, "reason");
        candidates = List.copyOf(candidates);
        if (candidates.stream().noneMatch(c -> c.k() == chosenK)) {
            throw new IllegalArgumentException("no candidate for the chosen k=" + chosenK);
        }
    }
}
