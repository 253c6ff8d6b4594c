package org.example.segmentation.core.csv;

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

    abstract Column build();

    private static final class Numeric extends ColumnSink {
        private final NumericColumn.Builder builder;
        private final boolean decimalComma;
        private final boolean fromSchema;

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
                double d = NumberSyntax.parse(value, decimalComma);
                if (!Double.isNaN(d)) {
                    builder.add(d);
                    return true;
                }
            }
            if (missing.matches(value)) {
                builder.addMissing();
                return true;
            }
            double d = NumberSyntax.parse(value, decimalComma);
            if (Double.isNaN(d) && !NumberSyntax.isNaNLiteral(value)) {
                builder.addMissing();
                return fromSchema;
            }
            builder.add(d);
            return true;
        }

        @Override
        Column build() {
            return builder.build();
        }
    }

    private static final class Categorical extends ColumnSink {
        /** Levels kept for reuse; a categorical column has few (50 by default). */
        private static final int CACHED_LEVELS = 64;
        private final CategoricalColumn.Builder builder;
        private final String[] levels = new String[CACHED_LEVELS];
        private final int[] hashes = new int[CACHED_LEVELS];
        private int levelCount;

        Categorical(String name, int rows, MissingTokens missing) {
            super(missing);
            this.builder = CategoricalColumn.builder(name, rows);
        }

        @Override
        boolean add(CharSequence value) {
            builder.add(missing.matches(value) ? null : level(value));
            return true;
        }

        /**
         * The level {@code value} holds, as the string seen first: found by hash among the levels seen so far, so a
         * repeated level costs no new string and its map lookup in the builder uses the string's cached hash.
         */
        private String level(CharSequence value) {
            int h = 0;
            int n = value.length();
            for (int i = 0; i < n; i++) {
                h = 31 * h + value.charAt(i);
            }
            for (int i = 0; i < levelCount; i++) {
                if (hashes[i] == h && levels[i].contentEquals(value)) {
                    return levels[i];
                }
            }
            String s = value.toString();
            if (levelCount < CACHED_LEVELS) {
                levels[levelCount] = s;
                hashes[levelCount] = h;
                levelCount++;
            }
            return s;
        }

        @Override
        Column build() {
            return builder.build();
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
        Column build() {
            return builder.build();
        }
    }
}
