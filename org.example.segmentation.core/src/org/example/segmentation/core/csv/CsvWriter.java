package org.example.segmentation.core.csv;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.io.AtomicFile;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

/**
 * Writes a {@link Table} as CSV: a header row with the column names, then one record per row; UTF-8
 * without byte order mark; records end with {@code \n}; delimiter {@code ,} unless set.
 *
 * <p>Fields are quoted only when needed (RFC 4180, Commons CSV's minimal quoting): when they contain the
 * delimiter, a {@code "} (doubled inside), CR or LF, start with a character up to {@code #} (which includes
 * space and tab) or end with whitespace. A missing value is an empty field; in a table of one column it is
 * written {@code ""} so that the record is not an empty line (which the reader skips). Numbers are written
 * by {@link Column#format(int)}: the shortest text that reads back to the same double, without exponent.
 *
 * <p>What {@link CsvReader} reads back from this output is the same table, with these exceptions: an empty
 * text value, or a text value equal to a missing token, reads back as missing; a numeric {@code NaN} value
 * (written {@code NaN}) reads back as missing under the default missing tokens; and types are inferred
 * again (use a schema to keep them).
 *
 * <p>Writing to a {@link Path} is atomic: the output goes to a temporary file in the target's directory,
 * which is renamed over the target at the end ({@link StandardCopyOption#ATOMIC_MOVE}, or a plain replacing
 * move where the file system cannot rename atomically). If anything fails, or the write is cancelled, the
 * temporary file is deleted and an existing target is left as it was.
 *
 * <p>Text that UTF-8 cannot hold (half of a character: an unpaired surrogate, which no file read by
 * {@link CsvReader} gives) is an error naming the column and row, whatever the output.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CsvWriter {
    private static final CsvWriter DEFAULT = new CsvWriter(',');

    private final char delimiter;
    /** The delimiter in UTF-8. */
    private final byte[] delimiterBytes;

    private CsvWriter(char delimiter) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n' || Character.isLetterOrDigit(delimiter)
                || Character.isWhitespace(delimiter) && delimiter != '\t') {
            throw new InputException("CSV setting 'delimiter': " + CsvReadOptions.describe(delimiter)
                    + " cannot be a delimiter; use one of , ; tab |");
        }
        if (Character.isSurrogate(delimiter)) {
            throw new InputException("CSV setting 'delimiter': " + CsvReadOptions.describe(delimiter)
                    + " is half of a character and cannot be a delimiter; use one of , ; tab |");
        }
        this.delimiter = delimiter;
        this.delimiterBytes = String.valueOf(delimiter).getBytes(StandardCharsets.UTF_8);
    }

    /** A writer with delimiter {@code ,}. */
    public static CsvWriter defaults() {
        return DEFAULT;
    }

    /**
     * A writer with the given delimiter.
     *
     * @throws InputException when the delimiter is a quote, a line break, whitespace other than tab, a letter
     *                        or a digit
     */
    public CsvWriter withDelimiter(char newDelimiter) {
        return new CsvWriter(newDelimiter);
    }

    /** The delimiter. */
    public char delimiter() {
        return delimiter;
    }

    /** Writes {@code table} to {@code target} atomically; see {@link #write(Table, Path, Progress)}. */
    public void write(Table table, Path target) {
        write(table, target, Progress.NONE);
    }

    /**
     * Writes {@code table} to {@code target} atomically, replacing an existing file. The target's directory
     * must exist.
     *
     * @throws InputException     naming the target when it cannot be written (a directory, a missing
     *                            directory, no permission, disk full); the target is then unchanged
     * @throws CancelledException when {@code progress} says so; the target is then unchanged
     */
    public void write(Table table, Path target, Progress progress) {
        AtomicFile.write(target, out -> {
            print(table, Output.of(out), progress);
            out.flush();
        });
    }

    /**
     * Writes {@code table} to {@code out} and flushes it; {@code out} stays open (for standard output).
     *
     * @throws IOException when {@code out} fails
     */
    public void write(Table table, Writer out) throws IOException {
        write(table, out, Progress.NONE);
    }

    /** As {@link #write(Table, Writer)}, reporting progress. */
    public void write(Table table, Writer out, Progress progress) throws IOException {
        print(table, Output.of(out), progress);
        out.flush();
    }

    /**
     * Writes {@code table} to {@code out} as UTF-8 and flushes it; {@code out} stays open (for standard
     * output).
     *
     * @throws IOException when {@code out} fails
     */
    public void write(Table table, OutputStream out) throws IOException {
        print(table, Output.of(out), Progress.NONE);
        out.flush();
    }

    /**
     * A writer of one CSV text in chunks, to {@code out}: the header (the first chunk's column names) once, then the
     * rows of every chunk, exactly as {@link #write(Table, Writer)} writes the concatenated chunks. {@code out} is
     * not closed; call {@link Chunked#flush()} at the end.
     */
    public Chunked chunked(Writer out) {
        return new Chunked(Output.of(out), out::flush);
    }

    /**
     * {@link #chunked(Writer)} to a stream of bytes, in UTF-8 (the faster way: the text is formatted as UTF-8 bytes
     * and written as it is). {@code out} is not closed; call {@link Chunked#flush()} at the end.
     */
    public Chunked chunked(OutputStream out) {
        return new Chunked(Output.of(out), out::flush);
    }

    /** Writes one CSV text chunk by chunk; see {@link CsvWriter#chunked}. Not thread-safe. */
    public final class Chunked {
        private final Output out;
        private final Flushable flushable;
        private final NumberCaches caches = new NumberCaches();
        private List<String> names;

        private Chunked(Output out, Flushable flushable) {
            this.out = out;
            this.flushable = flushable;
        }

        /**
         * Writes the rows of {@code chunk} (and the header before the first chunk).
         *
         * @throws IllegalArgumentException when the chunk's column names differ from the first chunk's
         * @throws IOException              when the output fails
         */
        public void write(Table chunk) throws IOException {
            if (names == null) {
                names = chunk.columnNames();
                out.write(utf8(header(names), "the header"));
            } else if (!names.equals(chunk.columnNames())) {
                throw new IllegalArgumentException("a chunk has the columns " + chunk.columnNames()
                        + " but the first chunk had " + names);
            }
            printRows(out, chunk, Progress.NONE, caches);
        }

        /** Flushes the output (the header alone when no chunk was written: nothing). */
        public void flush() throws IOException {
            flushable.flush();
        }
    }

    /** The writing format: {@link #format(char)} with this delimiter. */
    private CSVFormat format() {
        return format(delimiter);
    }

    /**
     * The writing format, which is also the reading rule of {@link CsvLexer} (the reading tests run Commons CSV with
     * it as the reference): RFC 4180 with the given delimiter, {@code "} quotes (doubled inside a quoted field), no
     * escape character, no comments; empty lines skipped and spaces around unquoted fields and around the quotes of
     * quoted fields dropped when read; minimal quoting and {@code \n} after every record when written.
     */
    @SuppressWarnings("deprecation") // Builder.get() replaces build() only from Commons CSV 1.13; we accept 1.12
    static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setQuote('"')
                .setEscape((Character) null)
                .setCommentMarker((Character) null)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setRecordSeparator("\n")
                .setQuoteMode(QuoteMode.MINIMAL)
                .build();
    }

    private void print(Table table, Output out, Progress progress) throws IOException {
        out.write(utf8(header(table.columnNames()), "the header"));
        printRows(out, table, progress, new NumberCaches());
        progress.update(1, null);
    }

    /** The header record. */
    private String header(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < names.size(); j++) {
            if (j > 0) {
                sb.append(delimiter);
            }
            appendField(sb, names.get(j), j == 0);
        }
        return sb.append('\n').toString();
    }

    /**
     * Prints the rows of {@code table} to {@code out}.
     *
     * <p><b>Why it is shaped this way.</b> Scoring writes a wide table of a million rows, and printing it field by
     * field through Commons CSV cost more than reading the input (a new delimiter array per field, a quoting scan per
     * field, a writer call per run of characters). Here rows are formatted as UTF-8 bytes into blocks of
     * {@value #BATCH} rows, two blocks at a time, one on this thread and the next on another (formatting numbers is
     * most of the cost, and the table is immutable), and the blocks go to {@code out} in row order, so the text is the
     * same as on one thread. Bytes rather than characters: a character block went through a string copy, a writer's
     * buffer and a charset encoder before it reached the file. A categorical column's levels are quoted and encoded
     * once, up front; a number is copied as it is formatted (its characters are ASCII and never need quotes, unless
     * the delimiter is {@code .} or {@code -}), and a repeated number's text is copied from {@link NumberCache}; text goes through {@link #appendField}, which quotes exactly as
     * Commons CSV's minimal quoting does with {@link #format(char)} (the writer tests compare the two on random text).
     */
    private void printRows(Output out, Table table, Progress progress, NumberCaches caches) throws IOException {
        List<Column> columns = table.columns();
        int width = columns.size();
        int n = table.rowCount();
        byte[][][] levels = new byte[width][][];
        for (int j = 0; j < width; j++) {
            if (columns.get(j) instanceof CategoricalColumn c) {
                levels[j] = new byte[c.levelCount()][];
                for (int code = 0; code < levels[j].length; code++) {
                    StringBuilder q = new StringBuilder();
                    appendField(q, c.levels().get(code), false);
                    levels[j][code] = utf8(q, "column '" + c.name() + "', level " + code);
                }
            }
        }
        for (int from = 0; from < n; from += 2 * BATCH) {
            int mid = Math.min(n, from + BATCH);
            int to = Math.min(n, mid + BATCH);
            CompletableFuture<Block> second = mid < to
                    ? Background.start(() -> format(columns, levels, caches.second(width), mid, to),
                            "csv-write-format")
                    : null;
            Block first = format(columns, levels, caches.first(width), from, mid);
            out.write(first);
            if (second != null) {
                out.write(Background.join(second));
            }
            progress.checkCancelled();
            progress.update((double) to / n, null);
        }
    }

    /** Rows {@code from..to-1} as CSV text in UTF-8; {@code levels[j]}: the quoted levels of a categorical column j. */
    private Block format(List<Column> columns, byte[][][] levels, NumberCache[] cache, int from, int to) {
        int width = columns.size();
        boolean single = width == 1;
        // A number never needs quotes: its characters are digits, '-', '.', and the letters of NaN and Infinity, and
        // it never starts with a character up to '#'; only a delimiter among them would.
        boolean plainNumbers = delimiter != '.' && delimiter != '-';
        Block block = new Block(Math.max(16, (to - from) * width * 8));
        StringBuilder field = new StringBuilder();
        for (int row = from; row < to; row++) {
            for (int j = 0; j < width; j++) {
                if (j > 0) {
                    block.putDelimiter();
                }
                Column c = columns.get(j);
                // Each kind of column through its own class (a call on the Column interface, which three classes
                // implement, is not inlined): the code of a categorical value says whether it is missing.
                if (levels[j] != null && j > 0) {
                    int code = ((CategoricalColumn) c).code(row);
                    if (code != CategoricalColumn.MISSING) {
                        block.put(levels[j][code]);
                    }
                } else if (plainNumbers && c instanceof NumericColumn number) {
                    if (number.isMissing(row)) {
                        missing(block, single);
                    } else {
                        if (cache[j] == null) {
                            cache[j] = new NumberCache();
                        }
                        byte[] text = cache[j].text(number, row);
                        if (text != null) {
                            block.put(text);
                        } else {
                            block.putAscii(number.format(row));
                        }
                    }
                } else if (c.isMissing(row)) {
                    missing(block, single);
                } else {
                    field.setLength(0);
                    appendField(field, c.format(row), j == 0);
                    block.putText(field, c, row);
                }
            }
            block.put((byte) '\n');
        }
        return block;
    }

    /** A missing value: an empty field, written {@code ""} in a one-column table (an empty line would be skipped). */
    private static void missing(Block block, boolean single) {
        if (single) {
            block.put((byte) '"');
            block.put((byte) '"');
        }
    }

    /**
     * Appends a field, quoted when Commons CSV's minimal quoting quotes it: an empty first field of a record (else the
     * record could be an empty line); a field starting with a character up to {@code #} (space, tab, controls,
     * {@code !}, {@code "}, {@code #}), containing CR, LF, a quote or the delimiter, or ending with a character up to
     * space. Quotes inside a quoted field are doubled.
     */
    private void appendField(StringBuilder sb, String v, boolean first) {
        int len = v.length();
        if (len == 0) {
            if (first) {
                sb.append("\"\"");
            }
            return;
        }
        boolean quote = v.charAt(0) <= '#';
        for (int i = 0; i < len && !quote; i++) {
            char c = v.charAt(i);
            quote = c == '\n' || c == '\r' || c == '"' || c == delimiter;
        }
        if (!quote && v.charAt(len - 1) <= ' ') {
            quote = true;
        }
        if (!quote) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < len; i++) {
            char c = v.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** Rows formatted into one block of memory before it goes to the output. */
    private static final int BATCH = 4096;

    /**
     * The number caches of one write: one set for the blocks formatted on the calling thread, one for those formatted
     * on the other (one thread at a time uses a set: the other thread's block is joined before the next is started).
     */
    private static final class NumberCaches {
        private NumberCache[] first = new NumberCache[0];
        private NumberCache[] second = new NumberCache[0];

        NumberCache[] first(int width) {
            if (first.length != width) {
                first = new NumberCache[width];
            }
            return first;
        }

        NumberCache[] second(int width) {
            if (second.length != width) {
                second = new NumberCache[width];
            }
            return second;
        }
    }

    /**
     * A numeric column's recently formatted values and their text.
     *
     * <p><b>Why.</b> Formatting a double as its shortest round-trip digits costs about a tenth of a microsecond, and
     * a scored table holds millions of them; but many columns take few distinct values (points of a scorecard, counts,
     * flags), whose text is then copied instead of formatted again. A direct-mapped table of {@value #SLOTS} values,
     * keyed by the double's bits (so {@code -0.0} and {@code 0.0}, or two NaNs, are never confused); a column whose
     * values seldom repeat (fewer than half of the first {@value #TRIAL} found) stops being cached.
     */
    private static final class NumberCache {
        private static final int SLOTS = 4096;
        private static final int TRIAL = 4096;
        private final long[] bits = new long[SLOTS];
        private final byte[][] texts = new byte[SLOTS][];
        private int lookups;
        private int hits;
        private boolean off;

        /** The text of the (non-missing) value at {@code row}, ASCII; null once this column is not cached. */
        byte[] text(NumericColumn column, int row) {
            if (off) {
                return null;
            }
            long key = Double.doubleToRawLongBits(column.value(row));
            int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 52); // the top 12 bits: SLOTS = 4096
            byte[] text = texts[slot];
            lookups++;
            if (text != null && bits[slot] == key) {
                hits++;
                return text;
            }
            if (lookups == TRIAL && 2 * hits < TRIAL) {
                off = true;
            }
            text = ascii(column.format(row));
            bits[slot] = key;
            texts[slot] = text;
            return text;
        }

        private static byte[] ascii(String text) {
            byte[] out = new byte[text.length()];
            copyAscii(text, out, 0);
            return out;
        }
    }

    /**
     * Text in UTF-8.
     *
     * @throws InputException naming {@code where} when the text holds half of a character (an unpaired surrogate)
     */
    private static byte[] utf8(CharSequence text, String where) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
            return Arrays.copyOf(b.array(), b.remaining());
        } catch (CharacterCodingException e) {
            throw new InputException("CSV output: " + where
                    + ": the text holds half of a character (an unpaired surrogate), which UTF-8 cannot hold");
        }
    }

    /** Copies ASCII text (a formatted number) into {@code to} at {@code at}. */
    @SuppressWarnings("deprecation") // the one String method that copies into a byte array; exact for ASCII
    private static void copyAscii(String text, byte[] to, int at) {
        text.getBytes(0, text.length(), to, at);
    }

    /** Where blocks of UTF-8 text go: a stream as they are, a writer decoded (a block holds whole characters). */
    private interface Output {
        void write(byte[] bytes, int length) throws IOException;

        default void write(byte[] bytes) throws IOException {
            write(bytes, bytes.length);
        }

        default void write(Block block) throws IOException {
            write(block.bytes, block.size);
        }

        static Output of(OutputStream out) {
            return (bytes, length) -> out.write(bytes, 0, length);
        }

        static Output of(Writer out) {
            return (bytes, length) -> out.write(new String(bytes, 0, length, StandardCharsets.UTF_8));
        }
    }

    /** A growing block of UTF-8 text. */
    private final class Block {
        private byte[] bytes;
        private int size;

        Block(int capacity) {
            bytes = new byte[capacity];
        }

        private void ensure(int more) {
            if (bytes.length - size < more) {
                bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length + (bytes.length >> 1)));
            }
        }

        void put(byte b) {
            ensure(1);
            bytes[size++] = b;
        }

        void put(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        void putDelimiter() {
            if (delimiterBytes.length == 1) {
                put(delimiterBytes[0]);
            } else {
                put(delimiterBytes);
            }
        }

        /** Text known to be ASCII (a formatted number). */
        void putAscii(String text) {
            int n = text.length();
            ensure(n);
            copyAscii(text, bytes, size);
            size += n;
        }

        /**
         * A field's text (quoted already) in UTF-8; ASCII is copied, anything else encoded strictly.
         *
         * @throws InputException naming the column and row when the text holds half of a character (an unpaired
         *                        surrogate), which UTF-8 cannot hold
         */
        void putText(CharSequence text, Column column, int row) {
            int n = text.length();
            ensure(n);
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                bytes[size++] = (byte) c;
                i++;
            }
            if (i == n) {
                return;
            }
            put(utf8(text.subSequence(i, n), "column '" + column.name() + "', row " + (row + 1)));
        }
    }
}
