package org.example.segmentation.core.csv;

import java.util.List;
import java.util.Objects;

import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;

/**
 * What {@link CsvReader#read} found: the table and how the file was read.
 *
 * @param table        the table, columns in file order (trailing unnamed columns dropped)
 * @param delimiter    the delimiter used (set, or detected)
 * @param decimalComma whether numbers were read with a decimal comma
 * @param warnings     one line each, in the order found: dropped columns, columns that are almost numeric,
 *                     values read as missing under a numeric schema, a file without data rows
 * @param columns      the type of every column of {@code table} and why, in column order
 * @param rowCount     the number of data rows (equal to {@code table.rowCount()})
 */
public record CsvReadResult(Table table, char delimiter, boolean decimalComma, List<String> warnings,
        List<ColumnInference> columns, int rowCount) {

    public CsvReadResult {
        Objects.requireNonNull(table, "table");
        warnings = List.copyOf(warnings);
        columns = List.copyOf(columns);
    }

    /**
     * How the named column was typed.
     *
     * @throws IllegalArgumentException when the table has no such column
     */
    public ColumnInference column(String name) {
        for (ColumnInference c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no column '" + name + "'; the table has " + table.columnNames());
    }

    /** The type of the named column (a shortcut for {@code column(name).type()}). */
    public ColumnType typeOf(String name) {
        return column(name).type();
    }
}
