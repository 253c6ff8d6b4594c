package org.example.segmentation.core.segmentation;

import static org.example.segmentation.core.segmentation.SegmentationFixtures.assertSameTable;
import static org.example.segmentation.core.segmentation.SegmentationFixtures.blobLabels;
import static org.example.segmentation.core.segmentation.SegmentationFixtures.blobs;
import static org.example.segmentation.core.segmentation.SegmentationFixtures.fit;
import static org.example.segmentation.core.segmentation.SegmentationFixtures.segments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.cluster.AdjustedRandIndex;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;

/** {@code algorithm=em} and {@code algorithm=hierarchical} (Weka) through the {@link Segmenter}. */
class WekaSegmenterTest {

    /** Three well-separated blobs of different sizes. */
    private static final int[] SIZES = {200, 150, 100};
    private static final Table BLOBS = blobs(SIZES, 3, 12, 5);
    private static final String NUMERIC = "exclude=tier";

    @Test
    void emRecoversThePlantedBlobs() {
        SegmentationResult r = fit(BLOBS, "algorithm=em", "k=3", NUMERIC);
        assertEquals(3, r.model().k());
        assertEquals(1.0, AdjustedRandIndex.of(blobLabels(SIZES), segments(r.segmented())), 1e-12);
        assertEquals(200, r.model().segments().get(0).size(), "S1 is the largest blob");
    }

    @Test
    void emChoosesKByCrossValidation() {
        SegmentationResult r = fit(BLOBS, "algorithm=em", "k=0", "k.max=6", NUMERIC);
        SegmentationModel m = r.model();
        assertTrue(m.k() >= 3 && m.k() <= 4, "EM chose k=" + m.k());
        assertTrue(m.kSelection().automatic());
        assertTrue(m.kSelection().reason().contains("chosen by EM"), m.kSelection().reason());
        if (m.k() == 3) {
            assertEquals(1.0, AdjustedRandIndex.of(blobLabels(SIZES), segments(r.segmented())), 1e-12);
        }
    }

    @Test
    void emIsDeterministic() {
        SegmentationResult a = fit(BLOBS, "algorithm=em", "k=3", "seed=7", NUMERIC);
        SegmentationResult b = fit(BLOBS, "algorithm=em", "k=3", "seed=7", "threads=3", NUMERIC);
        assertSameTable(a.segmented(), b.segmented());
        assertEquals(a.model().segments(), b.model().segments());
    }

    @Test
    void emWithCategoricalFeaturesInTheSpace() {
        SegmentationResult r = fit(BLOBS, "algorithm=em", "k=3");
        assertTrue(AdjustedRandIndex.of(blobLabels(SIZES), segments(r.segmented())) > 0.95);
    }

    @Test
    void wardRecoversThePlantedBlobs() {
        SegmentationResult r = fit(BLOBS, "algorithm=hierarchical", "k=3", NUMERIC);
        assertEquals(3, r.model().k());
        assertEquals(1.0, AdjustedRandIndex.of(blobLabels(SIZES), segments(r.segmented())), 1e-12);
    }

    @Test
    void wardWithAutomaticKScoresEveryCut() {
        SegmentationResult r = fit(BLOBS, "algorithm=hierarchical", "k=0", "k.max=5", NUMERIC);
        assertEquals(3, r.model().k(), r.model().kSelection().reason());
        assertEquals(4, r.model().kSelection().candidates().size());
        assertEquals(1.0, AdjustedRandIndex.of(blobLabels(SIZES), segments(r.segmented())), 1e-12);
    }

    @Test
    void wardIsDeterministic() {
        SegmentationResult a = fit(BLOBS, "algorithm=hierarchical", "k=3", NUMERIC);
        SegmentationResult b = fit(BLOBS, "algorithm=hierarchical", "k=3", "threads=2", NUMERIC);
        assertSameTable(a.segmented(), b.segmented());
    }

    @Test
    void sizeLimitsFailClearly() {
        InputException em = assertThrows(InputException.class,
                () -> fit(BLOBS, "algorithm=em", "k=3", "em.max_rows=400"));
        assertEquals("cannot segment with algorithm=em: the table has 450 rows, more than 'em.max_rows' = 400 (EM is "
                + "slow on large tables); use algorithm=kmeans or minibatch, or raise 'em.max_rows'", em.getMessage());
        InputException h = assertThrows(InputException.class,
                () -> fit(BLOBS, "algorithm=hierarchical", "k=3", "hierarchical.max_rows=449"));
        assertTrue(h.getMessage().startsWith("cannot segment with algorithm=hierarchical: the table has 450 rows, "
                + "more than 'hierarchical.max_rows' = 449 "), h.getMessage());
        // at the limit it runs
        assertEquals(3, fit(BLOBS, "algorithm=hierarchical", "k=3", "hierarchical.max_rows=450").model().k());
    }

    @Test
    void defaultsAndRoundTrip() {
        SegmenterConfig d = SegmenterConfig.defaults();
        assertEquals(50_000, d.emMaxRows());
        assertEquals(1_000, d.hierarchicalMaxRows());
        SegmenterConfig c = SegmentationFixtures.config("algorithm=hierarchical", "hierarchical.max_rows=1234");
        assertEquals(c, SegmenterConfig.fromSettings(c.toSettings()));
        assertEquals(SegmenterConfig.Algorithm.HIERARCHICAL, c.algorithm());
    }
}
