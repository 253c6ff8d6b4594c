package org.example.segmentation.core.cluster;

import java.util.Arrays;
import java.util.Objects;

/**
 * The assignment problem solved by the Hungarian method (Kuhn 1955, Munkres 1957), in the {@code O(r^2 c)}
 * shortest-augmenting-path form with row and column potentials (Jonker-Volgenant style; {@code r <= c}).
 *
 * <p>Given an {@code r x c} cost matrix, {@link #minimumCost} matches every row to a distinct column when
 * {@code r <= c} (some columns stay unmatched), or every column to a distinct row when {@code r > c} (some rows
 * stay unmatched), so that the total cost of the matched pairs is as small as possible. Among several optimal
 * matchings the one returned is fixed by the algorithm's order (rows are added in index order, columns scanned
 * in index order), so the same matrix always gives the same answer.
 *
 * <p>{@link #matchCentroids} uses it to carry segment ids over from one month's segmentation to the next.
 */
public final class Hungarian {

    private Hungarian() {
    }

    /**
     * A minimum-cost matching of the rows and columns of {@code cost}.
     *
     * @param cost an {@code r x c} matrix of finite costs (any sign); {@code r} or {@code c} may be 0
     * @return for each row, its matched column, or {@code -1} for a row left unmatched (only when {@code r > c})
     * @throws IllegalArgumentException for a ragged matrix or a cost that is {@code NaN} or infinite
     */
    public static int[] minimumCost(double[][] cost) {
        Objects.requireNonNull(cost, "cost");
        int rows = cost.length;
        int columns = rows == 0 ? 0 : cost[0].length;
        for (int i = 0; i < rows; i++) {
            if (cost[i].length != columns) {
                throw new IllegalArgumentException("cost row " + i + " has " + cost[i].length + " entries, not "
                        + columns);
            }
            for (int j = 0; j < columns; j++) {
                if (!Double.isFinite(cost[i][j])) {
                    throw new IllegalArgumentException("cost (" + i + ", " + j + ") is " + cost[i][j]
                            + "; costs must be finite");
                }
            }
        }
        int[] rowToColumn = new int[rows];
        Arrays.fill(rowToColumn, -1);
        if (rows == 0 || columns == 0) {
            return rowToColumn;
        }
        if (rows <= columns) {
            return solve(cost, rows, columns, false);
        }
        int[] columnToRow = solve(cost, columns, rows, true);
        for (int j = 0; j < columns; j++) {
            rowToColumn[columnToRow[j]] = j;
        }
        return rowToColumn;
    }

    /** The total cost of a matching returned by {@link #minimumCost} (unmatched rows cost nothing). */
    public static double totalCost(double[][] cost, int[] rowToColumn) {
        double total = 0;
        for (int i = 0; i < rowToColumn.length; i++) {
            if (rowToColumn[i] >= 0) {
                total += cost[i][rowToColumn[i]];
            }
        }
        return total;
    }

    /**
     * Matches this month's centroids to last month's, so that a segment keeps its id when it is still there:
     * the matching minimises the sum of Euclidean distances between matched centroids. When the segment counts
     * differ, the surplus current centroids (new segments) or previous centroids (vanished segments) stay
     * unmatched.
     *
     * @param previous  last month's centroids, row-major {@code previousK x d}
     * @param current   this month's centroids, row-major {@code currentK x d}
     * @return for each current centroid, the index of its previous centroid, or {@code -1} for a new segment
     */
    public static int[] matchCentroids(double[] previous, int previousK, double[] current, int currentK, int d) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        if (d < 1 || previousK < 0 || currentK < 0 || previous.length != previousK * d
                || current.length != currentK * d) {
            throw new IllegalArgumentException("centroid arrays do not match " + previousK + " and " + currentK
                    + " centroids of dimension " + d);
        }
        double[][] cost = new double[currentK][previousK];
        for (int i = 0; i < currentK; i++) {
            for (int j = 0; j < previousK; j++) {
                cost[i][j] = Math.sqrt(ClusterQuality.squaredDistance(current, i * d, previous, j * d, d));
            }
        }
        return minimumCost(cost);
    }

    /**
     * Solves the {@code n x m} problem, {@code n <= m}, for {@code a(i, j) = cost[i][j]} or, when
     * {@code transposed}, {@code cost[j][i]}. Returns the column of each of the {@code n} rows.
     */
    private static int[] solve(double[][] cost, int n, int m, boolean transposed) {
        // 1-based: u[i], v[j] potentials; p[j] the row matched to column j (0 = none); way[j] the previous
        // column on the alternating path to j
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double a = transposed ? cost[j - 1][i0 - 1] : cost[i0 - 1][j - 1];
                        double reduced = a - u[i0] - v[j];
                        if (reduced < minv[j]) {
                            minv[j] = reduced;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] rowToColumn = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                rowToColumn[p[j] - 1] = j - 1;
            }
        }
        return rowToColumn;
    }
}
