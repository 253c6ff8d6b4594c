package org.example.segmentation.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.example.segmentation.core.Progress;
import org.junit.jupiter.api.Test;

class ClusterQualityTest {
    private static final double EPS = 1e-12;

    /**
     * Points {0, 1, 5, 6} in clusters A = {0, 1}, B = {5, 6}; means 0.5 and 5.5, grand mean 3.
     *
     * <pre>
     * inertia W = 0.5^2 * 4 = 1
     * B = 2 (0.5 - 3)^2 + 2 (5.5 - 3)^2 = 12.5 + 12.5 = 25
     * CH = (B / (K - 1)) / (W / (n - K)) = (25 / 1) / (1 / 2) = 50
     * S_A = S_B = 0.5 (mean distance to the mean), d_AB = 5, R_AB = 1 / 5
     * DB = (0.2 + 0.2) / 2 = 0.2
     * simplified silhouette, a = distance to own mean, b = to the other mean:
     *   x=0: a=0.5 b=5.5 s=5/5.5=10/11;  x=1: a=0.5 b=4.5 s=4/4.5=8/9;  x=5: 8/9;  x=6: 10/11
     *   mean = (10/11 + 8/9) / 2 = 89/99
     * </pre>
     */
    @Test
    void twoClustersOnALineByHand() {
        ClusterQuality q = ClusterQuality.of(new double[] {0, 1, 5, 6}, 4, 1, new int[] {0, 0, 1, 1}, 2, 1);
        assertEquals(1.0, q.inertia(), EPS);
        assertEquals(50.0, q.calinskiHarabasz(), EPS);
        assertEquals(0.2, q.daviesBouldin(), EPS);
        assertEquals(89.0 / 99.0, q.simplifiedSilhouette(), EPS);
        assertEquals(List.of(2, 2), q.segmentSizes());
        assertEquals(2, q.clusters());
        assertEquals(0.5, q.minSegmentShare(), 0);
    }

    /**
     * Three clusters on a line with a singleton: A = {0, 2, 4} (mean 2), B = {10, 14} (mean 12), C = {20}.
     *
     * <pre>
     * n = 6, K = 3, grand mean m = 50/6 = 25/3
     * W = (4 + 0 + 4) + (4 + 4) + 0 = 16
     * B = 3 (2 - 25/3)^2 + 2 (12 - 25/3)^2 + (20 - 25/3)^2 = (3*361 + 2*121 + 1225) / 9 = 2550/9
     * CH = (2550/9 / 2) / (16 / 3) = 425/16 = 26.5625
     * S_A = (2 + 0 + 2)/3 = 4/3, S_B = (2 + 2)/2 = 2, S_C = 0;  d_AB = 10, d_AC = 18, d_BC = 8
     * R_A = max((4/3 + 2)/10, (4/3)/18) = 1/3
     * R_B = max((2 + 4/3)/10, 2/8)       = 1/3
     * R_C = max((4/3)/18, 2/8)           = 1/4
     * DB = (1/3 + 1/3 + 1/4) / 3 = 11/36
     * simplified silhouette (b = distance to the nearest other mean; the singleton gets 0):
     *   x=0: a=2, b=min(12, 20)=12, s = 10/12 = 5/6
     *   x=2: a=0 b=10 s=1;  x=4: a=2 b=8 s=3/4
     *   x=10: a=2, b=min(8, 10)=8, s=3/4;  x=14: a=2, b=min(12, 6)=6, s=2/3;  x=20: singleton, s=0
     *   mean = (5/6 + 1 + 3/4 + 3/4 + 2/3 + 0) / 6 = (48/12) / 6 = 2/3
     * </pre>
     */
    @Test
    void threeClustersWithASingletonByHand() {
        ClusterQuality q = ClusterQuality.of(new double[] {0, 2, 4, 10, 14, 20}, 6, 1,
                new int[] {0, 0, 0, 1, 1, 2}, 3, 1);
        assertEquals(16.0, q.inertia(), EPS);
        assertEquals(26.5625, q.calinskiHarabasz(), EPS);
        assertEquals(11.0 / 36.0, q.daviesBouldin(), EPS);
        assertEquals(2.0 / 3.0, q.simplifiedSilhouette(), EPS);
        assertEquals(1.0 / 6.0, q.minSegmentShare(), EPS);
    }

    /**
     * Two dimensions:
     *
     * <pre>
     * A = {(0,0), (2,0)}          mean (1, 0)
     * B = {(10,0), (10,2), (13,2)} mean (11, 4/3)
     * grand mean = (35/5, 4/5) = (7, 0.8)
     * W_A = 1 + 1 = 2
     * W_B = (1 + 16/9) + (1 + 4/9) + (4 + 4/9) = 6 + 24/9 = 26/3
     * W = 2 + 26/3 = 32/3
     * B = 2 ((1-7)^2 + 0.8^2) + 3 ((11-7)^2 + (4/3 - 0.8)^2) = 2 (36.64) + 3 (16 + 64/225)
     *   = 73.28 + 48.853333.. = 122.133333.. = 1832/15
     * CH = (B / 1) / (W / 3) = (1832/15) * 9/32 = 16488/480 = 34.35
     * </pre>
     */
    @Test
    void calinskiHarabaszInTwoDimensionsByHand() {
        double[] data = {0, 0, 2, 0, 10, 0, 10, 2, 13, 2};
        ClusterQuality q = ClusterQuality.of(data, 5, 2, new int[] {0, 0, 1, 1, 1}, 2, 1);
        assertEquals(32.0 / 3.0, q.inertia(), EPS);
        assertEquals(34.35, q.calinskiHarabasz(), 1e-10);
    }

    @Test
    void agreesWithTheDefinitionsOnRandomData() {
        int n = 20_000;
        int d = 3;
        int k = 5;
        double[] data = randomData(n, d, 7);
        int[] labels = randomLabels(n, k, 8);
        ClusterQuality q = ClusterQuality.of(data, n, d, labels, k, 1);
        Reference r = new Reference(data, n, d, labels, k);
        assertEquals(r.inertia, q.inertia(), 1e-9 * r.inertia);
        assertEquals(r.simplifiedSilhouette, q.simplifiedSilhouette(), 1e-12);
        assertEquals(r.calinskiHarabasz, q.calinskiHarabasz(), 1e-9 * r.calinskiHarabasz);
        assertEquals(r.daviesBouldin, q.daviesBouldin(), 1e-9 * r.daviesBouldin);
        assertEquals(Silhouette.simplified(data, n, d, labels, k, 2), q.simplifiedSilhouette(), 0);
    }

    @Test
    void sameBitsForAnyThreadCountAndForAMatrix() {
        int n = 50_000;
        int d = 4;
        int k = 7;
        double[] data = randomData(n, d, 11);
        int[] labels = randomLabels(n, k, 12);
        ClusterQuality one = ClusterQuality.of(data, n, d, labels, k, 1);
        for (int threads : new int[] {2, 3, 8}) {
            assertEquals(one, ClusterQuality.of(data, n, d, labels, k, threads), "threads=" + threads);
        }
        assertEquals(one, ClusterQuality.of(Matrix.ofRowMajor(data, n, d), labels, k, 3, Progress.NONE));
    }

    @Test
    void emptyClustersAreIgnored() {
        // label 1 is unused: the scores are those of the two non-empty clusters
        ClusterQuality q = ClusterQuality.of(new double[] {0, 1, 5, 6}, 4, 1, new int[] {0, 0, 2, 2}, 3, 1);
        assertEquals(2, q.clusters());
        assertEquals(3, q.k());
        assertEquals(List.of(2, 0, 2), q.segmentSizes());
        assertEquals(0.0, q.minSegmentShare(), 0);
        assertEquals(50.0, q.calinskiHarabasz(), EPS);
        assertEquals(0.2, q.daviesBouldin(), EPS);
        assertEquals(89.0 / 99.0, q.simplifiedSilhouette(), EPS);
    }

    @Test
    void oneClusterHasNoSeparationScores() {
        ClusterQuality q = ClusterQuality.of(new double[] {0, 1, 5, 6}, 4, 1, new int[] {0, 0, 0, 0}, 1, 1);
        assertEquals(26.0, q.inertia(), EPS); // mean 3: 9 + 4 + 4 + 9
        assertTrue(Double.isNaN(q.simplifiedSilhouette()));
        assertTrue(Double.isNaN(q.calinskiHarabasz()));
        assertTrue(Double.isNaN(q.daviesBouldin()));
        // k = 2 with everything in cluster 1: still only one non-empty cluster
        ClusterQuality q2 = ClusterQuality.of(new double[] {0, 1, 5, 6}, 4, 1, new int[] {1, 1, 1, 1}, 2, 1);
        assertEquals(1, q2.clusters());
        assertTrue(Double.isNaN(q2.calinskiHarabasz()));
    }

    @Test
    void degenerateSeparations() {
        // point masses at 0 and 5: W = 0, B > 0 -> CH infinite; S = 0 -> DB 0; silhouette 1 (a = 0, b = 5)
        ClusterQuality masses = ClusterQuality.of(new double[] {0, 0, 5, 5}, 4, 1, new int[] {0, 0, 1, 1}, 2, 1);
        assertEquals(Double.POSITIVE_INFINITY, masses.calinskiHarabasz());
        assertEquals(0.0, masses.daviesBouldin(), 0);
        assertEquals(1.0, masses.simplifiedSilhouette(), 0);
        // two clusters with the same mean 0: DB infinite, B = 0 -> CH 0
        ClusterQuality same = ClusterQuality.of(new double[] {-1, 1, -2, 2}, 4, 1, new int[] {0, 0, 1, 1}, 2, 1);
        assertEquals(Double.POSITIVE_INFINITY, same.daviesBouldin());
        assertEquals(0.0, same.calinskiHarabasz(), 0);
        // every row its own cluster: n = K, CH undefined; singletons score 0
        ClusterQuality own = ClusterQuality.of(new double[] {0, 1, 5}, 3, 1, new int[] {0, 1, 2}, 3, 1);
        assertTrue(Double.isNaN(own.calinskiHarabasz()));
        assertEquals(0.0, own.simplifiedSilhouette(), 0);
        assertEquals(0.0, own.inertia(), 0);
    }

    @Test
    void badArguments() {
        double[] data = {0, 1, 5, 6};
        assertThrows(IllegalArgumentException.class, () -> ClusterQuality.of(data, 4, 1, new int[] {0, 0, 1}, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> ClusterQuality.of(data, 4, 1, new int[] {0, 0, 1, 2}, 2, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ClusterQuality.of(data, 4, 1, new int[] {0, 0, 1, -1}, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> ClusterQuality.of(data, 3, 1, new int[] {0, 0, 1}, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> ClusterQuality.of(data, 4, 1, new int[] {0, 0, 1, 1}, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ClusterQuality.of(data, 4, 1, new int[] {0, 0, 1, 1}, 2, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterQuality.of(randomData(30_000, 1, 1), 30_000, 1, labelsWithBadRow(30_000, 25_000), 2, 4));
        assertTrue(e.getMessage().contains("row 25000"), e.getMessage());
    }

    private static int[] labelsWithBadRow(int n, int bad) {
        int[] labels = new int[n];
        labels[bad] = 9;
        return labels;
    }

    static double[] randomData(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] data = new double[n * d];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextDouble() * 10 - 5;
        }
        return data;
    }

    static int[] randomLabels(int n, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(k);
        }
        return labels;
    }

    /** The scores computed straight from their definitions, two-pass, one row at a time. */
    private static final class Reference {
        double inertia;
        double simplifiedSilhouette;
        double calinskiHarabasz;
        double daviesBouldin;

        Reference(double[] x, int n, int d, int[] labels, int k) {
            double[][] mean = new double[k][d];
            int[] size = new int[k];
            double[] grand = new double[d];
            for (int i = 0; i < n; i++) {
                size[labels[i]]++;
                for (int f = 0; f < d; f++) {
                    mean[labels[i]][f] += x[i * d + f];
                    grand[f] += x[i * d + f] / n;
                }
            }
            for (int j = 0; j < k; j++) {
                for (int f = 0; f < d; f++) {
                    mean[j][f] /= size[j];
                }
            }
            double[] spread = new double[k];
            for (int i = 0; i < n; i++) {
                int own = labels[i];
                double a = dist(x, i * d, mean[own]);
                double b = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    if (j != own) {
                        b = Math.min(b, dist(x, i * d, mean[j]));
                    }
                }
                inertia += a * a;
                spread[own] += a / size[own];
                simplifiedSilhouette += (b - a) / Math.max(a, b) / n;
            }
            double between = 0;
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int f = 0; f < d; f++) {
                    s += (mean[j][f] - grand[f]) * (mean[j][f] - grand[f]);
                }
                between += size[j] * s;
            }
            calinskiHarabasz = (between / (k - 1)) / (inertia / (n - k));
            for (int j = 0; j < k; j++) {
                double worst = 0;
                for (int i = 0; i < k; i++) {
                    if (i != j) {
                        worst = Math.max(worst, (spread[i] + spread[j]) / dist(mean[i], 0, mean[j]));
                    }
                }
                daviesBouldin += worst / k;
            }
        }

        private static double dist(double[] x, int o, double[] c) {
            double s = 0;
            for (int f = 0; f < c.length; f++) {
                s += (x[o + f] - c[f]) * (x[o + f] - c[f]);
            }
            return Math.sqrt(s);
        }
    }
}
