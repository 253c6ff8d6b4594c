package org.example.segmentation.cli.report;

import java.util.SplittableRandom;

/**
 * The first two principal components of a set of rows, for the report's 2-D picture of the segments: the sample
 * covariance matrix (divisor n - 1), its two leading eigenvectors by power iteration with deflation (from a seeded
 * start vector, until the vector moves less than 1e-12 or after 10,000 iterations), each signed so that its largest
 * absolute coordinate is positive.
 *
 * <p>Edge cases: fewer than two rows, or a single column, leave the missing components zero (a projection on zero
 * is 0); a constant table has zero variance and zero components. When the two leading eigenvalues are equal any
 * vector of their plane is a valid component; the picture is then still a correct projection.
 *
 * @param mean       column means
 * @param first      first component (unit length, or zero)
 * @param second     second component (unit length, orthogonal to the first, or zero)
 * @param variance   variance along each component
 * @param total      total variance (trace of the covariance matrix)
 */
public record Pca2d(double[] mean, double[] first, double[] second, double[] variance, double total) {

    private static final int MAX_ITERATIONS = 10_000;
    private static final double TOLERANCE = 1e-12;

    /** Fits the two components to {@code rows} (n rows of d columns, all finite). */
    public static Pca2d fit(double[][] rows) {
        int n = rows.length;
        int d = n == 0 ? 0 : rows[0].length;
        double[] mean = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / n;
            }
        }
        double[][] c = new double[d][d];
        if (n >= 2) {
            double[] x = new double[d];
            for (double[] r : rows) {
                for (int j = 0; j < d; j++) {
                    x[j] = r[j] - mean[j];
                }
                for (int a = 0; a < d; a++) {
                    for (int b = a; b < d; b++) {
                        c[a][b] += x[a] * x[b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    c[a][b] /= n - 1;
                    c[b][a] = c[a][b];
                }
            }
        }
        double total = 0;
        for (int j = 0; j < d; j++) {
            total += c[j][j];
        }
        double[] v1 = leading(c, 1);
        double l1 = rayleigh(c, v1);
        // deflate: C - l1 v1 v1^T
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                c[a][b] -= l1 * v1[a] * v1[b];
            }
        }
        double[] v2 = d < 2 ? new double[d] : leading(c, 2);
        double l2 = d < 2 ? 0 : rayleigh(c, v2);
        return new Pca2d(mean, v1, v2, new double[] {Math.max(0, l1), Math.max(0, l2)}, total);
    }

    /** The row's coordinates on the two components. */
    public double[] project(double[] row) {
        double x = 0;
        double y = 0;
        for (int j = 0; j < mean.length; j++) {
            double v = row[j] - mean[j];
            x += v * first[j];
            y += v * second[j];
        }
        return new double[] {x, y};
    }

    /** The share of the total variance each component explains (0 for a constant table). */
    public double[] explained() {
        return total > 0 ? new double[] {variance[0] / total, variance[1] / total} : new double[2];
    }

    private static double[] leading(double[][] c, long seed) {
        int d = c.length;
        double[] v = new double[d];
        if (d == 0) {
            return v;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int j = 0; j < d; j++) {
            v[j] = random.nextDouble() - 0.5;
        }
        if (!normalise(v)) {
            return new double[d];
        }
        double[] w = new double[d];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int b = 0; b < d; b++) {
                    s += c[a][b] * v[b];
                }
                w[a] = s;
            }
            if (!normalise(w)) {
                return new double[d];
            }
            double move = 0;
            for (int j = 0; j < d; j++) {
                move = Math.max(move, Math.abs(w[j] - v[j]));
            }
            System.arraycopy(w, 0, v, 0, d);
            if (move < TOLERANCE) {
                break;
            }
        }
        int largest = 0;
        for (int j = 1; j < d; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < d; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    private static boolean normalise(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (!(norm > 1e-300)) {
            return false;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;
        }
        return true;
    }

    private static double rayleigh(double[][] c, double[] v) {
        double s = 0;
        for (int a = 0; a < v.length; a++) {
            for (int b = 0; b < v.length; b++) {
                s += v[a] * c[a][b] * v[b];
            }
        }
        return s;
    }
}
