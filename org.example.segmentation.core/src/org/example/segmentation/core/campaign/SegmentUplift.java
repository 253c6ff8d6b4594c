package org.example.segmentation.core.campaign;

import java.util.List;

/**
 * One row of an {@link UpliftReport}: a segment's (or, labelled {@code (all)}, every customer's) lift of
 * treatment over control. Rates for a binary outcome, means for a numeric one; NaN where a value is undefined
 * (see {@link UpliftReadout}).
 *
 * @param segment         the segment's value, {@code null} for customers with a missing segment, {@code (all)}
 *                        for the overall row
 * @param treatedN        treated customers
 * @param controlN        control customers
 * @param treated         the treated conversion rate or mean outcome
 * @param control         the control conversion rate or mean outcome
 * @param absLift         {@code treated - control}
 * @param relLift         {@code absLift / control}; NaN when the control value is 0
 * @param ciLow           lower bound of the interval for {@code absLift} (Newcombe hybrid score or Welch)
 * @param ciHigh          upper bound
 * @param incremental     {@code absLift x treatedN}: conversions (or revenue) the campaign added in this segment
 * @param statistic       the test statistic: pooled two-proportion z, or Welch's t
 * @param degreesOfFreedom Welch-Satterthwaite degrees of freedom; NaN for a binary outcome
 * @param pValue          the two-sided p-value of the test
 * @param pAdjusted       the Benjamini-Hochberg adjusted p-value across the segments; NaN on the overall row
 * @param significant     {@code pAdjusted < alpha} for a segment, {@code pValue < alpha} overall; {@code null}
 *                        without a test
 * @param srmPValue       the sample-ratio-mismatch p-value of the control/treatment split against the planned
 *                        control share
 * @param warnings        what the analyst should know, one sentence each
 */
public record SegmentUplift(String segment, long treatedN, long controlN, double treated, double control,
        double absLift, double relLift, double ciLow, double ciHigh, double incremental, double statistic,
        double degreesOfFreedom, double pValue, double pAdjusted, Boolean significant, double srmPValue,
        List<String> warnings) {

    public SegmentUplift {
        warnings = List.copyOf(warnings);
    }

    SegmentUplift withAdjusted(double adjusted, double alpha) {
        return new SegmentUplift(segment, treatedN, controlN, treated, control, absLift, relLift, ciLow, ciHigh,
                incremental, statistic, degreesOfFreedom, pValue, adjusted,
                Double.isNaN(adjusted) ? null : adjusted < alpha, srmPValue, warnings);
    }
}
