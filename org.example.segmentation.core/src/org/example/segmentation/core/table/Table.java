package org.example.segmentation.core.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.example.segmentation.core.Names;

/**
 * An immutable, columnar table of customers.
 *
 * <p>All columns have the same number of rows and distinct names (compared exactly, so {@code "Região"}
 * and {@code "Regiao"} are two columns). Every operation returns a new table that shares the unchanged
 * columns with this one; nothing here modifies a table or a column.
 */
public final class Table {
    private final List<Column> columns;
    private final Map<String, Integer> index;
    private final int rowCount;

    private Table(List<Column> columns) {
        Map<String, Integer> idx = new HashMap<>();
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (int i = 0; i < columns.size(); i++) {
            Column c = Objects.requireNonNull(columns.get(i), "column " + i);
            if (idx.put(c.name(), i) != null) {
                throw new IllegalArgumentException("column name '" + c.name() + "' appears twice");
            }
            if (c.size() != rows) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size()
                        + " rows but column '" + columns.get(0).name() + "' has " + rows);
            }
        }
        this.columns = List.copyOf(columns);
        this.index = idx;
        this.rowCount = rows;
    }

    /**
     * A table of the given columns, in that order.
     *
     * @throws IllegalArgumentException when two columns share a name or differ in length
     */
    public static Table of(Column... columns) {
        return new Table(List.of(columns));
    }

    /** As {@link #of(Column...)}. */
    public static Table of(List<? extends Column> columns) {
        return new Table(new ArrayList<>(columns));
    }

    /** The number of rows (0 for a table without columns). */
    public int rowCount() {
        return rowCount;
    }

    /** The number of columns. */
    public int columnCount() {
        return columns.size();
    }

    /** The columns, in order (unmodifiable). */
    public List<Column> columns() {
        return columns;
    }

    /** The column names, in order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) {
            names.add(c.name());
        }
        return Collections.unmodifiableList(names);
    }

    /** Whether a column of this name exists. */
    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /** The position of the named column, or -1. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /**
     * The named column.
     *
     * @throws IllegalArgumentException naming the column and the columns the table has
     */
    public Column column(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no column '" + name + "'; the table has " + describeNames());
        }
        return columns.get(i);
    }

    /** The column at {@code position}. */
    public Column column(int position) {
        return columns.get(position);
    }

    /** The named column, which must be numeric. */
    public NumericColumn numeric(String name) {
        return typed(name, ColumnType.NUMERIC, NumericColumn.class);
    }

    /** The named column, which must be categorical. */
    public CategoricalColumn categorical(String name) {
        return typed(name, ColumnType.CATEGORICAL, CategoricalColumn.class);
    }

    /** The named column, which must be text. */
    public TextColumn text(String name) {
        return typed(name, ColumnType.TEXT, TextColumn.class);
    }

    private <T extends Column> T typed(String name, ColumnType type, Class<T> cls) {
        Column c = column(name);
        if (c.type() != type) {
            throw new IllegalArgumentException("column '" + name + "' is " + c.type().key() + "; expected "
                    + type.key());
        }
        return cls.cast(c);
    }

    /**
     * The named columns, in the order given.
     *
     * @throws IllegalArgumentException naming every column that does not exist, or a name given twice
     */
    public Table select(Collection<String> names) {
        requireColumns(names);
        Set<String> seen = new LinkedHashSet<>();
        List<Column> out = new ArrayList<>(names.size());
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("column '" + n + "' is selected twice");
            }
            out.add(columns.get(index.get(n)));
        }
        return new Table(out);
    }

    /** As {@link #select(Collection)}. */
    public Table select(String... names) {
        return select(List.of(names));
    }

    /**
     * All columns but the named ones.
     *
     * @throws IllegalArgumentException naming every column that does not exist
     */
    public Table drop(Collection<String> names) {
        requireColumns(names);
        Set<String> gone = Set.copyOf(names);
        List<Column> out = new ArrayList<>();
        for (Column c : columns) {
            if (!gone.contains(c.name())) {
                out.add(c);
            }
        }
        return new Table(out);
    }

    /** As {@link #drop(Collection)}. */
    public Table drop(String... names) {
        return drop(List.of(names));
    }

    /**
     * The rows at the given indices, in that order (an index may repeat, for bootstrap samples).
     *
     * @throws IndexOutOfBoundsException for an index outside {@code 0..rowCount()-1}
     */
    public Table selectRows(int[] rows) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.selectRows(rows));
        }
        if (columns.isEmpty() && rows.length > 0) {
            throw new IndexOutOfBoundsException("the table has no rows; cannot select row " + rows[0]);
        }
        return new Table(out);
    }

    /**
     * This table with {@code column} added at the end.
     *
     * @throws IllegalArgumentException when the name is taken or the length differs
     */
    public Table append(Column column) {
        if (!columns.isEmpty() && column.size() != rowCount) {
            throw new IllegalArgumentException("cannot append column '" + column.name() + "' with "
                    + column.size() + " rows to a table of " + rowCount + " rows");
        }
        List<Column> out = new ArrayList<>(columns);
        out.add(column);
        return new Table(out);
    }

    /**
     * This table with the column of the same name replaced by {@code column}, at the same position.
     *
     * @throws IllegalArgumentException when there is no such column or the length differs
     */
    public Table replace(Column column) {
        Integer i = index.get(column.name());
        if (i == null) {
            throw new IllegalArgumentException("no column '" + column.name() + "' to replace; the table has "
                    + describeNames());
        }
        List<Column> out = new ArrayList<>(columns);
        out.set(i, column);
        return new Table(out);
    }

    /** The summary of every column, in column order. */
    public List<ColumnSummary> summary() {
        List<ColumnSummary> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.summary());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Checks that every named column exists.
     *
     * @throws IllegalArgumentException naming all the missing columns at once
     */
    public void requireColumns(Collection<String> names) {
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            if (!index.containsKey(n)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException((missing.size() == 1 ? "no column '" + missing.get(0) + "'"
                    : "no columns " + Names.quote(missing)) + "; the table has " + describeNames());
        }
    }

    private String describeNames() {
        return columns.isEmpty() ? "no columns" : Names.quote(columnNames());
    }

    /** Validates a column name: non-null and not blank. */
    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column name must not be empty");
        }
        return name;
    }

    @Override
    public String toString() {
        return "Table[" + rowCount + " rows, " + columns.size() + " columns: " + describeNames() + "]";
    }
}
