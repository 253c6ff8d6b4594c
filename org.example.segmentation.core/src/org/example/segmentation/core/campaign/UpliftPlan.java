package org.example.segmentation.core.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/**
 * A campaign plan before the campaign: per segment and overall, the minimum detectable effect on a conversion
 * rate and, for a target effect, the control share it needs (see {@link UpliftPlanner}).
 */
public final class UpliftPlan {
    /** The file name the command line writes {@link #toTable()} to. */
    public static final String FILE_NAME = "uplift_plan.csv";

    private final UpliftConfig config;
    private final boolean realisedGroups;
    private final List<SegmentPlan> segments;
    private final SegmentPlan overall;

    UpliftPlan(UpliftConfig config, boolean realisedGroups, List<SegmentPlan> segments, SegmentPlan overall) {
        this.config = Objects.requireNonNull(config, "config");
        this.realisedGroups = realisedGroups;
        this.segments = List.copyOf(segments);
        this.overall = Objects.requireNonNull(overall, "overall");
    }

    /** The configuration (base rate, alpha, power, control share, target effect). */
    public UpliftConfig config() {
        return config;
    }

    /** Whether the group sizes are the table's realised groups ({@code true}) or the planned control share. */
    public boolean realisedGroups() {
        return realisedGroups;
    }

    /** One row per segment (empty without a segment column). */
    public List<SegmentPlan> segments() {
        return segments;
    }

    /** All customers together (label {@code (all)}). */
    public SegmentPlan overall() {
        return overall;
    }

    /** Every warning, each naming its segment, the overall ones first. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (String w : overall.warnings()) {
            out.add("overall: " + w);
        }
        for (SegmentPlan s : segments) {
            for (String w : s.warnings()) {
                out.add("segment " + Phrases.quote(s.segment()) + ": " + w);
            }
        }
        return out;
    }

    /**
     * The plan table: {@code segment, customers, treated_n, control_n, control_share, base_rate, alpha, power,
     * mde_abs, mde_rel, target_effect, control_share_needed, control_n_needed, warning}; one row per segment,
     * then the overall row {@code (all)}. Undefined numbers are empty.
     */
    public Table toTable() {
        List<SegmentPlan> rows = new ArrayList<>(segments);
        rows.add(overall);
        int n = rows.size();
        String[] label = new String[n];
        double[][] v = new double[13][n];
        String[] warning = new String[n];
        for (int r = 0; r < n; r++) {
            SegmentPlan s = rows.get(r);
            label[r] = s.segment();
            v[0][r] = s.customers();
            v[1][r] = s.treatedN();
            v[2][r] = s.controlN();
            v[3][r] = s.customers() == 0 ? Double.NaN : (double) s.controlN() / s.customers();
            v[4][r] = config.baseRate();
            v[5][r] = config.alpha();
            v[6][r] = config.power();
            v[7][r] = s.minimumEffect();
            v[8][r] = s.minimumRelative();
            v[9][r] = config.targetEffect();
            v[10][r] = s.controlShareNeeded();
            v[11][r] = s.controlNeeded() < 0 ? Double.NaN : s.controlNeeded();
            warning[r] = s.warnings().isEmpty() ? null : String.join("; ", s.warnings());
        }
        List<Column> cols = new ArrayList<>();
        cols.add(TextColumn.of("segment", label));
        String[] names = {"customers", "treated_n", "control_n", "control_share", "base_rate", "alpha", "power",
                "mde_abs", "mde_rel", "target_effect", "control_share_needed", "control_n_needed"};
        for (int c = 0; c < names.length; c++) {
            cols.add(NumericColumn.of(names[c], v[c]));
        }
        cols.add(TextColumn.of("warning", warning));
        return Table.of(cols);
    }
}
