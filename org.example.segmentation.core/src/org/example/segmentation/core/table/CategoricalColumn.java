package org.example.segmentation.core.table;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable column of levels: {@code int} codes into a dictionary. Code {@code -1} is missing.
 *
 * <p>{@link #of(String, String[])} and the {@link Builder} order the dictionary by {@link String#compareTo}
 * so that the same values give the same codes whatever the row order. The dictionary may hold levels no row
 * uses (after a row filter, or when a fitted model imposes its levels).
 */
public final class CategoricalColumn implements Column {
    /** The code of a missing value. */
    public static final int MISSING = -1;

    private final String name;
    private final int[] codes;
    private final String[] levels;
    private final int missingCount;

    private CategoricalColumn(String name, int[] codes, String[] levels) {
        this.name = Table.checkName(name);
        this.codes = codes;
        this.levels = levels;
        int m = 0;
        for (int c : codes) {
            if (c == MISSING) {
                m++;
            }
        }
        this.missingCount = m;
    }

    /** A column of the given values ({@code null} is missing), with a sorted dictionary. */
    public static CategoricalColumn of(String name, String... values) {
        Builder b = new Builder(name, values.length);
        for (String v : values) {
            b.add(v);
        }
        return b.build();
    }

    /**
     * A column with the given codes into the given levels (both copied).
     *
     * @throws IllegalArgumentException when a level is null or repeated, or a code is outside
     *                                  {@code -1..levels.size()-1}
     */
    public static CategoricalColumn of(String name, int[] codes, List<String> levels) {
        String[] dict = levels.toArray(new String[0]);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < dict.length; i++) {
            if (dict[i] == null) {
                throw new IllegalArgumentException("column '" + name + "': level " + i + " is null");
            }
            if (seen.put(dict[i], i) != null) {
                throw new IllegalArgumentException("column '" + name + "': level '" + dict[i] + "' is repeated");
            }
        }
        int[] copy = codes.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < MISSING || copy[i] >= dict.length) {
                throw new IllegalArgumentException("column '" + name + "', row " + i + ": code " + copy[i]
                        + " is outside -1.." + (dict.length - 1));
            }
        }
        return new CategoricalColumn(name, copy, dict);
    }

    /**
     * A column from codes into levels numbered in the order first seen, with the dictionary sorted (as
     * {@link Builder} sorts it): {@code codes[0..size-1]} index {@code levels} or are {@link #MISSING}. Reuses
     * {@code codes} when it has exactly {@code size} entries (the caller gives it up), else copies them.
     */
    public static CategoricalColumn ofFirstSeen(String name, int[] codes, int size, List<String> levels) {
        String[] sorted = levels.toArray(new String[0]);
        Arrays.sort(sorted);
        Map<String, Integer> sortedCode = new HashMap<>();
        for (int i = 0; i < sorted.length; i++) {
            sortedCode.put(sorted[i], i);
        }
        int[] remap = new int[sorted.length];
        for (int code = 0; code < remap.length; code++) {
            remap[code] = sortedCode.get(levels.get(code));
        }
        int[] out = size == codes.length ? codes : Arrays.copyOf(codes, size);
        for (int i = 0; i < out.length; i++) {
            if (out[i] != MISSING) {
                out[i] = remap[out[i]];
            }
        }
        return new CategoricalColumn(name, out, sorted);
    }

    /** A builder that collects levels as they come and sorts the dictionary at the end. */
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
        return ColumnType.CATEGORICAL;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] == MISSING;
    }

    @Override
    public int missingCount() {
        return missingCount;
    }

    /** The code at {@code row}, {@link #MISSING} when missing. */
    public int code(int row) {
        return codes[row];
    }

    /** A copy of all codes. */
    public int[] codes() {
        return codes.clone();
    }

    /** The level at {@code row}, or {@code null} when missing. */
    public String level(int row) {
        int c = codes[row];
        return c == MISSING ? null : levels[c];
    }

    /** The dictionary, in code order. */
    public List<String> levels() {
        return List.of(levels);
    }

    /** The number of levels in the dictionary. */
    public int levelCount() {
        return levels.length;
    }

    /** The code of {@code level}, or {@link #MISSING} when the dictionary does not hold it. */
    public int codeOf(String level) {
        for (int i = 0; i < levels.length; i++) {
            if (levels[i].equals(level)) {
                return i;
            }
        }
        return MISSING;
    }

    @Override
    public String format(int row) {
        return level(row);
    }

    @Override
    public CategoricalColumn rename(String newName) {
        return new CategoricalColumn(newName, codes, levels);
    }

    @Override
    public CategoricalColumn selectRows(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Objects.checkIndex(rows[i], codes.length);
            out[i] = codes[rows[i]];
        }
        return new CategoricalColumn(name, out, levels);
    }

    @Override
    public ColumnSummary summary() {
        int[] counts = new int[levels.length];
        for (int c : codes) {
            if (c != MISSING) {
                counts[c]++;
            }
        }
        Map<String, Integer> levelCounts = new LinkedHashMap<>();
        int distinct = 0;
        for (int i = 0; i < levels.length; i++) {
            levelCounts.put(levels[i], counts[i]);
            if (counts[i] > 0) {
                distinct++;
            }
        }
        return new ColumnSummary(name, ColumnType.CATEGORICAL, codes.length - missingCount, missingCount, 0,
                distinct, Double.NaN, Double.NaN, Double.NaN, Double.NaN, levelCounts);
    }

    @Override
    public String toString() {
        return "CategoricalColumn[" + name + ", " + codes.length + " rows, " + levels.length + " levels, "
                + missingCount + " missing]";
    }

    /** Appends values one by one; {@link #build()} sorts the dictionary and remaps the codes in place. */
    public static final class Builder {
        private final String name;
        private int[] codes;
        private int size;
        private final Map<String, Integer> index = new HashMap<>();
        private final java.util.ArrayList<String> firstSeen = new java.util.ArrayList<>();
        private boolean built;

        private Builder(String name, int expectedRows) {
            this.name = Table.checkName(name);
            this.codes = new int[Math.max(16, expectedRows)];
        }

        /** Appends a level; {@code null} appends a missing value. */
        public Builder add(String level) {
            if (built) {
                throw new IllegalStateException("builder for column '" + name + "' was already built");
            }
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, codes.length + (codes.length >> 1) + 16);
            }
            if (level == null) {
                codes[size++] = MISSING;
                return this;
            }
            Integer code = index.get(level);
            if (code == null) {
                code = firstSeen.size();
                index.put(level, code);
                firstSeen.add(level);
            }
            codes[size++] = code;
            return this;
        }

        /** Appends a missing value. */
        public Builder addMissing() {
            return add(null);
        }

        /** The number of values appended so far. */
        public int size() {
            return size;
        }

        /** The number of distinct levels appended so far. */
        public int levelCount() {
            return firstSeen.size();
        }

        public CategoricalColumn build() {
            if (built) {
                throw new IllegalStateException("builder for column '" + name + "' was already built");
            }
            built = true;
            int[] out = codes;
            codes = null;
            return ofFirstSeen(name, out, size, firstSeen);
        }
    }
}
