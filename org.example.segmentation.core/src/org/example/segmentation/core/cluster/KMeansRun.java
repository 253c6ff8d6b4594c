package org.example.segmentation.core.cluster;

import java.util.Arrays;

import org.example.segmentation.core.Progress;

/**
 * One k-means run from given initial centroids: Lloyd iterations, with or without Hamerly's bounds, empty-
 * cluster repair, the stopping rules, and the final assignment. Package-private; {@link KMeans} documents the
 * behaviour.
 *
 * <p><b>An iteration</b> is one parallel pass over the row groups (assignment, and the rows' contribution to the
 * cluster sums), the combination of the per-group partial results in group order, and the update (centroid =
 * sum / count). The first iteration, and every {@value #RECOMPUTE_EVERY}th, sums every row, while its block is
 * still in the cache; the others only move the rows that changed cluster from one sum to the other. Once the
 * centroids settle few rows move, so with Hamerly's bounds an iteration costs little more than reading the
 * bounds. The running sums drift from exact sums by rounding (a few ulps per move); the periodic recomputation
 * bounds that. Both algorithms make exactly the same moves in the same order, so their sums stay equal bit for
 * bit.
 *
 * <p><b>Hamerly's bounds</b> (G. Hamerly, "Making k-means even faster", SDM 2010). Per row: {@code upper}
 * &gt;= distance to its centroid, {@code lower} &lt;= distance to every other centroid. Per centroid:
 * {@code half} = half the distance to the nearest other centroid. If {@code upper < max(half, lower)} the row
 * cannot change cluster and is skipped. Otherwise the distance to its own centroid is computed exactly and the
 * test repeated; only if that fails too are all k distances computed. After an update, {@code upper} grows by
 * its centroid's move and {@code lower} shrinks by the largest move of another centroid; that adjustment is
 * applied lazily, at the start of the next pass, so the bounds are read and written once per iteration. The
 * rows of a block that fail the test are computed with the SIMD kernel, the whole block or only those rows
 * gathered into a block of their own, when there are many of them (early iterations), and one by one (with the
 * second test) when there are few.
 *
 * <p><b>Rounding.</b> Every bound carries a relative margin of {@value #SLACK}: upper bounds and moves are
 * scaled by {@code 1 + SLACK}, lower bounds and half-distances by {@code 1 - SLACK}. A computed squared distance
 * is within about {@code (d + 3) x 1.1e-16} (relative) of the exact one, far inside that margin, so a skipped row
 * is one whose computed nearest centroid is certain, and Hamerly assigns exactly as Lloyd does, ties included
 * (a tie never passes a strict test with a margin). Since the sums depend only on the assignments and their
 * history, which are the same, the centroids have the same bits too. (The argument needs finite distances, which
 * {@link Matrix#MAX_ABS} guarantees.)
 */
final class KMeansRun {

    /** The relative safety margin of the bounds. */
    static final double SLACK = 1e-9;
    /** A block is computed whole with the SIMD kernel when at least 1/this of its rows need all distances. */
    static final int WHOLE_BLOCK_SHARE = 4;
    /** Fewer candidate rows than this in a block are computed one by one, more are gathered (see hamerlyBlock). */
    static final int GATHER_MIN = 32;
    /** The cluster sums are recomputed from all rows in every iteration that is a multiple of this. */
    static final int RECOMPUTE_EVERY = 10;

    /** What a run produced: its final centroids (row-major) and how it went. */
    record Outcome(double[] centroids, double inertia, int iterations, boolean converged) {
    }

    private final Matrix data;
    private final double[][] cols;
    private final int n;
    private final int d;
    private final int k;
    private final int maxIterations;
    private final KMeansExecutor exec;
    private final Progress progress;
    private final boolean hamerly;
    private final int groups;

    private final int[] assign;
    private final double[] upper;
    private final double[] lower;

    private final double[][] groupSums;
    private final int[][] groupCounts;
    private final int[] groupChanges;

    /** Per centroid: how far it moved in the last update (times 1 + SLACK). */
    private final double[] move;
    /** Per centroid: half the distance to the nearest other centroid (times 1 - SLACK). */
    private final double[] half;
    private final Scratch[] scratch;
    private double maxMove;
    private double secondMaxMove;
    private int maxMoveIndex;

    /**
     * @param assign where the run writes its assignments, {@code data.rows()} values (reused across runs)
     */
    KMeansRun(Matrix data, KMeansConfig config, KMeansExecutor exec, int[] assign, Progress progress) {
        this.data = data;
        this.cols = data.blocks();
        this.n = data.rows();
        this.d = data.columns();
        this.k = config.k();
        this.maxIterations = config.maxIterations();
        this.exec = exec;
        this.progress = progress;
        this.hamerly = config.algorithm() == KMeansConfig.Algorithm.HAMERLY;
        this.groups = KMeansExecutor.groupCount(data);
        this.assign = assign;
        this.upper = hamerly ? new double[n] : null;
        this.lower = hamerly ? new double[n] : null;
        this.groupSums = new double[groups][k * d];
        this.groupCounts = new int[groups][k];
        this.groupChanges = new int[groups];
        this.move = new double[k];
        this.half = new double[k];
        this.scratch = new Scratch[exec.threads()];
    }

    /** A {@code double[n]} the initialisation may use before {@link #run} starts (a bound array when there is one). */
    double[] scratchRowValues() {
        return upper != null ? upper : new double[n];
    }

    /**
     * Iterates from {@code centroids} (row-major k x d, taken over) until converged or the iteration cap, then
     * assigns every row to its nearest final centroid.
     *
     * <p>Should that final assignment leave a cluster empty (possible only when the run stopped on the tolerance
     * or the cap, with centroids not yet settled), the run goes on for one more iteration, whose update re-seeds
     * the empty cluster, and assigns again; at most {@code maxIterations} such extra iterations.
     *
     * @param shiftLimit stop when the sum of squared centroid moves of an update is at most this
     */
    Outcome run(double[] centroids, double shiftLimit) {
        double[] sums = new double[k * d];
        int[] counts = new int[k];
        double[] next = new double[k * d];
        int it = 0;
        int cap = maxIterations;
        boolean converged;
        boolean resumed = false;
        double inertia;
        while (true) {
            progress.checkCancelled();
            it++;
            // A full pass (all k distances for every row) starts a run, and resumes it after a final assignment,
            // which replaced the assignments the bounds and the sums refer to.
            boolean first = it == 1;
            boolean full = first || resumed;
            boolean recompute = full || it % RECOMPUTE_EVERY == 0;
            if (hamerly && !full) {
                halfDistances(centroids);
            }
            double[] c = centroids;
            exec.forEach(groups, (g, worker) -> pass(g, worker, c, first, full, recompute));
            int changes = combine(sums, counts, recompute);
            boolean stop;
            if (!full && changes == 0) {
                converged = true;
                stop = true;
            } else {
                repairEmptyClusters(centroids, sums, counts);
                for (int cl = 0; cl < k; cl++) {
                    double count = counts[cl];
                    for (int j = 0; j < d; j++) {
                        next[cl * d + j] = sums[cl * d + j] / count;
                    }
                }
                double shift = moves(centroids, next);
                double[] t = centroids;
                centroids = next;
                next = t;
                converged = shift <= shiftLimit;
                stop = converged || it >= cap;
            }
            resumed = false;
            progress.update(Math.min(1.0, (double) it / maxIterations), null);
            if (stop) {
                progress.checkCancelled();
                inertia = assignNearest(data, centroids, k, assign, exec);
                if (it >= 2 * maxIterations || !hasEmptyCluster()) {
                    break;
                }
                resumed = true;
                cap = it + 1;
            }
        }
        return new Outcome(centroids, inertia, it, converged);
    }

    private boolean hasEmptyCluster() {
        boolean[] used = new boolean[k];
        int distinct = 0;
        for (int a : assign) {
            if (!used[a]) {
                used[a] = true;
                if (++distinct == k) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Per-worker scratch of the passes, allocated once per run and worker. */
    private final class Scratch {
        final double[] tmp = new double[Matrix.BLOCK_ROWS];
        final double[] best = new double[Matrix.BLOCK_ROWS];
        final double[] second = new double[Matrix.BLOCK_ROWS];
        final int[] bestIndex = new int[Matrix.BLOCK_ROWS];
        final int[] candidates = new int[Matrix.BLOCK_ROWS];
        final int[] order = new int[Matrix.BLOCK_ROWS];
        final int[] bounds = new int[k + 1];
        /** The candidate rows of a block, copied column by column (allocated when first needed). */
        double[][] gathered;
    }

    private Scratch scratch(int worker) {
        Scratch s = scratch[worker];
        if (s == null) {
            s = new Scratch();
            scratch[worker] = s;
        }
        return s;
    }

    /**
     * One group's share of an iteration: assign its rows; then, with {@code recompute}, sum every row into the
     * group's partial sums and counts, else record only the moves: a row that changed from cluster a to b is
     * subtracted from a's partial sum and added to b's, in row order.
     */
    private void pass(int g, int worker, double[] c, boolean first, boolean full, boolean recompute) {
        Scratch s = scratch(worker);
        double[] part = groupSums[g];
        int[] counts = groupCounts[g];
        Arrays.fill(part, 0);
        Arrays.fill(counts, 0);
        double[] best = s.best;
        double[] second = hamerly ? s.second : null;
        int[] bestIndex = s.bestIndex;
        int changes = 0;
        for (int b = KMeansExecutor.firstBlock(data, g, groups), end = KMeansExecutor.firstBlock(data, g + 1,
                groups); b < end; b++) {
            int cb = b * d;
            int len = data.blockLength(b);
            int start = data.blockStart(b);
            if (!hamerly || full) {
                KMeansKernels.blockNearest(cols, cb, len, d, c, k, s.tmp, best, bestIndex, second);
                for (int r = 0; r < len; r++) {
                    int i = start + r;
                    if (first) {
                        assign[i] = bestIndex[r];
                        changes++;
                    } else if (assign[i] != bestIndex[r]) {
                        changes++;
                        if (!recompute) {
                            recordMove(part, counts, cb, r, assign[i], bestIndex[r]);
                        }
                        assign[i] = bestIndex[r];
                    }
                    if (hamerly) {
                        upper[i] = Math.sqrt(best[r]) * (1 + SLACK);
                        lower[i] = Math.sqrt(second[r]) * (1 - SLACK);
                    }
                }
            } else {
                changes += hamerlyBlock(s, c, cb, len, start, recompute ? null : part, counts);
            }
            if (recompute) {
                KMeansKernels.accumulate(cols, cb, len, d, k, assign, start, part, counts, s.order, s.bounds);
            }
        }
        groupChanges[g] = changes;
    }

    /** Row {@code r} of the block at {@code cb} moved from cluster {@code from} to {@code to}. */
    private void recordMove(double[] part, int[] counts, int cb, int r, int from, int to) {
        counts[from]--;
        counts[to]++;
        for (int j = 0; j < d; j++) {
            double v = cols[cb + j][r];
            part[from * d + j] -= v;
            part[to * d + j] += v;
        }
    }

    /**
     * Hamerly's assignment of one block; returns how many rows changed cluster. With {@code part} not
     * {@code null}, records every move there (see {@link #pass}).
     *
     * <p>The rows whose bound test fails (the candidates) need distances. How they are computed depends on how
     * many there are, for speed only (every way gives the same bits): at least a quarter of the block, all k
     * distances for the whole block with the SIMD kernel; at least {@value #GATHER_MIN} rows, the candidates are
     * copied into a small block of their own and computed with the SIMD kernel; fewer, one by one, first only
     * the distance to their own centroid (Hamerly's second test), then, if still needed, all k.
     */
    private int hamerlyBlock(Scratch s, double[] c, int cb, int len, int start, double[] part, int[] counts) {
        int[] candidates = s.candidates;
        // Apply the last update's moves to the bounds and collect the rows whose bound test fails.
        int m = 0;
        for (int r = 0; r < len; r++) {
            int i = start + r;
            int a = assign[i];
            double u = upper[i] + move[a];
            double l = lower[i] - (a == maxMoveIndex ? secondMaxMove : maxMove);
            upper[i] = u;
            lower[i] = l;
            if (!(u < Math.max(half[a], l))) {
                candidates[m++] = r;
            }
        }
        if (m == 0) {
            return 0;
        }
        if (m * WHOLE_BLOCK_SHARE >= len || m >= GATHER_MIN) {
            double[][] source = cols;
            int sourceBase = cb;
            int rows = len;
            if (m * WHOLE_BLOCK_SHARE < len) {
                // Copy the candidates into a block of their own: the kernel's cost then follows m, not len.
                if (s.gathered == null) {
                    s.gathered = new double[d][Matrix.BLOCK_ROWS];
                }
                for (int j = 0; j < d; j++) {
                    double[] from = cols[cb + j];
                    double[] to = s.gathered[j];
                    for (int t = 0; t < m; t++) {
                        to[t] = from[candidates[t]];
                    }
                }
                source = s.gathered;
                sourceBase = 0;
                rows = m;
            }
            KMeansKernels.blockNearest(source, sourceBase, rows, d, c, k, s.tmp, s.best, s.bestIndex, s.second);
            int changes = 0;
            for (int t = 0; t < m; t++) {
                int r = candidates[t];
                int q = source == cols ? r : t;
                int i = start + r;
                int bi = s.bestIndex[q];
                if (assign[i] != bi) {
                    changes++;
                    if (part != null) {
                        recordMove(part, counts, cb, r, assign[i], bi);
                    }
                    assign[i] = bi;
                }
                upper[i] = Math.sqrt(s.best[q]) * (1 + SLACK);
                lower[i] = Math.sqrt(s.second[q]) * (1 - SLACK);
            }
            return changes;
        }
        int changes = 0;
        for (int t = 0; t < m; t++) {
            int r = candidates[t];
            int i = start + r;
            int a = assign[i];
            double own = KMeansKernels.squaredDistanceAt(cols, cb, r, c, a * d, d);
            double u = Math.sqrt(own) * (1 + SLACK);
            upper[i] = u;
            if (u < Math.max(half[a], lower[i])) {
                continue;
            }
            // Same order and tie rule as KMeansKernels.blockNearest: strict <, centroids in index order.
            int bi = 0;
            double bs = Double.POSITIVE_INFINITY;
            double ss = Double.POSITIVE_INFINITY;
            for (int cl = 0; cl < k; cl++) {
                double sq = cl == a ? own : KMeansKernels.squaredDistanceAt(cols, cb, r, c, cl * d, d);
                if (cl == 0 || sq < bs) {
                    ss = bs;
                    bs = sq;
                    bi = cl;
                } else if (sq < ss) {
                    ss = sq;
                }
            }
            if (bi != a) {
                changes++;
                if (part != null) {
                    recordMove(part, counts, cb, r, a, bi);
                }
                assign[i] = bi;
            }
            upper[i] = Math.sqrt(bs) * (1 + SLACK);
            lower[i] = Math.sqrt(ss) * (1 - SLACK);
        }
        return changes;
    }

    /**
     * Combines the per-group partial results in group order: with {@code recompute} they are the sums and counts,
     * else they are added to the running ones. Returns the number of rows that changed cluster.
     */
    private int combine(double[] sums, int[] counts, boolean recompute) {
        if (recompute) {
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
        }
        int changes = 0;
        for (int g = 0; g < groups; g++) {
            double[] s = groupSums[g];
            for (int idx = 0; idx < s.length; idx++) {
                sums[idx] += s[idx];
            }
            int[] c = groupCounts[g];
            for (int cl = 0; cl < k; cl++) {
                counts[cl] += c[cl];
            }
            changes += groupChanges[g];
        }
        return changes;
    }

    /**
     * Gives every empty cluster a row: the row farthest from its own centroid (ties: the lowest index) among rows
     * whose cluster keeps another row, whose distance is positive and that equal no row taken before in this
     * update. The row leaves its cluster's sum and count and becomes the empty cluster's only row; with Hamerly its
     * bounds are reset so that the next pass computes it in full.
     */
    private void repairEmptyClusters(double[] centroids, double[] sums, int[] counts) {
        int empty = 0;
        for (int cl = 0; cl < k; cl++) {
            if (counts[cl] == 0) {
                empty++;
            }
        }
        if (empty == 0) {
            return;
        }
        double[] distance = new double[n];
        exec.forEach(groups, g -> {
            for (int b = KMeansExecutor.firstBlock(data, g, groups), end = KMeansExecutor.firstBlock(data, g + 1,
                    groups); b < end; b++) {
                int start = data.blockStart(b);
                for (int r = 0, len = data.blockLength(b); r < len; r++) {
                    distance[start + r] = KMeansKernels.squaredDistanceAt(cols, b * d, r, centroids,
                            assign[start + r] * d, d);
                }
            }
        });
        int[] taken = new int[empty];
        int nTaken = 0;
        double[] row = new double[d];
        for (int e = 0; e < k; e++) {
            if (counts[e] != 0) {
                continue;
            }
            int pick = -1;
            double far = 0;
            for (int i = 0; i < n; i++) {
                if (distance[i] > far && counts[assign[i]] > 1 && !equalsAny(i, taken, nTaken)) {
                    far = distance[i];
                    pick = i;
                }
            }
            if (pick < 0) {
                throw new IllegalStateException("no row to re-seed empty cluster " + e
                        + " with; at least k distinct rows were checked before");
            }
            data.copyRow(pick, row);
            int old = assign[pick];
            counts[old]--;
            for (int j = 0; j < d; j++) {
                sums[old * d + j] -= row[j];
                sums[e * d + j] = row[j];
            }
            counts[e] = 1;
            assign[pick] = e;
            distance[pick] = 0;
            taken[nTaken++] = pick;
            if (hamerly) {
                upper[pick] = Double.POSITIVE_INFINITY;
                lower[pick] = 0;
            }
        }
    }

    private boolean equalsAny(int i, int[] rows, int count) {
        for (int t = 0; t < count; t++) {
            boolean same = true;
            for (int j = 0; j < d && same; j++) {
                same = data.value(i, j) == data.value(rows[t], j);
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fills {@link #move} and the largest two moves from {@code old} to {@code next}; returns the sum of squared
     * moves (unscaled), which the tolerance rule compares.
     */
    private double moves(double[] old, double[] next) {
        double shift = 0;
        maxMove = 0;
        secondMaxMove = 0;
        maxMoveIndex = -1;
        for (int cl = 0; cl < k; cl++) {
            double sq = 0;
            for (int j = 0; j < d; j++) {
                double t = next[cl * d + j] - old[cl * d + j];
                sq += t * t;
            }
            shift += sq;
            double mv = Math.sqrt(sq) * (1 + SLACK);
            move[cl] = mv;
            if (mv > maxMove || maxMoveIndex < 0) {
                secondMaxMove = maxMove;
                maxMove = mv;
                maxMoveIndex = cl;
            } else if (mv > secondMaxMove) {
                secondMaxMove = mv;
            }
        }
        return shift;
    }

    /** {@link #half}: half the distance from each centroid to its nearest other centroid, less the margin. */
    private void halfDistances(double[] c) {
        Arrays.fill(half, Double.POSITIVE_INFINITY);
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                double dist = Math.sqrt(KMeansKernels.squaredDistance(c, a * d, b * d, d));
                half[a] = Math.min(half[a], dist);
                half[b] = Math.min(half[b], dist);
            }
        }
        for (int a = 0; a < k; a++) {
            half[a] = 0.5 * half[a] * (1 - SLACK);
        }
    }

    /**
     * Writes every row's nearest centroid (ties: the lowest index) into {@code assign} and returns the sum of the
     * squared distances, combined in group order.
     */
    static double assignNearest(Matrix data, double[] centroids, int k, int[] assign, KMeansExecutor exec) {
        int groups = KMeansExecutor.groupCount(data);
        double[] groupInertia = new double[groups];
        double[][] cols = data.blocks();
        int d = data.columns();
        exec.forEach(groups, g -> {
            double[] tmp = new double[Matrix.BLOCK_ROWS];
            double[] best = new double[Matrix.BLOCK_ROWS];
            int[] bestIndex = new int[Matrix.BLOCK_ROWS];
            double s = 0;
            for (int b = KMeansExecutor.firstBlock(data, g, groups), end = KMeansExecutor.firstBlock(data, g + 1,
                    groups); b < end; b++) {
                int len = data.blockLength(b);
                int start = data.blockStart(b);
                KMeansKernels.blockNearest(cols, b * d, len, d, centroids, k, tmp, best, bestIndex, null);
                for (int r = 0; r < len; r++) {
                    assign[start + r] = bestIndex[r];
                    s += best[r];
                }
            }
            groupInertia[g] = s;
        });
        double total = 0;
        for (double s : groupInertia) {
            total += s;
        }
        return total;
    }

    /** The mean over columns of the column's (population) variance, from two passes in group order. */
    static double meanColumnVariance(Matrix data, KMeansExecutor exec) {
        int groups = KMeansExecutor.groupCount(data);
        int d = data.columns();
        double[][] cols = data.blocks();
        double[][] partial = new double[groups][d];
        exec.forEach(groups, g -> columnSums(data, cols, g, groups, null, partial[g]));
        double[] mean = new double[d];
        for (double[] p : partial) {
            for (int j = 0; j < d; j++) {
                mean[j] += p[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= data.rows();
        }
        exec.forEach(groups, g -> columnSums(data, cols, g, groups, mean, partial[g]));
        double total = 0;
        for (int j = 0; j < d; j++) {
            double ss = 0;
            for (double[] p : partial) {
                ss += p[j];
            }
            total += ss / data.rows();
        }
        return total / d;
    }

    /** Per column of group g: the sum of values ({@code mean == null}) or of squared deviations from {@code mean}. */
    private static void columnSums(Matrix data, double[][] cols, int g, int groups, double[] mean, double[] out) {
        Arrays.fill(out, 0);
        for (int b = KMeansExecutor.firstBlock(data, g, groups), end = KMeansExecutor.firstBlock(data, g + 1,
                groups); b < end; b++) {
            int len = data.blockLength(b);
            for (int j = 0; j < out.length; j++) {
                double s = out[j];
                double[] xj = cols[b * out.length + j];
                double mu = mean == null ? 0 : mean[j];
                for (int r = 0; r < len; r++) {
                    double t = xj[r] - mu;
                    s += mean == null ? xj[r] : t * t;
                }
                out[j] = s;
            }
        }
    }
}
