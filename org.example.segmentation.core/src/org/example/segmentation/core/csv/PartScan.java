package org.example.segmentation.core.csv;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;

/**
 * The first pass over one part of a CSV file: checks every record's width, counts the rows and the physical lines,
 * collects what type inference needs ({@link ColumnStats}) and, in a whole read, loads the values ({@link EagerColumn}).
 * A file is read in one part, or split at record boundaries into parts scanned on several threads and joined in file
 * order by {@link #append}, which gives what one part over the whole file gives.
 */
final class PartScan {
    /**
     * What every part shares: the file's name for messages, the delimiter, the header (the named columns, and the
     * fields per record), the indexes of the columns read, and the reading options.
     */
    record Layout(String label, char delimiter, List<String> names, int width, int[] keep, MissingTokens missing,
            int maxLevels, boolean eager, boolean eagerComma) {
    }

    private final Layout layout;
    final ColumnStats[] stats;
    /** Null unless the layout says eager. */
    final EagerColumn[] eager;
    int rows;
    long droppedValues;
    long firstDroppedValueLine = -1;
    /** The physical line breaks of the part (its lines, when it ends with a line break). */
    long lineBreaks;
    /** Bytes taken from the file so far, for progress from another thread. */
    volatile long bytesRead;

    /** @param part the index of the part (0 for a file scanned in one part) */
    PartScan(Layout layout, int expectedRows, int part) {
        this.layout = layout;
        List<String> names = layout.names();
        int[] keep = layout.keep();
        stats = new ColumnStats[keep.length];
        for (int j = 0; j < stats.length; j++) {
            stats[j] = new ColumnStats(names.get(keep[j]), layout.maxLevels());
        }
        if (layout.eager()) {
            eager = new EagerColumn[stats.length];
            for (int j = 0; j < stats.length; j++) {
                eager[j] = new EagerColumn(names.get(keep[j]), layout.missing(), layout.maxLevels(), layout.eagerComma(),
                        expectedRows, part);
            }
        } else {
            eager = null;
        }
    }

    /**
     * Scans the records of {@code in} to its end; {@code header} when the part starts at the file's header record
     * (skipped). Line numbers are the part's own (add the line breaks of the parts before it).
     *
     * @param pass   progress for the whole pass (only from the thread that owns it; null on other threads)
     * @param total  bytes read by all parts, for {@code pass}
     * @param stop   asked every {@value CsvReader#CHECK_EVERY} rows; true ends the scan with a {@link Stopped}
     */
    void run(Utf8Source in, boolean header, Progress pass, java.util.function.LongSupplier total, long size,
            BooleanSupplier stop) {
        try (CsvLexer source = new CsvLexer(in, layout.label(), layout.delimiter())) {
            source.names(layout.names());
            if (header) {
                source.next();
            }
            while (source.next()) {
                record(source, null, 0);
                if (rows % CsvReader.CHECK_EVERY == 0) {
                    bytesRead = in.bytesRead();
                    if (stop.getAsBoolean()) {
                        throw new Stopped();
                    }
                    if (pass != null) {
                        pass.checkCancelled();
                        pass.update(size <= 0 ? Double.NaN : Math.min(1.0, (double) total.getAsLong() / size), null);
                    }
                }
            }
            lineBreaks = source.line() - 1;
            bytesRead = in.bytesRead();
        }
        if (eager != null) {
            for (EagerColumn column : eager) {
                column.closeCurrent();
            }
        }
    }

    /**
     * Scans at most {@code max} more records of {@code source} (open past the header), counting them as
     * {@link #run} does, and, unless {@code sinks} is null, loads every column into its sink: the first pass and the
     * loading of a chunk in one go ({@link CsvReader#chunksInOnePass}). Returns the records scanned, fewer than
     * {@code max} only at the end of the file ({@link #lineBreaks} is then set).
     *
     * @param decimalComma the decimal mark the sinks' numbers are read with
     * @param check        run every {@value CsvReader#CHECK_EVERY} rows (cancellation)
     * @throws CsvChunks.GuessFailed when a value is not of its sink's type (a number was expected)
     */
    int scan(CsvLexer source, int max, ColumnSink[] sinks, boolean decimalComma, Utf8Source in, Runnable check) {
        int mark = decimalComma ? NumberSyntax.COMMA : NumberSyntax.POINT;
        int done = 0;
        while (done < max) {
            if (!source.next()) {
                lineBreaks = source.line() - 1;
                break;
            }
            record(source, sinks, mark);
            done++;
            if (rows % CsvReader.CHECK_EVERY == 0) {
                bytesRead = in.bytesRead();
                check.run();
            }
        }
        bytesRead = in.bytesRead();
        return done;
    }

    /**
     * Scans the record {@code source} is on: checks its width, counts it, counts every column's value for type
     * inference, and loads it into the {@link #eager} column or, given {@code sinks} (read in numbers with decimal
     * mark {@code mark}), into the sink.
     */
    private void record(CsvLexer source, ColumnSink[] sinks, int mark) {
        CsvReader.checkWidth(source, layout.width(), layout);
        if (rows == CsvReader.MAX_ROWS) {
            throw new InputException(layout.label() + ", line " + source.startLine() + ": more than "
                    + CsvReader.MAX_ROWS + " data rows; split the file");
        }
        rows++;
        long line = source.startLine();
        MissingTokens missing = layout.missing();
        int[] keep = layout.keep();
        for (int j = 0; j < stats.length; j++) {
            CharSequence v = source.field(keep[j]);
            ColumnStats st = stats[j];
            // The number first: a value that holds a number (not NaN) is not missing unless some missing token is a
            // number, so most fields of a large file skip the token comparison.
            int syntax = st.scan(v);
            if ((missing.anyNumber || Double.isNaN(st.value())) && missing.matches(v)) {
                st.addMissing();
                if (eager != null) {
                    eager[j].addMissing();
                } else if (sinks != null) {
                    sinks[j].addMissing();
                }
            } else {
                st.add(v, syntax, line);
                if (eager != null) {
                    eager[j].add(v, syntax, st.value(), st.hashed(), st.hash());
                } else if (sinks != null) {
                    load(sinks[j], v, syntax, st, mark, line);
                }
            }
        }
        for (int j = layout.names().size(); j < layout.width(); j++) {
            if (!source.isEmpty(j) && droppedValues++ == 0) {
                firstDroppedValueLine = line;
            }
        }
    }

    /**
     * Loads a value that is not a missing token into {@code sink} as {@link ColumnSink#add} would (a number already
     * scanned is not parsed again; a categorical value's hash is reused).
     */
    private void load(ColumnSink sink, CharSequence v, int syntax, ColumnStats st, int mark, long line) {
        if (sink instanceof ColumnSink.Numeric number && (syntax & mark) != 0) {
            number.addNumber(st.value());
        } else if (sink instanceof ColumnSink.Categorical levels) {
            levels.addPresent(v, st.hashed() ? st.hash() : LevelIndex.hash(v));
        } else if (!sink.addPresent(v)) {
            throw new CsvChunks.GuessFailed(layout.label() + ", line " + line + ", column '" + st.name
                    + "': not a number, where the first rows had only numbers");
        }
    }

    /**
     * Joins the scan of the part that follows this one in the file: counts add up, the first offending values stay
     * the earliest (the next part's lines shifted by this part's line breaks), the columns go on with the next part's
     * rows. Empties {@code next}.
     */
    void append(PartScan next) {
        for (int j = 0; j < stats.length; j++) {
            stats[j].append(next.stats[j], lineBreaks);
            if (eager != null) {
                eager[j].append(next.eager[j]);
            }
        }
        if (firstDroppedValueLine < 0 && next.firstDroppedValueLine >= 0) {
            firstDroppedValueLine = next.firstDroppedValueLine + lineBreaks;
        }
        droppedValues += next.droppedValues;
        rows += next.rows; // the caller checks the sum against the limit
        lineBreaks += next.lineBreaks;
    }

    /** Ends a part's scan early because another part failed or was cancelled. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }
}
