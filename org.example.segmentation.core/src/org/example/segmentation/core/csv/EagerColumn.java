package org.example.segmentation.core.csv;

import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.TextColumn;

/**
 * One column's values loaded during the first pass of a whole read, before its type is known, so that the file is
 * lexed and decoded once instead of twice.
 *
 * <p><b>Why.</b> Type inference looks at every row before it decides, so the reader used to read the file twice:
 * once to decide, once to load; lexing and decoding are half the cost of reading, and the second pass repeated them.
 * Here every column guesses from its first value and loads on that guess: a number starts a numeric guess (parsed with
 * the decimal mark assumed before it is decided), anything else a textual one (categorical, turning to text past the
 * level limit), which keeps every value's exact text. Values are loaded by {@link ColumnSink}, exactly as the second
 * pass loads them, so a column whose decided type is its guess is the column a second pass would give.
 *
 * <p>When a numeric guess meets a value that is not a number at row {@code r}, the rows before {@code r} are
 * {@linkplain #pendingRows() pending} (their exact text is not kept) and a textual guess goes on from row {@code r}.
 * At the end the reader loads the pending rows again, in the decided type, and the textual rows are replayed into the
 * same column ({@link #build}): so a column that turns out textual late in the file costs a second reading of only
 * its first rows. A numeric guess whose decided type differs (a schema, a decimal mark decided otherwise) is pending
 * as a whole.
 */
final class EagerColumn {
    private final String name;
    private final MissingTokens missing;
    private final int maxLevels;
    private final boolean decimalComma;
    private final int expectedRows;
    /** Rows appended so far. */
    private int rows;
    /** Rows at the start that the guess no longer holds (a numeric guess failed after them). */
    private int pending;
    /** Missing values after {@link #pending} and before the first value (the guess waits for a value). */
    private int leadingMissing;
    /** Null before the first value after {@link #pending}. */
    private ColumnSink sink;
    private ColumnType guess;
    private boolean built;

    /**
     * @param decimalComma the decimal mark numbers are parsed with, before the reader decides it
     * @param maxLevels    past this many levels a categorical guess becomes text
     * @param expectedRows a first capacity (the loaded values grow past it)
     */
    EagerColumn(String name, MissingTokens missing, int maxLevels, boolean decimalComma, int expectedRows) {
        this.name = name;
        this.missing = missing;
        this.maxLevels = maxLevels;
        this.decimalComma = decimalComma;
        this.expectedRows = Math.max(16, expectedRows);
    }

    /** Appends a missing value. */
    void addMissing() {
        rows++;
        if (sink != null) {
            sink.addMissing();
        } else {
            leadingMissing++;
        }
    }

    /**
     * Appends a value that is not a missing token (a reusable view, copied when kept) whose {@link NumberSyntax}
     * class is {@code syntax} and which holds {@code number} (when it is a number).
     */
    void add(CharSequence value, int syntax, double number) {
        if (sink == null) {
            start(number(syntax) ? ColumnType.NUMERIC : ColumnType.CATEGORICAL);
        } else if (guess == ColumnType.NUMERIC && !number(syntax)) {
            // The rows so far are numbers whose text is gone: they become pending, the text goes on from here.
            pending = rows;
            leadingMissing = 0;
            start(ColumnType.CATEGORICAL);
        }
        rows++;
        if (guess == ColumnType.NUMERIC) {
            ((ColumnSink.Numeric) sink).addNumber(number);
            return;
        }
        sink.addPresent(value);
        if (guess == ColumnType.CATEGORICAL && ((ColumnSink.Categorical) sink).levelCount() > maxLevels) {
            guess = ColumnType.TEXT;
            sink = replay(sink.build(), sinkOf(ColumnType.TEXT, expectedRows));
        }
    }

    private boolean number(int syntax) {
        return (syntax & (decimalComma ? NumberSyntax.COMMA : NumberSyntax.POINT)) != 0;
    }

    private void start(ColumnType type) {
        guess = type;
        sink = sinkOf(type, expectedRows);
        for (int i = 0; i < leadingMissing; i++) {
            sink.addMissing();
        }
    }

    private ColumnSink sinkOf(ColumnType type, int capacity) {
        return ColumnSink.of(new ColumnInference(name, type, false, ""), capacity, decimalComma, missing);
    }

    /**
     * How many rows at the start must be loaded again for the decided type and decimal mark: 0 when the values loaded
     * here are the column, every row when a numeric guess does not match.
     */
    int pendingRows(ColumnInference decided, boolean decidedComma) {
        if (guess == ColumnType.NUMERIC && (decided.type() != ColumnType.NUMERIC || decidedComma != decimalComma)) {
            return rows;
        }
        return pending;
    }

    /**
     * The column: {@code prefix} holds the {@linkplain #pendingRows pending rows} loaded again in the decided type
     * ({@code null} when none are), and the rows loaded here follow (replayed from their text when the type differs);
     * releases the loaded values.
     */
    Column build(ColumnSink prefix, ColumnInference decided, boolean decidedComma) {
        if (built) {
            throw new IllegalStateException("column '" + name + "' was already built");
        }
        built = true;
        if (pendingRows(decided, decidedComma) == rows) { // pending as a whole, or no rows
            return (prefix != null ? prefix : ColumnSink.of(decided, 0, decidedComma, missing)).build();
        }
        if (sink == null) { // from here on every value is missing
            start(decided.type());
        }
        ColumnSink out = prefix;
        if (out == null && decided.type() == guess) {
            return sink.build();
        }
        if (out == null) {
            out = ColumnSink.of(decided, rows, decidedComma, missing);
        }
        return replay(sink.build(), out).build();
    }

    /** Appends the values of a textual column to {@code to}, from their exact text. */
    private static ColumnSink replay(Column from, ColumnSink to) {
        for (int i = 0; i < from.size(); i++) {
            String v = from instanceof CategoricalColumn c ? c.level(i) : ((TextColumn) from).value(i);
            if (v == null) {
                to.addMissing();
            } else {
                to.addPresent(v);
            }
        }
        return to;
    }
}
