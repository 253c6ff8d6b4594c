package org.example.segmentation.core.campaign;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a {@link ControlGroupPlan}: a stratum's (or, labelled {@code (all)}, every customer's) sizes,
 * shares and balance.
 *
 * @param stratum         the stratum's value, {@code null} for customers with a missing value, {@code (all)} for
 *                        the overall row
 * @param customers       customers in the stratum, global holdout included
 * @param holdout         customers in the global holdout
 * @param treatment       customers in treatment
 * @param control         customers in control
 * @param expectedControl the planned control size: {@code round(share x (treatment + control))} for
 *                        stratified_rank (equal to {@code control} in a stratum), {@code share x (treatment +
 *                        control)} for hash_threshold
 * @param srmPValue       the sample-ratio-mismatch test's p-value of the control/treatment split against the
 *                        share (see {@link SampleRatio}); NaN without customers
 * @param smd             the standardised mean difference per covariate, in the configured order (NaN when
 *                        it cannot be computed, see {@link Balance})
 * @param balanced        whether no covariate's |SMD| exceeds the threshold (NaN is not counted as imbalance)
 * @param flipped         customers with an earlier group (treatment, control or holdout) that now have another
 *                        one; -1 when no earlier assignment was given
 * @param warnings        what the analyst should know about this stratum, one sentence each
 */
public record StratumPlan(String stratum, int customers, int holdout, int treatment, int control,
        double expectedControl, double srmPValue, Map<String, Double> smd, boolean balanced, int flipped,
        List<String> warnings) {

    public StratumPlan {
        smd = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(smd, "smd")));
        warnings = List.copyOf(warnings);
    }

    /** The realised control share, {@code control / (treatment + control)}; NaN without customers. */
    public double controlShare() {
        int n = treatment + control;
        return n == 0 ? Double.NaN : (double) control / n;
    }
}
