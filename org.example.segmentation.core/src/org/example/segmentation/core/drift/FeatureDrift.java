package org.example.segmentation.core.drift;

/**
 * The drift of one feature between the reference and the current month: one row of {@code feature_drift.csv}.
 * Measures that do not apply to the feature's type, or cannot be computed, are NaN (an empty cell).
 *
 * @param feature             the feature
 * @param type                {@code numeric} or {@code categorical}
 * @param segmentationFeature whether the segmentation uses it
 * @param status              the verdict for the feature
 * @param psi                 population stability index over the reference bins or levels (plus the unseen bucket)
 * @param ksStatistic         numeric: two-sample Kolmogorov-Smirnov D on the reservoir samples
 * @param ksPValue            numeric: its two-sided p-value
 * @param chi2Statistic       categorical: chi-square statistic of homogeneity over levels and the unseen bucket
 * @param chi2PValue          categorical: its p-value
 * @param pAdjusted           the KS or chi-square p-value, Benjamini-Hochberg adjusted over the whole report
 * @param wassersteinSd       numeric: Wasserstein-1 distance of the samples divided by the reference standard deviation
 * @param meanRef             numeric: reference mean
 * @param meanCur             numeric: current mean
 * @param meanShiftSd         numeric: {@code (meanCur - meanRef) / stdRef}
 * @param stdRef              numeric: reference standard deviation
 * @param stdCur              numeric: current standard deviation
 * @param stdRatio            numeric: {@code stdCur / stdRef}
 * @param missingRef          reference missing share
 * @param missingCur          current missing share
 * @param unseenShare         categorical: share of the current values whose level the reference never had
 * @param jsDistance          Jensen-Shannon distance (base 2) of the bin or level shares
 * @param bins                bins (numeric) or levels plus the unseen bucket (categorical)
 * @param rowsRef             reference non-missing values
 * @param rowsCur             current non-missing values
 * @param reason              why the status, in words
 */
public record FeatureDrift(String feature, String type, boolean segmentationFeature, FeatureStatus status,
        double psi, double ksStatistic, double ksPValue, double chi2Statistic, double chi2PValue, double pAdjusted,
        double wassersteinSd, double meanRef, double meanCur, double meanShiftSd, double stdRef, double stdCur,
        double stdRatio, double missingRef, double missingCur, double unseenShare, double jsDistance, int bins,
        long rowsRef, long rowsCur, String reason) {

    /** The feature's test p-value: KS for numeric, chi-square for categorical features. */
    public double pValue() {
        return "numeric".equals(type) ? ksPValue : chi2PValue;
    }
}
