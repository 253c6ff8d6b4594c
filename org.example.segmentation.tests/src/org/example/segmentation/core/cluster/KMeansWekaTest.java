package org.example.segmentation.core.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import weka.core.Instances;

/**
 * Our k-means against Weka's SimpleKMeans on the same seeded data: same k, k-means++ initialisation
 * ({@code -init 1}), raw Euclidean distance (Weka's default normalises every attribute to 0..1 first, which
 * would cluster different data), no missing-value filter. Both inertias are computed here, the same way, from
 * the raw rows, the centroids and the assignments. Ours runs with its defaults (best of 10 greedy k-means++
 * starts, tolerance 1e-4); Weka runs once per seed to convergence (its default, at most 500 iterations).
 */
class KMeansWekaTest {

    private static final int N = 5000;
    private static final int D = 8;

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5 })
    void noWorseThanWekaOnSeparatedBlobs(long seed) throws Exception {
        compare(KMeansFixtures.blobs(N, D, 6, 10, seed), 6, seed);
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5 })
    void noWorseThanWekaOnOverlappingBlobs(long seed) throws Exception {
        // 10 blobs, centres within +-2 standard deviations: heavy overlap, many local optima.
        compare(KMeansFixtures.blobs(N, D, 10, 2, 100 + seed), 8, seed);
    }

    private static void compare(double[] rows, int k, long seed) throws Exception {
        KMeansResult ours = KMeans.fit(Matrix.ofRowMajor(rows, N, D), KMeansConfig.of(k).withSeed(seed));
        Instances data = KMeansFixtures.toInstances(rows, N, D);
        KMeansFixtures.WekaKMeans weka = new KMeansFixtures.WekaKMeans(k, (int) seed, 500, 1);
        weka.buildClusterer(data);
        double wekaInertia = KMeansFixtures.wekaInertia(weka, rows, N, D);
        double ourInertia = KMeansFixtures.inertia(rows, N, D, ours.centroidArray(), ours.assignments());
        assertTrue(ourInertia <= wekaInertia * (1 + 1e-9),
                "seed " + seed + ": ours " + ourInertia + ", Weka " + wekaInertia);
        assertTrue(Math.abs(ourInertia - ours.inertia()) <= 1e-9 * ourInertia);
    }
}
