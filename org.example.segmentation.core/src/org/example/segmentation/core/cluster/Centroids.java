package org.example.segmentation.core.cluster;

import java.util.Arrays;
import java.util.Objects;

import org.example.segmentation.core.InputException;

/**
 * An immutable set of k centroids in d dimensions, and the nearest-centroid rule that assigns a row to a
 * cluster. A fitted {@link KMeansResult} holds one; a saved segmentation model can rebuild one with
 * {@link #of(double[][])} and assign new rows without the training data.
 *
 * <p>Distances are Euclidean, summed over columns in column order, so the same row and centroids give the
 * same bits here as in {@link KMeans#fit}. Ties go to the lower cluster index.
 */
public final class Centroids {
    private final int k;
    private final int d;
    /** Row-major, k x d. */
    private final double[] values;

    private Centroids(int k, int d, double[] values) {
        this.k = k;
        this.d = d;
        this.values = values;
    }

    /**
     * Centroids holding a copy of {@code centroids} (k rows of d values).
     *
     * @throws InputException when there is no centroid, no column, rows differ in length, or a value is not finite
     *                        or beyond {@link Matrix#MAX_ABS}
     */
    public static Centroids of(double[][] centroids) {
        Objects.requireNonNull(centroids, "centroids");
        if (centroids.length == 0) {
            throw new InputException("there must be at least one centroid");
        }
        int d = centroids[0].length;
        if (d == 0) {
            throw new InputException("centroids must have at least one column");
        }
        double[] v = new double[centroids.length * d];
        for (int c = 0; c < centroids.length; c++) {
            if (centroids[c].length != d) {
                throw new InputException("centroid " + c + " has " + centroids[c].length + " values, but centroid 0 has "
                        + d);
            }
            for (int j = 0; j < d; j++) {
                double x = centroids[c][j];
                if (!Double.isFinite(x) || Math.abs(x) > Matrix.MAX_ABS) {
                    throw new InputException("centroid " + c + ", column " + j + ": value " + x
                            + (Double.isFinite(x) ? " is too large (at most 1e100 in absolute value)"
                                    : " is not a finite number"));
                }
                v[c * d + j] = x;
            }
        }
        return new Centroids(centroids.length, d, v);
    }

    /** Adopts a row-major k x d array the caller no longer touches. */
    static Centroids adopt(int k, int d, double[] rowMajor) {
        return new Centroids(k, d, rowMajor);
    }

    /** The number of centroids, k. */
    public int count() {
        return k;
    }

    /** The number of columns, d. */
    public int columns() {
        return d;
    }

    /** Value {@code column} of centroid {@code cluster}. */
    public double get(int cluster, int column) {
        Objects.checkIndex(cluster, k);
        Objects.checkIndex(column, d);
        return values[cluster * d + column];
    }

    /** A copy of centroid {@code cluster}. */
    public double[] centroid(int cluster) {
        Objects.checkIndex(cluster, k);
        return Arrays.copyOfRange(values, cluster * d, cluster * d + d);
    }

    /** A copy of all centroids, k rows of d values. */
    public double[][] toArray() {
        double[][] out = new double[k][];
        for (int c = 0; c < k; c++) {
            out[c] = centroid(c);
        }
        return out;
    }

    /**
     * The index of the centroid nearest to {@code row} (ties: the lowest index).
     *
     * @throws IllegalArgumentException when {@code row} does not have d values
     */
    public int nearestIndex(double[] row) {
        checkRow(row);
        int best = 0;
        double bestSq = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double sq = KMeansKernels.squaredDistance(row, values, c * d, d);
            if (sq < bestSq) {
                bestSq = sq;
                best = c;
            }
        }
        return best;
    }

    /**
     * The nearest and second nearest centroids of {@code row}, with their distances; see {@link Nearest}. A
     * non-finite value in {@code row} gives non-finite distances (the caller decides what a bad row means).
     *
     * @throws IllegalArgumentException when {@code row} does not have d values
     */
    public Nearest nearest(double[] row) {
        checkRow(row);
        int best = -1;
        int second = -1;
        double bestSq = Double.POSITIVE_INFINITY;
        double secondSq = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double sq = KMeansKernels.squaredDistance(row, values, c * d, d);
            if (best < 0 || sq < bestSq) {
                second = best;
                secondSq = bestSq;
                best = c;
                bestSq = sq;
            } else if (second < 0 || sq < secondSq) {
                second = c;
                secondSq = sq;
            }
        }
        return new Nearest(best, Math.sqrt(bestSq), second, Math.sqrt(secondSq));
    }

    /** The squared Euclidean distance from {@code row} to centroid {@code cluster}. */
    public double squaredDistance(double[] row, int cluster) {
        checkRow(row);
        Objects.checkIndex(cluster, k);
        return KMeansKernels.squaredDistance(row, values, cluster * d, d);
    }

    /** The backing row-major array; package-private, never modified. */
    double[] values() {
        return values;
    }

    private void checkRow(double[] row) {
        if (row.length != d) {
            throw new IllegalArgumentException("the row has " + row.length + " values, the centroids have " + d);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Centroids c && c.k == k && c.d == d && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + d;
    }

    @Override
    public String toString() {
        return "Centroids[" + k + " x " + d + "]";
    }
}
