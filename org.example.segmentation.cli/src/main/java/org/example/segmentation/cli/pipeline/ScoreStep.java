package org.example.segmentation.cli.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.example.segmentation.cli.report.ArchetypeRegion;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.scoring.ProfileScorer;
import org.example.segmentation.core.scoring.ScoringConfig;
import org.example.segmentation.core.scoring.ScoringModel;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.Table;

/**
 * {@code score}: the digital profile score, capability and trust, archetype, channels, lifecycle, engagement and
 * product depth ({@link ScoringConfig} keys) for every customer, fitted on this run's customers in their original
 * units, or with {@code reuse_models} the previous run's {@value ScoringModel#FILE_NAME} (so next month is scored
 * on this month's scale). Appends the columns to the scored customers and writes the model.
 */
final class ScoreStep implements PipelineStep {

    @Override
    public String name() {
        return "score";
    }

    @Override
    public void validate(Settings settings, PipelineDefinition pipeline) {
        Steps.requireStep(pipeline, "clean", "before it (it scores the cleaned customers)");
        Steps.noSettingsWhenReused(settings, pipeline);
        ScoringConfig.fromSettings(settings);
    }

    @Override
    public String run(PipelineRun run, Settings settings, Progress progress) {
        ScoringModel model;
        String origin;
        if (run.pipeline.reuseModels() && run.previous != null && run.previous.has(ScoringModel.FILE_NAME)) {
            model = ScoringModel.load(run.previous.require(ScoringModel.FILE_NAME));
            origin = "scored with the previous model";
        } else {
            model = ProfileScorer.fit(run.customers, ScoringConfig.fromSettings(settings), progress.range(0, 0.5));
            origin = "fitted";
        }
        model.save(run.out.file(ScoringModel.FILE_NAME));
        Table scored = model.score(withConsentsAsRead(run, model), progress.range(0.5, 1));
        Table customers = run.customers;
        for (String c : model.outputColumns()) {
            Column col = scored.column(c);
            customers = customers.hasColumn(c) ? customers.replace(col) : customers.append(col);
        }
        run.customers(customers);
        List<ArchetypeRegion> regions = new ArrayList<>();
        for (org.example.segmentation.core.scoring.ArchetypeRegion r : model.archetypeRegions()) {
            regions.add(new ArchetypeRegion(r.name(), r.capabilityMin(), r.capabilityMax(), r.trustMin(),
                    r.trustMax()));
        }
        run.archetypeRegions(regions);
        Map<String, Integer> mix = new TreeMap<>();
        CategoricalColumn archetype = scored.categorical("archetype");
        for (int i = 0; i < archetype.size(); i++) {
            if (!archetype.isMissing(i)) {
                mix.merge(archetype.level(i), 1, Integer::sum);
            }
        }
        return origin + "; " + scored.rowCount() + " customers; archetypes " + mix.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * The customers with each consent column (WhatsApp opt-in, marketing, third party) as read from the input rather
     * than as cleaned: consent is a fact, never imputed or rescaled, and a missing consent is no consent.
     */
    private static Table withConsentsAsRead(PipelineRun run, ScoringModel model) {
        Table customers = run.customers;
        int[] rows = run.cleaning.inputRows();
        for (String c : model.config().channels().consentColumns()) {
            if (customers.hasColumn(c) && run.input.hasColumn(c)) {
                customers = customers.replace(run.input.column(c).selectRows(rows));
            }
        }
        return customers;
    }
}
