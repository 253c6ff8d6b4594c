package org.example.segmentation.core.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.example.segmentation.core.InputException;

/**
 * Splits CSV text into records and fields, with the physical line each record starts on; every malformed quote is an
 * {@link InputException} naming the file and the line.
 *
 * <p>The reading rules are those of {@link CsvWriter#format(char)}, which the first version of the reader parsed with
 * Commons CSV: RFC 4180 with the given delimiter, {@code "} quotes doubled inside a quoted field, no escape character,
 * no comments; empty lines skipped; spaces ({@link Character#isWhitespace}) around unquoted fields and around the
 * quotes of quoted fields dropped; a quote inside an unquoted field is an ordinary character; CR, LF and CRLF end a
 * record. Physical lines are counted as Commons CSV counts them: every CR, and every LF not preceded by a CR.
 *
 * <p><b>Why it is shaped this way.</b> Reading is the first cost of every run on a large file, and a general parser
 * spends most of its time per character in buffered-reader calls and per field in building a {@code String}. Here one
 * loop per field walks a plain {@code char[]} window and leaves an unquoted field where it is (a record is kept whole
 * in the window, moved to its front when more text is read); only a quoted field is copied, to undo its doubled
 * quotes. The fields are handed out as a reusable {@link CharSequence} view ({@link #field(int)}) whose array the
 * hot loops read directly, so a numeric value is classified and parsed without ever becoming a {@code String};
 * {@link #get(int)} makes one when it is needed.
 */
final class CsvLexer implements Closeable {
    /** The most characters a field may hold (after unquoting); a longer one is an {@link InputException}. */
    static final int MAX_FIELD = 1_000_000;
    private static final int EOF = -1;
    private static final int WINDOW = 1 << 16;

    private final Reader in;
    private final String file;
    private final char delimiter;
    private char[] window = new char[WINDOW];
    private int pos;
    private int limit;
    private boolean ended;

    /**
     * The current record's fields: field {@code j} is {@code window[starts[j]..ends[j])}, or, for a quoted field
     * ({@code quoted[j]}), {@code chars[starts[j]..ends[j])}, where its doubled quotes are undone.
     */
    private char[] chars = new char[1024];
    private int length;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] quoted = new boolean[32];
    private int size;
    /** Where the current record starts in {@link #window} (kept there by {@link #fill}), or -1 between records. */
    private int recordStart = -1;
    /** Where the unquoted field being read starts and ends in {@link #window}. */
    private int windowFieldStart;
    private int windowFieldEnd;

    /** The physical line of the next character to read (1-based). */
    private long line = 1;
    private long recordLine = -1;
    /** Where the field being read starts in {@link #chars}, and on which physical line. */
    private int fieldStart;
    private long fieldLine;
    /** The column names, for messages only; null while the header is read. */
    private String[] names;
    private final View view = new View();

    CsvLexer(Reader in, String file, char delimiter) {
        this.in = in;
        this.file = file;
        this.delimiter = delimiter;
    }

    /** Reads the next record; false at the end of the text. */
    boolean next() {
        size = 0;
        length = 0;
        recordStart = -1;
        int c = read();
        while (c == '\r' || c == '\n') { // empty lines
            endLine(c);
            c = read();
        }
        if (c == EOF) {
            recordLine = -1;
            return false;
        }
        recordLine = line;
        recordStart = pos - 1;
        while (true) {
            while (c != EOF && c != delimiter && c != '\r' && c != '\n' && isSpace((char) c)) {
                c = read();
            }
            fieldLine = line;
            if (c == '"') {
                int start = length;
                fieldStart = start;
                c = quoted();
                addField(start, length, true);
            } else {
                // The common case: the field stays where it is in the window, up to the delimiter or the end of the
                // line, without its trailing spaces.
                int start = 0;
                int end = 0;
                if (c != delimiter && c != '\r' && c != '\n' && c != EOF) {
                    windowFieldStart = pos - 1;
                    c = scanUnquoted();
                    start = windowFieldStart;
                    end = windowFieldEnd;
                    while (end > start && isSpace(window[end - 1])) {
                        end--;
                    }
                }
                addField(start, end, false);
            }
            if (c == delimiter) {
                c = read();
                continue;
            }
            if (c == '\r' || c == '\n') {
                endLine(c);
            }
            return true;
        }
    }

    /**
     * Reads a quoted field whose opening quote was just read; returns the character after the closing quote and the
     * spaces that follow it (a delimiter, a line end or EOF).
     */
    private int quoted() {
        long openedOn = line;
        boolean afterCR = false;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new InputException(file + ", line " + openedOn + ": a quoted field starts here and its closing"
                        + " '\"' is missing (a '\"' inside a quoted field must be doubled)");
            }
            if (c == '"') {
                c = read();
                if (c == '"') {
                    append('"');
                    afterCR = false;
                    continue;
                }
                while (c != delimiter && c != '\r' && c != '\n' && c != EOF) {
                    if (!Character.isWhitespace((char) c)) {
                        throw new InputException(file + ", line " + line + ": text after the closing '\"' of a quoted"
                                + " field (a '\"' inside a quoted field must be doubled, and the field must end at its"
                                + " closing quote)");
                    }
                    c = read();
                }
                return c;
            }
            if (c == '\r' || c == '\n' && !afterCR) {
                line++;
            }
            afterCR = c == '\r';
            append((char) c);
        }
    }

    /**
     * Reads the rest of an unquoted field (which starts at {@link #windowFieldStart}), sets {@link #windowFieldEnd} and
     * returns the character after it (a delimiter, a line end or EOF).
     *
     * <p>Shaped for speed, since almost every field of a large file goes through here: a tight loop over the window
     * array finds the end of the field, and the field is left where it is (no copy, no {@code read()} per character).
     * A field may run past the end of the window: {@link #fill} then keeps the record and reads on behind it.
     */
    private int scanUnquoted() {
        char d = delimiter;
        while (true) {
            char[] w = window;
            int p = pos;
            int lim = limit;
            while (p < lim) {
                char ch = w[p];
                if (ch == d || ch == '\n' || ch == '\r') {
                    break;
                }
                p++;
            }
            if (p < lim) {
                windowFieldEnd = p;
                pos = p + 1;
                return w[p];
            }
            pos = p;
            if (p - windowFieldStart > MAX_FIELD) {
                throw fieldTooLong();
            }
            if (!fill()) {
                windowFieldEnd = pos;
                return EOF;
            }
        }
    }

    /**
     * {@link Character#isWhitespace}, with the answer for printable ASCII (no whitespace there) first: every field
     * starts and ends with such a check.
     */
    private static boolean isSpace(char c) {
        return c <= ' ' || c >= 0x80 ? Character.isWhitespace(c) : false;
    }

    /** Counts the line end {@code c} (CR, LF) and consumes the LF of a CRLF. */
    private void endLine(int c) {
        line++;
        if (c == '\r' && peek() == '\n') {
            pos++;
        }
    }

    private int read() {
        if (pos == limit && !fill()) {
            return EOF;
        }
        return window[pos++];
    }

    private int peek() {
        if (pos == limit && !fill()) {
            return EOF;
        }
        return window[pos];
    }

    /**
     * Reads more text behind what the window holds. Within a record, the record's text is moved to the front of the
     * window first (its unquoted fields point into it), and a record longer than the window makes the window grow.
     */
    private boolean fill() {
        if (ended) {
            return false;
        }
        int keep = recordStart >= 0 ? recordStart : pos;
        if (keep > 0) {
            System.arraycopy(window, keep, window, 0, limit - keep);
            for (int j = 0; j < size; j++) {
                if (!quoted[j] && starts[j] != ends[j]) {
                    starts[j] -= keep;
                    ends[j] -= keep;
                }
            }
            if (recordStart >= 0) {
                recordStart -= keep;
                windowFieldStart -= keep;
            }
            pos -= keep;
            limit -= keep;
        }
        if (limit == window.length) {
            window = Arrays.copyOf(window, window.length * 2);
        }
        try {
            int n;
            do {
                n = in.read(window, limit, window.length - limit);
            } while (n == 0);
            if (n < 0) {
                ended = true;
                return false;
            }
            limit += n;
            return true;
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    private void append(char c) {
        if (length == chars.length) {
            grow();
        }
        chars[length++] = c;
    }

    /**
     * Makes room for more characters, unless the field being read already holds {@link #MAX_FIELD}: then it fails, so
     * a huge field (or a quote that never closes) is refused without being buffered beyond the limit. Checked only
     * here, off the per-character path; {@link #addField} checks the fields that fit without growing.
     */
    private void grow() {
        if (length - fieldStart >= MAX_FIELD) {
            throw fieldTooLong();
        }
        chars = Arrays.copyOf(chars, chars.length * 2);
    }

    private InputException fieldTooLong() {
        int column = size + 1;
        String name = names != null && column <= names.length ? " ('" + names[column - 1] + "')" : "";
        return new InputException(file + ", line " + fieldLine + ", column " + column + name + ": the field is longer"
                + " than " + String.format(Locale.ROOT, "%,d", MAX_FIELD) + " characters, the limit per"
                + " field; if it should be short, look for a '\"' that opens a quoted field there and is never closed");
    }

    /** Gives the column names, used in messages only. */
    void names(List<String> columnNames) {
        this.names = columnNames.toArray(String[]::new);
    }

    private void addField(int start, int end, boolean inChars) {
        if (end - start > MAX_FIELD) {
            throw fieldTooLong();
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            quoted = Arrays.copyOf(quoted, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        quoted[size] = inChars;
        size++;
    }

    /** The number of fields of the current record. */
    int size() {
        return size;
    }

    /** Field {@code j} of the current record as a new string. */
    String get(int j) {
        return new String(quoted[j] ? chars : window, starts[j], ends[j] - starts[j]);
    }

    /**
     * Field {@code j} of the current record as a view that is valid until the next call of {@code field} or
     * {@link #next()}; the same object every time.
     */
    CharSequence field(int j) {
        view.array = quoted[j] ? chars : window;
        view.start = starts[j];
        view.end = ends[j];
        return view;
    }

    /** Whether field {@code j} of the current record is empty. */
    boolean isEmpty(int j) {
        return starts[j] == ends[j];
    }

    /** The physical line (1-based) of the next character to read; after the last record, 1 + the line breaks read. */
    long line() {
        return line;
    }

    /** The physical line (1-based) on which the current record starts. */
    long startLine() {
        return recordLine;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Closing a file we only read: nothing was lost.
        }
    }

    /**
     * A field of the current record, without copying: the characters {@code array()[start..end)}. The hot loops that
     * look at every field ({@link NumberSyntax.Scanner}, {@link LevelIndex}) read the array directly.
     */
    static final class View implements CharSequence {
        private char[] array;
        int start;
        int end;

        /** The array holding the field's characters (valid until the next record). */
        char[] array() {
            return array;
        }

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(int index) {
            return array[start + index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new String(array, start + from, to - from);
        }

        @Override
        public String toString() {
            return new String(array, start, end - start);
        }
    }
}
