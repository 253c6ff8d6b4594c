package org.example.segmentation.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class HungarianTest {

    /**
     * scipy's linear_sum_assignment example. The six permutations cost
     * <pre>
     * (0,1,2): 4+0+2 = 6    (0,2,1): 4+5+2 = 11   (1,0,2): 1+2+2 = 5
     * (1,2,0): 1+5+3 = 9    (2,0,1): 3+2+2 = 7    (2,1,0): 3+0+3 = 6
     * </pre>
     * so the unique optimum is row 0 -> 1, row 1 -> 0, row 2 -> 2, total 5.
     */
    @Test
    void threeByThree() {
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        int[] m = Hungarian.minimumCost(cost);
        assertArrayEquals(new int[] {1, 0, 2}, m);
        assertEquals(5.0, Hungarian.totalCost(cost, m), 0);
    }

    /**
     * The four-worker example (Wikipedia, "Hungarian algorithm"): the optimum assigns row 0 -> 2 (69),
     * 1 -> 1 (37), 2 -> 0 (11), 3 -> 3 (23), total 140; the runner-up (0->2, 1->1, 2->3, 3->0) costs
     * 69 + 37 + 86 + 8 = 200. Checked against all 24 permutations below.
     */
    @Test
    void fourByFour() {
        double[][] cost = {{82, 83, 69, 92}, {77, 37, 49, 92}, {11, 69, 5, 86}, {8, 9, 98, 23}};
        int[] m = Hungarian.minimumCost(cost);
        assertArrayEquals(new int[] {2, 1, 0, 3}, m);
        assertEquals(140.0, Hungarian.totalCost(cost, m), 0);
        assertEquals(bruteForce(cost), 140.0, 0);
    }

    /**
     * Two rows, three columns: the injections cost
     * <pre>
     * (0,1): 1+4 = 5   (0,2): 1+6 = 7   (1,0): 2+2 = 4   (1,2): 2+6 = 8   (2,0): 3+2 = 5   (2,1): 3+4 = 7
     * </pre>
     * so row 0 -> 1, row 1 -> 0 (total 4), column 2 unmatched. Transposed, row 2 is unmatched.
     */
    @Test
    void rectangular() {
        double[][] wide = {{1, 2, 3}, {2, 4, 6}};
        assertArrayEquals(new int[] {1, 0}, Hungarian.minimumCost(wide));
        double[][] tall = {{1, 2}, {2, 4}, {3, 6}};
        int[] m = Hungarian.minimumCost(tall);
        assertArrayEquals(new int[] {1, 0, -1}, m);
        assertEquals(4.0, Hungarian.totalCost(tall, m), 0);
    }

    @Test
    void randomMatricesMatchBruteForce() {
        SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < 300; t++) {
            int rows = 1 + r.nextInt(6);
            int cols = 1 + r.nextInt(6);
            double[][] cost = new double[rows][cols];
            for (double[] row : cost) {
                for (int j = 0; j < cols; j++) {
                    // integers with repeats (ties) and negatives
                    row[j] = r.nextInt(21) - 5;
                }
            }
            int[] m = Hungarian.minimumCost(cost);
            assertEquals(rows, m.length);
            boolean[] used = new boolean[cols];
            int matched = 0;
            for (int c : m) {
                if (c >= 0) {
                    assertTrue(!used[c], "column used twice");
                    used[c] = true;
                    matched++;
                }
            }
            assertEquals(Math.min(rows, cols), matched);
            assertEquals(bruteForce(cost), Hungarian.totalCost(cost, m), 1e-9);
        }
    }

    @Test
    void degenerateShapesAndBadCosts() {
        assertArrayEquals(new int[0], Hungarian.minimumCost(new double[0][]));
        assertArrayEquals(new int[] {-1, -1}, Hungarian.minimumCost(new double[2][0]));
        assertArrayEquals(new int[] {0}, Hungarian.minimumCost(new double[][] {{7}}));
        assertThrows(IllegalArgumentException.class, () -> Hungarian.minimumCost(new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> Hungarian.minimumCost(new double[][] {{1, Double.NaN}}));
        assertThrows(IllegalArgumentException.class,
                () -> Hungarian.minimumCost(new double[][] {{Double.POSITIVE_INFINITY}}));
    }

    @Test
    void segmentIdsCarryOverBetweenMonths() {
        // last month: three segments in 2-D
        double[] previous = {0, 0, 10, 0, 0, 10};
        // this month: the same three, moved a little and listed in another order, plus a new one at (10, 10)
        double[] current = {10.5, 10.5, 0.3, 9.6, 9.8, 0.4, 0.2, -0.1};
        int[] m = Hungarian.matchCentroids(previous, 3, current, 4, 2);
        // moved ones: 0.5 + 0.45 + 0.22 from home; the new one is 10.5 from any old one, so it stays unmatched
        assertArrayEquals(new int[] {-1, 2, 1, 0}, m);
        // a segment vanished: every current one is matched, one previous id is free
        int[] back = Hungarian.matchCentroids(current, 4, previous, 3, 2);
        assertArrayEquals(new int[] {3, 2, 1}, back);
        assertThrows(IllegalArgumentException.class, () -> Hungarian.matchCentroids(previous, 3, current, 3, 2));
    }

    /** The minimum total over every injection of the smaller side into the larger. */
    private static double bruteForce(double[][] cost) {
        int rows = cost.length;
        int cols = cost[0].length;
        if (rows <= cols) {
            return search(cost, 0, new boolean[cols]);
        }
        double[][] t = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j][i] = cost[i][j];
            }
        }
        return search(t, 0, new boolean[rows]);
    }

    private static double search(double[][] cost, int row, boolean[] used) {
        if (row == cost.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[row][j] + search(cost, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
