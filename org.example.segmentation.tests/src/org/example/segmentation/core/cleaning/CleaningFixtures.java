package org.example.segmentation.core.cleaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

/** Configurations, small tables and comparisons shared by the cleaning tests. */
final class CleaningFixtures {
    private CleaningFixtures() {
    }

    /** Settings from {@code key, value, key, value, ...}. */
    static Settings settings(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key without value");
        }
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return Settings.of(m);
    }

    /** The defaults overridden by {@code key, value, ...}. */
    static CleanerConfig config(String... keyValues) {
        return CleanerConfig.fromSettings(settings(keyValues));
    }

    /**
     * Every stage off (no identifiers detected, no invalid-text conversion below 100%, nothing dropped, no
     * duplicates, outliers, grouping or scaling, missing values left, no count-column detection), overridden by {@code key, value, ...}:
     * one strategy at a time.
     */
    static CleanerConfig only(String... keyValues) {
        Settings base = settings("id.detect", "false", "drop.constant", "false", "missing.max_share", "1",
                "duplicates", "none", "outlier.method", "none", "missing.numeric", "none", "missing.categorical",
                "none", "rare.min_share", "0", "rare.max_levels", "100000", "unseen", "missing", "scaling", "none", "nonnegative.detect",
                "false");
        return CleanerConfig.fromSettings(base.withAll(settings(keyValues)));
    }

    /** The values of a numeric column; missing as NaN. */
    static double[] numbers(Table t, String column) {
        return t.numeric(column).toArray();
    }

    /** The values of any column as text; missing as null. */
    static List<String> texts(Table t, String column) {
        Column c = t.column(column);
        List<String> out = new ArrayList<>();
        for (int r = 0; r < c.size(); r++) {
            out.add(c.format(r));
        }
        return out;
    }

    static void assertNumbers(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                if (!Double.isNaN(actual[i])) {
                    fail("row " + i + ": expected missing, got " + actual[i]);
                }
            } else {
                assertEquals(expected[i], actual[i], tolerance, "row " + i);
            }
        }
    }

    /** Equal column names, types, dictionaries and every cell (numbers bit for bit). */
    static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames(), "columns");
        assertEquals(expected.rowCount(), actual.rowCount(), "rows");
        for (int c = 0; c < expected.columnCount(); c++) {
            assertSameRows(expected.column(c), 0, actual.column(c), 0, expected.rowCount());
        }
    }

    /** Equal type and cells of {@code rows} rows from the given offsets (numbers bit for bit). */
    static void assertSameRows(Column e, int eFrom, Column a, int aFrom, int rows) {
        assertEquals(e.type(), a.type(), e.name());
        if (e instanceof CategoricalColumn ec) {
            assertEquals(ec.levels(), ((CategoricalColumn) a).levels(), e.name() + " levels");
        }
        for (int i = 0; i < rows; i++) {
            if (e instanceof NumericColumn en) {
                NumericColumn an = (NumericColumn) a;
                double x = en.value(eFrom + i);
                double y = an.value(aFrom + i);
                if (en.isMissing(eFrom + i) != an.isMissing(aFrom + i)
                        || Double.doubleToLongBits(x) != Double.doubleToLongBits(y)) {
                    fail(e.name() + ", row " + (eFrom + i) + ": expected " + x + ", got " + y);
                }
            } else if (!Objects.equals(e.format(eFrom + i), a.format(aFrom + i))) {
                fail(e.name() + ", row " + (eFrom + i) + ": expected " + e.format(eFrom + i) + ", got "
                        + a.format(aFrom + i));
            }
        }
    }

    /** Rows {@code from..to-1} of {@code t}. */
    static Table rows(Table t, int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return t.selectRows(idx);
    }

    static NumericColumn num(String name, double... values) {
        return NumericColumn.of(name, values);
    }

    static CategoricalColumn cat(String name, String... values) {
        return CategoricalColumn.of(name, values);
    }
}
