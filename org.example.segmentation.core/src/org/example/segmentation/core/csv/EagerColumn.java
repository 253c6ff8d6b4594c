package org.example.segmentation.core.csv;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
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
 * <p>When a numeric guess meets a value that is not a number at row {@code r}, the rows before {@code r} become a
 * piece of unknown values (their exact text is not kept) and a textual guess goes on from row {@code r}. At the end
 * the reader loads the first rows again, up to the end of the last piece that cannot serve the decided type
 * ({@link #pendingRows}), and the pieces after them are appended, a textual piece from its exact text
 * ({@link #build}): so a column that turns out textual late in the file costs a second reading of only its first
 * rows. A numeric piece serves only a numeric column with the decimal mark it was parsed with.
 *
 * <p>A file read in parts on several threads gives one column per part; {@link #append} joins them, piece after
 * piece, so the column is the same as a read in one part gives.
 */
final class EagerColumn {
    /** What a piece of rows holds. */
    private enum Kind {
        /** Values read but not kept (a numeric guess that failed after them): to be loaded again. */
        UNKNOWN,
        /** Only missing values. */
        MISSING,
        NUMERIC,
        CATEGORICAL,
        TEXT
    }

    /** Consecutive rows loaded on one guess; {@code values} is null for {@link Kind#UNKNOWN} and {@link Kind#MISSING}. */
    private record Piece(Kind kind, int rows, Column values) {
    }

    private final String name;
    private final MissingTokens missing;
    private final int maxLevels;
    private final boolean decimalComma;
    private final int expectedRows;
    /** The pieces before the current one. */
    private final List<Piece> pieces = new ArrayList<>();
    /** Rows in {@link #pieces}. */
    private int closedRows;
    /** The current piece: missing values before its first value (the guess waits for a value). */
    private int leadingMissing;
    /** The current piece's values, null before its first value. */
    private ColumnSink sink;
    private Kind guess;
    private int sinkRows;
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
        if (sink != null) {
            sink.addMissing();
            sinkRows++;
        } else {
            leadingMissing++;
        }
    }

    /**
     * Appends a value that is not a missing token (a reusable view, copied when kept) whose {@link NumberSyntax}
     * class is {@code syntax} and which holds {@code number} (when it is a number).
     */
    void add(CharSequence value, int syntax, double number) {
        boolean isNumber = (syntax & (decimalComma ? NumberSyntax.COMMA : NumberSyntax.POINT)) != 0;
        if (sink == null) {
            start(isNumber ? Kind.NUMERIC : Kind.CATEGORICAL);
        } else if (guess == Kind.NUMERIC && !isNumber) {
            // The rows so far are numbers whose text is gone: they become unknown, the text goes on from here.
            sink = null;
            close(new Piece(Kind.UNKNOWN, sinkRows, null));
            start(Kind.CATEGORICAL);
        }
        sinkRows++;
        if (guess == Kind.NUMERIC) {
            ((ColumnSink.Numeric) sink).addNumber(number);
            return;
        }
        sink.addPresent(value);
        if (guess == Kind.CATEGORICAL && ((ColumnSink.Categorical) sink).levelCount() > maxLevels) {
            guess = Kind.TEXT;
            sink = replay(sink.build(), sinkOf(ColumnType.TEXT, expectedRows));
        }
    }

    private void start(Kind kind) {
        guess = kind;
        sink = sinkOf(kind == Kind.NUMERIC ? ColumnType.NUMERIC : ColumnType.CATEGORICAL, expectedRows);
        sinkRows = leadingMissing;
        for (int i = 0; i < leadingMissing; i++) {
            sink.addMissing();
        }
        leadingMissing = 0;
    }

    private ColumnSink sinkOf(ColumnType type, int capacity) {
        return ColumnSink.of(new ColumnInference(name, type, false, ""), capacity, decimalComma, missing);
    }

    private void close(Piece piece) {
        if (piece.rows > 0) {
            pieces.add(piece);
            closedRows += piece.rows;
        }
    }

    /** Ends the current piece. */
    private void closeCurrent() {
        if (sink != null) {
            close(new Piece(guess, sinkRows, sink.build()));
            sink = null;
            sinkRows = 0;
        }
        close(new Piece(Kind.MISSING, leadingMissing, null));
        leadingMissing = 0;
    }

    /** Appends the rows of {@code next}, the same column in the part of the file that follows; empties {@code next}. */
    void append(EagerColumn next) {
        closeCurrent();
        next.closeCurrent();
        for (Piece p : next.pieces) {
            close(p);
        }
        next.pieces.clear();
        next.closedRows = 0;
    }

    /**
     * How many rows at the start must be loaded again for the decided type and decimal mark: up to the end of the last
     * piece that cannot serve them (0 when every piece can).
     */
    int pendingRows(ColumnInference decided, boolean decidedComma) {
        closeCurrent();
        int pending = 0;
        int end = 0;
        for (Piece p : pieces) {
            end += p.rows;
            if (!serves(p, decided, decidedComma)) {
                pending = end;
            }
        }
        return pending;
    }

    private boolean serves(Piece p, ColumnInference decided, boolean decidedComma) {
        return switch (p.kind) {
            case UNKNOWN -> false;
            // The mark check is defensive: a mark decided automatically differs from the assumed one only when no
            // value anywhere has the assumed separator, and then a numeric piece holds integers, equal under both.
            case NUMERIC -> decided.type() == ColumnType.NUMERIC && decidedComma == decimalComma;
            default -> true;
        };
    }

    /**
     * The column: {@code prefix} holds the {@linkplain #pendingRows pending rows} loaded again in the decided type
     * ({@code null} when none are), and the pieces after them follow; releases the loaded values.
     */
    Column build(ColumnSink prefix, ColumnInference decided, boolean decidedComma) {
        if (built) {
            throw new IllegalStateException("column '" + name + "' was already built");
        }
        built = true;
        int pending = pendingRows(decided, decidedComma);
        List<Piece> rest = new ArrayList<>();
        int end = 0;
        for (Piece p : pieces) {
            end += p.rows;
            if (end > pending) {
                rest.add(p);
            }
        }
        pieces.clear();
        if (prefix == null && rest.size() == 1 && rest.get(0).values != null
                && rest.get(0).values.type() == decided.type()) {
            return rest.get(0).values; // the common case: one piece, guessed right
        }
        ColumnSink out = prefix != null ? prefix : ColumnSink.of(decided, closedRows - pending, decidedComma, missing);
        for (Piece p : rest) {
            if (p.kind == Kind.MISSING) {
                for (int i = 0; i < p.rows; i++) {
                    out.addMissing();
                }
            } else if (p.kind == Kind.NUMERIC) {
                NumericColumn numbers = (NumericColumn) p.values;
                ColumnSink.Numeric to = (ColumnSink.Numeric) out;
                for (int i = 0; i < p.rows; i++) {
                    if (numbers.isMissing(i)) {
                        to.addMissing();
                    } else {
                        to.addNumber(numbers.value(i));
                    }
                }
            } else {
                replay(p.values, out);
            }
        }
        return out.build();
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
