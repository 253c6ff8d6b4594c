package org.example.segmentation.cli.pipeline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.drift.DriftBaseline;
import org.example.segmentation.core.drift.DriftConfig;
import org.example.segmentation.core.drift.DriftMonitor;
import org.example.segmentation.core.drift.DriftReport;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;

/**
 * {@code drift}: judges this run's customers against the previous run's drift baseline (the monitoring keys of
 * {@link DriftConfig}; the baseline keys are fixed by the baseline), with the migration matrices against the previous
 * run's scored customers. Writes {@value #FEATURES}, {@value #SEGMENTS}, {@value #SEGMENT_FEATURES},
 * {@value #MIGRATION} and {@value #SUMMARY}; without a baseline step of its own, carries the previous baseline over
 * as {@value DriftBaseline#FILE_NAME}, so every later month is judged against the same reference month. The run's
 * exit code follows the status: 0 OK, 3 WARN, 4 ALERT.
 */
final class DriftStep implements PipelineStep {
    static final String FEATURES = "feature_drift.csv";
    static final String SEGMENTS = "segment_drift.csv";
    static final String SEGMENT_FEATURES = "segment_feature_drift.csv";
    static final String MIGRATION = "migration.csv";
    static final String SUMMARY = "drift_summary.json";

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public void validate(Settings settings, PipelineDefinition pipeline) {
        Steps.requireStep(pipeline, "clean", "before it (it monitors the cleaned customers)");
        Steps.requirePrevious(pipeline, "with a drift baseline");
        DriftConfig.fromSettings(settings);
    }

    @Override
    public String run(PipelineRun run, Settings settings, Progress progress) {
        DriftBaseline baseline = run.previous.baseline();
        DriftConfig config = baseline.config().forMonitoring(settings);
        Map<String, ColumnType> current = new LinkedHashMap<>();
        for (Column c : run.customers.columns()) {
            current.put(c.name(), c.type());
        }
        // Migration needs a few of the previous month's columns: read only those of its wide scored file.
        Table prior = run.previous.customers(DriftMonitor.previousColumns(baseline, config, current));
        DriftReport r = DriftMonitor.monitor(baseline, config, null, run.customers, prior, progress);
        run.drift = r;
        CsvWriter w = CsvWriter.defaults();
        w.write(r.featureTable(), run.out.file(FEATURES));
        w.write(r.segmentTable(), run.out.file(SEGMENTS));
        w.write(r.segmentFeatureTable(), run.out.file(SEGMENT_FEATURES));
        w.write(r.migrationTable(), run.out.file(MIGRATION));
        r.writeSummary(run.out.file(SUMMARY));
        if (!run.pipeline.has("baseline")) {
            baseline.save(run.out.file(DriftBaseline.FILE_NAME));
        }
        var s = r.summary();
        return s.status() + "; worst feature " + (s.worstFeature().isEmpty() ? "none"
                : s.worstFeature() + String.format(Locale.ROOT, " (PSI %.3f)", s.worstPsi())) + "; "
                + s.featuresSignificant() + " significant, " + s.featuresModerate() + " moderate of "
                + s.featuresMonitored();
    }
}
