package org.example.segmentation.core.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.generator.CustomerColumns;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.segmentation.Segmenter;
import org.example.segmentation.core.segmentation.SegmenterConfig;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drift with a real segmentation model: k-means (k = 6) on the 11 digital-behaviour features of the generator's month
 * 1 (no planted problems, so every feature value is present as assign needs), monitored through
 * {@link SegmentationModelAssigner}.
 */
class SegmentationModelDriftTest {
    private static final int ROWS = 10_000;
    private static Table month1;
    private static SegmentationModel model;

    @BeforeAll
    static void fit() {
        month1 = generate(1, 42);
        model = segment(month1, 1);
    }

    private static Table generate(int snapshot, long seed) {
        return CustomerGenerator.generate(new GeneratorConfig(ROWS, seed, snapshot, false, false), Progress.NONE);
    }

    private static SegmentationModel segment(Table t, long seed) {
        SegmenterConfig config = SegmenterConfig.fromSettings(Settings.parse(List.of("k=6", "restarts=3",
                "seed=" + seed, "features=" + Settings.formatList(CustomerColumns.DIGITAL_BEHAVIOUR),
                "id.columns=customer_id")));
        return Segmenter.fit(t, config, Progress.NONE).model();
    }

    @Test
    void theModelsSegmentsFeaturesAndDistancesAreMonitored() {
        SegmentAssigner assigner = SegmentationModelAssigner.of(model);
        DriftBaseline baseline = DriftBaseline.fit(month1, DriftConfig.defaults(), assigner, Progress.NONE);
        assertEquals(model.segmentNames(), baseline.segmentNames());
        assertEquals(CustomerColumns.DIGITAL_BEHAVIOUR.size(), baseline.segmentationFeatures().size());
        assertTrue(baseline.segmentationFeatures().containsAll(CustomerColumns.DIGITAL_BEHAVIOUR));
        assertEquals(assigner.modelId(), baseline.modelId().orElseThrow());

        DriftReport month2 = DriftMonitor.monitor(baseline, baseline.config(), assigner, generate(2, 42), null,
                Progress.NONE);
        SegmentShareDrift shares = month2.segmentShares().orElseThrow();
        // the planted drift moves customers between the model's segments (about 8 points for the largest change)
        // and away from the centroids (the mean distance rises by about 30%)
        assertEquals(FeatureStatus.SIGNIFICANT, shares.status(), shares.toString());
        assertTrue(shares.distanceChange() > 0.1, "mean distance change " + shares.distanceChange());
        assertEquals(DriftStatus.ALERT, month2.status(), month2.summary().reasons().toString());
        assertEquals("refit", month2.summary().recommendation());

        DriftReport sameMonth = DriftMonitor.monitor(baseline, baseline.config(), assigner, generate(1, 7), null,
                Progress.NONE);
        assertEquals(FeatureStatus.STABLE, sameMonth.segmentShares().orElseThrow().status(),
                sameMonth.segmentShares().orElseThrow().toString());
        assertEquals(FeatureStatus.STABLE, sameMonth.segmentShares().orElseThrow().distanceStatus());
        assertEquals(DriftStatus.OK, sameMonth.status(), sameMonth.summary().reasons().toString());
    }

    @Test
    void aModelFromAnotherFitIsRefused() {
        DriftBaseline baseline = DriftBaseline.fit(month1, DriftConfig.defaults(), SegmentationModelAssigner.of(model),
                Progress.NONE);
        SegmentAssigner other = SegmentationModelAssigner.of(segment(generate(1, 8), 2));
        InputException e = assertThrows(InputException.class,
                () -> DriftMonitor.start(baseline, baseline.config(), other, null));
        assertTrue(e.getMessage().startsWith("the segmentation model '" + other.modelId() + "' is not the one the "
                + "baseline was fitted with"), e.getMessage());
    }
}
