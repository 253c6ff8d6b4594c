package org.example.segmentation.core.cluster;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * The adjusted Rand index (Hubert and Arabie 1985) of two labellings of the same rows: 1 for identical
 * partitions (up to renaming the labels), about 0 for independent ones, negative when they agree less than
 * chance.
 *
 * <p>From the contingency table {@code n_ij} (rows in cluster {@code i} of the first and {@code j} of the
 * second labelling) with row sums {@code a_i}, column sums {@code b_j} and {@code T = C(n, 2)}:
 * <pre>
 *   index    = sum_ij C(n_ij, 2)
 *   A        = sum_i C(a_i, 2),   B = sum_j C(b_j, 2)
 *   expected = A B / T,           max = (A + B) / 2
 *   ARI      = (index - expected) / (max - expected) = 2 (T index - A B) / (T (A + B) - 2 A B)
 * </pre>
 * The pair counts are exact {@code long}s and the last expression is evaluated exactly in {@link BigInteger}
 * (its products overflow {@code long} beyond about 60,000 rows); only the final division is rounded, so an ARI
 * near 0 does not suffer cancellation.
 *
 * <p><b>Edge cases</b> (as scikit-learn's {@code adjusted_rand_score}). The denominator is 0 exactly when both
 * labellings put every row in one cluster, or both put every row in its own cluster, or there are fewer than
 * two rows; the two partitions are then identical and the result is 1.0 by convention. One labelling with a
 * single cluster against another with several gives 0. Labels are arbitrary {@code int}s (they are compared,
 * not used as indices); they need not be dense.
 */
public final class AdjustedRandIndex {
    /** The largest contingency table held densely; above it, pairs are counted by sorting. */
    private static final long DENSE_CELLS = 1 << 22;

    private AdjustedRandIndex() {
    }

    /**
     * The adjusted Rand index of two labellings.
     *
     * @throws IllegalArgumentException when the lengths differ
     */
    public static double of(int[] first, int[] second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.length != second.length) {
            throw new IllegalArgumentException("labellings of " + first.length + " and " + second.length
                    + " rows cannot be compared");
        }
        int n = first.length;
        int[] a = compact(first);
        int[] b = compact(second);
        int ka = max(a) + 1;
        int kb = max(b) + 1;
        long[] rowSums = new long[ka];
        long[] columnSums = new long[kb];
        for (int i = 0; i < n; i++) {
            rowSums[a[i]]++;
            columnSums[b[i]]++;
        }
        long index = 0;
        if ((long) ka * kb <= DENSE_CELLS) {
            long[] table = new long[ka * kb];
            for (int i = 0; i < n; i++) {
                table[a[i] * kb + b[i]]++;
            }
            for (long cell : table) {
                index += pairs(cell);
            }
        } else {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ((long) a[i] << 32) | b[i];
            }
            Arrays.sort(keys);
            for (int i = 0; i < n;) {
                int j = i;
                while (j < n && keys[j] == keys[i]) {
                    j++;
                }
                index += pairs(j - i);
                i = j;
            }
        }
        return fromPairCounts(n, index, sumOfPairs(rowSums), sumOfPairs(columnSums));
    }

    /**
     * The adjusted Rand index of a contingency table ({@code table[i][j]} = rows in cluster {@code i} of the
     * first labelling and {@code j} of the second), for published worked examples.
     *
     * @throws IllegalArgumentException for a ragged table or a negative count
     */
    public static double fromContingency(long[][] table) {
        Objects.requireNonNull(table, "table");
        int columns = table.length == 0 ? 0 : table[0].length;
        long[] columnSums = new long[columns];
        long[] rowSums = new long[table.length];
        long index = 0;
        long n = 0;
        for (int i = 0; i < table.length; i++) {
            if (table[i].length != columns) {
                throw new IllegalArgumentException("contingency row " + i + " has " + table[i].length
                        + " cells, not " + columns);
            }
            for (int j = 0; j < columns; j++) {
                long cell = table[i][j];
                if (cell < 0) {
                    throw new IllegalArgumentException("contingency cell (" + i + ", " + j + ") is negative");
                }
                rowSums[i] += cell;
                columnSums[j] += cell;
                index += pairs(cell);
                n += cell;
            }
        }
        return fromPairCounts(n, index, sumOfPairs(rowSums), sumOfPairs(columnSums));
    }

    private static double fromPairCounts(long n, long index, long rowPairs, long columnPairs) {
        BigInteger t = BigInteger.valueOf(pairs(n));
        BigInteger i = BigInteger.valueOf(index);
        BigInteger a = BigInteger.valueOf(rowPairs);
        BigInteger b = BigInteger.valueOf(columnPairs);
        BigInteger ab = a.multiply(b);
        BigInteger numerator = t.multiply(i).subtract(ab).shiftLeft(1);
        BigInteger denominator = t.multiply(a.add(b)).subtract(ab.shiftLeft(1));
        if (denominator.signum() == 0) {
            return 1.0;
        }
        return numerator.doubleValue() / denominator.doubleValue();
    }

    private static long pairs(long count) {
        return count * (count - 1) / 2;
    }

    private static long sumOfPairs(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += pairs(c);
        }
        return s;
    }

    /** The labels renamed to {@code 0..(distinct - 1)} in increasing order of the original label. */
    private static int[] compact(int[] labels) {
        int n = labels.length;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int l : labels) {
            min = Math.min(min, l);
            max = Math.max(max, l);
        }
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        if ((long) max - min < 1 << 20) {
            int[] id = new int[max - min + 1];
            Arrays.fill(id, -1);
            for (int l : labels) {
                id[l - min] = 0;
            }
            int next = 0;
            for (int v = 0; v < id.length; v++) {
                if (id[v] == 0) {
                    id[v] = next++;
                }
            }
            for (int i = 0; i < n; i++) {
                out[i] = id[labels[i] - min];
            }
            return out;
        }
        int[] distinct = labels.clone();
        Arrays.sort(distinct);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[count++] = distinct[i];
            }
        }
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.binarySearch(distinct, 0, count, labels[i]);
        }
        return out;
    }

    private static int max(int[] values) {
        int m = -1;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
