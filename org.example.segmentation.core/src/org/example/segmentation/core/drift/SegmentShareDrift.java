package org.example.segmentation.core.drift;

/**
 * The drift of the segment shares as a whole, and of the segmentation's fit.
 *
 * @param psi                PSI of the segment shares
 * @param chi2Statistic      chi-square statistic of homogeneity of the segment counts
 * @param pValue             its p-value
 * @param pAdjusted          Benjamini-Hochberg adjusted with the feature tests
 * @param maxShareChange     the largest absolute share change of a segment
 * @param maxShareSegment    the segment with that change
 * @param status             the shares' verdict
 * @param meanDistanceRef    reference mean distance to the centroid over all segments (NaN without distances)
 * @param meanDistanceCur    current mean distance
 * @param distanceChange     {@code meanDistanceCur / meanDistanceRef - 1}: positive when the segmentation fits worse
 * @param distanceStatus     the fit's verdict against {@code distance.*} ({@code stable} without distances)
 * @param unassignedRef      reference rows without a segment
 * @param unassignedCur      current rows without a segment
 */
public record SegmentShareDrift(double psi, double chi2Statistic, double pValue, double pAdjusted,
        double maxShareChange, String maxShareSegment, FeatureStatus status, double meanDistanceRef,
        double meanDistanceCur, double distanceChange, FeatureStatus distanceStatus, long unassignedRef,
        long unassignedCur) {
}
