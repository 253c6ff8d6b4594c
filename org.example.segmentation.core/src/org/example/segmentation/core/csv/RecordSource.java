package org.example.segmentation.core.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.example.segmentation.core.InputException;

/**
 * Records of one CSV text, parsed by Commons CSV, with the physical line each record starts on and every
 * parse failure turned into an {@link InputException} naming the file and the line.
 */
final class RecordSource implements Closeable {
    private static final Pattern START_LINE = Pattern.compile("startline ([^)]+)\\)");

    private final String file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private CSVRecord current;
    private long currentStartLine;

    RecordSource(Reader reader, String file, char delimiter) {
        this.file = file;
        try {
            this.parser = format(delimiter).parse(reader);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
        this.records = parser.iterator();
    }

    /**
     * The reading format: RFC 4180 with the given delimiter, {@code "} quotes (doubled inside a quoted
     * field), no escape character, no comments; empty lines are skipped; spaces around unquoted fields and
     * around the quotes of quoted fields are dropped.
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

    /** The next record, or {@code null} at the end of the file. */
    CSVRecord next() {
        current = null;
        currentStartLine = -1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            current = records.next();
            return current;
        } catch (UncheckedIOException e) {
            throw translate(e.getCause() != null ? e.getCause() : e);
        }
    }

    /**
     * The physical line (1-based) on which the record last returned by {@link #next()} starts: the line on
     * which it ends minus the line breaks inside its quoted fields.
     */
    long startLine() {
        if (currentStartLine < 0 && current != null) {
            long breaks = 0;
            for (int i = 0; i < current.size(); i++) {
                breaks += lineBreaks(current.get(i));
            }
            currentStartLine = Math.max(1, parser.getCurrentLineNumber() - breaks);
        }
        return currentStartLine;
    }

    /** The physical line on which the record last returned by {@link #next()} ends. */
    long endLine() {
        return parser.getCurrentLineNumber();
    }

    private static long lineBreaks(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' && (i == 0 || s.charAt(i - 1) != '\r')) {
                n++;
            }
        }
        return n;
    }

    private InputException translate(Throwable cause) {
        if (cause instanceof CSVException) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("EOF reached before encapsulated token finished")) {
                long line = startLineOf(message);
                return new InputException(file + ", line " + line
                        + ": a quoted field starts here and its closing '\"' is missing (a '\"' inside a quoted"
                        + " field must be doubled)", cause);
            }
            if (message.contains("encapsulated token and delimiter")) {
                return new InputException(file + ", line " + parser.getCurrentLineNumber()
                        + ": text after the closing '\"' of a quoted field (a '\"' inside a quoted field must be"
                        + " doubled, and the field must end at its closing quote)", cause);
            }
            return new InputException(file + ", line " + parser.getCurrentLineNumber() + ": malformed CSV: "
                    + message, cause);
        }
        return new InputException(file + ": cannot read the file: " + cause.getMessage(), cause);
    }

    private long startLineOf(String message) {
        Matcher m = START_LINE.matcher(message);
        if (m.find()) {
            String digits = m.group(1).replaceAll("[^0-9]", "");
            if (!digits.isEmpty()) {
                return Long.parseLong(digits);
            }
        }
        return parser.getCurrentLineNumber();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Closing a file we only read: nothing was lost.
        }
    }
}
