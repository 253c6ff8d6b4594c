package org.example.segmentation.core.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.example.segmentation.core.Progress;

/**
 * The first centroids of a k-means run: greedy k-means++ or k random rows. Package-private.
 *
 * <p><b>Greedy k-means++</b> (Arthur and Vassilvitskii 2007, section 6, as scikit-learn implements it): the
 * first centroid is a row drawn uniformly. Then, for each next centroid, {@code L = 2 + floor(ln k)} candidate
 * rows are drawn with probability proportional to D(x)^2, their squared distance to the nearest centroid so
 * far, and the candidate that leaves the smallest sum of D^2 wins (ties: the first drawn). Compared with plain
 * k-means++ (L = 1) this avoids most bad seeds at the cost of L passes over the data per centroid; it costs
 * {@code 2k} passes in all (one evaluating the L candidates together, one updating D^2). Rows already chosen
 * have D^2 = 0 and cannot be drawn again, so with at least k distinct rows the k centroids are distinct.
 *
 * <p>D^2 lives in a {@code double[n]} the caller lends (a bound array of the run that follows). Its per-group
 * sums are computed in row order and combined in group order, and the draws happen on the calling thread, so
 * the centroids have the same bits for any thread count.
 */
final class KMeansInit {

    private KMeansInit() {
    }

    /**
     * k initial centroids, row-major {@code k x d}.
     *
     * @param minSq scratch of at least {@code data.rows()} values
     */
    static double[] centroids(Matrix data, int k, KMeansConfig.Init init, SplittableRandom rng, KMeansExecutor exec,
            double[] minSq, Progress progress) {
        return switch (init) {
            case RANDOM -> randomRows(data, k, rng);
            case KMEANS_PLUS_PLUS -> greedyPlusPlus(data, k, rng, exec, minSq, progress);
        };
    }

    /** k rows at distinct indexes drawn uniformly (a partial Fisher-Yates shuffle over a sparse permutation). */
    static double[] randomRows(Matrix data, int k, SplittableRandom rng) {
        int n = data.rows();
        int d = data.columns();
        Map<Integer, Integer> moved = new HashMap<>();
        double[] centers = new double[k * d];
        double[] row = new double[d];
        for (int t = 0; t < k; t++) {
            int j = t + rng.nextInt(n - t);
            int pick = moved.getOrDefault(j, j);
            moved.put(j, moved.getOrDefault(t, t));
            data.copyRow(pick, row);
            System.arraycopy(row, 0, centers, t * d, d);
        }
        return centers;
    }

    /**
     * Greedy k-means++, as in the class comment.
     *
     * @param minSq    scratch of at least {@code data.rows()} values
     * @param progress asked about cancellation once per centroid
     */
    static double[] greedyPlusPlus(Matrix data, int k, SplittableRandom rng, KMeansExecutor exec, double[] minSq,
            Progress progress) {
        int n = data.rows();
        int d = data.columns();
        double[][] cols = data.blocks();
        int groups = KMeansExecutor.groupCount(data);
        double[] groupSums = new double[groups];
        double[] centers = new double[k * d];
        double[] row = new double[d];

        data.copyRow(rng.nextInt(n), row);
        System.arraycopy(row, 0, centers, 0, d);
        updateMinSq(data, centers, 0, minSq, groupSums, exec, true);

        int trials = 2 + (int) Math.log(k);
        double[] candidates = new double[trials * d];
        double[][] groupPotentials = new double[groups][trials];
        for (int c = 1; c < k; c++) {
            progress.checkCancelled();
            double total = 0;
            for (double s : groupSums) {
                total += s;
            }
            if (!(total > 0)) {
                throw new IllegalStateException("k-means++ found fewer than k distinct rows; checked before");
            }
            for (int t = 0; t < trials; t++) {
                int pick = draw(data, minSq, groupSums, rng.nextDouble() * total);
                data.copyRow(pick, row);
                System.arraycopy(row, 0, candidates, t * d, d);
            }
            // One pass scores all candidates: the sum over rows of min(D^2, distance^2 to the candidate).
            exec.forEach(groups, g -> {
                double[] tmp = new double[Matrix.BLOCK_ROWS];
                double[] pot = groupPotentials[g];
                java.util.Arrays.fill(pot, 0);
                for (int b = KMeansExecutor.firstBlock(data, g, groups), end = KMeansExecutor.firstBlock(data, g + 1,
                        groups); b < end; b++) {
                    int len = data.blockLength(b);
                    int start = data.blockStart(b);
                    for (int t = 0; t < trials; t++) {
                        KMeansKernels.blockSquaredDistances(cols, b * d, len, d, candidates, t * d, tmp);
                        double s = pot[t];
                        for (int r = 0; r < len; r++) {
                            s += Math.min(minSq[start + r], tmp[r]);
                        }
                        pot[t] = s;
                    }
                }
            });
            int bestTrial = 0;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double p = 0;
                for (int g = 0; g < groups; g++) {
                    p += groupPotentials[g][t];
                }
                if (p < bestPotential) {
                    bestPotential = p;
                    bestTrial = t;
                }
            }
            System.arraycopy(candidates, bestTrial * d, centers, c * d, d);
            if (c + 1 < k) {
                updateMinSq(data, centers, c * d, minSq, groupSums, exec, false);
            }
        }
        return centers;
    }

    /**
     * Sets {@code minSq[i]} to the squared distance of row i to the centroid at {@code centers[cOff..]}
     * ({@code first}) or lowers it to that distance, and recomputes the per-group sums in row order.
     */
    private static void updateMinSq(Matrix data, double[] centers, int cOff, double[] minSq, double[] groupSums,
            KMeansExecutor exec, boolean first) {
        double[][] cols = data.blocks();
        int d = data.columns();
        int groups = groupSums.length;
        exec.forEach(groups, g -> {
            double[] tmp = new double[Matrix.BLOCK_ROWS];
            double s = 0;
            for (int b = KMeansExecutor.firstBlock(data, g, groups), end = KMeansExecutor.firstBlock(data, g + 1,
                    groups); b < end; b++) {
                int len = data.blockLength(b);
                int start = data.blockStart(b);
                KMeansKernels.blockSquaredDistances(cols, b * d, len, d, centers, cOff, tmp);
                for (int r = 0; r < len; r++) {
                    double v = first ? tmp[r] : Math.min(minSq[start + r], tmp[r]);
                    minSq[start + r] = v;
                    s += v;
                }
            }
            groupSums[g] = s;
        });
    }

    /**
     * The row where the running sum of D^2, in row order, first exceeds {@code target}; rows with D^2 = 0 are
     * never returned. Should rounding leave the target unreached, the last row with D^2 > 0 is taken.
     */
    private static int draw(Matrix data, double[] minSq, double[] groupSums, double target) {
        int groups = groupSums.length;
        double cum = 0;
        for (int g = 0; g < groups; g++) {
            if (cum + groupSums[g] > target) {
                int first = data.blockStart(KMeansExecutor.firstBlock(data, g, groups));
                int end = g + 1 < groups ? data.blockStart(KMeansExecutor.firstBlock(data, g + 1, groups)) : data.rows();
                int last = -1;
                for (int i = first; i < end; i++) {
                    if (minSq[i] > 0) {
                        cum += minSq[i];
                        last = i;
                        if (cum > target) {
                            return i;
                        }
                    }
                }
                if (last >= 0) {
                    return last;
                }
            } else {
                cum += groupSums[g];
            }
        }
        for (int i = data.rows() - 1; i >= 0; i--) {
            if (minSq[i] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("k-means++ found no row away from the centroids; checked before");
    }
}
