package org.example.segmentation.core.cluster;

import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted k-means clustering: the centroids, the cluster of every training row, and how the fit went.
 * Immutable; getters of arrays return copies, and {@link #assignment(int)} reads one row without copying.
 *
 * <p>{@link #assignments()} holds, for every row, the index of its nearest centroid in {@link #centroids()}
 * (ties: the lowest index), computed after the last update, so {@code centroids().nearestIndex(row i)} equals
 * {@code assignment(i)}. When the fit converged strictly (no row changed cluster), each centroid is the mean of
 * its rows; when it stopped on the tolerance or the iteration cap, a few rows may have moved in that final
 * assignment. Every cluster has at least one row: should the final assignment leave a cluster empty, the fit
 * iterates on (re-seeding it) before it returns.
 */
public final class KMeansResult {
    private final Centroids centroids;
    private final int[] assignments;
    private final int[] sizes;
    private final double inertia;
    private final int iterations;
    private final boolean converged;
    private final int restart;
    private final double[] restartInertias;

    KMeansResult(Centroids centroids, int[] assignments, double inertia, int iterations,
            boolean converged, int restart, double[] restartInertias) {
        this.centroids = centroids;
        this.assignments = assignments;
        this.inertia = inertia;
        this.iterations = iterations;
        this.converged = converged;
        this.restart = restart;
        this.restartInertias = restartInertias;
        this.sizes = new int[centroids.count()];
        for (int a : assignments) {
            sizes[a]++;
        }
    }

    /** The number of clusters, k. */
    public int k() {
        return centroids.count();
    }

    /** The centroids (immutable). */
    public Centroids centroids() {
        return centroids;
    }

    /** A copy of the centroids, k rows of d values. */
    public double[][] centroidArray() {
        return centroids.toArray();
    }

    /** A copy of the cluster index of every training row. */
    public int[] assignments() {
        return assignments.clone();
    }

    /** The cluster index of training row {@code row}. */
    public int assignment(int row) {
        Objects.checkIndex(row, assignments.length);
        return assignments[row];
    }

    /** The number of training rows. */
    public int rows() {
        return assignments.length;
    }

    /** A copy of the number of rows in each cluster (every one at least 1). */
    public int[] clusterSizes() {
        return sizes.clone();
    }

    /** The number of rows in cluster {@code cluster}. */
    public int clusterSize(int cluster) {
        Objects.checkIndex(cluster, sizes.length);
        return sizes[cluster];
    }

    /**
     * The sum over all rows of the squared Euclidean distance to the row's centroid (the within-cluster sum of
     * squares), of the winning run.
     */
    public double inertia() {
        return inertia;
    }

    /** The iterations the winning run made (each one assignment and one update). */
    public int iterations() {
        return iterations;
    }

    /**
     * Whether the winning run stopped because no row changed cluster or the centroids moved less than the
     * tolerance, rather than at the iteration cap.
     */
    public boolean converged() {
        return converged;
    }

    /** The index (0-based) of the run that won: the lowest inertia, ties to the earliest run. */
    public int restart() {
        return restart;
    }

    /** A copy of every run's inertia, in run order. */
    public double[] restartInertias() {
        return restartInertias.clone();
    }

    /** The nearest and second nearest centroids of {@code row}; see {@link Centroids#nearest(double[])}. */
    public Nearest nearest(double[] row) {
        return centroids.nearest(row);
    }

    /** The index of the centroid nearest to {@code row}; see {@link Centroids#nearestIndex(double[])}. */
    public int nearestIndex(double[] row) {
        return centroids.nearestIndex(row);
    }

    @Override
    public String toString() {
        return "KMeansResult[k=" + k() + ", rows=" + assignments.length + ", inertia=" + inertia + ", iterations="
                + iterations + ", converged=" + converged + ", restart=" + restart + ", sizes=" + Arrays.toString(sizes)
                + "]";
    }
}
