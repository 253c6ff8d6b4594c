package org.example.segmentation.core.cluster;

import org.example.segmentation.core.InputException;

/**
 * What {@link KMeans#fit} does: an immutable, validated configuration. Start from {@link #of(int)} (the
 * defaults) and change what you need with the {@code with...} methods.
 *
 * <p>The compact constructor checks every value and fails with an {@link InputException} naming the setting
 * ({@code "k must be at least 1, got 0"}). That k is at most the number of rows, and at most the number of
 * distinct rows, is checked by {@link KMeans#fit}, which sees the data.
 *
 * @param k             the number of clusters, at least 1
 * @param restarts      how many times k-means runs from a fresh initialisation; the run with the lowest inertia
 *                      is kept (ties: the earliest run). Default {@value #DEFAULT_RESTARTS}
 * @param maxIterations the most assignment-and-update iterations of one run. Default
 *                      {@value #DEFAULT_MAX_ITERATIONS}
 * @param tolerance     a run also stops when the centroids moved less than this in one iteration: when the sum over
 *                      clusters of the squared distance between a centroid's old and new position is at most
 *                      {@code tolerance} times the mean variance of the columns (scikit-learn's rule, scale-free).
 *                      {@code 0} runs until no row changes cluster (or {@code maxIterations}). Default
 *                      {@value #DEFAULT_TOLERANCE}
 * @param seed          the seed of every random choice; the same seed gives bit-identical results whatever
 *                      {@code threads} is
 * @param threads       how many threads work on one fit, at least 1. Default 1
 * @param init          how a run picks its first centroids. Default {@link Init#KMEANS_PLUS_PLUS}
 * @param algorithm     how a run assigns rows. Default {@link Algorithm#HAMERLY}
 */
public record KMeansConfig(int k, int restarts, int maxIterations, double tolerance, long seed, int threads, Init init,
        Algorithm algorithm) {

    /** Default {@link #restarts()}. */
    public static final int DEFAULT_RESTARTS = 10;
    /** Default {@link #maxIterations()}. */
    public static final int DEFAULT_MAX_ITERATIONS = 300;
    /** Default {@link #tolerance()}. */
    public static final double DEFAULT_TOLERANCE = 1e-4;
    /** Default {@link #seed()}. */
    public static final long DEFAULT_SEED = 42L;
    /** The most {@link #threads()} accepted. */
    public static final int MAX_THREADS = 1024;
    /** The most {@link #restarts()} accepted. */
    public static final int MAX_RESTARTS = 10_000;

    /** How a run picks its first k centroids. */
    public enum Init {
        /**
         * Greedy k-means++ (Arthur and Vassilvitskii 2007, with the local trials of their paper's greedy variant
         * as in scikit-learn): the first centroid is a row drawn uniformly; each next one is the best of
         * {@code 2 + floor(ln k)} rows drawn with probability proportional to their squared distance to the
         * nearest centroid so far, "best" meaning the one that lowers the sum of those squared distances most.
         */
        KMEANS_PLUS_PLUS,
        /** k distinct row indexes drawn uniformly (rows with equal values may be drawn twice): for tests. */
        RANDOM
    }

    /** How a run assigns rows to centroids; both give the same result bit for bit. */
    public enum Algorithm {
        /**
         * Hamerly's (2010) bounds: one upper and one lower distance bound per row skip most distance computations
         * once the centroids settle. The default.
         */
        HAMERLY,
        /** Plain Lloyd: every row against every centroid, every iteration. The reference. */
        LLOYD
    }

    /**
     * Checks every value.
     *
     * @throws InputException naming the first invalid setting
     */
    public KMeansConfig {
        if (k < 1) {
            throw new InputException("k must be at least 1, got " + k);
        }
        if (restarts < 1 || restarts > MAX_RESTARTS) {
            throw new InputException("restarts must be from 1 to " + MAX_RESTARTS + ", got " + restarts);
        }
        if (maxIterations < 1) {
            throw new InputException("maxIterations must be at least 1, got " + maxIterations);
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new InputException("tolerance must be a finite number >= 0, got " + tolerance);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new InputException("threads must be from 1 to " + MAX_THREADS + ", got " + threads);
        }
        if (init == null) {
            throw new InputException("init must be set (kmeans++ or random)");
        }
        if (algorithm == null) {
            throw new InputException("algorithm must be set (hamerly or lloyd)");
        }
    }

    /** k clusters and every other setting at its default. */
    public static KMeansConfig of(int k) {
        return new KMeansConfig(k, DEFAULT_RESTARTS, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, DEFAULT_SEED, 1,
                Init.KMEANS_PLUS_PLUS, Algorithm.HAMERLY);
    }

    public KMeansConfig withK(int k) {
        return new KMeansConfig(k, restarts, maxIterations, tolerance, seed, threads, init, algorithm);
    }

    public KMeansConfig withRestarts(int restarts) {
        return new KMeansConfig(k, restarts, maxIterations, tolerance, seed, threads, init, algorithm);
    }

    public KMeansConfig withMaxIterations(int maxIterations) {
        return new KMeansConfig(k, restarts, maxIterations, tolerance, seed, threads, init, algorithm);
    }

    public KMeansConfig withTolerance(double tolerance) {
        return new KMeansConfig(k, restarts, maxIterations, tolerance, seed, threads, init, algorithm);
    }

    public KMeansConfig withSeed(long seed) {
        return new KMeansConfig(k, restarts, maxIterations, tolerance, seed, threads, init, algorithm);
    }

    public KMeansConfig withThreads(int threads) {
        return new KMeansConfig(k, restarts, maxIterations, tolerance, seed, threads, init, algorithm);
    }

    public KMeansConfig withInit(Init init) {
        return new KMeansConfig(k, restarts, maxIterations, tolerance, seed, threads, init, algorithm);
    }

    public KMeansConfig withAlgorithm(Algorithm algorithm) {
        return new KMeansConfig(k, restarts, maxIterations, tolerance, seed, threads, init, algorithm);
    }
}
