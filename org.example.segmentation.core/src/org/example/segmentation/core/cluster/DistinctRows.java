package org.example.segmentation.core.cluster;

import java.util.HashSet;
import java.util.Set;

/**
 * Counts distinct rows of a matrix, up to a limit: k-means needs at least k of them. Rows are equal when all
 * their values compare {@code ==} ({@code 0.0 == -0.0}; NaN cannot occur in a {@link Matrix}). Stops as soon as
 * the limit is reached, which on real data happens within the first few rows; the worst case (fewer distinct
 * rows than the limit) reads every row once, with one hash look-up per row.
 */
final class DistinctRows {

    private DistinctRows() {
    }

    /** The number of distinct rows of {@code data}, or {@code limit} if there are at least that many. */
    static int countUpTo(Matrix data, int limit) {
        Set<RowKey> seen = new HashSet<>();
        for (int i = 0; i < data.rows() && seen.size() < limit; i++) {
            seen.add(new RowKey(data, i));
        }
        return seen.size();
    }

    /** One row, compared by value. */
    private static final class RowKey {
        private final Matrix data;
        private final int row;
        private final int hash;

        RowKey(Matrix data, int row) {
            this.data = data;
            this.row = row;
            int h = 1;
            for (int j = 0; j < data.columns(); j++) {
                double x = data.value(row, j);
                long bits = x == 0 ? 0L : Double.doubleToLongBits(x); // -0.0 hashes like 0.0
                h = 31 * h + (int) (bits ^ (bits >>> 32));
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof RowKey other) || other.hash != hash) {
                return false;
            }
            for (int j = 0; j < data.columns(); j++) {
                if (data.value(row, j) != data.value(other.row, j)) {
                    return false;
                }
            }
            return true;
        }
    }
}
