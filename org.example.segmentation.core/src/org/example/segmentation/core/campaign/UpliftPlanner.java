package org.example.segmentation.core.campaign;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.Table;

/**
 * Plans a campaign test on a conversion rate before the campaign: per segment and overall, the minimum
 * detectable effect at {@code power} and two-sided {@code alpha} for {@code base_rate}, and, given
 * {@code target_effect}, the control share that effect needs (formulas in {@link DetectableEffect}).
 *
 * <p>Group sizes: when the table has the group column ({@code group.column}, e.g. {@code groups.csv} of an
 * assignment), its realised treatment and control customers (holdout left out); otherwise each segment's
 * {@code m} customers split as {@code control = round(control.share x m)}, as {@code stratified_rank} would.
 * The needed control share is solved for the segment's treated plus control customers.
 */
public final class UpliftPlanner {
    private UpliftPlanner() {
    }

    /**
     * Plans the campaign. Does not modify {@code table}.
     *
     * @throws InputException without {@code base_rate}, for a missing segment column, or a bad group value
     */
    public static UpliftPlan plan(Table table, UpliftConfig config) {
        if (Double.isNaN(config.baseRate())) {
            throw new InputException("uplift setting '" + UpliftConfig.KEY_BASE_RATE + "' is required for planning: "
                    + "the conversion rate expected without the campaign, e.g. base_rate=0.05");
        }
        if (!config.segmentColumn().isEmpty() && !table.hasColumn(config.segmentColumn())) {
            throw new InputException("uplift setting '" + UpliftConfig.KEY_SEGMENT_COLUMN + "': no column '"
                    + config.segmentColumn() + "'; the table has " + String.join(", ", table.columnNames()));
        }
        boolean realised = table.hasColumn(config.groupColumn());
        Group[] groups = realised ? UpliftReadout.groups(table.column(config.groupColumn())) : null;
        Strata segments = config.segmentColumn().isEmpty() ? Strata.single(table.rowCount())
                : Strata.of(table.column(config.segmentColumn()), UpliftConfig.KEY_SEGMENT_COLUMN);
        int s = segments.size();
        long[] treated = new long[s + 1];
        long[] control = new long[s + 1];
        long[] all = new long[s + 1];
        for (int i = 0; i < table.rowCount(); i++) {
            int k = segments.of[i];
            if (groups == null) {
                all[k]++;
            } else if (groups[i] == Group.TREATMENT) {
                treated[k]++;
            } else if (groups[i] == Group.CONTROL) {
                control[k]++;
            }
        }
        if (groups == null) {
            for (int k = 0; k < s; k++) {
                control[k] = ControlGroupAssigner.controlSize(config.controlShare(), Math.toIntExact(all[k]));
                treated[k] = all[k] - control[k];
            }
        }
        for (int k = 0; k < s; k++) {
            treated[s] += treated[k];
            control[s] += control[k];
        }
        List<SegmentPlan> rows = new ArrayList<>();
        for (int k = 0; k <= s; k++) {
            rows.add(row(config, k == s ? Strata.ALL : segments.labels.get(k), treated[k], control[k]));
        }
        SegmentPlan overall = rows.remove(s);
        return new UpliftPlan(config, realised, config.segmentColumn().isEmpty() ? List.of() : rows, overall);
    }

    private static SegmentPlan row(UpliftConfig config, String label, long treated, long control) {
        List<String> warnings = new ArrayList<>();
        double p = config.baseRate();
        double mde = DetectableEffect.minimumEffect(p, treated, control, config.alpha(), config.power());
        if (control == 0) {
            warnings.add("no control customers: no effect can be measured");
        }
        if (treated == 0) {
            warnings.add("no treated customers: no effect can be measured");
        }
        double needed = Double.NaN;
        long controlNeeded = -1;
        double target = config.targetEffect();
        long n = treated + control;
        if (!Double.isNaN(target) && n > 0) {
            needed = DetectableEffect.controlShareNeeded(p, n, target, config.alpha(), config.power());
            if (Double.isNaN(needed)) {
                warnings.add("impossible: even a 50/50 split of " + n + " customers cannot detect a lift of "
                        + Phrases.brief(target) + "; that needs at least "
                        + (long) Math.ceil(DetectableEffect.customersNeeded(p, target, config.alpha(), config.power()))
                        + " customers");
            } else {
                controlNeeded = (long) Math.ceil(needed * n - 1e-9);
                if (!(mde <= target)) {
                    warnings.add("a lift of " + Phrases.brief(target) + " needs at least " + controlNeeded
                            + " control customers (share " + Phrases.brief(needed) + "); the planned split detects "
                            + "only " + Phrases.brief(mde));
                }
            }
        }
        if (!Double.isNaN(mde) && p + mde > 1) {
            warnings.add("the minimum detectable lift " + Phrases.brief(mde) + " would take the rate above 1: the "
                    + "segment is too small for a test");
        }
        return new SegmentPlan(label, treated, control, mde, mde / p, needed, controlNeeded, warnings);
    }
}
