package org.example.segmentation.core.segmentation;

import static org.example.segmentation.core.segmentation.SegmentationFixtures.assertSameTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.example.segmentation.core.cluster.AdjustedRandIndex;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The segmenter with a sampled k search ({@code k_search.sample_size} below the row count): the same segments as the
 * search on all rows, the model's quality on all rows, and the same result for any thread count.
 */
class SampledSearchSegmenterTest {

    /** Five blobs (4 numeric dimensions, 6 apart, a 90%-informative categorical) of 12,000 customers. */
    private static final int[] SIZES = {12_000, 12_000, 12_000, 12_000, 12_000};
    private static Table table;
    private static SegmentationResult onAllRows;
    private static SegmentationResult sampled;

    @BeforeAll
    static void fitBothWays() {
        table = SegmentationFixtures.blobs(SIZES, 4, 6, 31);
        onAllRows = SegmentationFixtures.fit(table, "k.max=7", "k_search.sample_size=0");
        sampled = SegmentationFixtures.fit(table, "k.max=7", "k_search.sample_size=4000");
    }

    @Test
    void findsThePlantedSegmentsLikeTheAllRowsSearch() {
        assertEquals(5, onAllRows.model().k(), onAllRows.model().kSelection().reason());
        assertEquals(5, sampled.model().k(), sampled.model().kSelection().reason());
        int[] truth = SegmentationFixtures.blobLabels(SIZES);
        double truthAll = AdjustedRandIndex.of(truth, SegmentationFixtures.segments(onAllRows.segmented()));
        double truthSampled = AdjustedRandIndex.of(truth, SegmentationFixtures.segments(sampled.segmented()));
        double between = AdjustedRandIndex.of(SegmentationFixtures.segments(onAllRows.segmented()),
                SegmentationFixtures.segments(sampled.segmented()));
        String aris = "ARI with the blobs: all rows " + truthAll + ", sampled " + truthSampled + "; between " + between;
        assertTrue(truthSampled > 0.9, aris);
        assertEquals(truthAll, truthSampled, 0.001, aris);
        assertTrue(between > 0.999, aris);
        assertTrue(sampled.model().kSelection().reason().contains("every k scored on a seeded sample of 4000 of the "
                + "60000 rows ('k_search.sample_size'), then k=5 fitted on all rows"),
                sampled.model().kSelection().reason());
        // the k-selection table: one row per k, the sample's figures (segment sizes add up to the sample)
        assertEquals(6, sampled.kSelection().rowCount());
        for (CandidateScores c : sampled.model().kSelection().candidates()) {
            assertEquals(4_000, c.segmentSizes().stream().mapToInt(Integer::intValue).sum(), "k=" + c.k());
        }
    }

    /** The model's inertia is that of all rows: the sum of every customer's squared distance to its segment. */
    @Test
    void theModelsQualityIsOnAllRows() {
        SegmentQuality q = sampled.model().quality();
        assertEquals(60_000, q.rows());
        NumericColumn distance = sampled.segmented().numeric(SegmentationModel.SEGMENT_DISTANCE);
        double sum = 0;
        for (int i = 0; i < distance.size(); i++) {
            sum += distance.value(i) * distance.value(i);
        }
        assertEquals(sum, q.inertia(), 1e-9 * sum);
        assertEquals(onAllRows.model().quality().inertia(), q.inertia(), 1e-6 * q.inertia());
        assertEquals(onAllRows.model().quality().calinskiHarabasz(), q.calinskiHarabasz(),
                1e-6 * q.calinskiHarabasz());
        assertEquals(onAllRows.model().quality().daviesBouldin(), q.daviesBouldin(), 1e-6);
    }

    @Test
    void sameResultForAnyThreadCount() {
        SegmentationResult two = SegmentationFixtures.fit(table, "k.max=7", "k_search.sample_size=4000", "threads=2");
        assertSameTable(sampled.kSelection(), two.kSelection());
        assertSameTable(sampled.segmented(), two.segmented());
        assertEquals(sampled.model().quality(), two.model().quality());
    }
}
