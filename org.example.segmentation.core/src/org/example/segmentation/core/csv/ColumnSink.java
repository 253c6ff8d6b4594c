package org.example.segmentation.core.csv;

import java.util.Arrays;

import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.TextColumn;

/** Where the second pass puts the values of one column: a builder sized for the row count of the first. */
abstract class ColumnSink {
    final MissingTokens missing;

    private ColumnSink(MissingTokens missing) {
        this.missing = missing;
    }

    /** A sink for a column of the decided type. */
    static ColumnSink of(ColumnInference column, int rows, boolean decimalComma, MissingTokens missing) {
        return switch (column.type()) {
            case NUMERIC -> new Numeric(column.name(), rows, decimalComma, column.fromSchema(), missing);
            case CATEGORICAL -> new Categorical(column.name(), rows, missing);
            case TEXT -> new Text(column.name(), rows, missing);
        };
    }

    /**
     * Appends a field (possibly a reusable view, copied when kept). Returns false when an inferred numeric column meets a value that is not a number, which
     * the first pass ruled out (so the file changed); under a numeric schema such a value becomes missing.
     */
    abstract boolean add(CharSequence value);

    /**
     * Appends a field known not to be a missing token (the caller matched it already); returns false as {@link #add}
     * does.
     */
    abstract boolean addPresent(CharSequence value);

    /** Appends a missing value. */
    abstract void addMissing();

    /** Appends the values of a column of this sink's type (the same values a second pass would append). */
    abstract void append(Column column);

    abstract Column build();

    static final class Numeric extends ColumnSink {
        private final NumericColumn.Builder builder;
        private final boolean decimalComma;
        private final boolean fromSchema;
        private final NumberSyntax.Scanner scanner = new NumberSyntax.Scanner();

        Numeric(String name, int rows, boolean decimalComma, boolean fromSchema, MissingTokens missing) {
            super(missing);
            this.builder = NumericColumn.builder(name, rows);
            this.decimalComma = decimalComma;
            this.fromSchema = fromSchema;
        }

        @Override
        boolean add(CharSequence value) {
            if (!missing.anyNumber) {
                // Most values are numbers: parse first, which is exact when no missing token is a number, and
                // saves the token comparison for them.
                double d = scanner.parse(value, decimalComma);
                if (!Double.isNaN(d)) {
                    builder.add(d);
                    return true;
                }
            }
            if (missing.matches(value)) {
                builder.addMissing();
                return true;
            }
            return addPresent(value);
        }

        @Override
        boolean addPresent(CharSequence value) {
            double d = scanner.parse(value, decimalComma);
            if (Double.isNaN(d) && !NumberSyntax.isNaNLiteral(value)) {
                builder.addMissing();
                return fromSchema;
            }
            builder.add(d);
            return true;
        }

        @Override
        void addMissing() {
            builder.addMissing();
        }

        /** Appends a value the caller parsed already (a number, or NaN for the word NaN). */
        void addNumber(double value) {
            builder.add(value);
        }

        @Override
        void append(Column column) {
            builder.addAll((NumericColumn) column);
        }

        @Override
        Column build() {
            return builder.build();
        }
    }

    static final class Categorical extends ColumnSink {
        private final String name;
        private final LevelIndex levels = new LevelIndex();
        private int[] codes;
        private int size;

        Categorical(String name, int rows, MissingTokens missing) {
            super(missing);
            this.name = name;
            this.codes = new int[Math.max(16, rows)];
        }

        @Override
        boolean add(CharSequence value) {
            if (missing.matches(value)) {
                addMissing();
            } else {
                addPresent(value);
            }
            return true;
        }

        @Override
        boolean addPresent(CharSequence value) {
            append(levels.codeOf(value));
            return true;
        }

        /** {@link #addPresent(CharSequence)} of a value whose {@link LevelIndex#hash} is {@code hash}. */
        void addPresent(CharSequence value, int hash) {
            append(levels.codeOf(value, hash));
        }

        @Override
        void addMissing() {
            append(CategoricalColumn.MISSING);
        }

        private void append(int code) {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, size + (size >> 1) + 16);
            }
            codes[size++] = code;
        }

        /** The number of distinct levels so far. */
        int levelCount() {
            return levels.size();
        }

        /** Appends the rows of a categorical column: each of its levels looked up once, then codes mapped. */
        @Override
        void append(Column column) {
            CategoricalColumn c = (CategoricalColumn) column;
            int[] map = new int[c.levelCount()];
            for (int code = 0; code < map.length; code++) {
                map[code] = levels.codeOf(c.levels().get(code));
            }
            for (int i = 0; i < c.size(); i++) {
                int code = c.code(i);
                append(code == CategoricalColumn.MISSING ? code : map[code]);
            }
        }

        /** The column, with its dictionary sorted (as {@link CategoricalColumn.Builder} sorts it). */
        @Override
        Column build() {
            int[] out = codes;
            codes = null;
            return CategoricalColumn.ofFirstSeen(name, out, size, levels.levels());
        }
    }

    private static final class Text extends ColumnSink {
        private final TextColumn.Builder builder;

        Text(String name, int rows, MissingTokens missing) {
            super(missing);
            this.builder = TextColumn.builder(name, rows);
        }

        @Override
        boolean add(CharSequence value) {
            builder.add(missing.matches(value) ? null : value.toString());
            return true;
        }

        @Override
        boolean addPresent(CharSequence value) {
            builder.add(value.toString());
            return true;
        }

        @Override
        void addMissing() {
            builder.add(null);
        }

        @Override
        void append(Column column) {
            builder.addAll((TextColumn) column);
        }

        @Override
        Column build() {
            return builder.build();
        }
    }
}
