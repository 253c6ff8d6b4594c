package org.example.segmentation.core.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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
 *
 * <p>Read in one pass ({@link CsvReader#chunksInOnePass}), the types and the decimal mark are those the first chunk's
 * rows give, and they are checked against the whole file as it is read: {@link #next()} throws {@link GuessFailed} when
 * the whole file reads otherwise, and returns null only when it reads the same. The warnings and the row count are
 * then known once {@link #next()} has returned null.
 */
public final class CsvChunks implements AutoCloseable {

    /** Where the chunks come from. */
    interface Source extends AutoCloseable {
        Table next();

        @Override
        void close();
    }

    /**
     * From {@link #next()} of a read in one pass ({@link CsvReader#chunksInOnePass}): the whole file does not read
     * with the types (or the decimal mark) of its first rows, so the chunks given so far are not those of
     * {@link CsvReader#chunks}; read the file again with {@link CsvReader#chunks}, or with {@link #secondPass()} when
     * the one pass got to the end of the file.
     */
    public static final class GuessFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** Opens the second pass on the one pass's counts; null when the guess failed before the end of the file. */
        private final transient Supplier<CsvChunks> secondPass;

        GuessFailed(String message) {
            this(message, null);
        }

        GuessFailed(String message, Supplier<CsvChunks> secondPass) {
            super(message);
            this.secondPass = secondPass;
        }

        /**
         * When the guess failed at the end of the file (the whole file's types or decimal mark are not its first
         * rows'), the one pass has counted the whole file as the first pass of {@link CsvReader#chunks} counts it: the
         * read in chunks that {@link CsvReader#chunks} gives for the same file, options, columns and chunk size, with
         * only its second pass left to read (the file is opened by the first {@link #next()}; progress goes to the one
         * pass's, from 0 to 1 by the bytes read). A new read on every call. Null when the guess failed before the end
         * of the file; then read with {@link CsvReader#chunks}.
         */
        public CsvChunks secondPass() {
            return secondPass == null ? null : secondPass.get();
        }
    }

    private final Source source;
    private final char delimiter;
    private final boolean decimalComma;
    /** Null until known (a read in one pass, before its end). */
    private List<String> warnings;
    private List<ColumnInference> columns;
    private int rowCount;
    /** The guess that failed, thrown again by every later {@link #next()}. */
    private GuessFailed failed;

    CsvChunks(Source source, char delimiter, boolean decimalComma, List<String> warnings,
            List<ColumnInference> columns, int rowCount) {
        this.source = source;
        this.delimiter = delimiter;
        this.decimalComma = decimalComma;
        this.warnings = warnings == null ? null : List.copyOf(warnings);
        this.columns = List.copyOf(columns);
        this.rowCount = rowCount;
    }

    /** At the end of a read in one pass: what the whole file gave (the same types and mark as guessed). */
    void settle(List<String> warnings, List<ColumnInference> columns, int rowCount) {
        this.warnings = List.copyOf(warnings);
        this.columns = List.copyOf(columns);
        this.rowCount = rowCount;
    }

    /**
     * The next chunk: the next rows of the file, at least one and at most the chunk size; {@code null} after the last
     * row.
     *
     * @throws InputException     when the file changed since the first pass; in one pass, for whatever the first
     *                            pass finds (a row of the wrong width, malformed quotes, ...)
     * @throws GuessFailed        in one pass, when the whole file does not read with the types of its first rows
     * @throws CancelledException when the progress given to {@link CsvReader#chunks} says so
     */
    public Table next() {
        if (failed != null) {
            throw failed; // not the end of the file: the read cannot go on
        }
        try {
            return source.next();
        } catch (GuessFailed e) {
            failed = e;
            throw e;
        }
    }

    /** The delimiter used (set, or detected). */
    public char delimiter() {
        return delimiter;
    }

    /** Whether numbers are read with a decimal comma. */
    public boolean decimalComma() {
        return decimalComma;
    }

    /**
     * The warnings of the whole file, as {@link CsvReadResult#warnings()}.
     *
     * @throws IllegalStateException in one pass, before {@link #next()} has returned null
     */
    public List<String> warnings() {
        if (warnings == null) {
            throw new IllegalStateException("the warnings of a read in one pass are known at its end");
        }
        return warnings;
    }

    /**
     * The type of every column and why, in column order, as {@link CsvReadResult#columns()} (in one pass: the types of
     * the first rows, which the whole file has when {@link #next()} returns null; the reasons are the first rows' until
     * then).
     */
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

    /**
     * The number of data rows in the file.
     *
     * @throws IllegalStateException in one pass, before {@link #next()} has returned null
     */
    public int rowCount() {
        if (rowCount < 0) {
            throw new IllegalStateException("the row count of a read in one pass is known at its end");
        }
        return rowCount;
    }

    @Override
    public void close() {
        source.close();
    }
}
