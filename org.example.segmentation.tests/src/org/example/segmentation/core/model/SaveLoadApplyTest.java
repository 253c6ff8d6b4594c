package org.example.segmentation.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cleaning.Cleaner;
import org.example.segmentation.core.cleaning.CleanerConfig;
import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.cleaning.CleaningResult;
import org.example.segmentation.core.drift.DriftBaseline;
import org.example.segmentation.core.drift.DriftConfig;
import org.example.segmentation.core.drift.DriftMonitor;
import org.example.segmentation.core.drift.DriftReport;
import org.example.segmentation.core.drift.SegmentAssigner;
import org.example.segmentation.core.drift.SegmentationModelAssigner;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.scoring.ProfileScorer;
import org.example.segmentation.core.scoring.ScoringConfig;
import org.example.segmentation.core.scoring.ScoringModel;
import org.example.segmentation.core.scoring.ScoringPipeline;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.segmentation.Segmenter;
import org.example.segmentation.core.segmentation.SegmenterConfig;
import org.example.segmentation.core.selection.FeatureSelection;
import org.example.segmentation.core.selection.FeatureSelector;
import org.example.segmentation.core.selection.SelectorConfig;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every model kind (cleaning, feature selection, segmentation, scoring, drift baseline): the fitted model in
 * memory and the same model saved and loaded again give identical outputs on next month's customers, bit for bit
 * (every double compared by its bits, missing masks, dictionaries and codes, text), and the loaded model saves to the
 * same bytes. Fitted on month 1 of the generator (planted problems included), applied to month 2.
 */
class SaveLoadApplyTest {
    private static final List<String> TRUTH = List.of("true_persona", "true_life_stage", "true_capability",
            "true_trust", "true_engagement");

    @TempDir
    static Path dir;

    static Table month1;
    static Table month2;
    static CleaningModel cleaning;
    static CleaningModel cleaningLoaded;
    static FeatureSelection selection;
    static FeatureSelection selectionLoaded;
    static SegmentationModel segmentation;
    static SegmentationModel segmentationLoaded;
    static Table selected1;

    @BeforeAll
    static void fitAndReload() {
        month1 = CustomerGenerator.generate(new GeneratorConfig(3000, 17L, 1, true, true), Progress.NONE);
        month2 = CustomerGenerator.generate(new GeneratorConfig(3000, 17L, 2, true, true), Progress.NONE);
        cleaning = Cleaner.fit(month1, CleanerConfig.fromSettings(Settings.of(Map.of("id.columns", "customer_id",
                "pseudonymise.columns", "customer_id", "pseudonymise.salt", "s", "missing.indicators", "true"))))
                .model();
        cleaningLoaded = reload(cleaning, CleaningModel.FILE_NAME, cleaning::save, CleaningModel::load,
                cleaning.toBytes());
        Table cleaned1 = cleaning.apply(month1).table();
        selection = FeatureSelector.fit(cleaned1, SelectorConfig.fromSettings(Settings.of(Map.of("exclude",
                Settings.formatList(TRUTH)))), Progress.NONE);
        selectionLoaded = reload(selection, FeatureSelection.FILE_NAME, selection::save, FeatureSelection::load,
                selection.toBytes());
        selected1 = selection.apply(cleaned1);
        segmentation = Segmenter.fit(selected1, SegmenterConfig.fromSettings(Settings.of(Map.of("k", "4",
                "restarts", "3", "seed", "5"))), Progress.NONE).model();
        segmentationLoaded = reload(segmentation, SegmentationModel.FILE_NAME, segmentation::save,
                SegmentationModel::load, segmentation.toBytes());
    }

    interface Saver {
        void save(Path file);
    }

    interface Loader<M> {
        M load(Path file);
    }

    /** Saves, loads, and checks that the loaded model saves to the same bytes. */
    private static <M> M reload(M model, String name, Saver save, Loader<M> load, byte[] bytes) {
        Path file = dir.resolve(name);
        save.save(file);
        M loaded = load.load(file);
        try {
            assertArrayEquals(Files.readAllBytes(file), bytes, name + ": the file holds the model's bytes");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return loaded;
    }

    @Test
    void cleaning() {
        CleaningResult a = cleaning.apply(month2);
        CleaningResult b = cleaningLoaded.apply(month2);
        assertTrue(a.table().rowCount() > 2900, "month 2 cleaned: " + a.table().rowCount());
        assertBitIdentical(a.table(), b.table());
        assertArrayEquals(cleaning.toBytes(), cleaningLoaded.toBytes());
    }

    @Test
    void featureSelection() {
        Table cleaned2 = cleaning.apply(month2).table();
        Table a = selection.apply(cleaned2);
        assertTrue(a.columnCount() >= 5 && a.columnCount() < cleaned2.columnCount(), a.columnNames().toString());
        assertBitIdentical(a, selectionLoaded.apply(cleaned2));
        assertArrayEquals(selection.toBytes(), selectionLoaded.toBytes());
    }

    @Test
    void segmentation() {
        Table selected2 = selection.apply(cleaning.apply(month2).table());
        Table a = segmentation.assign(selected2);
        Table b = segmentationLoaded.assign(selected2);
        assertEquals("customer_id", a.columnNames().get(0), "the identifier stays first");
        assertEquals(SegmentationModel.OUTPUT_COLUMNS, a.columnNames().subList(1, a.columnCount()));
        assertBitIdentical(a, b);
        // on the fit rows too: the model's own assignment of its training customers
        assertBitIdentical(segmentation.assign(selected1), segmentationLoaded.assign(selected1));
        assertArrayEquals(segmentation.toBytes(), segmentationLoaded.toBytes());
    }

    @Test
    void scoring() {
        ScoringModel scoring = ProfileScorer.fit(month1, ScoringConfig.defaults(), Progress.NONE);
        ScoringModel loaded = reload(scoring, ScoringModel.FILE_NAME, scoring::save, ScoringModel::load,
                scoring.toBytes());
        Table a = scoring.score(month2);
        assertTrue(a.hasColumn(ScoringModel.DIGITAL_SCORE_STATUS), a.columnNames().toString());
        assertBitIdentical(a, loaded.score(month2));
        // end to end: saved cleaning, segmentation and scoring models against the fitted ones
        Table inMemory = new ScoringPipeline(cleaning, segmentation, scoring).score(month2, Progress.NONE);
        Table fromFiles = new ScoringPipeline(cleaningLoaded, segmentationLoaded, loaded).score(month2,
                Progress.NONE);
        assertTrue(inMemory.hasColumn(SegmentationModel.SEGMENT_DISTANCE));
        assertBitIdentical(inMemory, fromFiles);
    }

    @Test
    void driftBaseline() {
        SegmentAssigner assigner = SegmentationModelAssigner.of(segmentation);
        DriftBaseline baseline = DriftBaseline.fit(selected1, DriftConfig.fromSettings(Settings.of(Map.of(
                "sample_size", "500"))), assigner, Progress.NONE);
        DriftBaseline loaded = reload(baseline, DriftBaseline.FILE_NAME, baseline::save, DriftBaseline::load,
                baseline.toBytes());
        Table selected2 = selection.apply(cleaning.apply(month2).table());
        DriftReport a = DriftMonitor.monitor(baseline, baseline.config(), assigner, selected2, null, Progress.NONE);
        // the loaded baseline with the loaded model's assigner: a model reloaded is the same model
        DriftReport b = DriftMonitor.monitor(loaded, loaded.config(), SegmentationModelAssigner.of(
                segmentationLoaded), selected2, null, Progress.NONE);
        assertTrue(a.segmentShares().isPresent(), "segments are monitored");
        assertBitIdentical(a.featureTable(), b.featureTable());
        assertBitIdentical(a.segmentTable(), b.segmentTable());
        assertBitIdentical(a.segmentFeatureTable(), b.segmentFeatureTable());
        assertArrayEquals(a.summaryJson(), b.summaryJson());
    }

    /** Same columns, types, missing cells, dictionaries, codes, texts, and every double by its bits. */
    static void assertBitIdentical(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            Column e = expected.column(c);
            Column a = actual.column(c);
            assertEquals(e.type(), a.type(), e.name());
            for (int r = 0; r < e.size(); r++) {
                assertEquals(e.isMissing(r), a.isMissing(r), e.name() + " row " + r);
            }
            if (e instanceof NumericColumn en) {
                NumericColumn an = (NumericColumn) a;
                for (int r = 0; r < e.size(); r++) {
                    if (!en.isMissing(r)) {
                        assertEquals(Double.doubleToRawLongBits(en.value(r)), Double.doubleToRawLongBits(an.value(r)),
                                e.name() + " row " + r + ": " + en.value(r) + " vs " + an.value(r));
                    }
                }
            } else if (e instanceof CategoricalColumn ec) {
                CategoricalColumn ac = (CategoricalColumn) a;
                assertEquals(ec.levels(), ac.levels(), e.name());
                assertArrayEquals(ec.codes(), ac.codes(), e.name());
            } else {
                for (int r = 0; r < e.size(); r++) {
                    assertEquals(e.format(r), a.format(r), e.name() + " row " + r);
                }
            }
        }
    }
}
