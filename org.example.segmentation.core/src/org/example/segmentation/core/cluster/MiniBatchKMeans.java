package org.example.segmentation.core.cluster;

import java.util.Objects;
import java.util.SplittableRandom;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;

/**
 * Mini-batch k-means (D. Sculley, "Web-scale k-means clustering", WWW 2010): centroids learned from small random
 * batches of rows instead of full passes. For tables too large for {@link KMeans} to iterate over in acceptable
 * time (many millions of rows), at a small cost in inertia (typically a few per cent more); see the package
 * comment for when to use which.
 *
 * <p><b>One run.</b>
 * <ol>
 * <li>Greedy k-means++ (as in {@link KMeans}) on a uniform sample of {@code max(3 x batchSize, 10 x k)} rows
 * (drawn with replacement; the whole data when that is not fewer rows, or when the sample holds fewer than k
 * distinct rows).</li>
 * <li>{@code iterations} steps, each drawing {@code batchSize} rows uniformly with replacement, finding every
 * drawn row's nearest centroid with the centroids as they were at the start of the step, then moving, row by
 * row in draw order, the row's centroid towards it by {@code 1 / n_c}, where {@code n_c} counts the rows that
 * centroid has received in this run so far (Sculley's per-centre learning rate).</li>
 * <li>One full Lloyd iteration over all rows (assign, centroids to the means, empty-cluster repair as in
 * {@link KMeans}), then the final assignment of every row to its nearest centroid, giving the assignments and
 * the inertia. This costs two passes over the data and never raises the inertia.</li>
 * </ol>
 * The run with the lowest inertia wins (ties: the earliest). The steps are sequential and cheap
 * ({@code batchSize x k x d} per step); {@code threads} share the passes over the whole data.
 *
 * <p><b>Deterministic.</b> Every draw comes from the run's own {@link SplittableRandom} (seed and run index), on
 * the calling thread; the full passes combine partial sums in a fixed order. Same seed, same bits, for any
 * thread count.
 *
 * <p>Edge cases as in {@link KMeans}: k at most the number of distinct rows, ties to the lowest index. The
 * result's {@link KMeansResult#iterations()} is the number of mini-batch steps and
 * {@link KMeansResult#converged()} is {@code false} (there is no convergence test).
 */
public final class MiniBatchKMeans {

    private MiniBatchKMeans() {
    }

    /** {@link #fit(Matrix, MiniBatchKMeansConfig, Progress)} without progress reporting. */
    public static KMeansResult fit(Matrix data, MiniBatchKMeansConfig config) {
        return fit(data, config, Progress.NONE);
    }

    /**
     * Clusters the rows of {@code data} as described in the class comment.
     *
     * @throws InputException when k exceeds the number of rows or of distinct rows
     * @throws org.example.segmentation.core.CancelledException when cancelled
     */
    public static KMeansResult fit(Matrix data, MiniBatchKMeansConfig config, Progress progress) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        KMeans.checkK(data, config.k());
        int n = data.rows();
        int k = config.k();
        KMeansConfig finishing = config.finishing();
        double[] inertias = new double[config.restarts()];
        try (KMeansExecutor exec = new KMeansExecutor(config.threads())) {
            int[] best = new int[n];
            int[] current = new int[n];
            KMeansRun.Outcome winner = null;
            int winnerIndex = -1;
            for (int r = 0; r < config.restarts(); r++) {
                Progress p = progress.range((double) r / config.restarts(), (double) (r + 1) / config.restarts());
                SplittableRandom rng = KMeans.restartRandom(config.seed(), r);
                double[] centroids = initialCentroids(data, config, rng, exec, p);
                steps(data, config, centroids, rng, p.range(0, 0.8));
                KMeansRun run = new KMeansRun(data, finishing, exec, current, p.range(0.8, 1));
                KMeansRun.Outcome o = run.run(centroids, Double.POSITIVE_INFINITY);
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
            return new KMeansResult(Centroids.adopt(k, data.columns(), winner.centroids()), best, winner.inertia(),
                    config.iterations(), false, winnerIndex, inertias);
        }
    }

    /** Greedy k-means++ on a uniform sample (or on all rows, see the class comment). */
    private static double[] initialCentroids(Matrix data, MiniBatchKMeansConfig config, SplittableRandom rng,
            KMeansExecutor exec, Progress progress) {
        int n = data.rows();
        int k = config.k();
        long wanted = Math.max(3L * config.batchSize(), 10L * k);
        Matrix source = data;
        if (wanted < n) {
            int[] rows = new int[(int) wanted];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = rng.nextInt(n);
            }
            Matrix sample = data.selectRows(rows);
            if (DistinctRows.countUpTo(sample, k) == k) {
                source = sample;
            }
        }
        return KMeansInit.greedyPlusPlus(source, k, rng, exec, new double[source.rows()], progress);
    }

    /** Sculley's mini-batch steps, updating {@code centroids} (row-major k x d) in place. */
    private static void steps(Matrix data, MiniBatchKMeansConfig config, double[] centroids, SplittableRandom rng,
            Progress progress) {
        int n = data.rows();
        int d = data.columns();
        int k = config.k();
        int batch = config.batchSize();
        double[] rows = new double[batch * d];
        double[] row = new double[d];
        int[] nearest = new int[batch];
        long[] received = new long[k];
        for (int step = 0; step < config.iterations(); step++) {
            if ((step & 7) == 0) {
                progress.checkCancelled();
                progress.update((double) step / config.iterations(), null);
            }
            for (int b = 0; b < batch; b++) {
                data.copyRow(rng.nextInt(n), row);
                System.arraycopy(row, 0, rows, b * d, d);
            }
            // Nearest centroids first, all against the centroids of the start of the step (Sculley's cache).
            for (int b = 0; b < batch; b++) {
                int bestIndex = 0;
                double bestSq = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        double t = rows[b * d + j] - centroids[c * d + j];
                        s += t * t;
                    }
                    if (s < bestSq) {
                        bestSq = s;
                        bestIndex = c;
                    }
                }
                nearest[b] = bestIndex;
            }
            for (int b = 0; b < batch; b++) {
                int c = nearest[b];
                double eta = 1.0 / ++received[c];
                for (int j = 0; j < d; j++) {
                    centroids[c * d + j] = (1 - eta) * centroids[c * d + j] + eta * rows[b * d + j];
                }
            }
        }
    }
}
