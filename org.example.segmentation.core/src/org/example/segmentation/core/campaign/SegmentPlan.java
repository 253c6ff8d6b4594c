package org.example.segmentation.core.campaign;

import java.util.List;

/**
 * One row of an {@link UpliftPlan}: what a campaign test on a conversion rate can detect in a segment (or,
 * labelled {@code (all)}, in all customers together).
 *
 * @param segment            the segment's value, {@code null} for a missing segment, {@code (all)} overall
 * @param treatedN           customers that would be (or are) treated
 * @param controlN           customers that would be (or are) in control
 * @param minimumEffect      the minimum detectable absolute lift at the configured alpha and power; NaN without
 *                           control or treated customers
 * @param minimumRelative    {@code minimumEffect / base_rate}
 * @param controlShareNeeded the smallest control share that detects {@code target_effect} in this segment's
 *                           customers; NaN without a target effect or when impossible
 * @param controlNeeded      {@code ceil(controlShareNeeded x customers)}; -1 when not computed
 * @param warnings           what the analyst should know, one sentence each
 */
public record SegmentPlan(String segment, long treatedN, long controlN, double minimumEffect,
        double minimumRelative, double controlShareNeeded, long controlNeeded, List<String> warnings) {

    public SegmentPlan {
        warnings = List.copyOf(warnings);
    }

    /** Treated plus control customers. */
    public long customers() {
        return treatedN + controlN;
    }
}
