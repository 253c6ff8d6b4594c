package org.example.segmentation.cli.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.segmentation.FitContext;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.segmentation.SegmentationPmml;
import org.example.segmentation.core.segmentation.SegmentationResult;
import org.example.segmentation.core.segmentation.Segmenter;
import org.example.segmentation.core.segmentation.SegmenterConfig;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.Table;

/**
 * {@code segment}: fits the segmentation ({@link SegmenterConfig} keys) on the selected (or cleaned) table, with the
 * cleaning model's scaling and, when the previous run has a segmentation, its segment ids carried over; or with
 * {@code reuse_models} assigns the customers with the previous run's model. Writes {@value SegmentationModel#FILE_NAME},
 * {@value SegmentationPmml#FILE_NAME} and {@value #K_SELECTION}; joins the segment columns onto the customers.
 */
final class SegmentStep implements PipelineStep {
    static final String K_SELECTION = "k_selection.csv";

    @Override
    public String name() {
        return "segment";
    }

    @Override
    public void validate(Settings settings, PipelineDefinition pipeline) {
        Steps.requireStep(pipeline, "clean", "before it (segmentation needs complete, scaled features)");
        Steps.noSettingsWhenReused(settings, pipeline);
        if (!pipeline.reuseModels()) {
            SegmenterConfig.fromSettings(settings);
        }
    }

    @Override
    public String run(PipelineRun run, Settings settings, Progress progress) {
        Table features = run.selected != null ? run.selected : run.cleaning.table();
        String origin;
        if (run.pipeline.reuseModels()) {
            run.segmentation = run.previous.segmentation();
            run.segmented = run.segmentation.assign(features, progress);
            run.segmentationFitted = false;
            origin = "assigned with the previous model";
        } else {
            FitContext context = FitContext.none().withCleaning(run.cleaning.model());
            boolean carry = run.previous != null && run.previous.has(SegmentationModel.FILE_NAME);
            if (carry) {
                context = context.withPrevious(run.previous.segmentation());
            }
            SegmentationResult r = Segmenter.fit(features, SegmenterConfig.fromSettings(settings), context, progress);
            run.segmentation = r.model();
            run.segmented = r.segmented();
            run.segmentationFitted = true;
            origin = "fitted" + (carry ? ", ids carried over from the previous run" : "");
        }
        SegmentationModel m = run.segmentation;
        m.save(run.out.file(SegmentationModel.FILE_NAME));
        SegmentationPmml.write(m, run.out.file(SegmentationPmml.FILE_NAME));
        CsvWriter.defaults().write(m.kSelectionTable(), run.out.file(K_SELECTION));
        Table customers = run.customers;
        for (String c : SegmentationModel.OUTPUT_COLUMNS) {
            Column col = run.segmented.column(c);
            customers = customers.hasColumn(c) ? customers.replace(col) : customers.append(col);
        }
        run.customers = customers;
        Map<String, Integer> sizes = new LinkedHashMap<>();
        m.segmentNames().forEach(n -> sizes.put(n, 0));
        CategoricalColumn seg = run.segmented.categorical(SegmentationModel.SEGMENT);
        for (int i = 0; i < seg.size(); i++) {
            if (!seg.isMissing(i)) {
                sizes.merge(seg.level(i), 1, Integer::sum);
            }
        }
        return origin + "; k = " + m.k() + " (" + m.kSelection().basis() + "); customers per segment "
                + sizes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
