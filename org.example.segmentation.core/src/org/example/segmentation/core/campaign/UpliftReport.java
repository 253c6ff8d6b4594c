package org.example.segmentation.core.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/**
 * The uplift readout of one campaign: per segment and overall, treated and control rates (or means), the lift
 * with its interval, the test, the Benjamini-Hochberg adjustment across segments and a sample-ratio check.
 */
public final class UpliftReport {
    /** The file name the command line writes {@link #toTable()} to. */
    public static final String FILE_NAME = "uplift.csv";

    private final UpliftConfig config;
    private final OutcomeType outcomeType;
    private final List<SegmentUplift> segments;
    private final SegmentUplift overall;
    private final int holdout;

    UpliftReport(UpliftConfig config, OutcomeType outcomeType, List<SegmentUplift> segments, SegmentUplift overall,
            int holdout) {
        this.config = Objects.requireNonNull(config, "config");
        this.outcomeType = Objects.requireNonNull(outcomeType, "outcomeType");
        this.segments = List.copyOf(segments);
        this.overall = Objects.requireNonNull(overall, "overall");
        this.holdout = holdout;
    }

    /** The configuration of the readout. */
    public UpliftConfig config() {
        return config;
    }

    /** The outcome type used: {@link OutcomeType#BINARY} or {@link OutcomeType#NUMERIC}, never auto. */
    public OutcomeType outcomeType() {
        return outcomeType;
    }

    /** One row per segment (empty without a segment column), numeric or text order, missing last. */
    public List<SegmentUplift> segments() {
        return segments;
    }

    /** All treated and control customers together (label {@code (all)}). */
    public SegmentUplift overall() {
        return overall;
    }

    /** Customers in the global holdout, left out of the readout. */
    public int holdout() {
        return holdout;
    }

    /** Every warning, each naming its segment, the overall ones first. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (String w : overall.warnings()) {
            out.add("overall: " + w);
        }
        for (SegmentUplift s : segments) {
            for (String w : s.warnings()) {
                out.add("segment " + Phrases.quote(s.segment()) + ": " + w);
            }
        }
        return out;
    }

    /**
     * The readout table: {@code segment, treated_n, control_n, treated_rate, control_rate} (or
     * {@code treated_mean, control_mean} for a numeric outcome), {@code abs_lift, rel_lift, ci_low, ci_high,
     * incremental, test_statistic, p_value, p_adjusted, significant, srm_p_value, warning}: one row per segment,
     * then the overall row {@code (all)}. Undefined numbers are empty.
     */
    public Table toTable() {
        List<SegmentUplift> rows = new ArrayList<>(segments);
        rows.add(overall);
        int n = rows.size();
        String[] label = new String[n];
        double[][] v = new double[14][n];
        String[] significant = new String[n];
        String[] warning = new String[n];
        for (int r = 0; r < n; r++) {
            SegmentUplift s = rows.get(r);
            label[r] = s.segment();
            v[0][r] = s.treatedN();
            v[1][r] = s.controlN();
            v[2][r] = s.treated();
            v[3][r] = s.control();
            v[4][r] = s.absLift();
            v[5][r] = s.relLift();
            v[6][r] = s.ciLow();
            v[7][r] = s.ciHigh();
            v[8][r] = s.incremental();
            v[9][r] = s.statistic();
            v[10][r] = s.pValue();
            v[11][r] = s.pAdjusted();
            v[12][r] = s.srmPValue();
            significant[r] = s.significant() == null ? null : s.significant().toString();
            warning[r] = s.warnings().isEmpty() ? null : String.join("; ", s.warnings());
        }
        String measure = outcomeType == OutcomeType.BINARY ? "rate" : "mean";
        List<Column> cols = new ArrayList<>();
        cols.add(TextColumn.of("segment", label));
        cols.add(NumericColumn.of("treated_n", v[0]));
        cols.add(NumericColumn.of("control_n", v[1]));
        cols.add(NumericColumn.of("treated_" + measure, v[2]));
        cols.add(NumericColumn.of("control_" + measure, v[3]));
        cols.add(NumericColumn.of("abs_lift", v[4]));
        cols.add(NumericColumn.of("rel_lift", v[5]));
        cols.add(NumericColumn.of("ci_low", v[6]));
        cols.add(NumericColumn.of("ci_high", v[7]));
        cols.add(NumericColumn.of("incremental", v[8]));
        cols.add(NumericColumn.of("test_statistic", v[9]));
        cols.add(NumericColumn.of("p_value", v[10]));
        cols.add(NumericColumn.of("p_adjusted", v[11]));
        cols.add(CategoricalColumn.of("significant", significant));
        cols.add(NumericColumn.of("srm_p_value", v[12]));
        cols.add(TextColumn.of("warning", warning));
        return Table.of(cols);
    }
}
