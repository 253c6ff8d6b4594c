package org.example.segmentation.cli.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

/**
 * {@code transform}: {@code log1p} of skewed count columns before cleaning (app logins, payments, branch visits):
 * their long right tails otherwise dominate the z-scores and the segmentation. The scored customers get the counts
 * back in their own units ({@code expm1}). A negative value has no logarithm: it becomes missing (the cleaner imputes
 * it) and is counted in the step's summary line.
 */
final class TransformStep implements PipelineStep {
    static final String KEY_LOG1P = "log1p";
    static final List<SettingSpec> SPECS = List.of(SettingSpec.of(KEY_LOG1P, "[]",
            "numeric columns replaced by log(1 + value) before cleaning"));

    @Override
    public String name() {
        return "transform";
    }

    @Override
    public void validate(Settings settings, PipelineDefinition pipeline) {
        settings.requireKnown(name(), SPECS);
        settings.getList(KEY_LOG1P, List.of());
    }

    @Override
    public String run(PipelineRun run, Settings settings, Progress progress) {
        List<String> columns = settings.getList(KEY_LOG1P, List.of());
        Table t = run.prepared;
        List<String> notes = new ArrayList<>();
        for (String name : columns) {
            if (!t.hasColumn(name)) {
                throw new InputException("transform: setting '" + KEY_LOG1P + "' names column '" + name
                        + "', which the input does not have");
            }
            Column c = t.column(name);
            if (c.type() != ColumnType.NUMERIC) {
                throw new InputException("transform: setting '" + KEY_LOG1P + "': column '" + name + "' is "
                        + c.type().name().toLowerCase(java.util.Locale.ROOT) + ", not numeric");
            }
            NumericColumn n = (NumericColumn) c;
            double[] v = n.toArray();
            boolean[] missing = new boolean[v.length];
            int negative = 0;
            for (int i = 0; i < v.length; i++) {
                if (n.isMissing(i)) {
                    missing[i] = true;
                } else if (v[i] < 0) {
                    missing[i] = true;
                    negative++;
                } else {
                    v[i] = Math.log1p(v[i]);
                }
            }
            t = t.replace(NumericColumn.of(name, v, missing));
            if (negative > 0) {
                notes.add(negative + " negative values in '" + name + "' set to missing");
                run.warn("transform: " + negative + " negative values in '" + name + "' have no logarithm and were "
                        + "set to missing");
            }
        }
        run.prepared = t;
        run.log1pColumns = List.copyOf(columns);
        return "log1p of " + columns.size() + " columns" + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
    }
}
