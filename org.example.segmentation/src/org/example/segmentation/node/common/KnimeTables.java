package org.example.segmentation.node.common;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.nodes.TableAssembler;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.Table;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;

/**
 * The one converter between KNIME tables and the engine's {@link Table}. Numeric KNIME columns (anything
 * compatible with {@link DoubleValue}: double, integer, long, boolean) become numeric columns; every other column
 * is read as text and becomes categorical or text by the engine's rule ({@link TableAssembler}). Back to KNIME,
 * numeric columns become double columns and the others string columns; missing values stay missing cells.
 */
public final class KnimeTables {

    private KnimeTables() {
    }

    /** How each column of {@code spec} is read. */
    public static TableAssembler assembler(DataTableSpec spec) {
        List<String> names = new ArrayList<>();
        List<TableAssembler.Kind> kinds = new ArrayList<>();
        for (int c = 0; c < spec.getNumColumns(); c++) {
            DataColumnSpec col = spec.getColumnSpec(c);
            names.add(col.getName());
            kinds.add(col.getType().isCompatible(DoubleValue.class) ? TableAssembler.Kind.NUMERIC
                    : TableAssembler.Kind.STRING);
        }
        return new TableAssembler(names, kinds);
    }

    /** Adds one KNIME row to {@code assembler}. */
    public static void add(TableAssembler assembler, DataTableSpec spec, DataRow row) {
        for (int c = 0; c < spec.getNumColumns(); c++) {
            DataCell cell = row.getCell(c);
            if (cell.isMissing()) {
                assembler.missing(c);
            } else if (spec.getColumnSpec(c).getType().isCompatible(DoubleValue.class)) {
                assembler.number(c, ((DoubleValue) cell).getDoubleValue());
            } else if (cell instanceof StringValue s) {
                assembler.text(c, s.getStringValue());
            } else {
                assembler.text(c, cell.toString());
            }
        }
        assembler.endRow();
    }

    /**
     * The whole KNIME table as an engine table, reporting progress and checking cancellation.
     *
     * @throws CanceledExecutionException when the user cancels
     */
    public static Table toEngine(BufferedDataTable table, ExecutionMonitor exec) throws CanceledExecutionException {
        DataTableSpec spec = table.getDataTableSpec();
        TableAssembler a = assembler(spec);
        long n = Math.max(1, table.size());
        long i = 0;
        for (DataRow row : table) {
            add(a, spec, row);
            if (++i % 4096 == 0) {
                exec.checkCanceled();
                exec.setProgress(i / (double) n, "Reading row " + i + " of " + n);
            }
        }
        return a.build();
    }

    /** The KNIME spec of an engine table: double columns for numeric columns, string columns for the others. */
    public static DataTableSpec spec(Table table) {
        DataColumnSpec[] cols = new DataColumnSpec[table.columnCount()];
        for (int c = 0; c < cols.length; c++) {
            Column col = table.column(c);
            DataType type = TableAssembler.isNumeric(col) ? DoubleCell.TYPE : StringCell.TYPE;
            cols[c] = new DataColumnSpecCreator(col.name(), type).createSpec();
        }
        return new DataTableSpec(cols);
    }

    /** Row {@code row} of an engine table as KNIME cells. */
    public static DataCell[] cells(Table table, int row) {
        DataCell[] cells = new DataCell[table.columnCount()];
        for (int c = 0; c < cells.length; c++) {
            Object v = TableAssembler.value(table.column(c), row);
            if (v == null) {
                cells[c] = DataType.getMissingCell();
            } else if (v instanceof Double d) {
                cells[c] = new DoubleCell(d);
            } else {
                cells[c] = new StringCell((String) v);
            }
        }
        return cells;
    }

    /**
     * An engine table as a KNIME table with new row ids {@code Row0, Row1, ...}.
     *
     * @throws CanceledExecutionException when the user cancels
     */
    public static BufferedDataTable toKnime(Table table, ExecutionContext exec) throws CanceledExecutionException {
        return toKnime(table, null, exec);
    }

    /**
     * An engine table as a KNIME table; row {@code i} gets {@code keys.get(i)} when {@code keys} is given (same
     * length as the table), else {@code Row<i>}.
     *
     * @throws CanceledExecutionException when the user cancels
     */
    public static BufferedDataTable toKnime(Table table, List<RowKey> keys, ExecutionContext exec)
            throws CanceledExecutionException {
        BufferedDataContainer out = exec.createDataContainer(spec(table));
        try {
            for (int r = 0; r < table.rowCount(); r++) {
                RowKey key = keys != null ? keys.get(r) : new RowKey("Row" + r);
                out.addRowToTable(new DefaultRow(key, cells(table, r)));
                if (r % 4096 == 0) {
                    exec.checkCanceled();
                }
            }
        } finally {
            out.close();
        }
        return out.getTable();
    }
}
