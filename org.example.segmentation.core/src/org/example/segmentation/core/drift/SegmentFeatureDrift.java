package org.example.segmentation.core.drift;

/**
 * The drift of one feature within one segment: one row of {@code segment_feature_drift.csv}. The status goes by
 * PSI alone (moderate and significant thresholds); it is information and does not enter the verdict.
 *
 * @param segment     the segment
 * @param feature     the feature
 * @param status      stable, moderate, significant, or too_few_rows below {@code segment.min_rows}
 * @param rowsRef     reference non-missing values in the segment
 * @param rowsCur     current non-missing values in the segment
 * @param psi         PSI within the segment, over the feature's overall bins or levels
 * @param meanRef     numeric: reference mean in the segment
 * @param meanCur     numeric: current mean in the segment
 * @param meanShiftSd numeric: {@code (meanCur - meanRef)} in reference standard deviations of the whole feature
 */
public record SegmentFeatureDrift(String segment, String feature, FeatureStatus status, long rowsRef, long rowsCur,
        double psi, double meanRef, double meanCur, double meanShiftSd) {
}
