package org.example.segmentation.cli.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cleaning.Cleaner;
import org.example.segmentation.core.cleaning.CleanerConfig;
import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.cleaning.CleaningReport;
import org.example.segmentation.core.cleaning.CleaningResult;
import org.example.segmentation.core.cleaning.FeatureScaling;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

/**
 * {@code clean}: fits the cleaner ({@link CleanerConfig} keys), or with {@code reuse_models} applies the previous
 * run's cleaning model. Writes {@value CleaningModel#FILE_NAME} (the applied model too, so the next month can build on
 * this run), {@value #REPORT} and {@value #ROWS_REMOVED}; sets the run's customers to the cleaned rows in their
 * original units.
 */
final class CleanStep implements PipelineStep {
    static final String REPORT = "cleaning_report.csv";
    static final String ROWS_REMOVED = "cleaning_rows_removed.csv";

    @Override
    public String name() {
        return "clean";
    }

    @Override
    public void validate(Settings settings, PipelineDefinition pipeline) {
        Steps.noSettingsWhenReused(settings, pipeline);
        if (!pipeline.reuseModels()) {
            CleanerConfig.fromSettings(settings);
        }
    }

    @Override
    public String run(PipelineRun run, Settings settings, Progress progress) {
        CleaningResult r = run.pipeline.reuseModels() ? run.previous.cleaning().apply(run.prepared, progress)
                : Cleaner.fit(run.prepared, CleanerConfig.fromSettings(settings), progress);
        run.cleaning = r;
        r.model().save(run.out.file(CleaningModel.FILE_NAME));
        CsvWriter w = CsvWriter.defaults();
        w.write(r.report().toTable(), run.out.file(REPORT));
        w.write(r.report().rowsRemovedTable(), run.out.file(ROWS_REMOVED));
        run.customers = originalUnits(r, run.prepared, run.input, run.log1pColumns);
        CleaningReport rep = r.report();
        if (rep.rowsOut() == 0) {
            throw new InputException("clean: no rows left after cleaning " + run.inputFile);
        }
        return String.format(java.util.Locale.ROOT, "%s %d rows in, %d out; %d features; %d imputed, %d outliers, "
                + "%d invalid", run.pipeline.reuseModels() ? "applied the previous model:" : "fitted:", rep.rowsIn(),
                rep.rowsOut(), r.model().featureColumns().size(), rep.imputed(), rep.outliers(), rep.invalid());
    }

    /**
     * The cleaned table with every scaled numeric feature back in its original units and the log1p columns back as
     * counts: what the profile and the scored customers show. A value the cleaner kept as it was is taken from the
     * row as read ({@code input}, joined through {@link CleaningResult#inputRows}), so a 0/1 flag stays exactly 0 or
     * 1; a value the cleaner changed (imputed, clipped) is computed back, {@link FeatureScaling#unscale} then
     * {@code expm1}, and may carry rounding noise in the last digits.
     */
    static Table originalUnits(CleaningResult cleaning, Table prepared, Table input, List<String> log1p) {
        Table cleaned = cleaning.table();
        List<Column> columns = new ArrayList<>();
        for (Column c : cleaned.columns()) {
            Optional<FeatureScaling> s = c instanceof NumericColumn ? cleaning.model().featureScaling(c.name())
                    : Optional.empty();
            boolean exp = c instanceof NumericColumn && log1p.contains(c.name());
            if (s.isEmpty() && !exp) {
                columns.add(c);
                continue;
            }
            NumericColumn n = (NumericColumn) c;
            NumericColumn before = numeric(prepared, c.name());
            NumericColumn raw = numeric(input, c.name());
            double[] v = n.toArray();
            boolean[] missing = new boolean[v.length];
            for (int i = 0; i < v.length; i++) {
                missing[i] = n.isMissing(i);
                if (missing[i]) {
                    continue;
                }
                int row = cleaning.inputRow(i);
                if (before != null && raw != null && !before.isMissing(row) && !raw.isMissing(row)
                        && (s.isPresent() ? s.get().scale(before.value(row)) : before.value(row)) == v[i]) {
                    v[i] = raw.value(row); // kept as read: the exact value, no round trip through the scaling
                } else {
                    double x = s.isPresent() ? s.get().unscale(v[i]) : v[i];
                    v[i] = exp ? Math.expm1(x) : x;
                }
            }
            columns.add(NumericColumn.of(c.name(), v, missing));
        }
        return Table.of(columns);
    }

    private static NumericColumn numeric(Table table, String name) {
        return table.hasColumn(name) && table.column(name) instanceof NumericColumn n ? n : null;
    }
}
