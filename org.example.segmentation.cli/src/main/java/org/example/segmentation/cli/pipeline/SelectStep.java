package org.example.segmentation.cli.pipeline;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.selection.FeatureSelection;
import org.example.segmentation.core.selection.FeatureSelector;
import org.example.segmentation.core.selection.SelectorConfig;
import org.example.segmentation.core.settings.Settings;

/**
 * {@code select}: fits the feature selection ({@link SelectorConfig} keys) on the cleaned table, or with
 * {@code reuse_models} applies the previous run's. Writes {@value FeatureSelection#FILE_NAME} and {@value #REPORT}.
 */
final class SelectStep implements PipelineStep {
    static final String REPORT = "selection_report.csv";

    @Override
    public String name() {
        return "select";
    }

    @Override
    public void validate(Settings settings, PipelineDefinition pipeline) {
        Steps.requireStep(pipeline, "clean", "before it (selection runs on the cleaned table)");
        Steps.noSettingsWhenReused(settings, pipeline);
        if (!pipeline.reuseModels()) {
            SelectorConfig.fromSettings(settings);
        }
    }

    @Override
    public String run(PipelineRun run, Settings settings, Progress progress) {
        FeatureSelection s = run.pipeline.reuseModels() ? run.previous.selection()
                : FeatureSelector.fit(run.cleaning.table(), SelectorConfig.fromSettings(settings), progress);
        run.selection = s;
        run.selected = s.apply(run.cleaning.table());
        s.save(run.out.file(FeatureSelection.FILE_NAME));
        CsvWriter.defaults().write(s.report().toTable(), run.out.file(REPORT));
        return (run.pipeline.reuseModels() ? "applied the previous selection: " : "selected ") + s.features().size()
                + " features (" + REPORT + " says why)";
    }
}
