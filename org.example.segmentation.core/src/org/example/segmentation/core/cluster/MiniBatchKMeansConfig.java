package org.example.segmentation.core.cluster;

import org.example.segmentation.core.InputException;

/**
 * What {@link MiniBatchKMeans#fit} does: an immutable, validated configuration. Start from {@link #of(int)}.
 *
 * @param k          the number of clusters, at least 1
 * @param batchSize  rows drawn (uniformly, with replacement) per step. Default {@value #DEFAULT_BATCH_SIZE}
 * @param iterations mini-batch steps per run; a run sees {@code batchSize x iterations} rows in all. Default
 *                   {@value #DEFAULT_ITERATIONS}
 * @param restarts   runs from fresh initialisations; the one with the lowest inertia on the whole data wins. Default
 *                   {@value #DEFAULT_RESTARTS}
 * @param seed       the seed of every random choice; the same seed gives bit-identical results whatever
 *                   {@code threads} is
 * @param threads    threads for the passes over the whole data (initialisation sample, final assignment). Default 1
 */
public record MiniBatchKMeansConfig(int k, int batchSize, int iterations, int restarts, long seed, int threads) {

    /** Default {@link #batchSize()}. */
    public static final int DEFAULT_BATCH_SIZE = 2048;
    /** Default {@link #iterations()}. */
    public static final int DEFAULT_ITERATIONS = 200;
    /** Default {@link #restarts()}. */
    public static final int DEFAULT_RESTARTS = 3;

    /**
     * Checks every value.
     *
     * @throws InputException naming the first invalid setting
     */
    public MiniBatchKMeansConfig {
        if (k < 1) {
            throw new InputException("k must be at least 1, got " + k);
        }
        if (batchSize < 1 || batchSize > 10_000_000) {
            throw new InputException("batchSize must be from 1 to 10000000, got " + batchSize);
        }
        if (iterations < 1) {
            throw new InputException("iterations must be at least 1, got " + iterations);
        }
        if (restarts < 1 || restarts > KMeansConfig.MAX_RESTARTS) {
            throw new InputException("restarts must be from 1 to " + KMeansConfig.MAX_RESTARTS + ", got " + restarts);
        }
        if (threads < 1 || threads > KMeansConfig.MAX_THREADS) {
            throw new InputException("threads must be from 1 to " + KMeansConfig.MAX_THREADS + ", got " + threads);
        }
    }

    /** k clusters and every other setting at its default. */
    public static MiniBatchKMeansConfig of(int k) {
        return new MiniBatchKMeansConfig(k, DEFAULT_BATCH_SIZE, DEFAULT_ITERATIONS, DEFAULT_RESTARTS,
                KMeansConfig.DEFAULT_SEED, 1);
    }

    public MiniBatchKMeansConfig withK(int k) {
        return new MiniBatchKMeansConfig(k, batchSize, iterations, restarts, seed, threads);
    }

    public MiniBatchKMeansConfig withBatchSize(int batchSize) {
        return new MiniBatchKMeansConfig(k, batchSize, iterations, restarts, seed, threads);
    }

    public MiniBatchKMeansConfig withIterations(int iterations) {
        return new MiniBatchKMeansConfig(k, batchSize, iterations, restarts, seed, threads);
    }

    public MiniBatchKMeansConfig withRestarts(int restarts) {
        return new MiniBatchKMeansConfig(k, batchSize, iterations, restarts, seed, threads);
    }

    public MiniBatchKMeansConfig withSeed(long seed) {
        return new MiniBatchKMeansConfig(k, batchSize, iterations, restarts, seed, threads);
    }

    public MiniBatchKMeansConfig withThreads(int threads) {
        return new MiniBatchKMeansConfig(k, batchSize, iterations, restarts, seed, threads);
    }

    /** The configuration of the final full Lloyd iteration of a run. */
    KMeansConfig finishing() {
        return new KMeansConfig(k, restarts, 1, 0, seed, threads, KMeansConfig.Init.KMEANS_PLUS_PLUS,
                KMeansConfig.Algorithm.LLOYD);
    }
}
