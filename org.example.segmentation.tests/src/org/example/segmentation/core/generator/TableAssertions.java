package org.example.segmentation.core.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Objects;

import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

/** Cell-by-cell comparison and small statistics for the generator tests. */
final class TableAssertions {
    private TableAssertions() {
    }

    /** Asserts equal column names, types and every cell (numbers bit for bit). */
    static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount(), "rows");
        for (int c = 0; c < expected.columnCount(); c++) {
            Column e = expected.column(c);
            Column a = actual.column(c);
            assertEquals(e.type(), a.type(), e.name());
            for (int r = 0; r < expected.rowCount(); r++) {
                if (e instanceof NumericColumn en) {
                    NumericColumn an = (NumericColumn) a;
                    assertEquals(en.isMissing(r), an.isMissing(r), () -> e.name() + " missing");
                    if (Double.doubleToLongBits(en.value(r)) != Double.doubleToLongBits(an.value(r))) {
                        assertEquals(en.value(r), an.value(r), e.name() + ", row " + r);
                    }
                } else if (!Objects.equals(e.format(r), a.format(r))) {
                    assertEquals(e.format(r), a.format(r), e.name() + ", row " + r);
                }
            }
        }
    }

    /** The number of rows whose cells in {@code column} differ between the two tables. */
    static long differingCells(Table a, Table b, String column) {
        Column x = a.column(column);
        Column y = b.column(column);
        long n = 0;
        for (int r = 0; r < Math.min(x.size(), y.size()); r++) {
            if (!Objects.equals(x.format(r), y.format(r))) {
                n++;
            }
        }
        return n;
    }

    /** Mean over the non-missing values. */
    static double mean(NumericColumn c) {
        double s = 0;
        int n = 0;
        for (int r = 0; r < c.size(); r++) {
            if (!c.isMissing(r)) {
                s += c.value(r);
                n++;
            }
        }
        return s / n;
    }

    /** Population standard deviation over the non-missing values. */
    static double sd(NumericColumn c) {
        double m = mean(c);
        double s = 0;
        int n = 0;
        for (int r = 0; r < c.size(); r++) {
            if (!c.isMissing(r)) {
                s += (c.value(r) - m) * (c.value(r) - m);
                n++;
            }
        }
        return Math.sqrt(s / n);
    }
}
