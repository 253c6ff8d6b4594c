package org.example.segmentation.cli.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.drift.DriftBaseline;
import org.example.segmentation.core.drift.DriftConfig;
import org.example.segmentation.core.settings.Settings;

/**
 * {@code baseline}: fits a drift baseline ({@link DriftConfig} keys) on this run's customers, in original units, with
 * their segment and distance columns, for later monitoring runs. Defaults the pipeline fills in when the keys are not
 * set: {@code features} = the cleaned features minus the select step's {@code exclude} (truth or target columns),
 * plus {@code digital_score} when the score step ran (a falling score is worth an alert of its own);
 * {@code segmentation.features} = the segmentation's features. Writes {@value DriftBaseline#FILE_NAME}.
 */
final class BaselineStep implements PipelineStep {
    private static final String DIGITAL_SCORE = "digital_score";

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public void validate(Settings settings, PipelineDefinition pipeline) {
        Steps.requireStep(pipeline, "clean", "before it (the baseline describes the cleaned customers)");
        DriftConfig.fromSettings(settings);
    }

    @Override
    public String run(PipelineRun run, Settings settings, Progress progress) {
        Settings s = settings;
        if (!s.has(DriftConfig.KEY_FEATURES)) {
            List<String> features = new ArrayList<>(run.cleaning.model().featureColumns());
            if (run.selection != null) {
                features.removeAll(run.selection.config().exclude());
            }
            features.removeIf(f -> !run.customers.hasColumn(f));
            if (run.customers.hasColumn(DIGITAL_SCORE) && !features.contains(DIGITAL_SCORE)) {
                features.add(DIGITAL_SCORE);
            }
            s = s.with(DriftConfig.KEY_FEATURES, Settings.formatList(features));
        }
        if (!s.has(DriftConfig.KEY_SEGMENTATION_FEATURES) && run.segmentation != null) {
            s = s.with(DriftConfig.KEY_SEGMENTATION_FEATURES, Settings.formatList(run.segmentation.featureNames()));
        }
        DriftBaseline b = DriftBaseline.fit(run.customers, DriftConfig.fromSettings(s), null, progress);
        run.baseline = b;
        b.save(run.out.file(DriftBaseline.FILE_NAME));
        return b.features().size() + " features, " + b.segmentNames().size() + " segments, " + b.rows() + " rows";
    }
}
