package org.example.segmentation.core.drift;

/**
 * The drift of one segment: one row of {@code segment_drift.csv}.
 *
 * @param segment          the segment
 * @param status           its share change against {@code segment.share_change.*}, confirmed by the segment share
 *                         test
 * @param rowsRef          reference rows in the segment
 * @param rowsCur          current rows in the segment
 * @param shareRef         reference share of the rows with a segment
 * @param shareCur         current share
 * @param shareChange      {@code shareCur - shareRef}
 * @param psiContribution  this segment's term of the segment share PSI
 * @param centroidShift    how far the segment's mean moved over the numeric segmentation features, in reference
 *                         standard deviations (Euclidean); NaN when the segment is empty in a month
 * @param meanDistanceRef  reference mean distance to the centroid (NaN without distances)
 * @param meanDistanceCur  current mean distance to the centroid
 * @param distanceChange   {@code meanDistanceCur / meanDistanceRef - 1}
 * @param driftedFeatures  features whose within-segment drift is moderate or significant
 */
public record SegmentDrift(String segment, FeatureStatus status, long rowsRef, long rowsCur, double shareRef,
        double shareCur, double shareChange, double psiContribution, double centroidShift, double meanDistanceRef,
        double meanDistanceCur, double distanceChange, int driftedFeatures) {
}
