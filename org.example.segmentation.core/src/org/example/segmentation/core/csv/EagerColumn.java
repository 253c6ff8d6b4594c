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
 * piece of unknown values (their exact text is not kept) and a textual guess goes on from row {@code r}. A file read
 * in parts on several threads gives one column per part, joined piece after piece by {@link #append}; within a part
 * only the first piece can fail to serve the decided type (an unknown piece, or a numeric piece when the column is not
 * numeric or has the other decimal mark). The reader loads such rows again from the start of their part
 * ({@link #pendingRows}) and {@link #build} puts the column together in row order, a textual piece from its exact
 * text: so a column that turns out textual late costs a second reading of only the first rows of a part.
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

    /**
     * Consecutive rows of part {@code part} loaded on one guess; {@code values} is null for {@link Kind#UNKNOWN} and
     * {@link Kind#MISSING}.
     */
    private record Piece(int part, Kind kind, int rows, Column values) {
    }

    private final String name;
    private final MissingTokens missing;
    private final int maxLevels;
    private final boolean decimalComma;
    private final int expectedRows;
    /** The part of the file this column's rows come from (before {@link #append}). */
    private final int part;
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
     * @param part         the index of the part of the file the rows come from
     */
    EagerColumn(String name, MissingTokens missing, int maxLevels, boolean decimalComma, int expectedRows, int part) {
        this.part = part;
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
     * class is {@code syntax} and which holds {@code number} (when it is a number); {@code hashed}: whether
     * {@code hash} is its {@link LevelIndex#hash} (saves hashing it again).
     */
    void add(CharSequence value, int syntax, double number, boolean hashed, int hash) {
        boolean isNumber = (syntax & (decimalComma ? NumberSyntax.COMMA : NumberSyntax.POINT)) != 0;
        if (sink == null) {
            start(isNumber ? Kind.NUMERIC : Kind.CATEGORICAL);
        } else if (guess == Kind.NUMERIC && !isNumber) {
            // The rows so far are numbers whose text is gone: they become unknown, the text goes on from here.
            sink = null;
            close(new Piece(part, Kind.UNKNOWN, sinkRows, null));
            start(Kind.CATEGORICAL);
        }
        sinkRows++;
        if (guess == Kind.NUMERIC) {
            ((ColumnSink.Numeric) sink).addNumber(number);
            return;
        }
        if (guess == Kind.CATEGORICAL) {
            ColumnSink.Categorical levels = (ColumnSink.Categorical) sink;
            levels.addPresent(value, hashed ? hash : LevelIndex.hash(value));
            if (levels.levelCount() <= maxLevels) {
                return;
            }
        } else {
            sink.addPresent(value);
        }
        if (guess == Kind.CATEGORICAL) {
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

    /**
     * Ends the current piece: the part's scan calls it at its end, on its own thread, so that building a part's last
     * piece (a copy of its values) runs in parallel with the other parts rather than when they are joined.
     */
    void closeCurrent() {
        if (sink != null) {
            close(new Piece(part, guess, sinkRows, sink.build()));
            sink = null;
            sinkRows = 0;
        }
        close(new Piece(part, Kind.MISSING, leadingMissing, null));
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
     * How many rows at the start of every part (index: part) must be loaded again for the decided type and decimal
     * mark: the rows of the part's first piece when it cannot serve them, else 0.
     */
    int[] pendingRows(ColumnInference decided, boolean decidedComma, int parts) {
        closeCurrent();
        int[] pending = new int[parts];
        int last = -1;
        for (Piece p : pieces) {
            if (p.part != last && !serves(p, decided, decidedComma)) {
                pending[p.part] = p.rows;
            }
            last = p.part;
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
     * The column, in row order: where a part's {@linkplain #pendingRows pending rows} are, the rows loaded again
     * ({@code again[part]}, in the decided type; null for a part without), then the pieces loaded here; releases the
     * loaded values.
     */
    Column build(Column[] again, ColumnInference decided, boolean decidedComma) {
        if (built) {
            throw new IllegalStateException("column '" + name + "' was already built");
        }
        built = true;
        int[] pending = pendingRows(decided, decidedComma, again.length);
        List<Piece> all = new ArrayList<>(pieces);
        pieces.clear();
        if (all.size() == 1 && all.get(0).values != null && all.get(0).values.type() == decided.type()) {
            return all.get(0).values; // the common case: one piece, guessed right
        }
        ColumnSink out = ColumnSink.of(decided, closedRows, decidedComma, missing);
        int last = -1;
        for (Piece p : all) {
            boolean first = p.part != last;
            last = p.part;
            if (first && pending[p.part] > 0) {
                out.append(again[p.part]);
            } else if (p.kind == Kind.MISSING) {
                for (int i = 0; i < p.rows; i++) {
                    out.addMissing();
                }
            } else if (p.kind == Kind.NUMERIC || p.values.type() == decided.type()) {
                out.append(p.values);
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
