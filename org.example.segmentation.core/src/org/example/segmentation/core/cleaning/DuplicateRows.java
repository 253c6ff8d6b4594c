package org.example.segmentation.core.cleaning;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.TextColumn;

/**
 * Finds duplicate rows of a table by the values of some of its columns, as the input holds them (before any
 * cleaning): numbers compare by value ({@code 0.0} equals {@code -0.0}; a {@code NaN} held as a value equals
 * itself), levels and text compare exactly, and a missing value equals a missing value. In key mode a row with
 * a missing key value is never a duplicate. Rows are hashed once and only rows with the same hash are compared
 * cell by cell, so the work is linear in the rows.
 */
final class DuplicateRows {
    private static final long MISSING = 0x5bd1e9955bd1e995L;

    private DuplicateRows() {
    }

    /**
     * Marks the duplicates among the rows not yet {@code removed}.
     *
     * @param columns     the columns compared
     * @param keepLast    keep the last of a group instead of the first
     * @param skipMissing a row with a missing value in a compared column is never a duplicate (key mode)
     * @return the rows newly found to be duplicates
     */
    static boolean[] find(List<Column> columns, int rows, boolean[] removed, boolean keepLast, boolean skipMissing,
            Progress progress) {
        long[] hash = new long[rows];
        boolean[] hasMissing = new boolean[rows];
        for (Column c : columns) {
            progress.checkCancelled();
            for (int r = 0; r < rows; r++) {
                long h;
                if (c.isMissing(r)) {
                    h = MISSING;
                    hasMissing[r] = true;
                } else if (c instanceof NumericColumn n) {
                    double v = n.value(r);
                    h = Double.doubleToLongBits(v == 0.0 ? 0.0 : v);
                } else if (c instanceof CategoricalColumn k) {
                    h = k.level(r).hashCode();
                } else {
                    h = ((TextColumn) c).value(r).hashCode();
                }
                hash[r] = mix(hash[r] * 31 + h);
            }
        }
        boolean[] duplicate = new boolean[rows];
        // The kept rows with a given hash, chained through next[].
        Map<Long, Integer> first = new HashMap<>();
        int[] next = new int[rows];
        Arrays.fill(next, -1);
        for (int i = 0; i < rows; i++) {
            if (i % 8192 == 0) {
                progress.checkCancelled();
            }
            int r = keepLast ? rows - 1 - i : i;
            if (removed[r] || (skipMissing && hasMissing[r])) {
                continue;
            }
            Integer head = first.get(hash[r]);
            boolean dup = false;
            for (int k = head == null ? -1 : head; k >= 0; k = next[k]) {
                if (sameRow(columns, k, r)) {
                    dup = true;
                    break;
                }
            }
            if (dup) {
                duplicate[r] = true;
            } else {
                next[r] = head == null ? -1 : head;
                first.put(hash[r], r);
            }
        }
        return duplicate;
    }

    private static boolean sameRow(List<Column> columns, int a, int b) {
        for (Column c : columns) {
            boolean ma = c.isMissing(a);
            if (ma != c.isMissing(b)) {
                return false;
            }
            if (ma) {
                continue;
            }
            if (c instanceof NumericColumn n) {
                double x = n.value(a);
                double y = n.value(b);
                if (!(x == y || (Double.isNaN(x) && Double.isNaN(y)))) {
                    return false;
                }
            } else if (c instanceof CategoricalColumn k) {
                if (k.code(a) != k.code(b)) {
                    return false;
                }
            } else if (!((TextColumn) c).value(a).equals(((TextColumn) c).value(b))) {
                return false;
            }
        }
        return true;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
