package org.example.segmentation.core.table;

/**
 * One immutable column of a {@link Table}. Implementations are the three column kinds; switch over them
 * with pattern matching or {@link #type()}.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn, TextColumn {

    /** The column name: any non-blank UTF-8 text, unique within its table. */
    String name();

    /** The kind of column. */
    ColumnType type();

    /** The number of rows. */
    int size();

    /** Whether the value at {@code row} is missing. */
    boolean isMissing(int row);

    /** The number of missing values. */
    int missingCount();

    /**
     * The value at {@code row} as text, as it would be written to a CSV file, or {@code null} when missing.
     * Numbers use the shortest representation that reads back to the same double, without exponent for
     * ordinary magnitudes.
     */
    String format(int row);

    /** The same values under another name. */
    Column rename(String newName);

    /**
     * A column of the rows at the given indices, in that order (indices may repeat).
     *
     * @throws IndexOutOfBoundsException naming the first index outside {@code 0..size()-1}
     */
    Column selectRows(int[] rows);

    /** A short summary: counts of values and missing, plus numeric statistics or level counts. */
    ColumnSummary summary();
}
