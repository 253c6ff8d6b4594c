package org.example.segmentation.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class AdjustedRandIndexTest {
    private static final double EPS = 1e-14;

    /**
     * scikit-learn's documented example: [0,0,1,1] vs [0,0,1,2] gives 0.5714...
     *
     * <pre>
     * contingency   b=0 b=1 b=2 | a_i
     *   a=0          2   0   0  |  2
     *   a=1          0   1   1  |  2
     *   b_j          2   1   1
     * index = C(2,2) = 1;  A = C(2,2) + C(2,2) = 2;  B = C(2,2) = 1;  T = C(4,2) = 6
     * expected = A B / T = 1/3;  max = (A + B)/2 = 3/2
     * ARI = (1 - 1/3) / (3/2 - 1/3) = (2/3) / (7/6) = 4/7
     * </pre>
     */
    @Test
    void scikitLearnExampleByHand() {
        assertEquals(4.0 / 7.0, AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}), EPS);
        assertEquals(4.0 / 7.0, AdjustedRandIndex.of(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1}), EPS);
        assertEquals(4.0 / 7.0, AdjustedRandIndex.fromContingency(new long[][] {{2, 0, 0}, {0, 1, 1}}), EPS);
    }

    /**
     * scikit-learn's user guide: [0,0,0,1,1,1] vs [0,0,1,1,2,2] gives 0.2424...
     *
     * <pre>
     * contingency   b=0 b=1 b=2
     *   a=0          2   1   0
     *   a=1          0   1   2
     * index = C(2,2) + C(2,2) = 2;  A = C(3,2) + C(3,2) = 6;  B = C(2,2) * 3 = 3;  T = C(6,2) = 15
     * expected = 18/15 = 6/5;  max = 9/2
     * ARI = (2 - 6/5) / (9/2 - 6/5) = (4/5) / (33/10) = 8/33 = 0.242424...
     * </pre>
     */
    @Test
    void userGuideExampleByHand() {
        assertEquals(8.0 / 33.0, AdjustedRandIndex.of(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}),
                EPS);
    }

    /**
     * A 3 x 3 table:
     *
     * <pre>
     *          b=0 b=1 b=2 | a_i
     *   a=0     1   1   0  |  2
     *   a=1     1   2   1  |  4
     *   a=2     0   0   4  |  4
     *   b_j     2   3   5  | n = 10
     * index = C(2,2) + C(4,2) = 1 + 6 = 7
     * A = C(2,2) + C(4,2) + C(4,2) = 1 + 6 + 6 = 13
     * B = C(2,2) + C(3,2) + C(5,2) = 1 + 3 + 10 = 14
     * T = C(10,2) = 45;  expected = 13 * 14 / 45 = 182/45;  max = 27/2
     * ARI = (7 - 182/45) / (27/2 - 182/45) = (133/45) / (851/90) = 266/851 = 0.312573...
     * </pre>
     */
    @Test
    void threeByThreeTableByHand() {
        long[][] table = {{1, 1, 0}, {1, 2, 1}, {0, 0, 4}};
        assertEquals(266.0 / 851.0, AdjustedRandIndex.fromContingency(table), EPS);
        int[] a = {0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
        int[] b = {0, 1, 0, 1, 1, 2, 2, 2, 2, 2};
        assertEquals(266.0 / 851.0, AdjustedRandIndex.of(a, b), EPS);
    }

    @Test
    void renamingLabelsChangesNothing() {
        assertEquals(1.0, AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0}), 0);
        assertEquals(1.0, AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {-7, -7, Integer.MAX_VALUE,
            Integer.MAX_VALUE}), 0);
        int[] a = {5, 5, 9, 9, 9, 1};
        int[] b = {2, 2, 2, 3, 3, 4};
        int[] renamedA = {-1, -1, 1 << 30, 1 << 30, 1 << 30, 0};
        assertEquals(AdjustedRandIndex.of(a, b), AdjustedRandIndex.of(renamedA, b), EPS);
    }

    /** The edge cases follow scikit-learn's adjusted_rand_score. */
    @Test
    void edgeCases() {
        // both one cluster, or both all singletons: identical trivial partitions, 1.0 by convention
        assertEquals(1.0, AdjustedRandIndex.of(new int[] {0, 0, 0}, new int[] {4, 4, 4}), 0);
        assertEquals(1.0, AdjustedRandIndex.of(new int[] {0, 1, 2}, new int[] {2, 0, 1}), 0);
        // one cluster against all singletons: no agreement beyond chance
        assertEquals(0.0, AdjustedRandIndex.of(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3}), 0);
        // fewer than two rows
        assertEquals(1.0, AdjustedRandIndex.of(new int[] {3}, new int[] {8}), 0);
        assertEquals(1.0, AdjustedRandIndex.of(new int[0], new int[0]), 0);
        // worse than chance: table {{1,1},{1,1}}: index 0, A = B = 2, T = 6, expected 2/3, max 2
        // ARI = (0 - 2/3) / (2 - 2/3) = -1/2
        assertTrue(AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}) < 0);
        assertEquals(-0.5, AdjustedRandIndex.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}), EPS);
    }

    @Test
    void largeTablesAgreeWithTheSortingPathAndAnIndependentFormula() {
        int n = 300_000; // C(n,2)^2 overflows a long: the final expression must be exact
        SplittableRandom r = new SplittableRandom(3);
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(7);
            b[i] = r.nextInt(10) < 7 ? a[i] : r.nextInt(7);
        }
        double ari = AdjustedRandIndex.of(a, b);
        assertEquals(reference(a, b, 7, 7), ari, 1e-12);
        assertTrue(ari > 0.3 && ari < 0.7, "ari " + ari);
        // 3000 x 3000 distinct labels: the contingency table is counted by sorting
        int m = 3_000;
        int[] c = new int[m];
        int[] e = new int[m];
        for (int i = 0; i < m; i++) {
            c[i] = i;
            e[i] = i < m / 2 ? i : i / 2 * 2; // pairs merged in the second half
        }
        assertEquals(reference(c, e, m, m), AdjustedRandIndex.of(c, e), 1e-12);
    }

    @Test
    void independentLabellingsScoreAboutZero() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 200_000;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(5);
            b[i] = r.nextInt(4);
        }
        assertEquals(0.0, AdjustedRandIndex.of(a, b), 1e-3);
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> AdjustedRandIndex.of(new int[] {0, 1}, new int[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> AdjustedRandIndex.fromContingency(new long[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class,
                () -> AdjustedRandIndex.fromContingency(new long[][] {{1, -2}, {3, 4}}));
    }

    /** Pair counting in double precision from a dense table (labels 0..ka-1, 0..kb-1). */
    private static double reference(int[] a, int[] b, int ka, int kb) {
        double[][] t = new double[ka][kb];
        double[] rows = new double[ka];
        double[] cols = new double[kb];
        for (int i = 0; i < a.length; i++) {
            t[a[i]][b[i]]++;
            rows[a[i]]++;
            cols[b[i]]++;
        }
        double index = 0;
        for (double[] row : t) {
            for (double x : row) {
                index += x * (x - 1) / 2;
            }
        }
        double sa = 0;
        for (double x : rows) {
            sa += x * (x - 1) / 2;
        }
        double sb = 0;
        for (double x : cols) {
            sb += x * (x - 1) / 2;
        }
        double total = a.length * (a.length - 1.0) / 2;
        double expected = sa * sb / total;
        return (index - expected) / ((sa + sb) / 2 - expected);
    }
}
