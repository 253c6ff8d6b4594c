package org.example.segmentation.core.cluster;

import java.util.Arrays;

/**
 * The distance loops of k-means, over the blocked layout of {@link Matrix}: {@code cols[cb + j]} is column
 * {@code j} of a block, {@code len} values. Package-private, stateless.
 *
 * <p><b>Why they are shaped this way.</b> The obvious loop, one row against one centroid,
 * {@code for (j) { t = x[j] - c[j]; s += t * t; }}, runs at the speed of one floating-point addition after
 * the other: every {@code s +=} waits for the previous one, and Java may not reorder the additions (it would
 * change the rounding), so the JIT cannot use SIMD. The block loops below instead keep one running sum per
 * row of a block, {@code out[r] += t * t} for all rows {@code r} of the block, reading the block's column
 * {@code j} as one array from index 0: the sums of different rows are independent, so C2 compiles the inner
 * loop to vector instructions (4 rows per instruction with AVX2), and a block (1024 rows x d columns) stays in
 * the cache while it is compared with all k centroids. (C2 on Java 17 does not vectorise the same loop when
 * the two arrays are read at different offsets, which is why every block column is an array of its own.)
 *
 * <p><b>Same bits on every path.</b> Every function here computes the squared distance of a row and a
 * centroid the same way: {@code s = 0; for j = 0..d-1 { t = x_j - c_j; s = s + t * t; }}, in column order,
 * with no fused multiply-add (Java never contracts {@code a + b * c}). A SIMD lane performs exactly those
 * operations for its row. So the vectorised block loop, the per-row loop of the bound-checking algorithm and
 * {@link Centroids#nearest(double[])} give the same bits for the same row and centroid, and Hamerly's
 * algorithm assigns exactly as Lloyd's.
 */
final class KMeansKernels {

    private KMeansKernels() {
    }

    /** Squared distance of {@code row[0..d)} and {@code c[cOff..cOff+d)}. */
    static double squaredDistance(double[] row, double[] c, int cOff, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = row[j] - c[cOff + j];
            s += t * t;
        }
        return s;
    }

    /** Squared distance of row {@code r} of the block whose columns start at {@code cols[cb]} and {@code c[cOff..cOff+d)}. */
    static double squaredDistanceAt(double[][] cols, int cb, int r, double[] c, int cOff, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = cols[cb + j][r] - c[cOff + j];
            s += t * t;
        }
        return s;
    }

    /** Squared distance of two rows of the row-major array {@code c}. */
    static double squaredDistance(double[] c, int aOff, int bOff, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = c[aOff + j] - c[bOff + j];
            s += t * t;
        }
        return s;
    }

    /**
     * {@code out[r]} = squared distance of row {@code r} of a block to the centroid {@code c[cOff..cOff+d)}, for
     * {@code r < len}.
     */
    static void blockSquaredDistances(double[][] cols, int cb, int len, int d, double[] c, int cOff, double[] out) {
        // Column 0 assigns (0 + t*t == t*t exactly), the other columns add: one independent sum per row, so the
        // loops over r vectorise; see the class comment.
        double[] x0 = cols[cb];
        double c0 = c[cOff];
        for (int r = 0; r < len; r++) {
            double t = x0[r] - c0;
            out[r] = t * t;
        }
        // Four columns per sweep: out[r] is read and written once per four columns instead of once per column,
        // and the additions still happen in column order, ((out + t1*t1) + t2*t2) + ..., so the bits are those of
        // the one-column loop.
        int j = 1;
        for (; j + 3 < d; j += 4) {
            double[] xa = cols[cb + j];
            double[] xb = cols[cb + j + 1];
            double[] xc = cols[cb + j + 2];
            double[] xd = cols[cb + j + 3];
            double ca = c[cOff + j];
            double cbv = c[cOff + j + 1];
            double cc = c[cOff + j + 2];
            double cd = c[cOff + j + 3];
            for (int r = 0; r < len; r++) {
                double ta = xa[r] - ca;
                double tb = xb[r] - cbv;
                double tc = xc[r] - cc;
                double td = xd[r] - cd;
                out[r] = out[r] + ta * ta + tb * tb + tc * tc + td * td;
            }
        }
        for (; j < d; j++) {
            double[] xj = cols[cb + j];
            double cj = c[cOff + j];
            for (int r = 0; r < len; r++) {
                double t = xj[r] - cj;
                out[r] += t * t;
            }
        }
    }

    /**
     * For every row {@code r < len} of a block: the nearest of the k centroids in {@code c} (row-major,
     * {@code k x d}) into {@code bestIndex[r]} and its squared distance into {@code best[r]}, and, when
     * {@code second} is not {@code null}, the second smallest squared distance into {@code second[r]}
     * ({@code +inf} when k = 1). Ties go to the lowest centroid index. {@code tmp} is scratch of at least
     * {@code len} values.
     *
     * <p>The comparison with the best so far is folded into the loop over the last column, and written without
     * a branch: {@code s < b} is the sign bit of {@code s - b} (exact for finite doubles: the difference of two
     * different doubles is never zero), turned into an all-ones or all-zeros mask that selects the index. The
     * obvious {@code if (s < best[r])} mispredicts about every other row when clusters overlap, which cost more
     * than the distances themselves. Squared distances are finite here because {@link Matrix} bounds every
     * value, so this rule and {@code <} agree exactly, ties included ({@code s - b == +0.0} keeps the lower
     * index).
     */
    static void blockNearest(double[][] cols, int cb, int len, int d, double[] c, int k, double[] tmp,
            double[] best, int[] bestIndex, double[] second) {
        blockSquaredDistances(cols, cb, len, d, c, 0, best);
        Arrays.fill(bestIndex, 0, len, 0);
        if (second != null) {
            Arrays.fill(second, 0, len, Double.POSITIVE_INFINITY);
        }
        double[] last = cols[cb + d - 1];
        for (int cl = 1; cl < k; cl++) {
            int cOff = cl * d;
            // columns 0..d-2 into tmp (zeros when d = 1: 0 + t*t == t*t exactly), the last one below
            if (d > 1) {
                blockSquaredDistances(cols, cb, len, d - 1, c, cOff, tmp);
            } else {
                Arrays.fill(tmp, 0, len, 0.0);
            }
            double cLast = c[cOff + d - 1];
            if (second == null) {
                for (int r = 0; r < len; r++) {
                    double t = last[r] - cLast;
                    double s = tmp[r] + t * t;
                    double b = best[r];
                    int closer = (int) (Double.doubleToRawLongBits(s - b) >> 63); // -1 when s < b, else 0
                    bestIndex[r] = (cl & closer) | (bestIndex[r] & ~closer);
                    best[r] = Math.min(s, b);
                }
            } else {
                for (int r = 0; r < len; r++) {
                    double t = last[r] - cLast;
                    double s = tmp[r] + t * t;
                    double b = best[r];
                    long closer = Double.doubleToRawLongBits(s - b) >> 63;
                    // s < b: the old best becomes second; else the second is min(s, second)
                    second[r] = Double.longBitsToDouble((Double.doubleToRawLongBits(b) & closer)
                            | (Double.doubleToRawLongBits(Math.min(s, second[r])) & ~closer));
                    bestIndex[r] = (cl & (int) closer) | (bestIndex[r] & ~(int) closer);
                    best[r] = Math.min(s, b);
                }
            }
        }
    }

    /**
     * Adds every row of a block to the running sum of its cluster, {@code sums[a * d + j] += x(r, j)} with
     * {@code a = assign[start + r]}, and counts the rows per cluster.
     *
     * <p>The straightforward loop, {@code sums[a * d + j] += x(r, j)} row after row, is slow: rows of the same
     * cluster add to the same memory cell, and each addition waits for the previous one to be stored. So the
     * block's rows are first sorted by cluster (a counting sort, stable), and each (cluster, column) sum of the
     * block is built in four registers (rows 0, 4, 8, ... of the cluster's list in the first, 1, 5, 9, ... in
     * the second, ...), combined as {@code (s0 + s1) + (s2 + s3)} and added to {@code sums}. The order of the
     * additions depends only on the block's assignments, never on threads or on the algorithm.
     *
     * <p>With many clusters (more than a quarter of the block's rows) the sort would cost more than it saves;
     * then the rows are added one by one in row order.
     *
     * @param order  scratch of at least {@code len} values
     * @param bounds scratch of at least {@code k + 1} values
     */
    static void accumulate(double[][] cols, int cb, int len, int d, int k, int[] assign, int start, double[] sums,
            int[] counts, int[] order, int[] bounds) {
        if (k * 4 > len) {
            for (int r = 0; r < len; r++) {
                counts[assign[start + r]]++;
            }
            for (int j = 0; j < d; j++) {
                double[] xj = cols[cb + j];
                for (int r = 0; r < len; r++) {
                    sums[assign[start + r] * d + j] += xj[r];
                }
            }
            return;
        }
        // Counting sort: bounds[c]..bounds[c + 1] is cluster c's slice of order, rows in row order.
        Arrays.fill(bounds, 0, k + 1, 0);
        for (int r = 0; r < len; r++) {
            bounds[assign[start + r] + 1]++;
        }
        for (int c = 0; c < k; c++) {
            counts[c] += bounds[c + 1];
            bounds[c + 1] += bounds[c];
        }
        for (int r = 0; r < len; r++) {
            order[bounds[assign[start + r]]++] = r;
        }
        // The fill moved every bounds[c] to the end of slice c; shift back so bounds[c] is its start again.
        for (int c = k; c > 0; c--) {
            bounds[c] = bounds[c - 1];
        }
        bounds[0] = 0;
        for (int j = 0; j < d; j++) {
            double[] xj = cols[cb + j];
            for (int c = 0; c < k; c++) {
                int t = bounds[c];
                int end = bounds[c + 1];
                if (t == end) {
                    continue;
                }
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (; t + 3 < end; t += 4) {
                    s0 += xj[order[t]];
                    s1 += xj[order[t + 1]];
                    s2 += xj[order[t + 2]];
                    s3 += xj[order[t + 3]];
                }
                for (; t < end; t++) {
                    s0 += xj[order[t]];
                }
                sums[c * d + j] += (s0 + s1) + (s2 + s3);
            }
        }
    }
}
