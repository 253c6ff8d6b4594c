package org.example.segmentation.core.drift;

/**
 * The verdict of a month: {@link #OK}, {@link #WARN} or {@link #ALERT}, with the recommendation that goes with it.
 * The rule is in {@link DriftMonitor}.
 */
public enum DriftStatus {
    /** Nothing drifted: keep the segmentation. */
    OK("keep", "keep the segmentation"),
    /** Some drift, but not of the segmentation itself: watch the next months. */
    WARN("watch", "watch: some features or the segment shares moved; check the reasons next month again"),
    /** The segmentation's features or the segment shares drifted significantly: re-fit the segmentation. */
    ALERT("refit", "re-fit the segmentation: what it was built on has moved");

    private final String recommendation;
    private final String advice;

    DriftStatus(String recommendation, String advice) {
        this.recommendation = recommendation;
        this.advice = advice;
    }

    /** {@code keep}, {@code watch} or {@code refit}: a word a workflow can branch on. */
    public String recommendation() {
        return recommendation;
    }

    /** The recommendation in a sentence. */
    public String advice() {
        return advice;
    }
}
