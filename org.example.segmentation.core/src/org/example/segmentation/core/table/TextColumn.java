package org.example.segmentation.core.table;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable column of text: customer identifiers and free text. {@code null} is missing. Text columns
 * are never used as features.
 *
 * <p>The values are stored one after the other in one {@code char[]} with the end of each, not as a {@code String}
 * per row: a million short identifiers take about 20 MB instead of about 50 MB (a {@code String} and its array
 * cost some 40 bytes before the first character). {@link #value(int)} makes the string when asked.
 */
public final class TextColumn implements Column {
    private final String name;
    /** The characters of every non-missing value, in row order. */
    private final char[] chars;
    /** Where each row's characters end in {@link #chars}; a row starts where the one before ends. */
    private final int[] ends;
    private final MissingMask missing;

    private TextColumn(String name, char[] chars, int[] ends, MissingMask missing) {
        this.name = Table.checkName(name);
        this.chars = chars;
        this.ends = ends;
        this.missing = missing;
    }

    /** A column holding a copy of {@code values} ({@code null} is missing). */
    public static TextColumn of(String name, String... values) {
        Builder b = new Builder(name, values.length);
        for (String v : values) {
            b.add(v);
        }
        return b.build();
    }

    /** A builder for a column of unknown length. */
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
        return ends.length;
    }

    @Override
    public boolean isMissing(int row) {
        Objects.checkIndex(row, ends.length);
        return missing.get(row);
    }

    @Override
    public int missingCount() {
        return missing.count();
    }

    /** The text at {@code row}, or {@code null} when missing. */
    public String value(int row) {
        if (isMissing(row)) {
            return null;
        }
        int start = row == 0 ? 0 : ends[row - 1];
        return new String(chars, start, ends[row] - start);
    }

    /** A copy of all values. */
    public String[] toArray() {
        String[] out = new String[ends.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(i);
        }
        return out;
    }

    @Override
    public String format(int row) {
        return value(row);
    }

    @Override
    public TextColumn rename(String newName) {
        return new TextColumn(newName, chars, ends, missing);
    }

    @Override
    public TextColumn selectRows(int[] rows) {
        Builder b = new Builder(name, rows.length);
        for (int i = 0; i < rows.length; i++) {
            Objects.checkIndex(rows[i], ends.length);
            b.add(value(rows[i]));
        }
        return b.build();
    }

    @Override
    public ColumnSummary summary() {
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < ends.length; i++) {
            String v = value(i);
            if (v != null) {
                distinct.add(v);
            }
        }
        return new ColumnSummary(name, ColumnType.TEXT, ends.length - missing.count(), missing.count(), 0,
                distinct.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of());
    }

    @Override
    public String toString() {
        return "TextColumn[" + name + ", " + ends.length + " rows, " + missing.count() + " missing]";
    }

    /** Appends values one by one. */
    public static final class Builder {
        private final String name;
        private char[] chars;
        private int length;
        private int[] ends;
        private final BitSet missing = new BitSet();
        private int size;
        private boolean built;

        private Builder(String name, int expectedRows) {
            this.name = Table.checkName(name);
            this.ends = new int[Math.max(16, expectedRows)];
            this.chars = new char[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(64L, 8L * expectedRows))];
        }

        /** Appends a value; {@code null} is missing. */
        public Builder add(String value) {
            if (built) {
                throw new IllegalStateException("builder for column '" + name + "' was already built");
            }
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, ends.length + (ends.length >> 1) + 16);
            }
            if (value == null) {
                missing.set(size);
            } else {
                int n = value.length();
                if (length + n > chars.length) {
                    long grown = Math.max((long) length + n, chars.length + (chars.length >> 1) + 16L);
                    if (grown > Integer.MAX_VALUE - 16) {
                        throw new IllegalStateException("column '" + name + "' holds more than "
                                + (Integer.MAX_VALUE - 16) + " characters of text");
                    }
                    chars = Arrays.copyOf(chars, (int) grown);
                }
                value.getChars(0, n, chars, length);
                length += n;
            }
            ends[size++] = length;
            return this;
        }

        /** Appends every value of {@code column}, missing ones as missing (a copy of its arrays). */
        public Builder addAll(TextColumn column) {
            if (built) {
                throw new IllegalStateException("builder for column '" + name + "' was already built");
            }
            int n = column.ends.length;
            int count = n == 0 ? 0 : column.ends[n - 1];
            if ((long) length + count > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("column '" + name + "' holds more than "
                        + (Integer.MAX_VALUE - 16) + " characters of text");
            }
            if (length + count > chars.length) {
                chars = Arrays.copyOf(chars, (int) Math.min(Integer.MAX_VALUE - 16,
                        Math.max((long) length + count, chars.length + (chars.length >> 1) + 16L)));
            }
            if (size + n > ends.length) {
                ends = Arrays.copyOf(ends, Math.max(size + n, ends.length + (ends.length >> 1) + 16));
            }
            System.arraycopy(column.chars, 0, chars, length, count);
            for (int i = 0; i < n; i++) {
                ends[size + i] = length + column.ends[i];
            }
            for (int r = column.missing.next(0); r >= 0; r = column.missing.next(r + 1)) {
                missing.set(size + r);
            }
            length += count;
            size += n;
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
            char[] outChars = length == chars.length ? chars : Arrays.copyOf(chars, length);
            int[] outEnds = size == ends.length ? ends : Arrays.copyOf(ends, size);
            chars = null;
            ends = null;
            return new TextColumn(name, outChars, outEnds, MissingMask.adopt(missing));
        }
    }
}
