package org.example.segmentation.core.cluster;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

import org.example.segmentation.core.Progress;

/**
 * The silhouette of a partition (Rousseeuw 1987), exact on a seeded sample of rows, or simplified on all rows.
 *
 * <p><b>Exact, on a sample</b> ({@link #exact}). A sample of {@code m = min(n, sampleSize)} rows is drawn
 * without replacement ({@link #sampleRows}); the silhouette is then computed <em>on the sample alone</em>, as if
 * the sample were the whole table: for a sampled row {@code i} in cluster {@code A},
 * {@code a(i)} is the mean Euclidean distance to the other sampled rows of {@code A}, {@code b(i)} the smallest,
 * over the other clusters {@code C} that have sampled rows, of the mean distance to the sampled rows of
 * {@code C}, and {@code s(i) = (b(i) - a(i)) / max(a(i), b(i))}. The result is the mean of {@code s(i)} over the
 * {@code m} sampled rows. This is what scikit-learn's {@code silhouette_score(X, labels, sample_size=m)} computes
 * (with its own random sample). With {@code sampleSize >= n} it is the exact silhouette of all rows. Cost:
 * {@code O(m^2 d)} time (each pairwise distance computed once per row and shared by all partitions scored
 * together), {@code O(m d + m p)} memory for {@code p} partitions; the pairwise distances are never stored.
 *
 * <p><b>Conventions.</b> A row whose cluster has no other sampled row gets {@code s(i) = 0} (Rousseeuw's rule
 * for singletons); {@code a(i) = b(i) = 0} gives 0; when fewer than two clusters have sampled rows the
 * silhouette is undefined and the result is {@code NaN}. Empty labels are ignored. Distances are Euclidean,
 * not squared.
 *
 * <p><b>Simplified, on all rows</b> ({@link #simplified}): distances to the cluster means instead of to all
 * rows, {@code O(n k d)}; see {@link ClusterQuality#simplifiedSilhouette()}.
 *
 * <p><b>Determinism.</b> The sample depends only on {@code (n, sampleSize, seed)}; each distance is summed over the
 * features in feature order, each row's per-cluster sums in a fixed order (cluster by cluster, rows in sample
 * order), and the mean in sample order, so the result is the same, bit for bit, for any number of threads.
 */
public final class Silhouette {
    /** Sampled rows per block of work. */
    private static final int CHUNK = 64;
    /** Sampled rows per block of the distance loop. */
    private static final int DISTANCE_BLOCK = 512;

    private Silhouette() {
    }

    /**
     * A uniform random sample of {@code min(n, sampleSize)} distinct row indices, in increasing order, drawn by
     * selection sampling (Knuth's Algorithm S: row {@code i} is taken with probability
     * {@code (still needed) / (rows left)}), from a {@link SplittableRandom} seeded with {@code seed}. One pass,
     * no extra memory; {@code sampleSize >= n} returns every row.
     */
    public static int[] sampleRows(int n, int sampleSize, long seed) {
        if (n < 0 || sampleSize < 1) {
            throw new IllegalArgumentException("need n >= 0 and sampleSize >= 1, got " + n + ", " + sampleSize);
        }
        int m = Math.min(n, sampleSize);
        int[] rows = new int[m];
        if (m == n) {
            for (int i = 0; i < n; i++) {
                rows[i] = i;
            }
            return rows;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int taken = 0;
        for (int i = 0; i < n && taken < m; i++) {
            // (m - taken) / (n - i) > u  <=>  take row i
            if ((n - i) * random.nextDouble() < m - taken) {
                rows[taken++] = i;
            }
        }
        return rows;
    }

    /**
     * The exact silhouette of one partition of row-major data on a seeded sample of at most {@code sampleSize}
     * rows (see the class comment).
     *
     * @param data        the rows, row-major {@code n x d}, finite
     * @param assignments each row's cluster, {@code 0..k-1}
     * @param seed        the seed of the sample ({@link #sampleRows})
     * @param threads     threads to use, at least 1 (the result does not depend on it)
     * @return the mean silhouette of the sampled rows, -1..1, or {@code NaN} when fewer than two clusters have
     *         sampled rows
     */
    public static double exact(double[] data, int n, int d, int[] assignments, int k, int sampleSize, long seed,
            int threads) {
        ClusterQuality.Rows rows = ClusterQuality.Rows.of(data, n, d);
        return exact(rows, sampleRows(n, sampleSize, seed), new int[][] {assignments}, new int[] {k}, threads,
                Progress.NONE)[0];
    }

    /** As {@link #exact(double[], int, int, int[], int, int, long, int)}, for the rows of a {@link Matrix}. */
    public static double exact(Matrix data, int[] assignments, int k, int sampleSize, long seed, int threads) {
        ClusterQuality.Rows rows = ClusterQuality.Rows.of(data);
        return exact(rows, sampleRows(data.rows(), sampleSize, seed), new int[][] {assignments}, new int[] {k},
                threads, Progress.NONE)[0];
    }

    /**
     * The simplified silhouette of all rows (distances to cluster means); the same number as
     * {@link ClusterQuality#simplifiedSilhouette()}.
     */
    public static double simplified(double[] data, int n, int d, int[] assignments, int k, int threads) {
        return ClusterQuality.of(data, n, d, assignments, k, threads).simplifiedSilhouette();
    }

    /**
     * The exact silhouettes of several partitions of the same rows, on the given sample rows, computing every
     * pairwise distance once for all partitions: {@code O(m^2 d + m^2 p)} for {@code p} partitions. This is how
     * {@link KSelection} scores all candidate k in one pass.
     *
     * @param sample      the sampled row indices ({@link #sampleRows}), each in {@code 0..n-1}
     * @param assignments one labelling of all {@code n} rows per partition
     * @param ks          the number of labels of each partition
     * @return the mean silhouette over the sampled rows, per partition ({@code NaN} when fewer than two of its
     *         clusters have sampled rows)
     */
    static double[] exact(ClusterQuality.Rows data, int[] sample, int[][] assignments, int[] ks, int threads,
            Progress progress) {
        Objects.requireNonNull(sample, "sample");
        int[][] sampleLabels = new int[assignments.length][];
        for (int q = 0; q < assignments.length; q++) {
            if (assignments[q].length != data.rows()) {
                throw new IllegalArgumentException("partition " + q + " labels " + assignments[q].length
                        + " rows, not " + data.rows());
            }
            sampleLabels[q] = onSample(assignments[q], sample);
        }
        return exactOnSample(data, sample, sampleLabels, ks, threads, progress);
    }

    /** The labels of the sampled rows: {@code out[t] = assignments[sample[t]]}. */
    static int[] onSample(int[] assignments, int[] sample) {
        int[] out = new int[sample.length];
        for (int t = 0; t < sample.length; t++) {
            out[t] = assignments[sample[t]];
        }
        return out;
    }

    /**
     * As {@link #exact(ClusterQuality.Rows, int[], int[][], int[], int, Progress)}, with each partition given by
     * the labels of the sampled rows only ({@code labels[q][t]} for row {@code sample[t]}), so a caller scoring
     * many partitions need not keep their full labellings.
     */
    static double[] exactOnSample(ClusterQuality.Rows data, int[] sample, int[][] labels, int[] ks, int threads,
            Progress progress) {
        int n = data.rows();
        int d = data.columns();
        ClusterQuality.checkThreads(threads);
        Objects.requireNonNull(sample, "sample");
        if (labels.length != ks.length) {
            throw new IllegalArgumentException(labels.length + " partitions but " + ks.length + " values of k");
        }
        int[] rows = sample;
        int m = rows.length;
        int p = labels.length;
        // the sample by column: feature f of sampled row t at columns[f][t] (one array per feature, so that the
        // distance loop indexes its input and its output with the same j, which lets the JIT vectorise it)
        double[][] columns = new double[d][m];
        ClusterQuality.Rows.Reader reader = data.reader();
        double[] buffer = reader.array();
        for (int t = 0; t < m; t++) {
            int r = rows[t];
            if (r < 0 || r >= n) {
                throw new IllegalArgumentException("sample row " + r + " is outside 0.." + (n - 1));
            }
            int o = reader.load(r);
            for (int f = 0; f < d; f++) {
                columns[f][t] = buffer[o + f];
            }
        }
        int[][] counts = new int[p][];
        boolean[] defined = new boolean[p];
        int[][] order = new int[p][];
        int[][] start = new int[p][];
        for (int q = 0; q < p; q++) {
            int k = ks[q];
            if (labels[q].length != m) {
                throw new IllegalArgumentException("partition " + q + " labels " + labels[q].length
                        + " sampled rows, not " + m);
            }
            counts[q] = new int[k];
            for (int t = 0; t < m; t++) {
                int label = labels[q][t];
                if (label < 0 || label >= k) {
                    throw new IllegalArgumentException("row " + rows[t] + " has cluster " + label + ", outside 0.."
                            + (k - 1));
                }
                counts[q][label]++;
            }
            int present = 0;
            for (int c : counts[q]) {
                present += c > 0 ? 1 : 0;
            }
            defined[q] = present >= 2;
            // the sampled rows grouped by cluster (a stable counting sort): cluster c's rows are
            // order[q][start[q][c] .. start[q][c + 1])
            start[q] = new int[k + 1];
            for (int cl = 0; cl < k; cl++) {
                start[q][cl + 1] = start[q][cl] + counts[q][cl];
            }
            order[q] = new int[m];
            int[] next = Arrays.copyOf(start[q], k);
            for (int t = 0; t < m; t++) {
                order[q][next[labels[q][t]]++] = t;
            }
        }

        double[][] values = new double[p][m];
        int chunks = (m + CHUNK - 1) / CHUNK;
        ClusterQuality.forEachChunk(chunks, threads, progress, c -> {
            double[] distance = new double[m];
            double[][] sums = new double[p][];
            for (int q = 0; q < p; q++) {
                sums[q] = new double[ks[q]];
            }
            int end = Math.min(m, (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < end; i++) {
                distances(columns, m, i, distance);
                for (int q = 0; q < p; q++) {
                    if (defined[q]) {
                        values[q][i] = value(distance, labels[q][i], order[q], start[q], counts[q], sums[q]);
                    }
                }
            }
        });
        double[] out = new double[p];
        for (int q = 0; q < p; q++) {
            if (!defined[q]) {
                out[q] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += values[q][i];
            }
            out[q] = sum / m;
        }
        return out;
    }

    /**
     * The Euclidean distances of sampled row {@code i} to every sampled row, into {@code out}. The loops run over
     * the rows innermost, in blocks of {@value #DISTANCE_BLOCK} that stay in the L1 cache, so the JIT can use SIMD
     * instructions; each squared distance is summed over the features in feature order, so the bits do not
     * depend on the block or the thread, and {@code d(i, j) == d(j, i)}.
     */
    private static void distances(double[][] columns, int m, int i, double[] out) {
        for (int j0 = 0; j0 < m; j0 += DISTANCE_BLOCK) {
            int j1 = Math.min(m, j0 + DISTANCE_BLOCK);
            Arrays.fill(out, j0, j1, 0.0);
            for (double[] column : columns) {
                double xi = column[i];
                for (int j = j0; j < j1; j++) {
                    double t = column[j] - xi;
                    out[j] += t * t;
                }
            }
            for (int j = j0; j < j1; j++) {
                out[j] = Math.sqrt(out[j]);
            }
        }
    }

    /**
     * {@code s(i)} from the distances of sampled row {@code i} (in cluster {@code own}) to every sampled row; each
     * cluster's distances are summed in a fixed order (its rows in sample order, four interleaved partial sums).
     */
    private static double value(double[] distance, int own, int[] order, int[] start, int[] counts,
            double[] sums) {
        if (counts[own] < 2) {
            return 0;
        }
        for (int c = 0; c < counts.length; c++) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int t = start[c];
            int end = start[c + 1];
            for (; t + 3 < end; t += 4) {
                s0 += distance[order[t]];
                s1 += distance[order[t + 1]];
                s2 += distance[order[t + 2]];
                s3 += distance[order[t + 3]];
            }
            for (; t < end; t++) {
                s0 += distance[order[t]];
            }
            sums[c] = (s0 + s1) + (s2 + s3); // distance[i] = 0 adds nothing to the own cluster
        }
        double a = sums[own] / (counts[own] - 1);
        double b = Double.POSITIVE_INFINITY;
        for (int c = 0; c < counts.length; c++) {
            if (c != own && counts[c] > 0) {
                b = Math.min(b, sums[c] / counts[c]);
            }
        }
        return ClusterQuality.silhouette(a, b);
    }
}
