package org.example.segmentation.core.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

import org.example.segmentation.core.Names;
import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;

/**
 * Reads a CSV file into a {@link Table}: UTF-8, a header row, RFC 4180 quoting, delimiter and decimal mark
 * detected or set, column types inferred over all rows or set by a schema.
 *
 * <p>The file is never held in memory as text. A whole read lexes it once: the first pass checks the structure
 * (header, field count of every row, quoting, encoding), counts the rows, collects per column what type inference
 * needs and loads every column on a guess of its type ({@link EagerColumn}); only the first rows of a column whose
 * guess failed are read again. A read in chunks makes the same first pass without loading (memory bounded by the
 * categorical level limit), then a second pass loads chunk by chunk. A large file's first pass runs in parts on
 * several threads ({@link PartScan}) with the same result as one part.
 *
 * <p>Every rule (delimiter detection, decimal comma detection, missing tokens, type inference, warnings,
 * errors) is documented in the {@linkplain org.example.segmentation.core.csv package description}.
 *
 * <p>Progress goes by bytes read, from 0 to 0.9 during the first pass of a whole read (0.5 in chunks), then over the
 * rows read again (the chunks); cancellation is checked every {@value #CHECK_EVERY} rows.
 */
public final class CsvReader {
    /** Rows between two progress reports and cancellation checks. */
    static final int CHECK_EVERY = 4096;
    /** The most data rows a file may have (the length of a Java array, with some margin). */
    static final int MAX_ROWS = Integer.MAX_VALUE - 16;
    private static final int MAX_QUOTED_VALUE = 40;
    /** Threads of the first pass over a large file: the processors, at most 4. */
    public static final int PARTS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /** A file is split into parts of at least this many bytes (below, thread start-up is not worth it). */
    static final long MIN_PART_BYTES = 4L << 20;
    /** How far past its share of the bytes a part boundary (an LF) is looked for. */
    private static final long SPLIT_SEARCH = 1L << 20;

    private CsvReader() {
    }

    /** Reads {@code file} with {@link CsvReadOptions#defaults()}. */
    public static CsvReadResult read(Path file) {
        return read(file, CsvReadOptions.defaults(), Progress.NONE);
    }

    /** Reads {@code file} with the given options. */
    public static CsvReadResult read(Path file, CsvReadOptions options) {
        return read(file, options, Progress.NONE);
    }

    /**
     * Reads {@code file}.
     *
     * @param file     a UTF-8 CSV file with a header row
     * @param options  how to read it
     * @param progress receives progress and is asked for cancellation every few thousand rows
     * @return the table and how it was read
     * @throws InputException     with a one-line message naming the file and, where it applies, the line
     *                            (1-based, physical) and the column: file missing or a directory, empty
     *                            file, invalid UTF-8, malformed quotes, empty or duplicate column name, a
     *                            row with the wrong number of fields, a schema naming an absent column,
     *                            decimal comma together with delimiter {@code ,}
     * @throws CancelledException when {@code progress} says so
     */
    public static CsvReadResult read(Path file, CsvReadOptions options, Progress progress) {
        return new Reading(file, options, progress, PARTS, MIN_PART_BYTES, null).run();
    }

    /**
     * Opens {@code file} for reading in chunks of at most {@code chunkRows} rows, in constant memory: the first pass
     * (structure, row count, types, warnings) runs now, exactly as in {@link #read(Path, CsvReadOptions, Progress)};
     * then every {@link CsvChunks#next()} reads the next rows. Every chunk has the columns, names and types the whole
     * read would have; concatenated, the chunks hold the values of the whole read (a categorical column's dictionary
     * holds only the chunk's levels).
     *
     * @param chunkRows the most rows per chunk, at least 1
     * @throws InputException     as {@link #read(Path, CsvReadOptions, Progress)}, from this call for everything the
     *                            first pass finds, and from {@link CsvChunks#next()} when the file changed since
     * @throws CancelledException when {@code progress} says so
     */
    public static CsvChunks chunks(Path file, CsvReadOptions options, int chunkRows, Progress progress) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be at least 1, got " + chunkRows);
        }
        return new Reading(file, options, progress, PARTS, MIN_PART_BYTES, null).chunks(chunkRows);
    }

    /**
     * {@link #chunks(Path, CsvReadOptions, int, Progress)} for only the given columns (in file order), read as
     * {@link #read(Path, CsvReadOptions, Collection, Progress)} reads them: the other fields are split off but not
     * looked at, in the first pass and in every chunk.
     *
     * @param columns the names of the columns to read; each must be a column of the file
     * @throws InputException as {@link #chunks(Path, CsvReadOptions, int, Progress)}, and naming a column the file does
     *                        not have
     */
    public static CsvChunks chunks(Path file, CsvReadOptions options, Collection<String> columns, int chunkRows,
            Progress progress) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be at least 1, got " + chunkRows);
        }
        return new Reading(file, options, progress, PARTS, MIN_PART_BYTES, List.copyOf(columns)).chunks(chunkRows);
    }

    /**
     * {@link #chunks(Path, CsvReadOptions, Collection, int, Progress)} in one pass over the file instead of two, when
     * the whole file reads with the types and the decimal mark of its first {@code chunkRows} rows, as it usually
     * does: those rows are looked at first, the types they give are the guess, and every chunk is loaded in the
     * guessed types while what type inference needs is counted over the whole file. When a value does not fit its
     * column's guessed type, a column guessed categorical passes the level limit, or at the end of the file the whole
     * file's types or decimal mark are not the guessed ones, {@link CsvChunks#next()} throws
     * {@link CsvChunks.GuessFailed} (and does again if called again): the chunks given so far are then to be discarded
     * and the file read with {@link #chunks}, or, when the read got to the end of the file, with
     * {@link CsvChunks.GuessFailed#secondPass()}, which needs only the second pass. A caller whose work on a chunk can
     * fail because of a column's type should treat its own failure before the end of the read like a failed guess (the
     * guessed type may be wrong).
     * When {@link CsvChunks#next()} returns null instead, every chunk given was exactly the chunk {@link #chunks}
     * gives, and {@link CsvChunks#warnings()}, {@link CsvChunks#columns()} and {@link CsvChunks#rowCount()} are those
     * of the whole file. A file of at most {@code chunkRows} rows never fails.
     *
     * <p>The errors are those of {@link #chunks}, thrown by {@link CsvChunks#next()} when the row at fault is read
     * (and nothing about a file changing while it is read, which one pass cannot see).
     *
     * @param columns the names of the columns to read (each must be a column of the file), or null for all
     * @throws InputException     for what the first rows' pass finds, and as {@link #chunks} for the header
     * @throws CancelledException when {@code progress} says so
     */
    public static CsvChunks chunksInOnePass(Path file, CsvReadOptions options, Collection<String> columns,
            int chunkRows, Progress progress) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be at least 1, got " + chunkRows);
        }
        return new Reading(file, options, progress, 1, MIN_PART_BYTES, columns == null ? null : List.copyOf(columns))
                .chunksInOnePass(chunkRows);
    }

    /**
     * Reads only the given columns of {@code file}, which is much faster for a few columns of a wide file: the other
     * fields are split off but not looked at (no type inference, no parsing, no warnings about them; the decimal mark
     * is detected from the columns read). The table has the columns in file order.
     *
     * @param columns the names of the columns to read; each must be a column of the file
     * @throws InputException as {@link #read(Path, CsvReadOptions, Progress)}, and naming a column the file does not
     *                        have
     */
    public static CsvReadResult read(Path file, CsvReadOptions options, Collection<String> columns,
            Progress progress) {
        return new Reading(file, options, progress, PARTS, MIN_PART_BYTES, List.copyOf(columns)).run();
    }

    /**
     * The column names of {@code file}'s header, read with {@code options} (the delimiter set or detected), without
     * reading further.
     *
     * @throws InputException as {@link #read(Path, CsvReadOptions, Progress)} for everything up to the header
     */
    public static List<String> header(Path file, CsvReadOptions options) {
        return new Reading(file, options, Progress.NONE, 1, 1, null).header();
    }

    /** {@link #read(Path, CsvReadOptions, Progress)} with the first pass in {@code parts} parts of any size (tests). */
    static CsvReadResult read(Path file, CsvReadOptions options, Progress progress, int parts) {
        return new Reading(file, options, progress, parts, 1, null).run();
    }

    /** {@link #chunks} with the first pass in {@code parts} parts of any size (tests). */
    static CsvChunks chunks(Path file, CsvReadOptions options, int chunkRows, Progress progress, int parts) {
        return new Reading(file, options, progress, parts, 1, null).chunks(chunkRows);
    }

    /** One read of one file. */
    private static final class Reading {
        private final Path file;
        private final String label;
        private final CsvReadOptions options;
        private final Progress progress;
        private final MissingTokens missing;
        private final List<String> warnings = new ArrayList<>();
        private long size;
        private char delimiter;
        private List<String> names;
        /** The columns to read (null: all), and then the indexes in {@link #names} of those read. */
        private final List<String> wanted;
        private int[] keep;
        /** Fields per row, including the dropped trailing unnamed columns. */
        private int width;
        /** How many parts (threads) the first pass may split the file into, and the smallest part. */
        private final int parts;
        private final long minPartBytes;

        Reading(Path file, CsvReadOptions options, Progress progress, int parts, long minPartBytes,
                List<String> wanted) {
            this.wanted = wanted;
            this.parts = parts;
            this.minPartBytes = minPartBytes;
            this.file = file;
            this.label = file.toString();
            this.options = options;
            this.progress = progress;
            this.missing = new MissingTokens(options.missingTokens());
        }

        CsvReadResult run() {
            Prepared prepared = prepare(true);
            List<ColumnInference> inferences = prepared.inferences;
            int parts = prepared.starts.length;
            int[][] pending = new int[inferences.size()][];
            for (int j = 0; j < pending.length; j++) {
                pending[j] = prepared.eager[j].pendingRows(inferences.get(j), prepared.decimalComma, parts);
            }
            Column[][] again = new Column[parts][];
            for (int k = 0; k < parts; k++) {
                again[k] = reread(prepared, k, pending, progress.range(0.9 + 0.1 * k / parts,
                        0.9 + 0.1 * (k + 1) / parts));
            }
            // Building a column joins its parts (copies of its values): the second half of the columns is built on
            // another thread.
            Column[] built = new Column[pending.length];
            int half = parts > 1 ? pending.length / 2 : pending.length;
            CompletableFuture<Void> second = half == pending.length ? null : Background.start(() -> {
                build(prepared, again, half, pending.length, built);
                return null;
            }, "csv-read-build-" + file.getFileName());
            build(prepared, again, 0, half, built);
            if (second != null) {
                Background.join(second);
            }
            List<Column> columns = Arrays.asList(built);
            progress.update(1, null);
            return new CsvReadResult(Table.of(columns), delimiter, prepared.decimalComma, warnings, inferences,
                    prepared.rows);
        }

        /** Builds the columns {@code from..to} into {@code built} (and releases their loaded values). */
        private void build(Prepared prepared, Column[][] again, int from, int to, Column[] built) {
            Column[] byPart = new Column[again.length];
            for (int j = from; j < to; j++) {
                for (int k = 0; k < again.length; k++) {
                    byPart[k] = again[k][j];
                }
                built[j] = prepared.eager[j].build(byPart, prepared.inferences.get(j), prepared.decimalComma);
                prepared.eager[j] = null;
            }
        }

        /**
         * Loads again, in the decided types, the first {@code pending[j][part]} rows of part {@code part} for every
         * column {@code j} whose guess did not hold there ({@link EagerColumn}), reading only as far as the longest
         * such run; returns a column per column index (null where nothing was pending).
         */
        private Column[] reread(Prepared prepared, int part, int[][] pending, Progress pass) {
            ColumnSink[] sinks = new ColumnSink[pending.length];
            int upTo = 0;
            List<String> which = new ArrayList<>();
            for (int j = 0; j < pending.length; j++) {
                int rows = pending[j][part];
                if (rows > 0) {
                    sinks[j] = ColumnSink.of(prepared.inferences.get(j), rows, prepared.decimalComma, missing);
                    upTo = Math.max(upTo, rows);
                    which.add(names.get(keep[j]));
                }
            }
            Column[] out = new Column[pending.length];
            if (upTo == 0) {
                return out;
            }
            pass.update(0, "Reading " + file.getFileName() + " again for " + Names.quote(which));
            readPartAgain(part, prepared.starts, upTo, pass, (source, row) -> {
                for (int j = 0; j < sinks.length; j++) {
                    if (row < pending[j][part] && !sinks[j].add(source.field(keep[j]))) {
                        throw changed(); // pass 1 found only numbers in this column
                    }
                }
            });
            for (int j = 0; j < sinks.length; j++) {
                if (sinks[j] != null) {
                    out[j] = sinks[j].build();
                }
            }
            return out;
        }

        /** What the first pass decided: the row count, the decimal mark and every column's type. */
        /** {@code starts}: where the parts of the first pass start in the file (bytes). */
        private record Prepared(int rows, boolean decimalComma, List<ColumnInference> inferences, EagerColumn[] eager,
                long[] starts) {
        }

        /** Checks the file and sets the delimiter (set, or detected on the file's first MiB); returns that sample. */
        private Sample detect() {
            checkFile();
            Sample sample = sample();
            if (!sample.truncated && sample.text.isBlank()) {
                throw emptyFile();
            }
            delimiter = options.delimiter() != null ? options.delimiter()
                    : DelimiterDetector.detect(sample.text, sample.truncated);
            if (options.delimiter() != null) {
                checkSetDelimiter(sample);
            }
            if (options.decimalMark() == DecimalMark.COMMA && delimiter == ',') {
                throw new InputException(label + ": decimal comma is set but the delimiter is ','; set the"
                        + " delimiter to ';' (or tab or |) or the decimal mark to point");
            }
            return sample;
        }

        /** The column names of the header, after the checks a read starts with. */
        List<String> header() {
            detect();
            readHeaderRecord();
            return names;
        }

        /**
         * Checks the file, detects the delimiter, runs the first pass and decides the decimal mark and the types;
         * {@code whole} for a whole read, whose first pass also loads the values ({@link EagerColumn}).
         */
        private Prepared prepare(boolean whole) {
            Sample sample = detect();
            String name = String.valueOf(file.getFileName());
            progress.update(0, whole ? "Reading " + name : "Reading " + name + " (pass 1 of 2: checking)");
            FirstPass first = firstPass(progress.range(0, whole ? 0.9 : 0.5), whole ? expectedRows(sample) : -1);
            boolean decimalComma = decideDecimalComma(first.stats, warnings);
            double passed = whole ? 0.9 : 0.5;
            completeDistinct(first, decimalComma, progress.range(passed, passed));
            List<ColumnInference> inferences = decideTypes(first.stats, decimalComma, warnings);
            if (!whole) {
                progress.update(0.5, "Reading " + name + " in chunks (pass 2 of 2)");
            }
            return new Prepared(first.rows, decimalComma, inferences, first.eager, first.starts);
        }

        /**
         * Collects the distinct values the first pass left out ({@link ColumnStats}: the rows of each part before its
         * first non-number) for every column that is not numeric under the decided mark, by reading those rows again;
         * reads only as far as the longest such run of each part, and nothing for a file of numeric columns.
         */
        private void completeDistinct(FirstPass first, boolean decimalComma, Progress pass) {
            ColumnStats[] stats = first.stats;
            int parts = first.starts.length;
            int[][] rows = new int[stats.length][];
            for (int j = 0; j < stats.length; j++) {
                if (stats[j].notNumbers(decimalComma) > 0 && stats[j].distinctIncomplete()) {
                    rows[j] = stats[j].deferredRows();
                    if (rows[j].length != parts) {
                        throw new IllegalStateException("column '" + stats[j].name + "': " + rows[j].length
                                + " parts of deferred rows for " + parts + " parts");
                    }
                }
            }
            for (int k = 0; k < parts; k++) {
                int upTo = 0;
                for (int[] r : rows) {
                    upTo = r == null ? upTo : Math.max(upTo, r[k]);
                }
                if (upTo == 0) {
                    continue;
                }
                int part = k;
                readPartAgain(part, first.starts, upTo, pass, (source, row) -> {
                    for (int j = 0; j < rows.length; j++) {
                        if (rows[j] != null && row < rows[j][part]) {
                            CharSequence v = source.field(keep[j]);
                            if (!missing.matches(v)) {
                                stats[j].addDeferred(v);
                            }
                        }
                    }
                });
            }
        }

        /**
         * Reads the first {@code upTo} records of part {@code part} (starting at byte {@code starts[part]}; part 0
         * after the header) again, handing each to {@code visit} with its index in the part; fails when the file
         * changed since the first pass.
         */
        private void readPartAgain(int part, long[] starts, int upTo, Progress pass, ObjIntConsumer<CsvLexer> visit) {
            try (Utf8Source in = part == 0 ? open() : openPart(starts[part], -1);
                    CsvLexer source = new CsvLexer(in, label, delimiter)) {
                if (part == 0 && (!source.next() || source.size() != width)) {
                    throw changed();
                }
                source.names(names);
                for (int row = 0; row < upTo; row++) {
                    if (!source.next()) {
                        throw changed();
                    }
                    checkWidth(source);
                    visit.accept(source, row);
                    if ((row + 1) % CHECK_EVERY == 0) {
                        pass.checkCancelled();
                        pass.update((double) row / upTo, null);
                    }
                }
            }
        }

        /** Prepares a read in chunks: the first pass now, the second pass chunk by chunk. */
        CsvChunks chunks(int chunkRows) {
            Prepared prepared = prepare(false);
            return new CsvChunks(new ChunkPass(prepared, chunkRows, progress.range(0.5, 1)), delimiter,
                    prepared.decimalComma, warnings, prepared.inferences, prepared.rows);
        }

        /**
         * Prepares a read in chunks in one pass ({@link CsvReader#chunksInOnePass}): the types and the decimal mark of
         * the first {@code chunkRows} rows now (a first pass over them), then the first pass over the whole file and
         * the loading of the chunks go together.
         */
        CsvChunks chunksInOnePass(int chunkRows) {
            detect();
            readHeaderRecord();
            progress.update(0, "Reading " + file.getFileName() + " in chunks");
            PartScan.Layout layout = layout(false);
            PartScan head = new PartScan(layout, -1, 0);
            try (Utf8Source in = open(); CsvLexer source = new CsvLexer(in, label, delimiter)) {
                source.names(names);
                source.next(); // the header
                head.scan(source, chunkRows, null, false, in, progress::checkCancelled);
            }
            List<String> unused = new ArrayList<>();
            boolean decimalComma = decideDecimalComma(head.stats, unused);
            completeDistinct(new FirstPass(head.stats, head.rows, null, new long[] {0}), decimalComma, Progress.NONE);
            List<ColumnInference> guess = decideTypes(head.stats, decimalComma, unused);
            OnePass pass = new OnePass(new PartScan(layout, -1, 0), guess, decimalComma, chunkRows, progress);
            CsvChunks chunks = new CsvChunks(pass, delimiter, decimalComma, null, guess, -1);
            pass.chunks = chunks;
            return chunks;
        }

        /**
         * Chunks read one at a time from one open file ({@link CsvReader#chunks}): each chunk is read on a thread of
         * its own while the caller works on the chunk before (scoring, writing), so a second core reads while the
         * first computes. Only one read runs at a time and the caller waits for it before it touches the file again,
         * so the chunks are exactly those of reading on the caller's thread.
         */
        private abstract class ChunkReader implements CsvChunks.Source {
            final Progress pass;
            Utf8Source in;
            CsvLexer source;
            boolean done;
            /** The next chunk, being read on another thread while the caller works on the last one. */
            private CompletableFuture<Table> ahead;

            ChunkReader(Progress pass) {
                this.pass = pass;
            }

            @Override
            public Table next() {
                Table chunk;
                if (ahead != null) {
                    CompletableFuture<Table> f = ahead;
                    ahead = null;
                    chunk = Background.join(f);
                } else {
                    chunk = read();
                }
                pass.checkCancelled();
                pass.update(done ? 1 : fraction(in), null);
                if (chunk != null && !done) {
                    ahead = Background.start(this::read, "csv-read-ahead-" + file.getFileName());
                }
                return chunk;
            }

            /** Reads the next chunk, or finds the end of the file (null); may run on another thread. */
            private Table read() {
                if (done) {
                    return null;
                }
                boolean ok = false;
                try {
                    if (source == null) {
                        in = open();
                        source = new CsvLexer(in, label, delimiter);
                        if (!source.next() || source.size() != width) {
                            throw changed();
                        }
                        source.names(names);
                    }
                    Table chunk = readChunk();
                    if (chunk == null) {
                        done = true;
                        closeFile();
                    }
                    ok = true;
                    return chunk;
                } finally {
                    if (!ok) {
                        done = true;
                        closeFile();
                    }
                }
            }

            /** The next chunk from {@link #source} (open past the header), or null at the end of the file. */
            abstract Table readChunk();

            /** Waits for a chunk being read ahead (its outcome no longer matters), then closes the file. */
            @Override
            public void close() {
                if (ahead != null) {
                    try {
                        ahead.join();
                    } catch (CompletionException | CancellationException e) {
                        // the caller is done with the chunks; a failure of one it will not read is moot
                    }
                    ahead = null;
                }
                closeFile();
            }

            private void closeFile() {
                if (source != null) {
                    source.close(); // closes in too
                    source = null;
                }
                if (in != null) {
                    in.close();
                    in = null;
                }
            }
        }

        /** The second pass of a read in chunks ({@link CsvReader#chunks}): loads one chunk at a time. */
        private final class ChunkPass extends ChunkReader {
            private final Prepared prepared;
            private final int chunkRows;
            private int row;

            ChunkPass(Prepared prepared, int chunkRows, Progress pass) {
                super(pass);
                this.prepared = prepared;
                this.chunkRows = chunkRows;
            }

            @Override
            Table readChunk() {
                int size = Math.min(chunkRows, prepared.rows - row);
                if (size <= 0) {
                    if (source.next()) {
                        throw changed(); // the file must end here
                    }
                    return null;
                }
                return load(size);
            }

            /** Reads the next {@code size} rows into builders sized for them. */
            private Table load(int size) {
                ColumnSink[] sinks = new ColumnSink[prepared.inferences.size()];
                for (int j = 0; j < sinks.length; j++) {
                    sinks[j] = ColumnSink.of(prepared.inferences.get(j), size, prepared.decimalComma, missing);
                }
                for (int i = 0; i < size; i++) {
                    if (!source.next()) {
                        throw changed();
                    }
                    checkWidth(source);
                    row++;
                    for (int j = 0; j < sinks.length; j++) {
                        if (!sinks[j].add(source.field(keep[j]))) {
                            throw changed(); // pass 1 found only numbers in this column
                        }
                    }
                    if (row % CHECK_EVERY == 0) {
                        pass.checkCancelled(); // may be on the read-ahead thread: progress is reported per chunk
                    }
                }
                return build(sinks);
            }
        }

        /**
         * A read in chunks in one pass ({@link CsvReader#chunksInOnePass}): every chunk is loaded in the types guessed
         * from the first rows while the first pass over the whole file ({@link PartScan#scan}) counts what type
         * inference needs; at the end of the file the whole file's types and mark must be the guessed ones.
         */
        private final class OnePass extends ChunkReader {
            private final PartScan scan;
            private final List<ColumnInference> guess;
            private final boolean decimalComma;
            private final int chunkRows;
            CsvChunks chunks;

            OnePass(PartScan scan, List<ColumnInference> guess, boolean decimalComma, int chunkRows, Progress pass) {
                super(pass);
                this.scan = scan;
                this.guess = guess;
                this.decimalComma = decimalComma;
                this.chunkRows = chunkRows;
            }

            @Override
            Table readChunk() {
                ColumnSink[] sinks = new ColumnSink[guess.size()];
                for (int j = 0; j < sinks.length; j++) {
                    sinks[j] = ColumnSink.of(guess.get(j), Math.min(chunkRows, 1 << 16), decimalComma, missing);
                }
                // Cancellation only: progress is reported per chunk, and this may be the read-ahead thread.
                if (scan.scan(source, chunkRows, sinks, decimalComma, in, pass::checkCancelled) > 0) {
                    for (int j = 0; j < sinks.length; j++) {
                        ColumnInference c = guess.get(j);
                        if (c.type() == ColumnType.CATEGORICAL && !c.fromSchema() && scan.stats[j].manyDistinct()) {
                            // Past the level limit: the whole file cannot read it as categorical; say so now rather
                            // than at the end of the file.
                            throw new CsvChunks.GuessFailed(label + ": column '" + c.name() + "' has more than "
                                    + options.maxCategoricalLevels() + " distinct values in the whole file but not in"
                                    + " its first rows");
                        }
                    }
                    return build(sinks);
                }
                // The end of the file: the scan has counted the whole file as the first pass of a read in two passes
                // counts it (in one part), so the types and mark decided here are that read's; when they are not the
                // guess, its second pass can start from these counts.
                List<String> found = new ArrayList<>();
                endWarnings(scan, found);
                boolean comma = decideDecimalComma(scan.stats, found);
                completeDistinct(new FirstPass(scan.stats, scan.rows, null, new long[] {0}), comma, cancelOnly(pass));
                List<ColumnInference> decided = decideTypes(scan.stats, comma, found);
                Supplier<CsvChunks> secondPass = secondPass(new Prepared(scan.rows, comma, decided, null,
                        new long[] {0}), found, chunkRows);
                if (comma != decimalComma) {
                    throw new CsvChunks.GuessFailed(label + ": the decimal mark of the whole file is not that of its"
                            + " first rows", secondPass);
                }
                for (int j = 0; j < decided.size(); j++) {
                    if (decided.get(j).type() != guess.get(j).type()) {
                        throw new CsvChunks.GuessFailed(label + ": column '" + decided.get(j).name() + "' is "
                                + decided.get(j).type().key() + " in the whole file but "
                                + guess.get(j).type().key() + " in its first rows", secondPass);
                    }
                }
                chunks.settle(found, decided, scan.rows);
                return null;
            }
        }

        /**
         * The second pass of a read in chunks on a first pass already made (the counts of a one pass that got to the
         * end of the file): a new read on every call, reporting to this read's progress. (A method of the reading
         * rather than a lambda in the one pass, which would keep the one pass's counts alive as long as the
         * exception.)
         */
        private Supplier<CsvChunks> secondPass(Prepared prepared, List<String> found, int chunkRows) {
            return () -> new CsvChunks(new ChunkPass(prepared, chunkRows, progress), delimiter, prepared.decimalComma,
                    found, prepared.inferences, prepared.rows);
        }

        /** Progress that only forwards cancellation (for work on the read-ahead thread). */
        private static Progress cancelOnly(Progress progress) {
            return new Progress() {
                @Override
                public void update(double fraction, String message) {
                }

                @Override
                public void checkCancelled() {
                    progress.checkCancelled();
                }
            };
        }

        private static Table build(ColumnSink[] sinks) {
            List<Column> columns = new ArrayList<>(sinks.length);
            for (ColumnSink s : sinks) {
                columns.add(s.build());
            }
            return Table.of(columns);
        }

        private record FirstPass(ColumnStats[] stats, int rows, EagerColumn[] eager, long[] starts) {
        }

        /**
         * Checks the structure, counts the rows and collects what type inference needs; adds the warnings about
         * dropped columns and a file without data rows. With {@code expectedRows >= 0} (a whole read) it also loads
         * every column on a guess of its type ({@link EagerColumn}).
         *
         * <p>A large file is scanned in parts on several threads ({@link #splits}); should any part fail, the file is
         * scanned again in one part, so that errors are exactly those of a read in one part.
         */
        private FirstPass firstPass(Progress pass, int expectedRows) {
            readHeaderRecord();
            PartScan.Layout layout = layout(expectedRows >= 0);
            long[] splits = splits();
            PartScan scan = splits.length > 2 ? scanParts(layout, splits, expectedRows, pass) : null;
            long[] starts = Arrays.copyOf(splits, splits.length - 1);
            if (scan == null) {
                starts = new long[] {0};
                PartScan one = new PartScan(layout, expectedRows, 0);
                try (Utf8Source in = open()) {
                    one.run(in, true, pass, () -> one.bytesRead, size, () -> false);
                }
                scan = one;
            }
            endWarnings(scan, warnings);
            return new FirstPass(scan.stats, scan.rows, scan.eager, starts);
        }

        /** The warnings about a whole file's first pass: dropped columns, no data rows. */
        private void endWarnings(PartScan scan, List<String> warnings) {
            if (width > names.size()) {
                int dropped = width - names.size();
                long values = scan.droppedValues;
                warnings.add("dropped " + (dropped == 1 ? "the last column" : "the last " + dropped + " columns")
                        + (dropped == 1 ? " (column " + width : " (columns " + (names.size() + 1) + ".." + width)
                        + ") because the header gives " + (dropped == 1 ? "it" : "them") + " no name"
                        + (values == 0 ? "" : "; " + values + " non-empty "
                                + (values == 1 ? "value there was" : "values there were")
                                + " ignored (first at line " + scan.firstDroppedValueLine + ")"));
            }
            if (scan.rows == 0) {
                warnings.add("the file has a header but no data rows");
            }
        }

        /** How the first pass scans this file; {@code eager}: loading every column on a guess of its type. */
        private PartScan.Layout layout(boolean eager) {
            return new PartScan.Layout(label, delimiter, names, width, keep, missing, options.maxCategoricalLevels(),
                    eager, options.decimalMark() == DecimalMark.COMMA);
        }

        /** Reads the header record and sets {@link #names} and {@link #width}. */
        private void readHeaderRecord() {
            try (Utf8Source in = open(); CsvLexer source = new CsvLexer(in, label, delimiter)) {
                if (!source.next()) {
                    throw emptyFile();
                }
                readHeader(header(source), source.startLine());
            }
        }

        /**
         * Where the parts start, and the file size at the end: {@code {0, size}} for one part. A file of at least
         * {@link #minPartBytes} per part is split into {@link #parts} parts, each starting just after the first LF at
         * or after its share of the bytes. Such an LF may be inside a quoted field; then the part before it ends
         * inside quotes, fails, and the file is scanned in one part.
         */
        private long[] splits() {
            if (parts < 2 || size < minPartBytes * parts) {
                return new long[] {0, size};
            }
            List<Long> starts = new ArrayList<>(List.of(0L));
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            try (SeekableByteChannel ch = Files.newByteChannel(file)) {
                for (int i = 1; i < parts; i++) {
                    long at = Math.max(starts.get(starts.size() - 1), size * i / parts);
                    long found = -1;
                    for (long pos = at; found < 0 && pos < size && pos < at + SPLIT_SEARCH; pos += buf.limit()) {
                        ch.position(pos);
                        buf.clear();
                        if (ch.read(buf) <= 0) {
                            break;
                        }
                        buf.flip();
                        for (int k = 0; k < buf.limit(); k++) {
                            if (buf.get(k) == '\n') {
                                found = pos + k + 1;
                                break;
                            }
                        }
                    }
                    if (found > starts.get(starts.size() - 1) && found < size) {
                        starts.add(found);
                    }
                }
            } catch (IOException e) {
                return new long[] {0, size}; // the one-part scan reports the problem, if it persists
            }
            long[] out = new long[starts.size() + 1];
            for (int i = 0; i < starts.size(); i++) {
                out[i] = starts.get(i);
            }
            out[starts.size()] = size;
            return out;
        }

        /**
         * Scans the parts {@code splits[i]..splits[i+1]} on as many threads (the first on this one), and joins them in
         * file order; null when a part failed (its error may be an artefact of the split) or the rows are too many.
         */
        private PartScan scanParts(PartScan.Layout layout, long[] splits, int expectedRows, Progress pass) {
            int n = splits.length - 1;
            PartScan[] scans = new PartScan[n];
            for (int i = 0; i < n; i++) {
                scans[i] = new PartScan(layout, expectedRows / n + 16, i);
            }
            AtomicBoolean stop = new AtomicBoolean();
            Throwable[] failures = new Throwable[n];
            LongSupplier total = () -> {
                long sum = 0;
                for (PartScan p : scans) {
                    sum += p.bytesRead;
                }
                return sum;
            };
            Thread[] threads = new Thread[n];
            for (int i = 1; i < n; i++) {
                int part = i;
                threads[i] = new Thread(() -> scanPart(scans[part], splits, part, null, total, stop, failures),
                        "csv-read-" + file.getFileName() + "-part-" + (i + 1));
                threads[i].setDaemon(true);
                threads[i].start();
            }
            scanPart(scans[0], splits, 0, pass, total, stop, failures);
            for (int i = 1; i < n; i++) {
                while (threads[i].isAlive()) {
                    try {
                        threads[i].join(100);
                    } catch (InterruptedException e) {
                        stop.set(true);
                        Thread.currentThread().interrupt();
                        failures[0] = new CancelledException();
                    }
                    if (!stop.get()) {
                        try {
                            pass.checkCancelled();
                            pass.update(size <= 0 ? Double.NaN : Math.min(1.0, (double) total.getAsLong() / size), null);
                        } catch (CancelledException e) {
                            failures[0] = e;
                            stop.set(true);
                        }
                    }
                }
            }
            for (Throwable t : failures) {
                if (t instanceof CancelledException c) {
                    throw c;
                }
            }
            for (Throwable t : failures) {
                if (t instanceof Error e) {
                    throw e;
                }
                if (t instanceof RuntimeException r && !(r instanceof InputException)
                        && !(r instanceof PartScan.Stopped)) {
                    throw r;
                }
            }
            for (Throwable t : failures) {
                if (t != null) {
                    return null;
                }
            }
            for (int i = 1; i < n; i++) {
                if ((long) scans[0].rows + scans[i].rows > MAX_ROWS) {
                    return null;
                }
                scans[0].append(scans[i]);
            }
            return scans[0];
        }

        private void scanPart(PartScan scan, long[] splits, int part, Progress pass, LongSupplier total,
                AtomicBoolean stop, Throwable[] failures) {
            boolean last = part == splits.length - 2;
            try (Utf8Source in = openPart(splits[part], last ? -1 : splits[part + 1])) {
                scan.run(in, part == 0, pass, total, size, stop::get);
            } catch (Throwable t) {
                failures[part] = t;
                stop.set(true);
            }
        }

        /** The bytes from {@code from} to {@code to} (-1: to the end of the file). */
        private Utf8Source openPart(long from, long to) {
            try {
                SeekableByteChannel ch = Files.newByteChannel(file);
                ch.position(from);
                InputStream in = Channels.newInputStream(ch);
                return new Utf8Source(to < 0 ? in : new BoundedStream(in, to - from), label, from == 0);
            } catch (IOException e) {
                throw new InputException(label + ": cannot read the file: " + e.getMessage(), e);
            }
        }

        private void checkFile() {
            if (Files.isDirectory(file)) {
                throw new InputException(label + ": is a directory, not a CSV file");
            }
            if (!Files.exists(file)) {
                throw new InputException(label + ": file not found"
                        + (file.isAbsolute() ? "" : " (looked for " + file.toAbsolutePath() + ")"));
            }
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new InputException(label + ": cannot read the file: " + e.getMessage(), e);
            }
        }

        private Utf8Source open() {
            try {
                InputStream in = Files.newInputStream(file);
                return new Utf8Source(in, label);
            } catch (NoSuchFileException e) {
                throw new InputException(label + ": file not found", e);
            } catch (AccessDeniedException e) {
                throw new InputException(label + ": cannot read the file: permission denied", e);
            } catch (IOException e) {
                throw new InputException(label + ": cannot read the file: " + e.getMessage(), e);
            }
        }

        private double fraction(Utf8Source in) {
            return size <= 0 ? Double.NaN : Math.min(1.0, (double) in.bytesRead() / size);
        }

        private record Sample(String text, boolean truncated) {
        }

        /** The data rows the file probably has, from its size and the sample's bytes per line (a first capacity). */
        private int expectedRows(Sample sample) {
            long lines = sample.text.chars().filter(c -> c == '\n').count();
            long bytes = sample.text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (!sample.truncated || lines < 2) {
                return (int) Math.max(0, lines);
            }
            // A tenth more than the estimate, so that columns rarely grow (a copy of every loaded value).
            return (int) Math.min(MAX_ROWS, size * lines / Math.max(1, bytes) * 11 / 10 + 16);
        }

        /** The first {@link DelimiterDetector#SAMPLE_CHARS} characters of the file. */
        private Sample sample() {
            char[] buf = new char[DelimiterDetector.SAMPLE_CHARS + 1];
            int n = 0;
            try (Utf8Source in = open()) {
                while (n < buf.length) {
                    int k = in.read(buf, n, buf.length - n);
                    if (k < 0) {
                        break;
                    }
                    n += k;
                }
            } catch (IOException e) {
                throw new InputException(label + ": cannot read the file: " + e.getMessage(), e);
            }
            boolean truncated = n > DelimiterDetector.SAMPLE_CHARS;
            return new Sample(new String(buf, 0, Math.min(n, DelimiterDetector.SAMPLE_CHARS)), truncated);
        }

        /**
         * A set delimiter that leaves the header one single column while another candidate splits the header and the
         * first records into the same number of columns (more than one) is a mistake, not a one-column file.
         */
        private void checkSetDelimiter(Sample sample) {
            DelimiterDetector.Shape given = DelimiterDetector.shape(sample.text, sample.truncated, delimiter);
            if (given.headerFields() != 1) {
                return;
            }
            char other = DelimiterDetector.detect(sample.text, sample.truncated);
            if (other == delimiter) {
                return;
            }
            DelimiterDetector.Shape split = DelimiterDetector.shape(sample.text, sample.truncated, other);
            if (split.headerFields() > 1 && split.consistent()) {
                throw new InputException(label + ": the delimiter is set to " + CsvReadOptions.describe(delimiter)
                        + ", which leaves the header one single column (" + quote(given.firstField()) + "), but "
                        + CsvReadOptions.describe(other) + " splits it into " + split.headerFields()
                        + " columns; set the delimiter to " + CsvReadOptions.describe(other)
                        + " (or leave it unset to detect it)");
            }
        }

        private InputException emptyFile() {
            return new InputException(label + ": the file is empty; expected a header row with the column names");
        }

        private InputException changed() {
            return new InputException(label + ": the file changed while it was being read; read it again");
        }

        /** Checks the header and sets {@link #names} and {@link #width}. */
        private void readHeader(List<String> header, long line) {
            width = header.size();
            int kept = width;
            while (kept > 0 && header.get(kept - 1).isBlank()) {
                kept--;
            }
            if (kept == 0) {
                throw new InputException(label + ", line " + line + ": the header row has no column names");
            }
            Map<String, Integer> seen = new HashMap<>();
            List<String> out = new ArrayList<>(kept);
            for (int j = 0; j < kept; j++) {
                String n = header.get(j);
                if (n.isBlank()) {
                    throw new InputException(label + ", line " + line + ": column " + (j + 1)
                            + " has an empty name (between '" + header.get(j - 1 < 0 ? 0 : j - 1) + "' and '"
                            + nextName(header, j) + "'); every column needs a name");
                }
                Integer before = seen.put(n, j);
                if (before != null) {
                    throw new InputException(label + ", line " + line + ": column name '" + n
                            + "' appears twice (columns " + (before + 1) + " and " + (j + 1)
                            + "); column names must be unique");
                }
                out.add(n);
            }
            for (String s : options.schema().keySet()) {
                if (!seen.containsKey(s)) {
                    throw new InputException(label + ": the schema sets the type of column '" + s
                            + "', which the file does not have; its columns are " + Names.quote(out));
                }
            }
            names = out;
            if (wanted == null) {
                keep = new int[out.size()];
                for (int j = 0; j < keep.length; j++) {
                    keep[j] = j;
                }
            } else {
                List<Integer> at = new ArrayList<>();
                for (String w : wanted) {
                    Integer j = seen.get(w);
                    if (j == null) {
                        throw new InputException(label + ": column '" + w + "' is needed but the file does not have"
                                + " it; its columns are " + Names.quote(out));
                    }
                    if (!at.contains(j)) {
                        at.add(j);
                    }
                }
                keep = at.stream().mapToInt(Integer::intValue).sorted().toArray();
            }
        }

        private static List<String> header(CsvLexer source) {
            List<String> out = new ArrayList<>(source.size());
            for (int j = 0; j < source.size(); j++) {
                out.add(source.get(j));
            }
            return out;
        }

        private static String nextName(List<String> header, int j) {
            for (int k = j + 1; k < header.size(); k++) {
                if (!header.get(k).isBlank()) {
                    return header.get(k);
                }
            }
            return "";
        }

        private void checkWidth(CsvLexer source) {
            CsvReader.checkWidth(source, width, label, delimiter);
        }

        /** The decimal mark the first pass's {@code stats} decide; its warning goes to {@code warnings}. */
        private boolean decideDecimalComma(ColumnStats[] stats, List<String> warnings) {
            switch (options.decimalMark()) {
                case COMMA:
                    return true;
                case POINT:
                    return false;
                default:
                    break;
            }
            if (delimiter != ';') {
                return false;
            }
            ColumnStats commaAt = null;
            ColumnStats pointAt = null;
            for (ColumnStats s : stats) {
                if (s.commaOnly > 0 && (commaAt == null || s.firstCommaOnlyLine < commaAt.firstCommaOnlyLine)) {
                    commaAt = s;
                }
                if (s.pointOnly > 0 && (pointAt == null || s.firstPointOnlyLine < pointAt.firstPointOnlyLine)) {
                    pointAt = s;
                }
            }
            if (commaAt != null && pointAt != null) {
                warnings.add("the file has numbers with a decimal comma (column '" + commaAt.name + "', line "
                        + commaAt.firstCommaOnlyLine + ": " + quote(commaAt.firstCommaOnlyValue)
                        + ") and with a decimal point (column '" + pointAt.name + "', line "
                        + pointAt.firstPointOnlyLine + ": " + quote(pointAt.firstPointOnlyValue)
                        + "); read with a decimal point; set the decimal mark to comma to read decimal commas");
            }
            return commaAt != null && pointAt == null;
        }

        /** The types the first pass's {@code stats} decide; their warnings go to {@code warnings}. */
        private List<ColumnInference> decideTypes(ColumnStats[] stats, boolean decimalComma, List<String> warnings) {
            List<ColumnInference> out = new ArrayList<>(stats.length);
            for (ColumnStats s : stats) {
                ColumnType forced = options.schema().get(s.name);
                int bad = s.notNumbers(decimalComma);
                if (forced != null) {
                    out.add(new ColumnInference(s.name, forced, true, "set by the schema"));
                    if (forced == ColumnType.NUMERIC && bad > 0) {
                        warnings.add("column '" + s.name + "': " + count(bad, "value is", "values are")
                                + " not " + (bad == 1 ? "a number" : "numbers") + " and "
                                + (bad == 1 ? "was" : "were") + " read as missing (first at line "
                                + s.firstNotNumberLine(decimalComma) + ": "
                                + quote(s.firstNotNumberValue(decimalComma)) + ")");
                    }
                    continue;
                }
                ColumnInference c = s.infer(decimalComma);
                out.add(c);
                if (c.type() != ColumnType.NUMERIC && s.almostNumeric(decimalComma)) {
                    warnings.add("column '" + s.name + "': " + bad + " of " + s.nonMissing + " values "
                            + (bad == 1 ? "is not a number" : "are not numbers") + " (first at line "
                            + s.firstNotNumberLine(decimalComma) + ": " + quote(s.firstNotNumberValue(decimalComma))
                            + "), so it is read as " + c.type().key() + "; to read it as numeric with "
                            + (bad == 1 ? "that value" : "those values") + " missing, set its type to numeric"
                            + " (or add the token to the missing tokens)");
                }
            }
            return out;
        }
    }

    /** Fails unless the current record of {@code source} has {@code width} fields. */
    static void checkWidth(CsvLexer source, int width, PartScan.Layout layout) {
        checkWidth(source, width, layout.label(), layout.delimiter());
    }

    private static void checkWidth(CsvLexer source, int width, String label, char delimiter) {
        int size = source.size();
        if (size != width) {
            throw new InputException(label + ", line " + source.startLine() + ": " + size
                    + (size == 1 ? " field" : " fields") + " but the header has " + width
                    + " (delimiter " + CsvReadOptions.describe(delimiter) + ")"
                    + (size > width ? "; quote values that contain the delimiter" : ""));
        }
    }

    /** At most {@code limit} bytes of a stream. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** A value for a message: quoted, shortened, line breaks shown as {@code \n}. */
    static String quote(String value) {
        String v = value.replace("\r", "\\r").replace("\n", "\\n");
        if (v.length() > MAX_QUOTED_VALUE) {
            v = v.substring(0, MAX_QUOTED_VALUE - 3) + "...";
        }
        return "'" + v + "'";
    }
}
