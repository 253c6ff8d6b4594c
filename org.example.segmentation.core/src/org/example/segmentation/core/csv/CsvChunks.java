package org.example.segmentation.core.csv;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/**
 * A CSV file read in chunks ({@link CsvReader#chunks}): how the file reads (delimiter, decimal mark, column types,
 * warnings and row count, all known from the first pass) and the rows, one chunk at a time. Memory is that of one
 * chunk, whatever the file's size. Close it (try-with-resources) to release the file early; reading to the end closes
 * it too.
 */
public final class CsvChunks implements AutoCloseable {

    /** Where the chunks come from. */
    interface Source extends AutoCloseable {
        Table next();

        @Override
        void close();
    }

    private final Source source;
    private final char delimiter;
    private final boolean decimalComma;
    private final List<String> warnings;
    private final List<ColumnInference> columns;
    private final int rowCount;

    CsvChunks(Source source, char delimiter, boolean decimalComma, List<String> warnings,
            List<ColumnInference> columns, int rowCount) {
        this.source = source;
        this.delimiter = delimiter;
        this.decimalComma = decimalComma;
        this.warnings = List.copyOf(warnings);
        this.columns = List.copyOf(columns);
        this.rowCount = rowCount;
    }

    /**
     * The next chunk: the next rows of the file, at least one and at most the chunk size; {@code null} after the last
     * row.
     *
     * @throws InputException     when the file changed since the first pass
     * @throws CancelledException when the progress given to {@link CsvReader#chunks} says so
     */
    public Table next() {
        return source.next();
    }

    /** The delimiter used (set, or detected). */
    public char delimiter() {
        return delimiter;
    }

    /** Whether numbers are read with a decimal comma. */
    public boolean decimalComma() {
        return decimalComma;
    }

    /** The warnings of the whole file, as {@link CsvReadResult#warnings()}. */
    public List<String> warnings() {
        return warnings;
    }

    /** The type of every column and why, in column order, as {@link CsvReadResult#columns()}. */
    public List<ColumnInference> columns() {
        return columns;
    }

    /** A table of no rows with the file's columns and types: what a file with a header and no rows reads as. */
    public Table emptyTable() {
        List<Column> out = new ArrayList<>();
        for (ColumnInference c : columns()) {
            out.add(switch (c.type()) {
                case NUMERIC -> NumericColumn.of(c.name(), new double[0]);
                case CATEGORICAL -> CategoricalColumn.of(c.name(), new int[0], List.of());
                case TEXT -> TextColumn.of(c.name());
            });
        }
        return Table.of(out);
    }

    /** The number of data rows in the file. */
    public int rowCount() {
        return rowCount;
    }

    @Override
    public void close() {
        source.close();
    }
}
