package org.example.segmentation.core.cluster;

import java.util.Objects;
import java.util.SplittableRandom;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;

/**
 * k-prototypes (Huang 1997) for mixed numeric and categorical data, on a feature-space matrix whose numeric columns
 * come first and whose categorical features are one-hot blocks holding {@code w} for the row's level and 0 for the
 * others.
 *
 * <p><b>Dissimilarity.</b> Huang's dissimilarity between a row and a prototype is the squared Euclidean distance on
 * the numeric columns plus {@code gamma} times the number of categorical features whose level differs from the
 * prototype's mode. With one-hot blocks of value {@code w}, a mismatch contributes {@code 2 w^2} to the squared
 * Euclidean distance and a match 0, so with {@code w = sqrt(gamma / 2)} Huang's dissimilarity <em>is</em> the squared
 * Euclidean distance in the feature space, when the prototype's blocks are one-hot too (its mode times {@code w}).
 * The prototypes are therefore stored as ordinary centroids: numeric means, categorical blocks {@code w} at the
 * mode; assigning a row to the nearest centroid is assigning it by Huang's dissimilarity.
 *
 * <p><b>Algorithm.</b> Per restart: a k-means++-like seeded initialisation (the first prototype a random row, each
 * next one a row drawn with probability proportional to its dissimilarity to the nearest prototype chosen so far);
 * then alternate assignment (nearest prototype, ties to the lower index) and update (numeric means, categorical
 * modes with ties to the lower level index) until no row changes or {@code maxIterations}. A cluster that empties
 * takes the row farthest from its prototype. The restart with the lowest total dissimilarity is kept (ties: the
 * earlier restart). Deterministic for a seed; single-threaded.
 */
public final class KPrototypes {

    /**
     * Where the categorical blocks are.
     *
     * @param numeric the number of leading numeric columns
     * @param offsets the first column of each categorical block
     * @param sizes   the number of levels (columns) of each block
     * @param weights the indicator value {@code w} of each block
     */
    public record Layout(int numeric, int[] offsets, int[] sizes, double[] weights) {
        public Layout {
            Objects.requireNonNull(offsets, "offsets");
            Objects.requireNonNull(sizes, "sizes");
            Objects.requireNonNull(weights, "weights");
            if (offsets.length != sizes.length || sizes.length != weights.length) {
                throw new IllegalArgumentException("offsets, sizes and weights must have one entry per block");
            }
            offsets = offsets.clone();
            sizes = sizes.clone();
            weights = weights.clone();
        }
    }

    /**
     * A fit.
     *
     * @param assignments each row's cluster
     * @param prototypes  the prototypes as feature-space centroids (numeric means, {@code w} at each block's mode)
     * @param cost        the total dissimilarity of the rows to their prototypes
     */
    public record Result(int[] assignments, Centroids prototypes, double cost) {
    }

    private KPrototypes() {
    }

    /**
     * The default {@code gamma}: half the mean (population) standard deviation of the numeric columns; 1 without
     * numeric columns.
     */
    public static double defaultGamma(Matrix data, int numeric) {
        if (numeric == 0) {
            return 1;
        }
        int n = data.rows();
        double sum = 0;
        for (int j = 0; j < numeric; j++) {
            double[] col = data.column(j);
            double mean = 0;
            for (double v : col) {
                mean += v;
            }
            mean /= n;
            double ss = 0;
            for (double v : col) {
                ss += (v - mean) * (v - mean);
            }
            sum += Math.sqrt(ss / n);
        }
        double gamma = 0.5 * sum / numeric;
        return gamma > 0 ? gamma : 1;
    }

    /**
     * Fits k prototypes.
     *
     * @throws InputException when the rows hold fewer than k distinct rows
     */
    public static Result fit(Matrix data, Layout layout, int k, int restarts, int maxIterations, long seed,
            Progress progress) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(layout, "layout");
        int n = data.rows();
        int d = data.columns();
        if (k < 1 || k > n) {
            throw new InputException("k-prototypes: k=" + k + " needs at least k rows; the data has " + n);
        }
        double[] x = data.toRowMajor();
        Result best = null;
        SplittableRandom root = new SplittableRandom(seed);
        for (int r = 0; r < restarts; r++) {
            progress.checkCancelled();
            SplittableRandom random = root.split();
            Result result = run(x, n, d, layout, k, maxIterations, random);
            if (best == null || result.cost() < best.cost()) {
                best = result;
            }
            progress.update((r + 1.0) / restarts, null);
        }
        return best;
    }

    private static Result run(double[] x, int n, int d, Layout layout, int k, int maxIterations,
            SplittableRandom random) {
        double[] p = init(x, n, d, k, random);
        int[] label = new int[n];
        double[] dist = new double[n];
        java.util.Arrays.fill(label, -1);
        for (int it = 0; it < maxIterations; it++) {
            boolean changed = assign(x, n, d, p, k, label, dist);
            if (!changed && it > 0) {
                break;
            }
            update(x, n, d, layout, p, k, label, dist);
        }
        assign(x, n, d, p, k, label, dist);
        double cost = 0;
        for (int i = 0; i < n; i++) {
            cost += dist[i];
        }
        double[][] protos = new double[k][];
        for (int c = 0; c < k; c++) {
            protos[c] = java.util.Arrays.copyOfRange(p, c * d, (c + 1) * d);
        }
        return new Result(label, Centroids.of(protos), cost);
    }

    private static double[] init(double[] x, int n, int d, int k, SplittableRandom random) {
        double[] p = new double[k * d];
        int first = random.nextInt(n);
        System.arraycopy(x, first * d, p, 0, d);
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = sq(x, i * d, p, 0, d);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += nearest[i];
            }
            if (!(total > 0)) {
                throw new InputException("k-prototypes: the rows hold fewer than k=" + k + " distinct rows");
            }
            double target = random.nextDouble() * total;
            int chosen = -1;
            double acc = 0;
            for (int i = 0; i < n; i++) {
                if (nearest[i] > 0) {
                    chosen = i;
                    acc += nearest[i];
                    if (acc > target) {
                        break;
                    }
                }
            }
            System.arraycopy(x, chosen * d, p, c * d, d);
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], sq(x, i * d, p, c * d, d));
            }
        }
        return p;
    }

    /** Nearest prototype per row (ties to the lower index); whether any label changed. */
    private static boolean assign(double[] x, int n, int d, double[] p, int k, int[] label, double[] dist) {
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestSq = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double s = sq(x, i * d, p, c * d, d);
                if (s < bestSq) {
                    bestSq = s;
                    best = c;
                }
            }
            if (label[i] != best) {
                changed = true;
                label[i] = best;
            }
            dist[i] = bestSq;
        }
        return changed;
    }

    /** Numeric means and categorical modes; an empty cluster takes the row farthest from its prototype. */
    private static void update(double[] x, int n, int d, Layout layout, double[] p, int k, int[] label,
            double[] dist) {
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            counts[label[i]]++;
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                int far = -1;
                for (int i = 0; i < n; i++) {
                    if (counts[label[i]] > 1 && (far < 0 || dist[i] > dist[far])) {
                        far = i;
                    }
                }
                if (far < 0) {
                    throw new InputException("k-prototypes: a cluster emptied and no row can refill it");
                }
                counts[label[far]]--;
                label[far] = c;
                counts[c] = 1;
                dist[far] = 0;
            }
        }
        double[] sums = new double[k * d];
        for (int i = 0; i < n; i++) {
            int o = label[i] * d;
            for (int j = 0; j < d; j++) {
                sums[o + j] += x[i * d + j];
            }
        }
        for (int c = 0; c < k; c++) {
            int o = c * d;
            for (int j = 0; j < layout.numeric(); j++) {
                p[o + j] = sums[o + j] / counts[c];
            }
            for (int b = 0; b < layout.offsets().length; b++) {
                int start = o + layout.offsets()[b];
                int mode = 0;
                for (int l = 1; l < layout.sizes()[b]; l++) {
                    if (sums[start + l] > sums[start + mode]) {
                        mode = l;
                    }
                }
                for (int l = 0; l < layout.sizes()[b]; l++) {
                    p[start + l] = l == mode ? layout.weights()[b] : 0;
                }
            }
        }
    }

    private static double sq(double[] a, int ao, double[] b, int bo, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = a[ao + j] - b[bo + j];
            s += t * t;
        }
        return s;
    }
}
