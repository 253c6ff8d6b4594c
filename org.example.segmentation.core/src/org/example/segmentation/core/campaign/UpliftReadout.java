package org.example.segmentation.core.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.example.segmentation.core.MultipleTesting;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

/**
 * Reads out a campaign: treated against control customers, per segment and overall (all segments pooled).
 * Holdout customers are counted and left out.
 *
 * <p><b>Binary outcome</b> (conversion, 0/1): rates {@code x/n}; {@code abs_lift = p_t - p_c}; the interval is
 * Newcombe's hybrid score interval for a difference of proportions; the p-value is the pooled two-proportion
 * z-test's, two-sided (see {@link Proportions}). <b>Numeric outcome</b> (revenue): means; the interval and the
 * p-value are Welch's (see {@link Welch}). {@code rel_lift = abs_lift / control}, NaN when the control value is
 * 0. Across the segments the p-values are adjusted by Benjamini-Hochberg ({@link MultipleTesting}); a segment is
 * significant when its adjusted p-value is below {@code alpha}, the overall row when its own p-value is. Every
 * row also gets a sample-ratio-mismatch p-value of its split against {@code control.share} ({@link SampleRatio}).
 *
 * <p>Warnings, per row: no control (or no treated) customers, where nothing is tested; a sample ratio mismatch
 * ({@code srm_p_value < srm.alpha}); a group smaller than {@code min.group_size}; for a binary outcome fewer than
 * 5 conversions or 5 non-conversions in a group (the z-test's normal approximation is rough); for a numeric one
 * fewer than 2 customers in a group (no variance); a control value of 0 (no relative lift).
 *
 * <p>Input checks, each an {@link InputException} naming the column, the row (counted from 1, header not
 * counted) and the value: a missing group or one other than treatment, control, holdout; a missing outcome
 * of a treated or control customer; for a binary outcome a value other than 0/1 ({@code true}/{@code false}
 * is read as 1/0); for a numeric outcome a non-numeric column; missing or duplicate ids when {@code id.column}
 * is set. Outcomes of holdout customers are not read.
 */
public final class UpliftReadout {
    /** Fewer conversions or non-conversions than this in a group gives a warning. */
    static final int MIN_EVENTS = 5;

    private UpliftReadout() {
    }

    /** As {@link #measure(Table, UpliftConfig, Progress)} without progress. */
    public static UpliftReport measure(Table table, UpliftConfig config) {
        return measure(table, config, Progress.NONE);
    }

    /**
     * Measures the uplift. Does not modify {@code table}.
     *
     * @throws InputException for a missing setting or column and for the bad input listed in the class description
     */
    public static UpliftReport measure(Table table, UpliftConfig config, Progress progress) {
        if (config.outcomeColumn().isEmpty()) {
            throw new InputException("uplift setting '" + UpliftConfig.KEY_OUTCOME_COLUMN + "' is required for a "
                    + "readout: the column with the outcome (0/1 conversion or a number such as revenue)");
        }
        need(table, config.groupColumn(), UpliftConfig.KEY_GROUP_COLUMN);
        need(table, config.outcomeColumn(), UpliftConfig.KEY_OUTCOME_COLUMN);
        if (!config.segmentColumn().isEmpty()) {
            need(table, config.segmentColumn(), UpliftConfig.KEY_SEGMENT_COLUMN);
        }
        if (!config.idColumn().isEmpty()) {
            need(table, config.idColumn(), UpliftConfig.KEY_ID_COLUMN);
            ControlGroupAssigner.ids(table, config.idColumn());
        }
        Group[] groups = groups(table.column(config.groupColumn()));
        progress.checkCancelled();
        Column outcomeColumn = table.column(config.outcomeColumn());
        OutcomeType type = resolveType(outcomeColumn, config.outcomeType(), groups);
        double[] y = outcomes(outcomeColumn, type, groups);
        progress.update(0.4, "measuring uplift");
        Strata segments = config.segmentColumn().isEmpty() ? Strata.single(table.rowCount())
                : Strata.of(table.column(config.segmentColumn()), UpliftConfig.KEY_SEGMENT_COLUMN);
        int s = segments.size();
        int slots = s + 1;
        long[][] n = new long[slots][2];
        double[][] sum = new double[slots][2];
        int holdout = 0;
        for (int i = 0; i < groups.length; i++) {
            int g = side(groups[i]);
            if (g < 0) {
                holdout++;
                continue;
            }
            int k = segments.of[i];
            n[k][g]++;
            sum[k][g] += y[i];
            n[s][g]++;
            sum[s][g] += y[i];
        }
        double[][] mean = new double[slots][2];
        for (int k = 0; k < slots; k++) {
            for (int g = 0; g < 2; g++) {
                mean[k][g] = n[k][g] == 0 ? Double.NaN : sum[k][g] / n[k][g];
            }
        }
        double[][] squares = new double[slots][2];
        if (type == OutcomeType.NUMERIC) {
            for (int i = 0; i < groups.length; i++) {
                int g = side(groups[i]);
                if (g >= 0) {
                    double d = y[i] - mean[segments.of[i]][g];
                    squares[segments.of[i]][g] += d * d;
                    double o = y[i] - mean[s][g];
                    squares[s][g] += o * o;
                }
            }
        }
        progress.update(0.8, null);
        List<SegmentUplift> rows = new ArrayList<>();
        for (int k = 0; k < slots; k++) {
            String label = k == s ? Strata.ALL : segments.labels.get(k);
            rows.add(type == OutcomeType.BINARY
                    ? binary(config, label, Math.round(sum[k][0]), n[k][0], Math.round(sum[k][1]), n[k][1])
                    : numeric(config, label, mean[k][0], variance(squares[k][0], n[k][0]), n[k][0], mean[k][1],
                            variance(squares[k][1], n[k][1]), n[k][1]));
        }
        SegmentUplift overall = rows.remove(s);
        List<SegmentUplift> segmentRows = new ArrayList<>();
        if (!config.segmentColumn().isEmpty()) {
            double[] p = new double[s];
            for (int k = 0; k < s; k++) {
                p[k] = rows.get(k).pValue();
            }
            double[] adjusted = MultipleTesting.benjaminiHochberg(p);
            for (int k = 0; k < s; k++) {
                segmentRows.add(rows.get(k).withAdjusted(adjusted[k], config.alpha()));
            }
        }
        progress.update(1, null);
        return new UpliftReport(config, type, segmentRows, overall, holdout);
    }

    private static double variance(double squares, long n) {
        return n > 1 ? squares / (n - 1) : Double.NaN;
    }

    private static int side(Group g) {
        return g == Group.TREATMENT ? 0 : g == Group.CONTROL ? 1 : -1;
    }

    private static void need(Table table, String column, String key) {
        if (!table.hasColumn(column)) {
            throw new InputException("uplift setting '" + key + "': no column '" + column + "'; the table has "
                    + String.join(", ", table.columnNames()));
        }
    }

    /** Every row's group; holdout included. */
    static Group[] groups(Column c) {
        Group[] out = new Group[c.size()];
        for (int i = 0; i < out.length; i++) {
            String v = c.format(i);
            if (v == null) {
                throw new InputException("column '" + c.name() + "', row " + (i + 1) + ": the group is missing; "
                        + "expected treatment, control or holdout");
            }
            Group g = Group.parse(v);
            if (g == null) {
                throw new InputException("column '" + c.name() + "', row " + (i + 1) + ": '" + v + "' is not a group; "
                        + "expected treatment, control or holdout");
            }
            out[i] = g;
        }
        return out;
    }

    private static OutcomeType resolveType(Column c, OutcomeType wanted, Group[] groups) {
        if (wanted == OutcomeType.NUMERIC) {
            if (!(c instanceof NumericColumn)) {
                throw new InputException("uplift setting '" + UpliftConfig.KEY_OUTCOME_TYPE + "' is numeric, but "
                        + "column '" + c.name() + "' is " + c.type().key() + "; a numeric outcome needs numbers");
            }
            return OutcomeType.NUMERIC;
        }
        if (wanted == OutcomeType.BINARY) {
            return OutcomeType.BINARY;
        }
        if (c instanceof NumericColumn num) {
            for (int i = 0; i < groups.length; i++) {
                if (side(groups[i]) >= 0 && !num.isMissing(i) && num.value(i) != 0 && num.value(i) != 1) {
                    return OutcomeType.NUMERIC;
                }
            }
        }
        return OutcomeType.BINARY;
    }

    /** The outcome of every treated and control row (NaN for holdout rows, which are not read). */
    private static double[] outcomes(Column c, OutcomeType type, Group[] groups) {
        double[] y = new double[groups.length];
        NumericColumn num = c instanceof NumericColumn x ? x : null;
        for (int i = 0; i < y.length; i++) {
            if (side(groups[i]) < 0) {
                y[i] = Double.NaN;
                continue;
            }
            if (c.isMissing(i)) {
                throw new InputException("column '" + c.name() + "', row " + (i + 1) + ": the outcome of a "
                        + groups[i].key() + " customer is missing; fill it (0 for no conversion or no revenue)");
            }
            if (num != null) {
                double v = num.value(i);
                if (type == OutcomeType.BINARY && v != 0 && v != 1) {
                    throw notBinary(c, i, c.format(i));
                }
                if (!Double.isFinite(v)) {
                    throw new InputException("column '" + c.name() + "', row " + (i + 1) + ": outcome " + c.format(i)
                            + " is not a finite number");
                }
                y[i] = v;
            } else {
                String v = c.format(i).trim().toLowerCase(Locale.ROOT);
                switch (v) {
                    case "1": case "true":
                        y[i] = 1;
                        break;
                    case "0": case "false":
                        y[i] = 0;
                        break;
                    default:
                        throw notBinary(c, i, c.format(i));
                }
            }
        }
        return y;
    }

    private static InputException notBinary(Column c, int row, String value) {
        return new InputException("column '" + c.name() + "', row " + (row + 1) + ": outcome '" + value
                + "' is not 0 or 1; a binary outcome (conversion) must be 0 or 1"
                + (c instanceof NumericColumn ? " (set " + UpliftConfig.KEY_OUTCOME_TYPE + "=numeric for amounts)"
                        : ""));
    }

    static SegmentUplift binary(UpliftConfig config, String label, long xT, long nT, long xC, long nC) {
        List<String> warnings = new ArrayList<>();
        double pT = nT == 0 ? Double.NaN : (double) xT / nT;
        double pC = nC == 0 ? Double.NaN : (double) xC / nC;
        double z = Proportions.z(config.confidence());
        Proportions.Interval ci = Proportions.newcombe(xT, nT, xC, nC, z);
        double stat = Proportions.pooledZ(xT, nT, xC, nC);
        double p = Proportions.twoSidedP(stat);
        commonWarnings(config, warnings, nT, nC);
        if (nT > 0 && nC > 0 && Math.min(Math.min(xT, nT - xT), Math.min(xC, nC - xC)) < MIN_EVENTS) {
            warnings.add("fewer than " + MIN_EVENTS + " conversions or non-conversions in a group: the z-test's "
                    + "normal approximation is rough");
        }
        return row(config, label, "rate", nT, nC, pT, pC, ci.low(), ci.high(), stat, Double.NaN, p, warnings);
    }

    static SegmentUplift numeric(UpliftConfig config, String label, double meanT, double varT, long nT, double meanC,
            double varC, long nC) {
        List<String> warnings = new ArrayList<>();
        Welch.Result w = Welch.test(meanT, varT, nT, meanC, varC, nC, config.confidence());
        commonWarnings(config, warnings, nT, nC);
        if (nT > 0 && nC > 0 && Math.min(nT, nC) < 2) {
            warnings.add("fewer than 2 customers in a group: no interval or test");
        }
        return row(config, label, "mean", nT, nC, meanT, meanC, w.low(), w.high(), w.t(), w.degreesOfFreedom(),
                w.pValue(), warnings);
    }

    private static void commonWarnings(UpliftConfig config, List<String> warnings, long nT, long nC) {
        if (nC == 0) {
            warnings.add("no control customers in this segment: no lift can be measured");
        }
        if (nT == 0) {
            warnings.add("no treated customers in this segment: no lift can be measured");
        }
        if (nT > 0 && nC > 0 && Math.min(nT, nC) < config.minGroupSize()) {
            warnings.add("small sample: " + nT + " treated and " + nC + " control customers (fewer than "
                    + config.minGroupSize() + " in a group)");
        }
        SampleRatio.Result srm = SampleRatio.test(nC, nT, config.controlShare());
        if (srm.pValue() < config.srmAlpha()) {
            warnings.add("sample ratio mismatch: control share " + Phrases.brief((double) nC / (nT + nC)) + " vs "
                    + Phrases.brief(config.controlShare()) + " planned (p = " + Phrases.brief(srm.pValue())
                    + "): check the assignment before trusting the lift");
        }
    }

    private static SegmentUplift row(UpliftConfig config, String label, String measure, long nT, long nC,
            double treated, double control, double low, double high, double stat, double df, double p,
            List<String> warnings) {
        double abs = treated - control;
        double rel = control == 0 ? Double.NaN : abs / control;
        if (control == 0 && nT > 0) {
            warnings.add("the control " + measure + " is 0: no relative lift");
        }
        double srm = SampleRatio.test(nC, nT, config.controlShare()).pValue();
        Boolean significant = Double.isNaN(p) ? null : p < config.alpha();
        return new SegmentUplift(label, nT, nC, treated, control, abs, rel, low, high, abs * nT, stat, df, p,
                Double.NaN, significant, srm, warnings);
    }
}
