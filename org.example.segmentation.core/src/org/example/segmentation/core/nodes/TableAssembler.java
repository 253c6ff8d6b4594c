package org.example.segmentation.core.nodes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.example.segmentation.core.csv.CsvReadOptions;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/**
 * Builds an engine {@link Table} value by value, row by row: the KNIME-free half of the converter from KNIME
 * tables. Numeric input columns become numeric columns (a NaN or infinite value is missing); string columns
 * become categorical when they hold at most {@code maxLevels} distinct values, else text - the same rule as the
 * CSV reader, so a table reads the same from a file and from KNIME.
 */
public final class TableAssembler {

    /** How an input column is read. */
    public enum Kind {
        /** Numbers (KNIME double, integer, long and boolean columns). */
        NUMERIC,
        /** Strings (every other KNIME column, as its text). */
        STRING
    }

    private final List<String> names;
    private final List<Kind> kinds;
    private final int maxLevels;
    private final NumericColumn.Builder[] numeric;
    private final List<List<String>> strings = new ArrayList<>();
    private int rows;

    /** An assembler with the CSV reader's level limit ({@value CsvReadOptions#DEFAULT_MAX_CATEGORICAL_LEVELS}). */
    public TableAssembler(List<String> names, List<Kind> kinds) {
        this(names, kinds, CsvReadOptions.DEFAULT_MAX_CATEGORICAL_LEVELS);
    }

    /**
     * @param names     the column names, in order
     * @param kinds     how each column is read
     * @param maxLevels the most distinct values a string column may have to be categorical
     */
    public TableAssembler(List<String> names, List<Kind> kinds, int maxLevels) {
        if (names.size() != kinds.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + kinds.size() + " kinds");
        }
        this.names = List.copyOf(names);
        this.kinds = List.copyOf(kinds);
        this.maxLevels = maxLevels;
        this.numeric = new NumericColumn.Builder[names.size()];
        for (int c = 0; c < names.size(); c++) {
            numeric[c] = kinds.get(c) == Kind.NUMERIC ? NumericColumn.builder(names.get(c)) : null;
            strings.add(kinds.get(c) == Kind.STRING ? new ArrayList<>() : null);
        }
    }

    /** Sets a numeric column's value in the current row. */
    public void number(int column, double value) {
        if (Double.isFinite(value)) {
            numeric[column].add(value);
        } else {
            numeric[column].addMissing();
        }
    }

    /** Sets a string column's value (or, with {@code null}, any column's missing value) in the current row. */
    public void text(int column, String value) {
        if (kinds.get(column) == Kind.NUMERIC) {
            if (value != null) {
                throw new IllegalArgumentException("column '" + names.get(column) + "' is numeric");
            }
            numeric[column].addMissing();
        } else {
            strings.get(column).add(value);
        }
    }

    /** Sets a missing value. */
    public void missing(int column) {
        text(column, null);
    }

    /** Ends the current row; every column must have had exactly one value. */
    public void endRow() {
        rows++;
        for (int c = 0; c < names.size(); c++) {
            int size = kinds.get(c) == Kind.NUMERIC ? numeric[c].size() : strings.get(c).size();
            if (size != rows) {
                throw new IllegalStateException("row " + rows + ": column '" + names.get(c) + "' has " + size
                        + " values");
            }
        }
    }

    /** The rows ended so far. */
    public int rows() {
        return rows;
    }

    /** The table; the assembler cannot be used afterwards. */
    public Table build() {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (kinds.get(c) == Kind.NUMERIC) {
                columns.add(numeric[c].build());
                continue;
            }
            List<String> values = strings.get(c);
            Set<String> distinct = new HashSet<>();
            for (String v : values) {
                if (v != null && distinct.size() <= maxLevels) {
                    distinct.add(v);
                }
            }
            if (distinct.size() <= maxLevels) {
                CategoricalColumn.Builder b = CategoricalColumn.builder(names.get(c), values.size());
                values.forEach(b::add);
                columns.add(b.build());
            } else {
                TextColumn.Builder b = TextColumn.builder(names.get(c), values.size());
                values.forEach(b::add);
                columns.add(b.build());
            }
        }
        return Table.of(columns);
    }

    /**
     * A cell of an engine table as a Java value: a {@link Double} for numeric columns, the text for categorical
     * and text columns, {@code null} when missing.
     */
    public static Object value(Column column, int row) {
        Objects.requireNonNull(column, "column");
        if (column.isMissing(row)) {
            return null;
        }
        if (column instanceof NumericColumn n) {
            return n.value(row);
        }
        if (column instanceof CategoricalColumn c) {
            return c.level(row);
        }
        return ((TextColumn) column).value(row);
    }

    /** Whether the column holds numbers (a KNIME double column) rather than text. */
    public static boolean isNumeric(Column column) {
        return column instanceof NumericColumn;
    }
}
