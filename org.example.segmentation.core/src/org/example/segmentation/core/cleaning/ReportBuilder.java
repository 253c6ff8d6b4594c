package org.example.segmentation.core.cleaning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.cleaning.CleanerConfig.OutlierAction;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.Table;

/** Builds the {@link CleaningReport} of one fit or apply from the pipeline's counters. */
final class ReportBuilder {
    private ReportBuilder() {
    }

    /**
     * @param dropped one entry per dropped column ({@link #dropped})
     * @param extras  apply: the input columns the model does not know, passed through
     */
    static CleaningReport build(boolean fit, CleanerConfig config, Table input, Pipeline pipeline, Table output,
            List<ColumnReport> dropped, List<Column> extras) {
        List<ColumnReport> rows = new ArrayList<>();
        List<ColumnReport> indicators = new ArrayList<>();
        for (Pipeline.Slot s : pipeline.slots()) {
            FittedColumn p = s.plan;
            Column out = output.column(p.name());
            String typeIn = s.source.type().key();
            rows.add(new ColumnReport(p.name(), p.role(), typeIn, out.type().key(), action(config, p, typeIn, s),
                    s.missingBefore, s.invalid, s.outliers, s.imputed, p.grouped().size(), s.valuesGrouped, s.unseen,
                    out.missingCount(), false, p.reason()));
            if (p.missingIndicator()) {
                indicators.add(indicator(p.missingIndicatorName(), output,
                        "added: 1 where '" + p.name() + "' was missing before imputation"));
            }
            if (p.outlierFlag()) {
                indicators.add(indicator(p.outlierFlagName(), output,
                        "added: 1 where '" + p.name() + "' is outside the outlier fences"));
            }
        }
        rows.addAll(indicators);
        rows.addAll(dropped);
        for (Column e : extras) {
            Column out = output.column(e.name());
            rows.add(new ColumnReport(e.name(), "passed_through", e.type().key(), out.type().key(),
                    "passed through unchanged (not known to the model)", e.missingCount(), 0, 0, 0, 0, 0, 0,
                    out.missingCount(), false, ""));
        }
        List<RowsRemoved> removed = new ArrayList<>();
        for (Map.Entry<String, Integer> e : pipeline.removedBy().entrySet()) {
            String[] parts = e.getKey().split("\t", 2);
            removed.add(new RowsRemoved(parts[0], parts.length > 1 ? parts[1] : "", e.getValue()));
        }
        return new CleaningReport(fit, input.rowCount(), output.rowCount(), rows, removed);
    }

    /**
     * The entry of a dropped column.
     *
     * @param input   the column in the input, or null when the input lacks it
     * @param invalid invalid values found before the column was dropped (fit), else 0
     */
    static ColumnReport dropped(String name, Column input, int invalid, String reason) {
        return new ColumnReport(name, "dropped", input == null ? "" : input.type().key(), "",
                input == null ? "dropped (not in the input)" : "dropped", input == null ? 0 : input.missingCount(),
                invalid, 0, 0, 0, 0, 0, 0, true, reason);
    }

    private static ColumnReport indicator(String name, Table output, String action) {
        return new ColumnReport(name, "indicator", "", "numeric", action, 0, 0, 0, 0, 0, 0, 0,
                output.column(name).missingCount(), false, "");
    }

    private static String action(CleanerConfig config, FittedColumn p, String typeIn, Pipeline.Slot s) {
        List<String> parts = new ArrayList<>();
        if (p.identifierRole()) {
            parts.add("kept as row key");
            if (p.pseudonymise()) {
                parts.add("pseudonymised (salted SHA-256)");
            }
            return String.join("; ", parts);
        }
        if (p.numericRole()) {
            if (!typeIn.equals(FittedColumn.NUMERIC)) {
                parts.add("read as numbers (" + (s.invalid - s.belowMin) + " not numbers)");
            }
            if (p.validMin() != null) {
                parts.add(s.belowMin + (s.belowMin == 1 ? " value" : " values") + " below " + num(p.validMin())
                        + " invalid (made missing)");
            }
            if (p.hasFences()) {
                parts.add("outliers (" + config.outlierMethod().key() + ") outside [" + num(p.outlierLower()) + ", "
                        + num(p.outlierUpper()) + "] " + outlierVerb(config.outlierAction()));
            } else if (!p.outlierNote().isEmpty()) {
                parts.add("no outlier rule: " + p.outlierNote());
            }
            parts.add(missingWords(p));
            if (p.scaled()) {
                parts.add("scaled " + config.scaling().key() + " (center " + num(p.center()) + ", divisor "
                        + num(p.divisor()) + ")");
            }
        } else {
            if (!typeIn.equals(FittedColumn.CATEGORICAL)) {
                parts.add("read as levels");
            }
            parts.add(missingWords(p));
            if (!p.grouped().isEmpty()) {
                parts.add(p.grouped().size() + (p.grouped().size() == 1 ? " level" : " levels") + " grouped into "
                        + CleanerConfig.OTHER);
            }
            parts.add(p.levels().size() + " levels; unseen levels become "
                    + (config.unseen() == CleanerConfig.Unseen.OTHER ? CleanerConfig.OTHER : "missing"));
        }
        if (p.missingIndicator()) {
            parts.add("indicator " + p.missingIndicatorName());
        }
        return String.join("; ", parts);
    }

    private static String missingWords(FittedColumn p) {
        switch (p.missing()) {
            case "drop_row":
                return "rows with a missing value dropped";
            case "none":
                return "missing values left missing";
            case "unknown":
            case "constant":
                return "missing filled with " + (p.fillNumber() != null ? num(p.fillNumber())
                        : "level '" + p.fillLevel() + "'");
            default:
                String value = p.fillNumber() != null ? num(p.fillNumber()) : "'" + p.fillLevel() + "'";
                return "missing filled with the " + p.missing().replace('_', ' ') + " " + value;
        }
    }

    private static String outlierVerb(OutlierAction action) {
        switch (action) {
            case CLIP:
                return "clipped";
            case MISSING:
                return "set missing";
            case DROP_ROW:
                return "rows dropped";
            default:
                return "flagged";
        }
    }

    /** Six significant digits, plain notation. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
