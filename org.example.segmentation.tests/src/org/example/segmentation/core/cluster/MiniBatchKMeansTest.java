package org.example.segmentation.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.example.segmentation.core.InputException;
import org.junit.jupiter.api.Test;

/** Mini-batch k-means: recovers separated blobs close to full k-means, deterministic, validated settings. */
class MiniBatchKMeansTest {

    private static final int N = 30_000;
    private static final int D = 6;
    private static final int K = 5;
    private static final double SPREAD = 8;
    private static final long SEED = 17;

    private static Matrix blobs() {
        return Matrix.ofRowMajor(KMeansFixtures.blobs(N, D, K, SPREAD, SEED), N, D);
    }

    @Test
    void recoversSeparatedBlobsWithinAFewPercentOfFullKMeans() {
        Matrix m = blobs();
        KMeansResult full = KMeans.fit(m, KMeansConfig.of(K));
        KMeansResult mini = MiniBatchKMeans.fit(m, MiniBatchKMeansConfig.of(K).withBatchSize(512).withIterations(100));
        assertTrue(mini.inertia() <= full.inertia() * 1.03, "mini " + mini.inertia() + ", full " + full.inertia());
        // every blob is one cluster
        int[] labels = KMeansFixtures.blobLabels(N, D, K, SPREAD, SEED);
        int[] clusterOfBlob = new int[K];
        Arrays.fill(clusterOfBlob, -1);
        for (int i = 0; i < N; i++) {
            if (clusterOfBlob[labels[i]] < 0) {
                clusterOfBlob[labels[i]] = mini.assignment(i);
            }
            assertEquals(clusterOfBlob[labels[i]], mini.assignment(i), "row " + i);
        }
        assertEquals(K, Arrays.stream(clusterOfBlob).distinct().count());
        assertEquals(100, mini.iterations());
        assertFalse(mini.converged());
        for (int i = 0; i < N; i += 97) {
            assertEquals(mini.assignment(i), mini.nearestIndex(m.row(i)));
        }
    }

    @Test
    void sameSeedSameBitsForAnyThreadCount() {
        Matrix m = blobs();
        MiniBatchKMeansConfig config = MiniBatchKMeansConfig.of(K).withBatchSize(256).withIterations(50).withSeed(5);
        KMeansResult one = MiniBatchKMeans.fit(m, config);
        KMeansResult two = MiniBatchKMeans.fit(m, config.withThreads(2));
        KMeansResult three = MiniBatchKMeans.fit(m, config.withThreads(3));
        for (KMeansResult other : new KMeansResult[] { two, three }) {
            assertArrayEquals(one.assignments(), other.assignments());
            assertEquals(Double.doubleToLongBits(one.inertia()), Double.doubleToLongBits(other.inertia()));
            for (int c = 0; c < K; c++) {
                assertArrayEquals(one.centroids().centroid(c), other.centroids().centroid(c), 0.0);
            }
        }
        // On overlapping data, where the end point depends on the start, another seed ends elsewhere.
        Matrix overlapping = Matrix.ofRowMajor(KMeansFixtures.blobs(5000, D, 8, 1.5, 3), 5000, D);
        assertFalse(Arrays.equals(MiniBatchKMeans.fit(overlapping, config).restartInertias(),
                MiniBatchKMeans.fit(overlapping, config.withSeed(6)).restartInertias()));
    }

    @Test
    void smallDataUsesEveryRowForInitialisation() {
        KMeansResult r = MiniBatchKMeans.fit(Matrix.ofRowMajor(new double[] { 1, 2, 3, 10, 11, 12 }, 6, 1),
                MiniBatchKMeansConfig.of(2).withBatchSize(4).withIterations(20));
        assertEquals(4.0, r.inertia(), 1e-12, "one Lloyd iteration at the end lands on the means");
    }

    @Test
    void kAboveTheDistinctRowCountIsRejected() {
        InputException e = assertThrows(InputException.class, () -> MiniBatchKMeans
                .fit(Matrix.ofRowMajor(new double[] { 1, 1, 2 }, 3, 1), MiniBatchKMeansConfig.of(3)));
        assertEquals("k is larger than the number of distinct rows: k = 3, but the 3 rows hold only 2 distinct rows",
                e.getMessage());
    }

    @Test
    void settingsAreCheckedByName() {
        assertEquals("k must be at least 1, got 0",
                assertThrows(InputException.class, () -> MiniBatchKMeansConfig.of(0)).getMessage());
        assertEquals("batchSize must be from 1 to 10000000, got 0",
                assertThrows(InputException.class, () -> MiniBatchKMeansConfig.of(2).withBatchSize(0)).getMessage());
        assertEquals("iterations must be at least 1, got 0",
                assertThrows(InputException.class, () -> MiniBatchKMeansConfig.of(2).withIterations(0)).getMessage());
        assertEquals("threads must be from 1 to 1024, got 0",
                assertThrows(InputException.class, () -> MiniBatchKMeansConfig.of(2).withThreads(0)).getMessage());
        assertEquals("restarts must be from 1 to 10000, got 0",
                assertThrows(InputException.class, () -> MiniBatchKMeansConfig.of(2).withRestarts(0)).getMessage());
    }
}
