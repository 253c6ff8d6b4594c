package org.example.segmentation.core.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.Progress;

/**
 * How good one partition of the rows is, by the internal criteria that need no ground truth, all computed in
 * two passes over the rows ({@code O(n k d)}): {@link #of}.
 *
 * <p><b>Centroids.</b> Every score here uses the <em>means</em> of the rows assigned to each cluster, recomputed
 * from the assignments, not the centroids an algorithm returned: the scores depend only on the partition (as
 * scikit-learn's {@code calinski_harabasz_score} and {@code davies_bouldin_score} do). For a converged k-means
 * the two coincide. Distances are Euclidean; {@link #inertia} is the sum of <em>squared</em> Euclidean
 * distances.
 *
 * <p><b>Empty clusters.</b> A label in {@code 0..k-1} that no row carries is an empty cluster: its size is 0,
 * it has no mean, and it is ignored by every score ({@link #clusters()} counts only the non-empty ones, and
 * that count is the {@code K} of the formulas below).
 *
 * <p><b>Edge cases.</b> With fewer than two non-empty clusters there is no "other" cluster: the simplified
 * silhouette, Calinski-Harabasz and Davies-Bouldin are {@code NaN} (undefined, not zero). Calinski-Harabasz
 * is also {@code NaN} when every row is its own cluster ({@code n = K}: no within-cluster degrees of freedom),
 * and {@code +Infinity} when every cluster is a point mass ({@code W = 0}) but the means differ. Davies-Bouldin
 * is {@code +Infinity} when two non-empty clusters have the same mean (they cannot be told apart; scikit-learn
 * instead silently scores that pair 0). Values must be finite; a {@code NaN} in the data makes the scores
 * {@code NaN}.
 *
 * <p><b>Determinism.</b> Rows are processed in fixed blocks of {@value #CHUNK_ROWS} and the blocks' partial
 * sums are added in block order, so the result is bit-for-bit the same for any number of threads.
 *
 * @param rows                 number of rows {@code n}
 * @param clusters             number of non-empty clusters {@code K}
 * @param segmentSizes         rows per label {@code 0..k-1} (zeros for empty clusters)
 * @param inertia              within-cluster sum of squares {@code W = sum_i ||x_i - m_{c(i)}||^2}
 * @param simplifiedSilhouette mean over all rows of {@code s_i = (b_i - a_i) / max(a_i, b_i)} with {@code a_i} the
 *                             distance to the own cluster's mean and {@code b_i} the distance to the nearest other
 *                             non-empty cluster's mean (Hruschka et al. 2004); a row alone in its cluster gets
 *                             {@code s_i = 0} (Rousseeuw's convention for singletons, also used by the exact
 *                             {@link Silhouette}), and {@code a_i = b_i = 0} gives {@code s_i = 0}
 * @param calinskiHarabasz     {@code (B / (K - 1)) / (W / (n - K))}, {@code B = sum_j n_j ||m_j - m||^2} with
 *                             {@code m} the mean of all rows (Calinski and Harabasz 1974); higher is better
 * @param daviesBouldin        {@code (1/K) sum_j max_{i != j} (S_i + S_j) / ||m_i - m_j||} with {@code S_j} the mean
 *                             distance of cluster {@code j}'s rows to its mean (Davies and Bouldin 1979); lower is
 *                             better
 */
public record ClusterQuality(int rows, int clusters, List<Integer> segmentSizes, double inertia,
        double simplifiedSilhouette, double calinskiHarabasz, double daviesBouldin) {

    /** Rows per block of work: the unit of parallelism and of the summation order. */
    static final int CHUNK_ROWS = 8192;
    /** Rows per block of a pass: {@link Matrix}'s storage block, so that its columns are read in place. */
    static final int BLOCK_ROWS = Matrix.BLOCK_ROWS;

    public ClusterQuality {
        segmentSizes = List.copyOf(segmentSizes);
    }

    /** The number of labels {@code k}, including empty clusters. */
    public int k() {
        return segmentSizes.size();
    }

    /** The smallest cluster's share of the rows, 0..1 (0 when a cluster is empty). */
    public double minSegmentShare() {
        int min = Integer.MAX_VALUE;
        for (int s : segmentSizes) {
            min = Math.min(min, s);
        }
        return rows == 0 ? Double.NaN : (double) min / rows;
    }

    /**
     * Computes the scores of a partition of row-major data.
     *
     * @param data        the rows, row-major {@code n x d}, finite
     * @param n           number of rows, at least 1
     * @param d           number of features, at least 1
     * @param assignments each row's cluster, {@code 0..k-1}
     * @param k           number of labels, at least 1
     * @param threads     threads to use, at least 1 (the result does not depend on it)
     * @throws IllegalArgumentException on inconsistent sizes or a label outside {@code 0..k-1}
     */
    public static ClusterQuality of(double[] data, int n, int d, int[] assignments, int k, int threads) {
        return of(Rows.of(data, n, d), assignments, k, threads, Progress.NONE);
    }

    /**
     * Computes the scores of a partition of the rows of {@code data}; as
     * {@link #of(double[], int, int, int[], int, int)}, checking {@code progress} for cancellation.
     */
    public static ClusterQuality of(Matrix data, int[] assignments, int k, int threads, Progress progress) {
        return of(Rows.of(data), assignments, k, threads, progress);
    }

    static ClusterQuality of(Rows data, int[] assignments, int k, int threads, Progress progress) {
        int n = data.rows();
        int d = data.columns();
        Objects.requireNonNull(assignments, "assignments");
        Objects.requireNonNull(progress, "progress");
        if (assignments.length != n) {
            throw new IllegalArgumentException("assignments has " + assignments.length + " entries for " + n + " rows");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        checkThreads(threads);
        int chunks = chunkCount(n);

        // pass 1: sizes and sums per cluster -> means
        long[][] chunkCounts = new long[chunks][];
        double[][] chunkSums = new double[chunks][];
        forEachChunk(chunks, threads, progress, c -> {
            long[] counts = new long[k];
            double[] sums = new double[k * d];
            Rows.Reader reader = data.reader();
            int end = Math.min(n, (c + 1) * CHUNK_ROWS);
            for (int start = c * CHUNK_ROWS; start < end; start += BLOCK_ROWS) {
                int len = Math.min(BLOCK_ROWS, end - start);
                double[][] columns = reader.block(start, len);
                for (int r = 0; r < len; r++) {
                    int label = assignments[start + r];
                    if (label < 0 || label >= k) {
                        throw new IllegalArgumentException("row " + (start + r) + " has cluster " + label
                                + ", outside 0.." + (k - 1));
                    }
                    counts[label]++;
                    int o = label * d;
                    for (int f = 0; f < d; f++) {
                        sums[o + f] += columns[f][r];
                    }
                }
            }
            chunkCounts[c] = counts;
            chunkSums[c] = sums;
        });
        long[] counts = new long[k];
        double[] means = new double[k * d];
        for (int c = 0; c < chunks; c++) {
            for (int j = 0; j < k; j++) {
                counts[j] += chunkCounts[c][j];
            }
            for (int t = 0; t < k * d; t++) {
                means[t] += chunkSums[c][t];
            }
        }
        double[] grand = new double[d];
        int nonEmpty = 0;
        for (int j = 0; j < k; j++) {
            for (int f = 0; f < d; f++) {
                grand[f] += means[j * d + f];
            }
            if (counts[j] > 0) {
                nonEmpty++;
                for (int f = 0; f < d; f++) {
                    means[j * d + f] /= counts[j];
                }
            }
        }
        for (int f = 0; f < d; f++) {
            grand[f] /= n;
        }
        int[] live = new int[nonEmpty];
        for (int j = 0, t = 0; j < k; j++) {
            if (counts[j] > 0) {
                live[t++] = j;
            }
        }

        // pass 2: distances of every row to every non-empty mean
        double[] chunkInertia = new double[chunks];
        double[] chunkSilhouette = new double[chunks];
        double[][] chunkDistanceSums = new double[chunks][];
        forEachChunk(chunks, threads, progress, c -> {
            double inertia = 0;
            double silhouette = 0;
            double[] distanceSums = new double[k];
            double[][] squared = new double[k][BLOCK_ROWS];
            Rows.Reader reader = data.reader();
            int end = Math.min(n, (c + 1) * CHUNK_ROWS);
            for (int start = c * CHUNK_ROWS; start < end; start += BLOCK_ROWS) {
                int len = Math.min(BLOCK_ROWS, end - start);
                double[][] columns = reader.block(start, len);
                for (int j : live) {
                    blockSquaredDistances(columns, len, means, j * d, squared[j]);
                }
                for (int r = 0; r < len; r++) {
                    int label = assignments[start + r];
                    double own = squared[label][r];
                    double nearestOther = Double.POSITIVE_INFINITY;
                    for (int j : live) {
                        if (j != label) {
                            nearestOther = Math.min(nearestOther, squared[j][r]);
                        }
                    }
                    inertia += own;
                    double a = Math.sqrt(own);
                    distanceSums[label] += a;
                    if (counts[label] > 1) {
                        silhouette += silhouette(a, Math.sqrt(nearestOther));
                    }
                }
            }
            chunkInertia[c] = inertia;
            chunkSilhouette[c] = silhouette;
            chunkDistanceSums[c] = distanceSums;
        });
        double within = 0;
        double silhouetteSum = 0;
        double[] spread = new double[k];
        for (int c = 0; c < chunks; c++) {
            within += chunkInertia[c];
            silhouetteSum += chunkSilhouette[c];
            for (int j = 0; j < k; j++) {
                spread[j] += chunkDistanceSums[c][j];
            }
        }
        for (int j : live) {
            spread[j] /= counts[j];
        }

        List<Integer> sizes = new ArrayList<>(k);
        for (long count : counts) {
            sizes.add((int) count);
        }
        if (nonEmpty < 2) {
            return new ClusterQuality(n, nonEmpty, sizes, within, Double.NaN, Double.NaN, Double.NaN);
        }
        double between = 0;
        for (int j : live) {
            between += counts[j] * squaredDistance(means, j * d, grand, 0, d);
        }
        double ch;
        if (n == nonEmpty) {
            ch = Double.NaN;
        } else if (within == 0) {
            ch = between > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            ch = (between / (nonEmpty - 1)) / (within / (n - nonEmpty));
        }
        double db = 0;
        for (int j : live) {
            double worst = 0;
            for (int i : live) {
                if (i != j) {
                    double separation = Math.sqrt(squaredDistance(means, i * d, means, j * d, d));
                    worst = Math.max(worst, separation == 0 ? Double.POSITIVE_INFINITY
                            : (spread[i] + spread[j]) / separation);
                }
            }
            db += worst;
        }
        return new ClusterQuality(n, nonEmpty, sizes, within, silhouetteSum / n, ch, db / nonEmpty);
    }

    /**
     * The silhouette value {@code (b - a) / max(a, b)} of one point; 0 when {@code a = b = 0} (a point that sits
     * on both its own and the other cluster cannot be called well or badly placed).
     */
    static double silhouette(double a, double b) {
        double max = Math.max(a, b);
        return max == 0 ? 0 : (b - a) / max;
    }

    /**
     * {@code out[r]} = squared Euclidean distance of row {@code r < len} of a block ({@code columns[f][r]}) to
     * {@code c[cOff..cOff+d)}, summed over the features in feature order. The loop over the rows is innermost and
     * reads and writes arrays from index 0, so C2 vectorises it; each row's sum is computed in the same order as
     * a plain loop over its features, so the bits do not depend on the layout.
     */
    static void blockSquaredDistances(double[][] columns, int len, double[] c, int cOff, double[] out) {
        double[] x0 = columns[0];
        double c0 = c[cOff];
        for (int r = 0; r < len; r++) {
            double t = x0[r] - c0;
            out[r] = t * t;
        }
        for (int f = 1; f < columns.length; f++) {
            double[] xf = columns[f];
            double cf = c[cOff + f];
            for (int r = 0; r < len; r++) {
                double t = xf[r] - cf;
                out[r] += t * t;
            }
        }
    }

    /**
     * {@code ||x - y||^2} of {@code x = a[ai..ai+d)} and {@code y = b[bi..bi+d)}, summed in four interleaved
     * partial sums (a fixed order, so the same bits every time, and about twice as fast as one chain).
     */
    static double squaredDistance(double[] a, int ai, double[] b, int bi, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int f = 0;
        for (; f + 3 < d; f += 4) {
            double t0 = a[ai + f] - b[bi + f];
            double t1 = a[ai + f + 1] - b[bi + f + 1];
            double t2 = a[ai + f + 2] - b[bi + f + 2];
            double t3 = a[ai + f + 3] - b[bi + f + 3];
            s0 += t0 * t0;
            s1 += t1 * t1;
            s2 += t2 * t2;
            s3 += t3 * t3;
        }
        for (; f < d; f++) {
            double t = a[ai + f] - b[bi + f];
            s0 += t * t;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Read access to the rows of a row-major array (in place) or of a {@link Matrix} (copied row by row into a
     * reader's buffer), so that every pass here has one implementation over {@code double[]} rows.
     */
    abstract static class Rows {
        private final int rows;
        private final int columns;

        private Rows(int rows, int columns) {
            this.rows = rows;
            this.columns = columns;
        }

        /**
         * One thread's view: {@link #load} makes row {@code i} readable at {@code array()[load(i) ..]};
         * {@link #block} gives rows {@code start .. start+len-1} as one array per column, indexed from 0.
         */
        interface Reader {
            double[] array();

            int load(int row);

            /**
             * The columns of rows {@code start..start+len-1}; {@code start} a multiple of {@link #BLOCK_ROWS},
             * {@code len <= BLOCK_ROWS}. Valid until the next call.
             */
            double[][] block(int start, int len);
        }

        final int rows() {
            return rows;
        }

        final int columns() {
            return columns;
        }

        /** A new reader; each thread needs its own. */
        abstract Reader reader();

        static Rows of(double[] data, int n, int d) {
            checkShape(data, n, d);
            return new Rows(n, d) {
                @Override
                Reader reader() {
                    return new Reader() {
                        @Override
                        public double[] array() {
                            return data;
                        }

                        @Override
                        public int load(int row) {
                            return row * d;
                        }

                        @Override
                        public double[][] block(int start, int len) {
                            for (int r = 0; r < len; r++) {
                                int o = (start + r) * d;
                                for (int f = 0; f < d; f++) {
                                    columns[f][r] = data[o + f];
                                }
                            }
                            return columns;
                        }

                        private final double[][] columns = new double[d][BLOCK_ROWS];
                    };
                }
            };
        }

        static Rows of(Matrix m) {
            Objects.requireNonNull(m, "data");
            return new Rows(m.rows(), m.columns()) {
                @Override
                Reader reader() {
                    double[] buffer = new double[m.columns()];
                    return new Reader() {
                        @Override
                        public double[] array() {
                            return buffer;
                        }

                        @Override
                        public int load(int row) {
                            m.copyRow(row, buffer);
                            return 0;
                        }

                        @Override
                        public double[][] block(int start, int len) {
                            // Matrix stores blocks of BLOCK_ROWS rows, column j of block b at blocks()[b * d + j]
                            int b = start / BLOCK_ROWS;
                            if (start % BLOCK_ROWS != 0 || len > m.blockLength(b)) {
                                throw new IllegalArgumentException("rows " + start + ".." + (start + len - 1)
                                        + " are not within one block");
                            }
                            System.arraycopy(m.blocks(), b * m.columns(), columns, 0, m.columns());
                            return columns;
                        }

                        private final double[][] columns = new double[m.columns()][];
                    };
                }
            };
        }
    }

    static void checkShape(double[] data, int n, int d) {
        Objects.requireNonNull(data, "data");
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("need at least one row and one feature, got " + n + " x " + d);
        }
        if ((long) n * d != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " values, not " + n + " x " + d);
        }
    }

    static void checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    static int chunkCount(int n) {
        return (n + CHUNK_ROWS - 1) / CHUNK_ROWS;
    }

    /**
     * Runs {@code task} for every chunk {@code 0..chunks-1}, on up to {@code threads} threads of a pool owned by
     * this call (shut down before returning). Tasks must write only to their own chunk's slots; the caller
     * combines the slots in chunk order, which makes the result independent of the thread count. Cancellation
     * is checked on the calling thread only (progress sinks need not be thread-safe).
     *
     * @throws CancelledException when {@code progress} says so (checked before the first chunk, after each chunk
     *                            and every 50 ms); running chunks finish, queued ones never start
     */
    static void forEachChunk(int chunks, int threads, Progress progress, IntConsumer task) {
        if (threads <= 1 || chunks <= 1) {
            for (int c = 0; c < chunks; c++) {
                progress.checkCancelled();
                task.accept(c);
            }
            return;
        }
        progress.checkCancelled();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks), DaemonThreads.INSTANCE);
        try {
            List<Future<?>> futures = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                int chunk = c;
                futures.add(pool.submit(() -> task.accept(chunk)));
            }
            for (Future<?> f : futures) {
                while (true) {
                    try {
                        f.get(50, TimeUnit.MILLISECONDS);
                        progress.checkCancelled();
                        break;
                    } catch (TimeoutException e) {
                        progress.checkCancelled();
                    }
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Daemon worker threads, so that a forgotten pool can never keep a JVM alive. */
    private enum DaemonThreads implements ThreadFactory {
        INSTANCE;

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "segmentation-cluster-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
