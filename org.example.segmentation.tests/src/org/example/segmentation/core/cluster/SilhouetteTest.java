package org.example.segmentation.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.Progress;
import org.junit.jupiter.api.Test;

class SilhouetteTest {
    private static final double EPS = 1e-12;

    /**
     * Points {0, 1, 5, 6}, A = {0, 1}, B = {5, 6}; a = mean distance to the rest of the own cluster, b = mean
     * distance to the other cluster:
     *
     * <pre>
     * x=0: a = 1, b = (5 + 6)/2 = 5.5, s = 4.5/5.5 = 9/11
     * x=1: a = 1, b = (4 + 5)/2 = 4.5, s = 3.5/4.5 = 7/9
     * x=5: a = 1, b = (5 + 4)/2 = 4.5, s = 7/9
     * x=6: a = 1, b = (6 + 5)/2 = 5.5, s = 9/11
     * mean = (9/11 + 7/9) / 2 = (81 + 77) / 198 = 79/99 = 0.79797...
     * </pre>
     */
    @Test
    void fourPointsOnALineByHand() {
        double s = Silhouette.exact(new double[] {0, 1, 5, 6}, 4, 1, new int[] {0, 0, 1, 1}, 2, 10_000, 1, 1);
        assertEquals(79.0 / 99.0, s, EPS);
    }

    /**
     * A = {0, 2, 4}, B = {10, 14}, C = {20} (a singleton: s = 0 by Rousseeuw's convention):
     *
     * <pre>
     * x=0:  a = (2 + 4)/2 = 3,   b = min(B: (10 + 14)/2 = 12, C: 20) = 12,  s = 9/12 = 3/4
     * x=2:  a = (2 + 2)/2 = 2,   b = min(B: (8 + 12)/2 = 10, C: 18)  = 10,  s = 8/10 = 4/5
     * x=4:  a = (4 + 2)/2 = 3,   b = min(B: (6 + 10)/2 = 8, C: 16)   = 8,   s = 5/8
     * x=10: a = 4,               b = min(A: (10 + 8 + 6)/3 = 8, C: 10) = 8, s = 4/8 = 1/2
     * x=14: a = 4,               b = min(A: (14 + 12 + 10)/3 = 12, C: 6) = 6, s = 2/6 = 1/3
     * x=20: singleton,           s = 0
     * mean = (3/4 + 4/5 + 5/8 + 1/2 + 1/3 + 0) / 6 = ((90 + 96 + 75 + 60 + 40) / 120) / 6 = 361/720
     * </pre>
     */
    @Test
    void singletonScoresZeroByHand() {
        double s = Silhouette.exact(new double[] {0, 2, 4, 10, 14, 20}, 6, 1, new int[] {0, 0, 0, 1, 1, 2}, 3,
                10_000, 1, 1);
        assertEquals(361.0 / 720.0, s, EPS);
    }

    @Test
    void undefinedAndDegenerateCases() {
        // one cluster: undefined
        assertTrue(Double.isNaN(Silhouette.exact(new double[] {0, 1, 2}, 3, 1, new int[] {0, 0, 0}, 1, 100, 1, 1)));
        // two labels, one of them empty: still one cluster
        assertTrue(Double.isNaN(Silhouette.exact(new double[] {0, 1, 2}, 3, 1, new int[] {1, 1, 1}, 2, 100, 1, 1)));
        // all rows identical in two clusters: a = b = 0 -> s = 0
        assertEquals(0.0, Silhouette.exact(new double[] {3, 3, 3, 3}, 4, 1, new int[] {0, 0, 1, 1}, 2, 100, 1, 1), 0);
        // two singletons: both 0
        assertEquals(0.0, Silhouette.exact(new double[] {0, 9}, 2, 1, new int[] {0, 1}, 2, 100, 1, 1), 0);
    }

    @Test
    void exactOnAllRowsEqualsBruteForce() {
        int n = 400;
        int d = 3;
        double[] data = ClusterQualityTest.randomData(n, d, 3);
        int[] labels = ClusterQualityTest.randomLabels(n, 4, 4);
        labels[17] = 4; // a singleton cluster
        double expected = bruteForce(data, d, allRows(n), labels, 5);
        assertEquals(expected, Silhouette.exact(data, n, d, labels, 5, 10_000, 9, 1), EPS);
        assertEquals(expected, Silhouette.exact(Matrix.ofRowMajor(data, n, d), labels, 5, 10_000, 9, 3), EPS);
    }

    @Test
    void exactOnASampleEqualsBruteForceOnTheSampledRows() {
        int n = 5_000;
        int d = 2;
        double[] data = ClusterQualityTest.randomData(n, d, 5);
        int[] labels = ClusterQualityTest.randomLabels(n, 3, 6);
        int[] rows = Silhouette.sampleRows(n, 700, 77);
        double expected = bruteForce(data, d, rows, labels, 3);
        assertEquals(expected, Silhouette.exact(data, n, d, labels, 3, 700, 77, 1), EPS);
        assertNotEquals(expected, Silhouette.exact(data, n, d, labels, 3, 700, 78, 1), "another seed, another sample");
    }

    @Test
    void severalPartitionsInOnePassEqualOneAtATime() {
        int n = 3_000;
        int d = 4;
        double[] data = ClusterQualityTest.randomData(n, d, 21);
        int[][] labels = {ClusterQualityTest.randomLabels(n, 2, 1), ClusterQualityTest.randomLabels(n, 5, 2),
            ClusterQualityTest.randomLabels(n, 9, 3)};
        int[] ks = {2, 5, 9};
        int[] rows = Silhouette.sampleRows(n, 1_000, 5);
        double[] together = Silhouette.exact(ClusterQuality.Rows.of(data, n, d), rows, labels, ks, 1, Progress.NONE);
        for (int q = 0; q < 3; q++) {
            assertEquals(Silhouette.exact(data, n, d, labels[q], ks[q], 1_000, 5, 1), together[q], 0);
        }
    }

    @Test
    void sameBitsForAnyThreadCount() {
        int n = 6_000;
        int d = 5;
        double[] data = ClusterQualityTest.randomData(n, d, 31);
        int[] labels = ClusterQualityTest.randomLabels(n, 6, 32);
        double one = Silhouette.exact(data, n, d, labels, 6, 2_000, 3, 1);
        for (int threads : new int[] {2, 3, 8}) {
            assertEquals(one, Silhouette.exact(data, n, d, labels, 6, 2_000, 3, threads), 0, "threads=" + threads);
        }
    }

    @Test
    void simplifiedEqualsItsDefinition() {
        // A = {0, 2, 4} mean 2, B = {10, 14} mean 12, C = {20}: see ClusterQualityTest, 2/3
        assertEquals(2.0 / 3.0,
                Silhouette.simplified(new double[] {0, 2, 4, 10, 14, 20}, 6, 1, new int[] {0, 0, 0, 1, 1, 2}, 3, 1),
                EPS);
        int n = 2_000;
        int d = 3;
        double[] data = ClusterQualityTest.randomData(n, d, 41);
        int[] labels = ClusterQualityTest.randomLabels(n, 4, 42);
        double[][] means = new double[4][d];
        int[] size = new int[4];
        for (int i = 0; i < n; i++) {
            size[labels[i]]++;
            for (int f = 0; f < d; f++) {
                means[labels[i]][f] += data[i * d + f];
            }
        }
        for (int j = 0; j < 4; j++) {
            for (int f = 0; f < d; f++) {
                means[j][f] /= size[j];
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double a = distance(data, i * d, means[labels[i]], 0, d);
            double b = Double.POSITIVE_INFINITY;
            for (int j = 0; j < 4; j++) {
                if (j != labels[i]) {
                    b = Math.min(b, distance(data, i * d, means[j], 0, d));
                }
            }
            sum += (b - a) / Math.max(a, b);
        }
        assertEquals(sum / n, Silhouette.simplified(data, n, d, labels, 4, 2), EPS);
    }

    @Test
    void sampleRowsAreSortedDistinctAndUniform() {
        int[] all = Silhouette.sampleRows(50, 100, 1);
        assertArrayEquals(allRows(50), all);
        int[] rows = Silhouette.sampleRows(100_000, 10_000, 42);
        assertEquals(10_000, rows.length);
        for (int i = 1; i < rows.length; i++) {
            assertTrue(rows[i] > rows[i - 1]);
        }
        assertArrayEquals(rows, Silhouette.sampleRows(100_000, 10_000, 42));
        // each of 10 row deciles holds about 1,000 sampled rows (hypergeometric sd about 28)
        int[] deciles = new int[10];
        for (int r : rows) {
            deciles[r / 10_000]++;
        }
        for (int c : deciles) {
            assertTrue(Math.abs(c - 1_000) < 150, "decile count " + c);
        }
        // over many seeds every row of 20 is drawn about 5/20 of the time
        int[] hits = new int[20];
        for (int seed = 0; seed < 4_000; seed++) {
            for (int r : Silhouette.sampleRows(20, 5, seed)) {
                hits[r]++;
            }
        }
        for (int h : hits) {
            assertTrue(Math.abs(h - 1_000) < 120, "row drawn " + h + " times in 4000");
        }
    }

    @Test
    void cancellationStopsTheExactPass() {
        int n = 5_000;
        double[] data = ClusterQualityTest.randomData(n, 2, 1);
        int[] labels = ClusterQualityTest.randomLabels(n, 3, 2);
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public void checkCancelled() {
                throw new CancelledException();
            }
        };
        assertThrows(CancelledException.class, () -> Silhouette.exact(ClusterQuality.Rows.of(data, n, 2),
                Silhouette.sampleRows(n, 5_000, 1), new int[][] {labels}, new int[] {3}, 2, cancelled));
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> Silhouette.exact(new double[] {0, 1}, 2, 1, new int[] {0, 2}, 2, 100, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Silhouette.exact(new double[] {0, 1}, 2, 1, new int[] {0}, 2, 100, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Silhouette.sampleRows(10, 0, 1));
    }

    /** Rousseeuw's silhouette over the given rows only, straight from the definition. */
    private static double bruteForce(double[] x, int d, int[] rows, int[] labels, int k) {
        int m = rows.length;
        int[] count = new int[k];
        for (int r : rows) {
            count[labels[r]]++;
        }
        double total = 0;
        for (int i : rows) {
            double[] sum = new double[k];
            for (int j : rows) {
                if (j != i) {
                    sum[labels[j]] += distance(x, i * d, x, j * d, d);
                }
            }
            int own = labels[i];
            if (count[own] == 1) {
                continue; // s = 0
            }
            double a = sum[own] / (count[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && count[c] > 0) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            total += (b - a) / Math.max(a, b);
        }
        return total / m;
    }

    private static double distance(double[] x, int xo, double[] y, int yo, int d) {
        double s = 0;
        for (int f = 0; f < d; f++) {
            s += (x[xo + f] - y[yo + f]) * (x[xo + f] - y[yo + f]);
        }
        return Math.sqrt(s);
    }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
