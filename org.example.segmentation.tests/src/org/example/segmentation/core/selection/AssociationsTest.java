package org.example.segmentation.core.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The association measures against hand calculations. */
class AssociationsTest {
    private static final double NA = Double.NaN;

    @Test
    void pearsonByHand() {
        // x = 1 2 3 4, y = 1 3 2 4: both means 2.5; deviations x: -1.5 -0.5 0.5 1.5, y: -1.5 0.5 -0.5 1.5
        // sxy = 2.25 - 0.25 - 0.25 + 2.25 = 4, sxx = syy = 5, r = 4 / 5 = 0.8
        assertEquals(0.8, Associations.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}), 1e-15);
        // the NaN row is left out of both sides (pairwise-complete rows)
        assertEquals(0.8, Associations.pearson(new double[] {1, 2, 99, 3, 4}, new double[] {1, 3, NA, 2, 4}), 1e-15);
        assertEquals(-1, Associations.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
    }

    @Test
    void undefinedPearsonIsNaN() {
        assertTrue(Double.isNaN(Associations.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})), "constant");
        assertTrue(Double.isNaN(Associations.pearson(new double[] {1, NA}, new double[] {1, 2})), "one row");
    }

    @Test
    void averageRanksForTies() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Associations.ranks(new double[] {10, 20, 20, 30}));
        assertArrayEquals(new double[] {3, 1, 3, 3}, Associations.ranks(new double[] {5, -1, 5, 5}));
    }

    @Test
    void spearmanOfAMonotoneCurveIsOne() {
        double[] x = new double[10];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = i + 1;
            y[i] = Math.pow(2, i + 1);
        }
        assertEquals(1.0, Associations.spearman(x, y, null, null), 1e-15);
        assertEquals(1.0, Associations.spearman(x, y, Associations.ranks(x), Associations.ranks(y)), 1e-15);
        // Pearson sees only the linear part: 0.79884 (computed independently)
        assertEquals(0.7988372426181233, Associations.pearson(x, y), 1e-12);
    }

    @Test
    void spearmanRanksThePairwiseCompleteRows() {
        // after dropping the NaN row: x = 1 2 3, y = 30 10 20 -> ranks 1 2 3 vs 3 1 2:
        // deviations -1 0 1 vs 1 -1 0 -> sxy = -1, sxx = syy = 2, rho = -0.5
        assertEquals(-0.5, Associations.spearman(new double[] {1, 2, NA, 3}, new double[] {30, 10, 5, 20}, null, null),
                1e-15);
    }

    @Test
    void cramersVOfATwoByTwoTableByHand() {
        // a\b  u v
        //  p   3 1
        //  q   1 3     n = 8, every expected count 2, chi2 = 4 * (1^2 / 2) = 2, V = sqrt(2 / (8 * 1)) = 0.5
        int[] a = {0, 0, 0, 0, 1, 1, 1, 1};
        int[] b = {0, 0, 0, 1, 0, 1, 1, 1};
        assertEquals(0.5, Associations.cramersV(a, 2, b, 2), 1e-15);
    }

    @Test
    void cramersVOfATwoByThreeTableByHand() {
        // a\b  u v w
        //  p   2 2 0
        //  q   0 2 2   n = 8; expected p: 1 2 1, q: 1 2 1; chi2 = 1 + 0 + 1 + 1 + 0 + 1 = 4; k = 2;
        //              V = sqrt(4 / (8 * 1)) = 0.70711. Level 3 of b is unused, a missing row is left out.
        int[] a = {0, 0, 0, 0, 1, 1, 1, 1, -1};
        int[] b = {0, 0, 1, 1, 1, 1, 2, 2, 0};
        assertEquals(Math.sqrt(0.5), Associations.cramersV(a, 2, b, 4), 1e-15);
        assertEquals(1.0, Associations.cramersV(a, 2, a, 2), 1e-15);
        assertTrue(Double.isNaN(Associations.cramersV(new int[] {0, 0, 0}, 2, new int[] {0, 1, 1}, 2)), "one level");
    }

    @Test
    void correlationRatioByHand() {
        // groups a: 1 3 (mean 2), b: 5 7 (mean 6); overall mean 4; SSB = 2*4 + 2*4 = 16;
        // SST = 9 + 1 + 1 + 9 = 20; eta = sqrt(16/20) = 0.894427
        assertEquals(Math.sqrt(0.8), Associations.correlationRatio(new int[] {0, 0, 1, 1}, 2,
                new double[] {1, 3, 5, 7}), 1e-15);
        // two levels: eta equals |Pearson| with the 0/1 indicator
        double[] y = {2, 9, 4, 4, 1, 7};
        int[] g = {1, 0, 1, 0, 0, 1};
        assertEquals(Math.abs(Associations.pearson(new double[] {1, 0, 1, 0, 0, 1}, y)),
                Associations.correlationRatio(g, 2, y), 1e-12);
    }
}
