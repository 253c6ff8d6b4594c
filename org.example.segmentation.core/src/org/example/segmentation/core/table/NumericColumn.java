package org.example.segmentation.core.table;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable column of numbers with an explicit missing mask.
 *
 * <p>A missing row reads as {@code NaN} from {@link #value(int)}; use {@link #isMissing(int)} to tell
 * missing from a value. Non-missing values may be any double, including infinities: the reader keeps what
 * the file says and the cleaner decides what is valid.
 */
public final class NumericColumn implements Column {
    private final String name;
    private final double[] values;
    private final MissingMask missing;

    private NumericColumn(String name, double[] values, MissingMask missing) {
        this.name = Table.checkName(name);
        this.values = values;
        this.missing = missing;
    }

    /**
     * A column holding a copy of {@code values}; {@code NaN} entries become missing.
     */
    public static NumericColumn of(String name, double[] values) {
        double[] copy = values.clone();
        BitSet bits = new BitSet(copy.length);
        for (int i = 0; i < copy.length; i++) {
            if (Double.isNaN(copy[i])) {
                bits.set(i);
            }
        }
        return new NumericColumn(name, copy, MissingMask.adopt(bits));
    }

    /**
     * A column holding a copy of {@code values}, missing where {@code missing[i]} is true (the value there is
     * ignored and reads as NaN).
     *
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static NumericColumn of(String name, double[] values, boolean[] missing) {
        if (values.length != missing.length) {
            throw new IllegalArgumentException("column '" + name + "': " + values.length + " values but "
                    + missing.length + " missing flags");
        }
        double[] copy = values.clone();
        BitSet bits = new BitSet(copy.length);
        for (int i = 0; i < copy.length; i++) {
            if (missing[i]) {
                bits.set(i);
                copy[i] = Double.NaN;
            }
        }
        return new NumericColumn(name, copy, MissingMask.adopt(bits));
    }

    /** A builder that grows as values are appended and hands its array over without a copy. */
    public static Builder builder(String name) {
        return new Builder(name, 1024);
    }

    /** A builder sized for {@code expectedRows} rows. */
    public static Builder builder(String name, int expectedRows) {
        return new Builder(name, expectedRows);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnType type() {
        return ColumnType.NUMERIC;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        Objects.checkIndex(row, values.length);
        return missing.get(row);
    }

    @Override
    public int missingCount() {
        return missing.count();
    }

    /** The value at {@code row}, or {@code NaN} when missing. */
    public double value(int row) {
        return values[row];
    }

    /** A copy of all values; missing rows hold {@code NaN}. */
    public double[] toArray() {
        return values.clone();
    }

    /** Copies all values into {@code target} starting at {@code offset}; missing rows as {@code NaN}. */
    public void copyInto(double[] target, int offset) {
        System.arraycopy(values, 0, target, offset, values.length);
    }

    @Override
    public String format(int row) {
        return missing.get(row) ? null : NumberFormat.format(values[row]);
    }

    @Override
    public NumericColumn rename(String newName) {
        return new NumericColumn(newName, values, missing);
    }

    @Override
    public NumericColumn selectRows(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Objects.checkIndex(rows[i], values.length);
            out[i] = values[rows[i]];
        }
        return new NumericColumn(name, out, missing.select(rows));
    }

    @Override
    public ColumnSummary summary() {
        int count = 0;
        int nonFinite = 0;
        int finite = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double mean = 0;
        double m2 = 0;
        double[] seen = new double[values.length - missing.count()];
        for (int i = 0; i < values.length; i++) {
            if (missing.get(i)) {
                continue;
            }
            count++;
            double v = values[i];
            if (!Double.isFinite(v)) {
                nonFinite++;
                continue;
            }
            seen[finite] = v;
            finite++;
            min = Math.min(min, v);
            max = Math.max(max, v);
            // Welford's update: numerically stable for large n and large magnitudes.
            double delta = v - mean;
            mean += delta / finite;
            m2 += delta * (v - mean);
        }
        int distinct = distinctCount(seen, finite);
        if (finite == 0) {
            return new ColumnSummary(name, ColumnType.NUMERIC, count, missing.count(), nonFinite, 0,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of());
        }
        double std = finite > 1 ? Math.sqrt(m2 / (finite - 1)) : Double.NaN;
        return new ColumnSummary(name, ColumnType.NUMERIC, count, missing.count(), nonFinite, distinct,
                min, max, mean, std, Map.of());
    }

    private static int distinctCount(double[] seen, int n) {
        if (n == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(seen, n);
        Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < n; i++) {
            if (sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", " + values.length + " rows, " + missing.count() + " missing]";
    }

    /** Appends values one by one; {@link #build()} hands the array over without copying. */
    public static final class Builder {
        private final String name;
        private double[] values;
        /**
         * The missing rows, one bit per row, sized with {@link #values}: a {@code BitSet} here cost about a tenth of
         * reading a large CSV file (its capacity check on every set).
         */
        private long[] missing;
        private int size;
        private boolean built;

        private Builder(String name, int expectedRows) {
            this.name = Table.checkName(name);
            this.values = new double[Math.max(16, expectedRows)];
            this.missing = new long[(values.length + 63) >>> 6];
        }

        /** Appends a value ({@code NaN} is kept as a value, not as missing). */
        public Builder add(double value) {
            ensure();
            values[size++] = value;
            return this;
        }

        /** Appends every value of {@code column}, missing ones as missing (a copy of its arrays). */
        public Builder addAll(NumericColumn column) {
            int n = column.size();
            if (built) {
                throw new IllegalStateException("builder for column '" + name + "' was already built");
            }
            if (size + n > values.length) {
                values = Arrays.copyOf(values, Math.max(size + n, values.length + (values.length >> 1) + 16));
                missing = Arrays.copyOf(missing, (values.length + 63) >>> 6);
            }
            column.copyInto(values, size);
            for (int r = column.missing.next(0); r >= 0; r = column.missing.next(r + 1)) {
                int at = size + r;
                missing[at >>> 6] |= 1L << at;
            }
            size += n;
            return this;
        }

        /** Appends a missing value. */
        public Builder addMissing() {
            ensure();
            missing[size >>> 6] |= 1L << size; // the shift takes the low 6 bits of size
            values[size++] = Double.NaN;
            return this;
        }

        /** The number of values appended so far. */
        public int size() {
            return size;
        }

        public NumericColumn build() {
            if (built) {
                throw new IllegalStateException("builder for column '" + name + "' was already built");
            }
            built = true;
            double[] out = size == values.length ? values : Arrays.copyOf(values, size);
            values = null;
            BitSet bits = BitSet.valueOf(missing); // a copy without the trailing zero words
            missing = null;
            return new NumericColumn(name, out, MissingMask.adopt(bits));
        }

        private void ensure() {
            if (built) {
                throw new IllegalStateException("builder for column '" + name + "' was already built");
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length + (values.length >> 1) + 16);
                missing = Arrays.copyOf(missing, (values.length + 63) >>> 6);
            }
        }
    }
}
