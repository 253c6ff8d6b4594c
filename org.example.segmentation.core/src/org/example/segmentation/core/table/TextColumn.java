package org.example.segmentation.core.table;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable column of text: customer identifiers and free text. {@code null} is missing. Text columns
 * are never used as features.
 */
public final class TextColumn implements Column {
    private final String name;
    private final String[] values;
    private final int missingCount;

    private TextColumn(String name, String[] values) {
        this.name = Table.checkName(name);
        this.values = values;
        int m = 0;
        for (String v : values) {
            if (v == null) {
                m++;
            }
        }
        this.missingCount = m;
    }

    /** A column holding a copy of {@code values} ({@code null} is missing). */
    public static TextColumn of(String name, String... values) {
        return new TextColumn(name, values.clone());
    }

    /** A builder that hands its array over without a copy. */
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
        return ColumnType.TEXT;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == null;
    }

    @Override
    public int missingCount() {
        return missingCount;
    }

    /** The text at {@code row}, or {@code null} when missing. */
    public String value(int row) {
        return values[row];
    }

    /** A copy of all values. */
    public String[] toArray() {
        return values.clone();
    }

    @Override
    public String format(int row) {
        return values[row];
    }

    @Override
    public TextColumn rename(String newName) {
        return new TextColumn(newName, values);
    }

    @Override
    public TextColumn selectRows(int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Objects.checkIndex(rows[i], values.length);
            out[i] = values[rows[i]];
        }
        return new TextColumn(name, out);
    }

    @Override
    public ColumnSummary summary() {
        Set<String> distinct = new HashSet<>();
        for (String v : values) {
            if (v != null) {
                distinct.add(v);
            }
        }
        return new ColumnSummary(name, ColumnType.TEXT, values.length - missingCount, missingCount, 0,
                distinct.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of());
    }

    @Override
    public String toString() {
        return "TextColumn[" + name + ", " + values.length + " rows, " + missingCount + " missing]";
    }

    /** Appends values one by one. */
    public static final class Builder {
        private final String name;
        private String[] values;
        private int size;
        private boolean built;

        private Builder(String name, int expectedRows) {
            this.name = Table.checkName(name);
            this.values = new String[Math.max(16, expectedRows)];
        }

        /** Appends a value; {@code null} is missing. */
        public Builder add(String value) {
            if (built) {
                throw new IllegalStateException("builder for column '" + name + "' was already built");
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length + (values.length >> 1) + 16);
            }
            values[size++] = value;
            return this;
        }

        public int size() {
            return size;
        }

        public TextColumn build() {
            if (built) {
                throw new IllegalStateException("builder for column '" + name + "' was already built");
            }
            built = true;
            String[] out = size == values.length ? values : Arrays.copyOf(values, size);
            values = null;
            return new TextColumn(name, out);
        }
    }
}
