package org.example.segmentation.core.cluster;

import java.util.Objects;
import java.util.SplittableRandom;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;

/**
 * k-means clustering of a {@link Matrix}: k centroids that minimise the sum of squared Euclidean distances
 * of the rows to their nearest centroid (the inertia). Stateless; every call owns its threads and closes
 * them before returning.
 *
 * <p><b>One fit.</b> {@link KMeansConfig#restarts()} runs, each from its own initialisation
 * ({@link KMeansConfig.Init}: greedy k-means++ by default), each iterating assignment (every row to its
 * nearest centroid) and update (every centroid to the mean of its rows) until no row changes cluster, or the
 * centroids move less than the tolerance ({@link KMeansConfig#tolerance()}: the sum over clusters of the squared
 * move of an update at most {@code tolerance} times the mean column variance), or
 * {@link KMeansConfig#maxIterations()} is reached. A final assignment to the last centroids gives the
 * assignments and the inertia; the run with the lowest inertia wins (ties: the earliest run). Assignments are
 * thus always the nearest centroids of the result ({@link Centroids#nearestIndex} agrees with them), and the
 * centroids are the means of their rows whenever the run converged strictly.
 *
 * <p><b>Same seed, same bits.</b> Run {@code r} draws from its own {@link SplittableRandom}, seeded from
 * {@link KMeansConfig#seed()} and {@code r}; random draws happen only on the calling thread; parallel passes
 * combine per-group partial sums in a fixed order (see {@link KMeansExecutor}). So the result is bit-identical
 * for any {@link KMeansConfig#threads()}. {@link KMeansConfig.Algorithm#HAMERLY} and
 * {@link KMeansConfig.Algorithm#LLOYD} also give the same bits: Hamerly's bounds only skip distance
 * computations whose outcome is certain (the bounds carry a relative safety margin of 1e-9 against rounding),
 * and every distance that is computed is computed the same way (see {@link KMeansKernels}). Runs are
 * sequential; the threads share the rows of each pass.
 *
 * <p><b>Edge cases.</b>
 * <ul>
 * <li>k = 1: one centroid, the mean of all rows; converges in 2 iterations.</li>
 * <li>k = n (every row distinct): every row its own cluster, inertia 0.</li>
 * <li>Duplicate rows are fine, but k may not exceed the number of distinct rows: then some cluster would
 * have to be empty or a copy of another, and the fit fails with the {@link InputException}
 * {@code "k is larger than the number of distinct rows ..."}. Rows are equal when all values compare
 * {@code ==} (so {@code 0.0} equals {@code -0.0}).</li>
 * <li>Ties in assignment go to the lowest centroid index.</li>
 * <li>Empty clusters: when an update leaves a cluster without rows (possible after a poor initialisation),
 * it is re-seeded with the row farthest from its own centroid (ties: the lowest row index), taken from its
 * old cluster, which is updated without it. Only rows whose cluster keeps at least one other row, whose
 * distance is positive, and that do not equal a row already taken in the same update are taken; with k
 * at most the number of distinct rows such a row always exists. Should the final assignment of a run that
 * stopped on the tolerance or the cap still leave a cluster empty, the run makes one more iteration (which
 * repairs it) and assigns again. So every cluster of a result has at least one row.</li>
 * <li>Constant columns are harmless (they add the same to every distance); all columns constant means one
 * distinct row, so only k = 1 is possible.</li>
 * <li>NaN, infinite and huge values ({@link Matrix#MAX_ABS}) never get here: {@link Matrix} rejects them,
 * naming the row and column.</li>
 * </ul>
 *
 * <p><b>Memory</b>, beyond the matrix: per row one {@code int} assignment and one kept for the best run,
 * and with Hamerly two {@code double} bounds (24 bytes per row in all; k-means++ borrows one bound array for its
 * distances); per group (at most 128) partial sums of k x d doubles; per thread about 50 KB of scratch (plus
 * 8 KB per column for Hamerly's gathered rows).
 */
public final class KMeans {

    private KMeans() {
    }

    /** {@link #fit(Matrix, KMeansConfig, Progress)} without progress reporting. */
    public static KMeansResult fit(Matrix data, KMeansConfig config) {
        return fit(data, config, Progress.NONE);
    }

    /**
     * Clusters the rows of {@code data} as described in the class comment.
     *
     * @param progress receives progress and is asked about cancellation once per iteration
     * @throws InputException when k exceeds the number of rows or of distinct rows
     * @throws org.example.segmentation.core.CancelledException when cancelled
     */
    public static KMeansResult fit(Matrix data, KMeansConfig config, Progress progress) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        checkK(data, config.k());
        int n = data.rows();
        double[] inertias = new double[config.restarts()];
        try (KMeansExecutor exec = new KMeansExecutor(config.threads())) {
            double scale = config.tolerance() > 0 ? KMeansRun.meanColumnVariance(data, exec) : 0;
            int[] best = new int[n];
            int[] current = new int[n];
            KMeansRun.Outcome winner = null;
            int winnerIndex = -1;
            for (int r = 0; r < config.restarts(); r++) {
                Progress p = progress.range((double) r / config.restarts(), (double) (r + 1) / config.restarts());
                KMeansRun run = new KMeansRun(data, config, exec, current, p);
                double[] initial = KMeansInit.centroids(data, config.k(), config.init(), restartRandom(config.seed(), r),
                        exec, run.scratchRowValues(), p);
                KMeansRun.Outcome o = run.run(initial, config.tolerance() * scale);
                inertias[r] = o.inertia();
                if (winner == null || o.inertia() < winner.inertia()) {
                    winner = o;
                    winnerIndex = r;
                    int[] t = best;
                    best = current;
                    current = t;
                }
            }
            progress.update(1.0, null);
            return new KMeansResult(Centroids.adopt(config.k(), data.columns(), winner.centroids()), best,
                    winner.inertia(), winner.iterations(), winner.converged(), winnerIndex, inertias);
        }
    }

    /**
     * One k-means run from the given initial centroids (no initialisation, {@link KMeansConfig#restarts()},
     * {@link KMeansConfig#init()} and {@link KMeansConfig#seed()} unused). For warm starts and for comparing
     * algorithms from the same start. An empty cluster is repaired as in {@link #fit}; the initial centroids
     * need not be distinct.
     *
     * @throws InputException when the centroids' count is not k or their columns are not the data's, or k exceeds
     *                        the number of rows or of distinct rows
     */
    public static KMeansResult fitFrom(Matrix data, Centroids initial, KMeansConfig config, Progress progress) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        if (initial.count() != config.k()) {
            throw new InputException("there are " + initial.count() + " initial centroids, but k is " + config.k());
        }
        if (initial.columns() != data.columns()) {
            throw new InputException("the initial centroids have " + initial.columns() + " columns, the data has "
                    + data.columns());
        }
        checkK(data, config.k());
        try (KMeansExecutor exec = new KMeansExecutor(config.threads())) {
            double scale = config.tolerance() > 0 ? KMeansRun.meanColumnVariance(data, exec) : 0;
            int[] assign = new int[data.rows()];
            KMeansRun run = new KMeansRun(data, config, exec, assign, progress);
            KMeansRun.Outcome o = run.run(initial.values().clone(), config.tolerance() * scale);
            progress.update(1.0, null);
            return new KMeansResult(Centroids.adopt(config.k(), data.columns(), o.centroids()), assign,
                    o.inertia(), o.iterations(), o.converged(), 0, new double[] { o.inertia() });
        }
    }

    /**
     * The sum over all rows of {@code data} of the squared distance to the nearest of {@code centroids}, computed
     * as {@link #fit} computes it (same bits for any {@code threads}).
     */
    public static double inertia(Matrix data, Centroids centroids, int threads) {
        checkColumns(data, centroids);
        try (KMeansExecutor exec = new KMeansExecutor(checkThreads(threads))) {
            return KMeansRun.assignNearest(data, centroids.values(), centroids.count(), new int[data.rows()], exec);
        }
    }

    /** The index of the nearest of {@code centroids} for every row of {@code data} (ties: the lowest index). */
    public static int[] nearestIndexes(Matrix data, Centroids centroids, int threads) {
        checkColumns(data, centroids);
        int[] out = new int[data.rows()];
        try (KMeansExecutor exec = new KMeansExecutor(checkThreads(threads))) {
            KMeansRun.assignNearest(data, centroids.values(), centroids.count(), out, exec);
        }
        return out;
    }

    /** The random numbers of run {@code restart}: a stream of its own, a function of the seed and the index only. */
    static SplittableRandom restartRandom(long seed, int restart) {
        return new SplittableRandom(mix(seed + 0x9E3779B97F4A7C15L * (restart + 1L)));
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: spreads nearby seeds far apart. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static void checkK(Matrix data, int k) {
        if (k > data.rows()) {
            throw new InputException("k must be from 1 to the number of rows (" + data.rows() + "), got " + k);
        }
        int distinct = DistinctRows.countUpTo(data, k);
        if (distinct < k) {
            throw new InputException("k is larger than the number of distinct rows: k = " + k + ", but the "
                    + data.rows() + " rows hold only " + distinct + " distinct " + (distinct == 1 ? "row" : "rows"));
        }
    }

    private static void checkColumns(Matrix data, Centroids centroids) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(centroids, "centroids");
        if (centroids.columns() != data.columns()) {
            throw new InputException("the centroids have " + centroids.columns() + " columns, the data has "
                    + data.columns());
        }
    }

    private static int checkThreads(int threads) {
        if (threads < 1 || threads > KMeansConfig.MAX_THREADS) {
            throw new InputException("threads must be from 1 to " + KMeansConfig.MAX_THREADS + ", got " + threads);
        }
        return threads;
    }
}
