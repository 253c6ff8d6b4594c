package org.example.segmentation.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cluster.KMeansConfig.Algorithm;
import org.example.segmentation.core.cluster.KMeansConfig.Init;
import org.junit.jupiter.api.Test;

/** k-means: hand-checked cases, edge cases, empty-cluster repair, Hamerly = Lloyd, determinism, bad input. */
class KMeansTest {

    private static Matrix oneColumn(double... v) {
        return Matrix.ofRowMajor(v, v.length, 1);
    }

    // ---- hand-checked ----

    @Test
    void twoGroupsOnALine() {
        // {1,2,3} and {10,11,12}: centroids 2 and 11; inertia = (1+0+1) + (1+0+1) = 4.
        KMeansResult r = KMeans.fit(oneColumn(1, 2, 3, 10, 11, 12), KMeansConfig.of(2));
        int low = r.assignment(0);
        int high = 1 - low;
        assertEquals(2.0, r.centroids().get(low, 0), 1e-12);
        assertEquals(11.0, r.centroids().get(high, 0), 1e-12);
        assertArrayEquals(new int[] { low, low, low, high, high, high }, r.assignments());
        assertEquals(4.0, r.inertia(), 1e-12);
        assertArrayEquals(new int[] { 3, 3 }, r.clusterSizes());
        assertTrue(r.converged());
        assertEquals(10, r.restartInertias().length);
    }

    @Test
    void squareCornersWithKOneGiveTheMean() {
        // (0,0), (2,0), (0,2), (2,2): mean (1,1), every corner at squared distance 2, inertia 8.
        Matrix m = Matrix.ofRows(new double[][] { { 0, 0 }, { 2, 0 }, { 0, 2 }, { 2, 2 } });
        KMeansResult r = KMeans.fit(m, KMeansConfig.of(1));
        assertArrayEquals(new double[] { 1, 1 }, r.centroids().centroid(0), 1e-15);
        assertEquals(8.0, r.inertia(), 1e-12);
        assertArrayEquals(new int[] { 0, 0, 0, 0 }, r.assignments());
        assertTrue(r.converged());
        assertEquals(2, r.iterations(), "k = 1 settles in the second iteration");
        Nearest n = r.nearest(new double[] { 5, 1 });
        assertEquals(0, n.cluster());
        assertEquals(4.0, n.distance(), 1e-15);
        assertEquals(-1, n.secondCluster());
        assertEquals(Double.POSITIVE_INFINITY, n.secondDistance());
    }

    @Test
    void threeClustersInThePlane() {
        // Three tight triples; each centroid is its triple's mean, inertia is the sum of the triples' scatter:
        // triple (0,0),(1,0),(0,1): mean (1/3,1/3), scatter 4/3; same shape at (10,0) and (0,10).
        Matrix m = Matrix.ofRows(new double[][] { { 0, 0 }, { 1, 0 }, { 0, 1 }, { 10, 0 }, { 11, 0 }, { 10, 1 },
            { 0, 10 }, { 1, 10 }, { 0, 11 } });
        KMeansResult r = KMeans.fit(m, KMeansConfig.of(3));
        assertEquals(3 * 4.0 / 3, r.inertia(), 1e-12);
        for (int t = 0; t < 3; t++) {
            int c = r.assignment(3 * t);
            assertEquals(c, r.assignment(3 * t + 1));
            assertEquals(c, r.assignment(3 * t + 2));
            double[] expected = { m.get(3 * t, 0) + 1.0 / 3, m.get(3 * t, 1) + 1.0 / 3 };
            assertArrayEquals(expected, r.centroids().centroid(c), 1e-12);
        }
    }

    // ---- edge cases ----

    @Test
    void kEqualToTheNumberOfDistinctRowsGivesZeroInertia() {
        Matrix m = oneColumn(5, 1, 3, 9, 7);
        KMeansResult r = KMeans.fit(m, KMeansConfig.of(5));
        assertEquals(0.0, r.inertia());
        assertEquals(5, Arrays.stream(r.assignments()).distinct().count());
        for (int i = 0; i < 5; i++) {
            assertEquals(m.get(i, 0), r.centroids().get(r.assignment(i), 0));
        }
        // duplicates: 3 distinct values repeated, k = 3
        KMeansResult d = KMeans.fit(oneColumn(4, 4, 8, 8, 8, 1, 1), KMeansConfig.of(3));
        assertEquals(0.0, d.inertia());
        int[] sizes = d.clusterSizes();
        Arrays.sort(sizes);
        assertArrayEquals(new int[] { 2, 2, 3 }, sizes);
        assertEquals(d.assignment(0), d.assignment(1));
        assertEquals(d.assignment(2), d.assignment(4));
        assertEquals(d.assignment(5), d.assignment(6));
    }

    @Test
    void tiesGoToTheLowestIndex() {
        Centroids c = Centroids.of(new double[][] { { 0 }, { 4 }, { 2 }, { 2 } });
        Nearest n = c.nearest(new double[] { 1 });
        assertEquals(0, n.cluster(), "1 is as near to 0 as to 2; centroid 0 wins");
        assertEquals(2, n.secondCluster(), "2 and 3 are equal; 2 wins");
        assertEquals(1.0, n.distance());
        assertEquals(1.0, n.secondDistance());
        assertEquals(2, c.nearestIndex(new double[] { 2 }), "centroids 2 and 3 are equal; 2 wins");
        assertEquals(1, c.nearestIndex(new double[] { 3 }), "3 is as near to 4 (centroid 1) as to 2; 1 wins");
    }

    @Test
    void assignmentsAreTheNearestCentroidsAndNearestAgreesWithTheFit() {
        int n = 3000;
        int d = 5;
        double[] v = KMeansFixtures.blobs(n, d, 4, 2.5, 11);
        Matrix m = Matrix.ofRowMajor(v, n, d);
        KMeansResult r = KMeans.fit(m, KMeansConfig.of(4).withRestarts(3));
        double sum = 0;
        for (int i = 0; i < n; i++) {
            Nearest near = r.nearest(m.row(i));
            assertEquals(r.assignment(i), near.cluster(), "row " + i);
            assertTrue(near.secondDistance() >= near.distance());
            assertNotEquals(near.cluster(), near.secondCluster());
            sum += near.distance() * near.distance();
        }
        assertEquals(r.inertia(), sum, 1e-9 * r.inertia());
        assertArrayEquals(r.assignments(), KMeans.nearestIndexes(m, r.centroids(), 2));
        assertEquals(r.inertia(), KMeans.inertia(m, r.centroids(), 3));
        assertEquals(n, Arrays.stream(r.clusterSizes()).sum());
        assertEquals(r.inertia(), KMeansFixtures.inertia(v, n, d, r.centroidArray(), r.assignments()),
                1e-9 * r.inertia());
    }

    @Test
    void convergedCentroidsAreTheMeansOfTheirRows() {
        int n = 2000;
        int d = 3;
        double[] v = KMeansFixtures.blobs(n, d, 3, 6, 5);
        KMeansResult r = KMeans.fit(Matrix.ofRowMajor(v, n, d), KMeansConfig.of(3).withTolerance(0));
        assertTrue(r.converged());
        double[][] means = new double[3][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                means[r.assignment(i)][j] += v[i * d + j] / r.clusterSize(r.assignment(i));
            }
        }
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(means[c], r.centroids().centroid(c), 1e-9);
        }
    }

    @Test
    void toleranceAndIterationCapStopEarly() {
        int n = 5000;
        int d = 4;
        Matrix m = Matrix.ofRowMajor(KMeansFixtures.blobs(n, d, 8, 1.5, 3), n, d);
        KMeansResult exact = KMeans.fit(m, KMeansConfig.of(8).withRestarts(1).withTolerance(0));
        KMeansResult loose = KMeans.fit(m, KMeansConfig.of(8).withRestarts(1).withTolerance(0.1));
        KMeansResult capped = KMeans.fit(m, KMeansConfig.of(8).withRestarts(1).withTolerance(0).withMaxIterations(2));
        assertTrue(exact.converged());
        assertTrue(loose.converged());
        assertTrue(loose.iterations() < exact.iterations(), loose.iterations() + " vs " + exact.iterations());
        assertFalse(capped.converged());
        assertEquals(2, capped.iterations());
        assertTrue(capped.inertia() >= exact.inertia() * (1 - 1e-12));
    }

    // ---- empty clusters ----

    @Test
    void anEmptyClusterTakesTheRowFarthestFromItsCentroid() {
        // Initial centroids 0 and 1 coincide at (0,0): every row near them goes to 0 (tie, lowest index) and
        // cluster 1 is empty. It is re-seeded with the row farthest from its own centroid: (-5,3), at squared
        // distance 34 from (0,0) (the row (10,11) is only 1 from centroid 2).
        double[][] rows = { { 0, 0 }, { 0, 0 }, { -5, 3 }, { 0, 0 }, { 10, 10 }, { 10, 11 }, { 0, 0 } };
        Matrix m = Matrix.ofRows(rows);
        Centroids start = Centroids.of(new double[][] { { 0, 0 }, { 0, 0 }, { 10, 10 } });
        for (Algorithm a : Algorithm.values()) {
            KMeansResult r = KMeans.fitFrom(m, start, KMeansConfig.of(3).withAlgorithm(a), Progress.NONE);
            assertArrayEquals(new double[] { -5, 3 }, r.centroids().centroid(1), a.toString());
            assertArrayEquals(new int[] { 0, 0, 1, 0, 2, 2, 0 }, r.assignments(), a.toString());
            assertArrayEquals(new int[] { 4, 1, 2 }, r.clusterSizes());
            assertEquals(0.5, r.inertia(), 1e-12);
        }
    }

    @Test
    void equallyFarRowsGoToTheLowestRowIndex() {
        // Rows 2 and 4 are both at squared distance 9 from their centroid (0,0): row 2 re-seeds cluster 1.
        double[][] rows = { { 0, 0 }, { 0, 0 }, { 3, 0 }, { 0, 0 }, { 0, 3 }, { 100, 100 } };
        Centroids start = Centroids.of(new double[][] { { 0, 0 }, { 0, 0 }, { 100, 100 } });
        KMeansResult r = KMeans.fitFrom(Matrix.ofRows(rows), start, KMeansConfig.of(3).withMaxIterations(1),
                Progress.NONE);
        assertArrayEquals(new double[] { 3, 0 }, r.centroids().centroid(1));
        assertEquals(1, r.assignment(2));
    }

    @Test
    void randomInitOnDuplicatesRepairsEveryEmptyCluster() {
        // 90 % of the rows are one point: random initialisation often draws it for several centroids.
        int n = 400;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = i % 10 == 0 ? new double[] { i, -i } : new double[] { 1, 1 };
        }
        Matrix m = Matrix.ofRows(rows);
        for (long seed = 0; seed < 20; seed++) {
            KMeansConfig config = KMeansConfig.of(6).withInit(Init.RANDOM).withRestarts(1).withSeed(seed);
            KMeansResult h = KMeans.fit(m, config);
            KMeansResult l = KMeans.fit(m, config.withAlgorithm(Algorithm.LLOYD));
            for (int size : h.clusterSizes()) {
                assertTrue(size >= 1, "seed " + seed + ": " + Arrays.toString(h.clusterSizes()));
            }
            assertArrayEquals(h.assignments(), l.assignments(), "seed " + seed);
            assertEquals(Double.doubleToLongBits(h.inertia()), Double.doubleToLongBits(l.inertia()));
        }
    }

    // ---- Hamerly = Lloyd, determinism ----

    @Test
    void hamerlyAndLloydGiveTheSameBits() {
        int n = 12_000;
        int d = 6;
        Matrix m = Matrix.ofRowMajor(KMeansFixtures.blobs(n, d, 7, 2.0, 21), n, d);
        for (int k : new int[] { 1, 2, 5, 9 }) {
            KMeansConfig base = KMeansConfig.of(k).withRestarts(2).withTolerance(0).withSeed(k);
            KMeansResult h = KMeans.fit(m, base.withAlgorithm(Algorithm.HAMERLY));
            KMeansResult l = KMeans.fit(m, base.withAlgorithm(Algorithm.LLOYD));
            assertSameBits(h, l, "k=" + k);
            // and from the same explicit start
            Centroids start = Centroids.of(Arrays.copyOf(new double[][] { m.row(0), m.row(1), m.row(2), m.row(3),
                m.row(4), m.row(5), m.row(6), m.row(7), m.row(8) }, k));
            assertSameBits(KMeans.fitFrom(m, start, base.withAlgorithm(Algorithm.HAMERLY), Progress.NONE),
                    KMeans.fitFrom(m, start, base.withAlgorithm(Algorithm.LLOYD), Progress.NONE), "from start, k=" + k);
        }
    }

    @Test
    void sameSeedSameBitsForAnyThreadCount() {
        int n = 40_000; // 40 blocks: several groups, so the threads really share the work
        int d = 5;
        Matrix m = Matrix.ofRowMajor(KMeansFixtures.blobs(n, d, 6, 2.0, 8), n, d);
        KMeansConfig config = KMeansConfig.of(6).withRestarts(3).withSeed(99);
        KMeansResult one = KMeans.fit(m, config.withThreads(1));
        for (int t : new int[] { 2, 3 }) {
            assertSameBits(one, KMeans.fit(m, config.withThreads(t)), t + " threads");
        }
        assertArrayEquals(one.restartInertias(), KMeans.fit(m, config.withThreads(3)).restartInertias());
        KMeansResult other = KMeans.fit(m, config.withSeed(100));
        assertFalse(Arrays.equals(one.restartInertias(), other.restartInertias()),
                "another seed starts elsewhere");
    }

    private static void assertSameBits(KMeansResult a, KMeansResult b, String what) {
        assertArrayEquals(a.assignments(), b.assignments(), what);
        assertEquals(Double.doubleToLongBits(a.inertia()), Double.doubleToLongBits(b.inertia()), what);
        assertEquals(a.iterations(), b.iterations(), what);
        assertEquals(a.restart(), b.restart(), what);
        for (int c = 0; c < a.k(); c++) {
            double[] x = a.centroids().centroid(c);
            double[] y = b.centroids().centroid(c);
            for (int j = 0; j < x.length; j++) {
                assertEquals(Double.doubleToLongBits(x[j]), Double.doubleToLongBits(y[j]), what + ", centroid " + c);
            }
        }
    }

    // ---- progress ----

    @Test
    void cancellationStopsTheFit() {
        int n = 5000;
        Matrix m = Matrix.ofRowMajor(KMeansFixtures.blobs(n, 3, 4, 1, 2), n, 3);
        AtomicInteger calls = new AtomicInteger();
        Progress cancelAfterFive = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public void checkCancelled() {
                if (calls.incrementAndGet() > 5) {
                    throw new CancelledException();
                }
            }
        };
        assertThrows(CancelledException.class,
                () -> KMeans.fit(m, KMeansConfig.of(4).withThreads(2).withTolerance(0), cancelAfterFive));
    }

    // ---- bad input ----

    @Test
    void kBelowOneIsRejected() {
        InputException e = assertThrows(InputException.class, () -> KMeansConfig.of(0));
        assertEquals("k must be at least 1, got 0", e.getMessage());
    }

    @Test
    void kAboveTheRowCountIsRejected() {
        InputException e = assertThrows(InputException.class, () -> KMeans.fit(oneColumn(1, 2, 3), KMeansConfig.of(4)));
        assertEquals("k must be from 1 to the number of rows (3), got 4", e.getMessage());
    }

    @Test
    void kAboveTheDistinctRowCountIsRejected() {
        InputException e = assertThrows(InputException.class,
                () -> KMeans.fit(oneColumn(1, 1, 2, 2, 2, 1), KMeansConfig.of(3)));
        assertEquals("k is larger than the number of distinct rows: k = 3, but the 6 rows hold only 2 distinct rows",
                e.getMessage());
    }

    @Test
    void nanIsRejectedWithItsRowAndColumn() {
        InputException e = assertThrows(InputException.class,
                () -> Matrix.ofRows(new double[][] { { 1, 2 }, { 3, 4 }, { 5, Double.NaN } }));
        assertTrue(e.getMessage().startsWith("row 2, column 1: value NaN is not a finite number"), e.getMessage());
    }

    @Test
    void infinityIsRejectedWithItsRowAndColumn() {
        double[] v = new double[3000];
        v[2 * 1500 - 2] = Double.NEGATIVE_INFINITY; // row 1499, column 0 of a 1500 x 2 matrix (second block)
        InputException e = assertThrows(InputException.class, () -> Matrix.ofRowMajor(v, 1500, 2));
        assertTrue(e.getMessage().startsWith("row 1499, column 0: value -Infinity is not a finite number"),
                e.getMessage());
        double[][] cols = { new double[10], new double[10] };
        cols[1][7] = Double.POSITIVE_INFINITY;
        InputException c = assertThrows(InputException.class, () -> Matrix.ofColumns(cols));
        assertTrue(c.getMessage().startsWith("row 7, column 1: value Infinity"), c.getMessage());
    }

    @Test
    void valuesWhoseSquaresCouldOverflowAreRejected() {
        InputException e = assertThrows(InputException.class,
                () -> Matrix.ofRows(new double[][] { { 1, 2 }, { 3, -1e120 } }));
        assertEquals("row 1, column 1: value -1.0E120 is too large for k-means (at most 1e100 in absolute value);"
                + " rescale the column", e.getMessage());
    }

    @Test
    void zeroRowsAreRejected() {
        InputException e = assertThrows(InputException.class, () -> Matrix.ofRows(new double[0][]));
        assertEquals("the data has no rows; k-means needs at least one row", e.getMessage());
    }

    @Test
    void zeroColumnsAreRejected() {
        InputException e = assertThrows(InputException.class, () -> Matrix.ofRows(new double[][] { {}, {} }));
        assertEquals("the data has no columns; k-means needs at least one numeric column", e.getMessage());
    }

    @Test
    void raggedRowsAreRejected() {
        InputException e = assertThrows(InputException.class,
                () -> Matrix.ofRows(new double[][] { { 1, 2 }, { 3 } }));
        assertEquals("row 1 has 1 values, but row 0 has 2", e.getMessage());
    }

    @Test
    void threadsBelowOneAreRejected() {
        InputException e = assertThrows(InputException.class, () -> KMeansConfig.of(2).withThreads(0));
        assertEquals("threads must be from 1 to 1024, got 0", e.getMessage());
    }

    @Test
    void otherSettingsAreCheckedByName() {
        assertEquals("restarts must be from 1 to 10000, got 0",
                assertThrows(InputException.class, () -> KMeansConfig.of(2).withRestarts(0)).getMessage());
        assertEquals("maxIterations must be at least 1, got 0",
                assertThrows(InputException.class, () -> KMeansConfig.of(2).withMaxIterations(0)).getMessage());
        assertEquals("tolerance must be a finite number >= 0, got NaN",
                assertThrows(InputException.class, () -> KMeansConfig.of(2).withTolerance(Double.NaN)).getMessage());
        assertEquals("tolerance must be a finite number >= 0, got -1.0",
                assertThrows(InputException.class, () -> KMeansConfig.of(2).withTolerance(-1)).getMessage());
        assertEquals("init must be set (kmeans++ or random)",
                assertThrows(InputException.class, () -> KMeansConfig.of(2).withInit(null)).getMessage());
    }

    @Test
    void initialCentroidsMustMatchTheData() {
        Matrix m = oneColumn(1, 2, 3);
        InputException count = assertThrows(InputException.class, () -> KMeans.fitFrom(m,
                Centroids.of(new double[][] { { 1 } }), KMeansConfig.of(2), Progress.NONE));
        assertEquals("there are 1 initial centroids, but k is 2", count.getMessage());
        InputException width = assertThrows(InputException.class, () -> KMeans.fitFrom(m,
                Centroids.of(new double[][] { { 1, 1 } }), KMeansConfig.of(1), Progress.NONE));
        assertEquals("the initial centroids have 2 columns, the data has 1", width.getMessage());
    }
}
