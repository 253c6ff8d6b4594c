package org.example.segmentation.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.settings.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sampled k search ({@code k_search.sample_size}): every k fitted and scored on a seeded sample, the chosen k then
 * fitted on all rows. It must choose what the search on all rows chooses on data with clear structure, give the same
 * bits for any thread count, and change nothing at or below the threshold.
 */
class SampledKSelectionTest {

    private static final int SEARCH_SAMPLE = 5_000;
    /** 3 restarts, 2 refits of 4,000 rows, a 2,000-row silhouette sample: quick, and enough for clear blobs. */
    private static final KSelectionConfig BASE = new KSelectionConfig(2, 8, 2_000, 2, 4_000, 0.02, 0.8, 42, 1,
            SEARCH_SAMPLE);
    private static final KSelection.Clusterer<KMeansResult> KMEANS =
            KSelection.kMeans(KMeansConfig.of(2).withRestarts(3));

    /** 200,000 rows: five blobs of 40,000 rows (sd 1, centres 6 apart on their own axis) in 5 dimensions. */
    private static Matrix blobs;
    private static KSelectionResult<KMeansResult> onAllRows;
    private static KSelectionResult<KMeansResult> sampled;

    @BeforeAll
    static void searchBothWays() {
        blobs = KSelectionTest.blobs(5, 40_000, 5, 6, 2024);
        onAllRows = KSelection.select(blobs, BASE.withSearchSampleSize(0), KMEANS, Progress.NONE);
        sampled = KSelection.select(blobs, BASE, KMEANS, Progress.NONE);
    }

    @Test
    void sampledSearchChoosesWhatTheAllRowsSearchChooses() {
        assertEquals(5, onAllRows.chosenK(), onAllRows.reason());
        assertEquals(onAllRows.chosenK(), sampled.chosenK(), sampled.reason());
        assertEquals(onAllRows.basis(), sampled.basis());
        assertFalse(onAllRows.sampledSearch());
        assertEquals(200_000, onAllRows.searchRows());
        assertTrue(sampled.sampledSearch());
        assertEquals(SEARCH_SAMPLE, sampled.searchRows());
        assertEquals(200_000, sampled.allRows());
        // every candidate was fitted on the sample: its segment sizes add up to the sample
        for (KCandidate c : sampled.candidates()) {
            assertEquals(SEARCH_SAMPLE, c.segmentSizes().stream().mapToInt(Integer::intValue).sum(), "k=" + c.k());
        }
        // the chosen k is fitted on all rows, and finds the same segments as the all-rows search
        int[] all = onAllRows.chosenFit().assignments();
        int[] fromSample = sampled.chosenFit().assignments();
        assertEquals(200_000, fromSample.length);
        assertTrue(AdjustedRandIndex.of(all, fromSample) > 0.999, "ARI " + AdjustedRandIndex.of(all, fromSample));
    }

    @Test
    void theChosenKsFiguresAreOnAllRows() {
        KCandidate scores = sampled.chosenOnAllRows();
        KCandidate onSample = sampled.chosen();
        assertEquals(sampled.chosenK(), scores.k());
        assertEquals(200_000, scores.segmentSizes().stream().mapToInt(Integer::intValue).sum());
        // the inertia of the final centroids, summed over every row by the plain nearest-centroid pass
        Centroids centroids = sampled.chosenFit().centroids();
        double direct = 0;
        for (int i = 0; i < blobs.rows(); i++) {
            double[] row = blobs.row(i);
            double[] c = centroids.centroid(centroids.nearestIndex(row));
            for (int j = 0; j < row.length; j++) {
                direct += (row[j] - c[j]) * (row[j] - c[j]);
            }
        }
        assertEquals(direct, scores.inertia(), 1e-9 * direct);
        // about 40 times the sample's inertia (200,000 / 5,000 rows), and close to the all-rows search's
        assertEquals(40.0, scores.inertia() / onSample.inertia(), 2.0);
        assertEquals(onAllRows.chosen().inertia(), scores.inertia(), 1e-6 * scores.inertia());
        assertEquals(onAllRows.chosen().calinskiHarabasz(), scores.calinskiHarabasz(),
                1e-6 * scores.calinskiHarabasz());
        assertEquals(onAllRows.chosen().daviesBouldin(), scores.daviesBouldin(), 1e-6);
        assertEquals(onAllRows.chosen().simplifiedSilhouette(), scores.simplifiedSilhouette(), 1e-6);
        assertEquals(onAllRows.chosen().minSegmentShare(), scores.minSegmentShare(), 1e-9);
        // the silhouette and the stability are the sample's
        assertEquals(onSample.silhouette(), scores.silhouette());
        assertEquals(onSample.stability(), scores.stability());
        assertTrue(sampled.reason().contains("; every k scored on a seeded sample of 5000 of the 200000 rows "
                + "('k_search.sample_size'), then k=5 fitted on all rows from the sample's fit: inertia "),
                sampled.reason());
        assertEquals(onAllRows.chosen(), onAllRows.chosenOnAllRows());
        assertFalse(onAllRows.reason().contains("sample of"), onAllRows.reason());
    }

    /**
     * Three blobs of 20,000 rows and a tiny one of 1,000 (1.64%): k=4 has the best silhouette but a segment below
     * the 2% minimum share, so the search on all rows chooses k=3. The seeded sample of 5,000 rows happens to hold
     * 2% or more of the tiny blob, so on the sample k=4 qualifies; fitted on all rows its smallest segment is 1.63%,
     * so it is passed over and the rule, without k=4, chooses k=3 as well: the minimum share holds on all rows.
     */
    @Test
    void theMinimumSegmentShareHoldsOnAllRows() {
        SplittableRandom random = new SplittableRandom(99);
        Matrix data = KSelectionTest.blobs(new double[][] {{0, 0}, {20, 0}, {0, 20}, {-30, 0}},
                new int[] {20_000, 20_000, 20_000, 1_000}, 1.0, random);
        KSelectionConfig config = BASE.withK(2, 6);
        KSelectionResult<KMeansResult> all = KSelection.select(data, config.withSearchSampleSize(0), KMEANS,
                Progress.NONE);
        KSelectionResult<KMeansResult> sample = KSelection.select(data, config, KMEANS, Progress.NONE);
        assertEquals(3, all.chosenK(), all.reason());
        assertTrue(all.candidates().get(2).minSegmentShare() < 0.02);
        assertTrue(sample.candidates().get(2).minSegmentShare() >= 0.02, "k=4 on the sample qualifies");
        assertEquals(3, sample.chosenK(), sample.reason());
        assertEquals(KSelectionResult.Basis.ALL_CRITERIA, sample.basis());
        assertTrue(sample.reason().startsWith("k=3: highest silhouette "), sample.reason());
        assertTrue(sample.reason().contains("; k=4, chosen on the sample, was passed over: its smallest segment on "
                + "all rows is 1.63%; every k scored on a seeded sample of 5000 of the 61000 rows"), sample.reason());
        assertTrue(sample.chosenOnAllRows().minSegmentShare() >= 0.02);
        assertEquals(all.chosen().inertia(), sample.chosenOnAllRows().inertia(), 1e-6 * all.chosen().inertia());
    }

    @Test
    void sameBitsForAnyThreadCount() {
        Matrix data = KSelectionTest.blobs(4, 5_000, 4, 5, 17);
        KSelectionConfig config = BASE.withK(2, 6).withSearchSampleSize(3_000);
        KSelectionResult<KMeansResult> one = KSelection.select(data, config, KMEANS, Progress.NONE);
        KSelectionResult<KMeansResult> two = KSelection.select(data, config.withThreads(2), KMEANS, Progress.NONE);
        assertTrue(one.sampledSearch());
        assertEquals(one.candidates(), two.candidates());
        assertEquals(one.chosenOnAllRows(), two.chosenOnAllRows());
        assertEquals(one.reason(), two.reason());
        assertArrayEquals(one.chosenFit().assignments(), two.chosenFit().assignments());
        assertEquals(one.chosenFit().centroids(), two.chosenFit().centroids());
        // and the same seed again gives the same bits; another seed another sample
        assertEquals(one.candidates(), KSelection.select(data, config, KMEANS, Progress.NONE).candidates());
        KSelectionConfig other = new KSelectionConfig(2, 6, 2_000, 2, 4_000, 0.02, 0.8, 43, 1, 3_000);
        assertFalse(one.candidates().equals(KSelection.select(data, other, KMEANS, Progress.NONE).candidates()));
    }

    @Test
    void atOrBelowTheThresholdNothingIsSampled() {
        Matrix data = KSelectionTest.blobs(3, 1_500, 3, 6, 5);
        KSelectionConfig config = BASE.withK(2, 5);
        KSelectionResult<KMeansResult> all = KSelection.select(data, config.withSearchSampleSize(0), KMEANS,
                Progress.NONE);
        for (int threshold : new int[] {4_500, 10_000}) {
            KSelectionResult<KMeansResult> r = KSelection.select(data, config.withSearchSampleSize(threshold), KMEANS,
                    Progress.NONE);
            assertFalse(r.sampledSearch());
            assertEquals(4_500, r.searchRows());
            assertEquals(all.candidates(), r.candidates());
            assertEquals(all.reason(), r.reason());
            assertArrayEquals(all.chosenFit().assignments(), r.chosenFit().assignments());
        }
        // one row more than the threshold: sampled
        assertTrue(KSelection.select(data, config.withSearchSampleSize(4_499), KMEANS, Progress.NONE)
                .sampledSearch());
    }

    @Test
    void aFixedKIsFittedOnAllRows() {
        Matrix data = KSelectionTest.blobs(3, 1_500, 3, 6, 5);
        KSelectionResult<KMeansResult> r = KSelection.select(data, BASE.withK(3, 3).withSearchSampleSize(1_000),
                KMEANS, Progress.NONE);
        assertFalse(r.sampledSearch());
        assertEquals(4_500, r.candidates().get(0).segmentSizes().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void theSearchSampleSizeIsValidated() {
        assertEquals(100_000, KSelectionConfig.defaults().searchSampleSize());
        assertEquals(0, parse("k_search.sample_size=0").searchSampleSize());
        assertEquals(1_000, parse("k_search.sample_size=1000").searchSampleSize());
        KSelectionConfig c = KSelectionConfig.defaults().withSearchSampleSize(250_000);
        assertEquals(c, KSelectionConfig.fromSettings(c.toSettings()));
        assertEquals("250000", c.toSettings().asMap().get(KSelectionConfig.KEY_SEARCH_SAMPLE_SIZE));
        for (String bad : List.of("999", "1", "-1", "100000001", "many", "1.5")) {
            InputException e = assertThrows(InputException.class, () -> parse("k_search.sample_size=" + bad));
            assertTrue(e.getMessage().contains("'k_search.sample_size'"), e.getMessage());
        }
        InputException e = assertThrows(InputException.class,
                () -> KSelectionConfig.defaults().withSearchSampleSize(500));
        assertTrue(e.getMessage().contains("'k_search.sample_size' must be 0 (search on all rows) or an integer from "
                + "1000 to 100000000, got 500"), e.getMessage());
    }

    private static KSelectionConfig parse(String... keyValues) {
        return KSelectionConfig.fromSettings(Settings.parse(List.of(keyValues)));
    }
}
