package org.example.segmentation.core.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;

/** The KNIME-free half of the KNIME table converter. */
class TableAssemblerTest {

    @Test
    void numbersStringsAndMissingValuesRoundTrip() {
        TableAssembler a = new TableAssembler(List.of("id", "Região", "income"),
                List.of(TableAssembler.Kind.STRING, TableAssembler.Kind.STRING, TableAssembler.Kind.NUMERIC));
        a.text(0, "C1");
        a.text(1, "Norte");
        a.number(2, 1500.5);
        a.endRow();
        a.text(0, "C2");
        a.missing(1);
        a.number(2, Double.NaN);
        a.endRow();
        a.text(0, "C3");
        a.text(1, "Sul");
        a.missing(2);
        a.endRow();
        Table t = a.build();
        assertEquals(3, t.rowCount());
        assertEquals(ColumnType.NUMERIC, t.column("income").type());
        assertEquals(ColumnType.CATEGORICAL, t.column("Região").type());
        assertEquals(1500.5, TableAssembler.value(t.column("income"), 0));
        assertNull(TableAssembler.value(t.column("income"), 1), "NaN is missing");
        assertNull(TableAssembler.value(t.column("income"), 2));
        assertNull(TableAssembler.value(t.column("Região"), 1));
        assertEquals("Sul", TableAssembler.value(t.column("Região"), 2));
        assertTrue(TableAssembler.isNumeric(t.column("income")));
    }

    @Test
    void stringColumnsAreCategoricalUpToFiftyLevelsThenText() {
        for (int levels : new int[]{50, 51}) {
            TableAssembler a = new TableAssembler(List.of("s"), List.of(TableAssembler.Kind.STRING));
            for (int r = 0; r < 200; r++) {
                a.text(0, "v" + (r % levels));
                a.endRow();
            }
            assertEquals(levels == 50 ? ColumnType.CATEGORICAL : ColumnType.TEXT, a.build().column("s").type(),
                    levels + " levels");
        }
    }

    @Test
    void anEmptyTableKeepsItsColumns() {
        Table t = new TableAssembler(List.of("a", "b"), List.of(TableAssembler.Kind.NUMERIC,
                TableAssembler.Kind.STRING)).build();
        assertEquals(0, t.rowCount());
        assertEquals(List.of("a", "b"), t.columnNames());
    }

    @Test
    void aRowWithAMissingValueIsAnError() {
        TableAssembler a = new TableAssembler(List.of("a", "b"), List.of(TableAssembler.Kind.NUMERIC,
                TableAssembler.Kind.NUMERIC));
        a.number(0, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, a::endRow);
        assertTrue(e.getMessage().contains("column 'b'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.text(1, "x"));
    }
}
