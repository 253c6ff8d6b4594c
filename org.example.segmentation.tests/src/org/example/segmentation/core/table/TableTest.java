package org.example.segmentation.core.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TableTest {

    private static Table sample() {
        return Table.of(
                TextColumn.of("customer_id", "C1", "C2", "C3", "C4"),
                NumericColumn.of("Ingreso mensual", new double[] {1000, Double.NaN, 3000, 2000}),
                CategoricalColumn.of("Região", "Köln", "São Paulo", null, "Köln"));
    }

    @Test
    void basicShapeAndUtf8Names() {
        Table t = sample();
        assertEquals(4, t.rowCount());
        assertEquals(3, t.columnCount());
        assertEquals(List.of("customer_id", "Ingreso mensual", "Região"), t.columnNames());
        assertEquals(1, t.indexOf("Ingreso mensual"));
        assertEquals(-1, t.indexOf("Regiao"), "names are compared exactly");
        assertEquals(1000.0, t.numeric("Ingreso mensual").value(0));
        assertEquals("São Paulo", t.categorical("Região").level(1));
    }

    @Test
    void selectKeepsGivenOrderAndSharesColumns() {
        Table t = sample();
        Table s = t.select("Região", "customer_id");
        assertEquals(List.of("Região", "customer_id"), s.columnNames());
        assertSame(t.column("Região"), s.column("Região"));
        assertEquals(3, t.columnCount(), "input unchanged");
    }

    @Test
    void selectNamesEveryMissingColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sample().select("age", "customer_id", "income"));
        assertTrue(e.getMessage().contains("'age', 'income'"), e.getMessage());
        assertTrue(e.getMessage().contains("'customer_id'"), "lists what the table has: " + e.getMessage());
    }

    @Test
    void selectTwiceIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> sample().select("Região", "Região"));
    }

    @Test
    void dropRemovesOnlyNamedColumns() {
        Table d = sample().drop("Ingreso mensual");
        assertEquals(List.of("customer_id", "Região"), d.columnNames());
        assertThrows(IllegalArgumentException.class, () -> sample().drop("nope"));
    }

    @Test
    void selectRowsReordersAndRepeats() {
        Table t = sample().selectRows(new int[] {3, 1, 1});
        assertEquals(3, t.rowCount());
        assertEquals("C4", t.text("customer_id").value(0));
        assertTrue(t.numeric("Ingreso mensual").isMissing(1));
        assertTrue(t.numeric("Ingreso mensual").isMissing(2));
        assertEquals(2000.0, t.numeric("Ingreso mensual").value(0));
        assertEquals("Köln", t.categorical("Região").level(0));
        assertEquals(2, t.numeric("Ingreso mensual").missingCount());
        assertThrows(IndexOutOfBoundsException.class, () -> sample().selectRows(new int[] {4}));
        assertThrows(IndexOutOfBoundsException.class, () -> sample().selectRows(new int[] {-1}));
    }

    @Test
    void appendAndReplace() {
        Table t = sample().append(NumericColumn.of("age", new double[] {30, 40, 50, 60}));
        assertEquals(4, t.columnCount());
        assertEquals("age", t.column(3).name());
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> sample().append(NumericColumn.of("age", new double[] {1, 2})));
        assertTrue(wrongLength.getMessage().contains("'age'"), wrongLength.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> sample().append(TextColumn.of("customer_id", "a", "b", "c", "d")));
        Table r = sample().replace(NumericColumn.of("Ingreso mensual", new double[] {1, 2, 3, 4}));
        assertEquals(1, r.indexOf("Ingreso mensual"));
        assertEquals(2.0, r.numeric("Ingreso mensual").value(1));
        assertEquals(1, sample().numeric("Ingreso mensual").missingCount());
    }

    @Test
    void typedAccessorsNameTheActualType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sample().numeric("Região"));
        assertEquals("column 'Região' is categorical; expected numeric", e.getMessage());
    }

    @Test
    void constructionRejectsDuplicatesLengthMismatchAndBlankNames() {
        assertThrows(IllegalArgumentException.class, () -> Table.of(
                NumericColumn.of("a", new double[] {1}), NumericColumn.of("a", new double[] {2})));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Table.of(
                NumericColumn.of("a", new double[] {1}), NumericColumn.of("b", new double[] {2, 3})));
        assertTrue(e.getMessage().contains("'b' has 2 rows"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NumericColumn.of(" ", new double[0]));
    }

    @Test
    void numericSummaryAgainstHandComputedValues() {
        // values 2, 4, 4, 4, 5, 5, 7, 9 (classic example): mean 5, sum of squares about the mean 32,
        // sample variance 32/7, so std = sqrt(32/7) = 2.1380899...; plus one missing and one infinity.
        NumericColumn c = NumericColumn.of("x",
                new double[] {2, 4, 4, 4, 5, 5, 7, 9, 0, Double.POSITIVE_INFINITY},
                new boolean[] {false, false, false, false, false, false, false, false, true, false});
        ColumnSummary s = c.summary();
        assertEquals(9, s.count());
        assertEquals(1, s.missing());
        assertEquals(1, s.nonFinite());
        assertEquals(2.0, s.min());
        assertEquals(9.0, s.max());
        assertEquals(5.0, s.mean(), 1e-12);
        assertEquals(Math.sqrt(32.0 / 7.0), s.std(), 1e-12);
        assertEquals(5, s.distinct());
        assertEquals(0.1, s.missingShare(), 1e-12);
    }

    @Test
    void numericSummaryEdgeCases() {
        ColumnSummary one = NumericColumn.of("x", new double[] {3}).summary();
        assertEquals(3.0, one.mean());
        assertTrue(Double.isNaN(one.std()), "std needs two values");
        ColumnSummary none = NumericColumn.of("x", new double[] {Double.NaN, Double.NaN}).summary();
        assertEquals(0, none.count());
        assertEquals(2, none.missing());
        assertTrue(Double.isNaN(none.mean()));
        ColumnSummary empty = NumericColumn.of("x", new double[0]).summary();
        assertEquals(0, empty.count());
        assertEquals(0.0, empty.missingShare());
    }

    @Test
    void welfordStaysAccurateForLargeOffsets() {
        // 1e9 + {1, 2, 3}: the naive sum-of-squares formula loses all digits here; std must be exactly 1.
        ColumnSummary s = NumericColumn.of("x", new double[] {1e9 + 1, 1e9 + 2, 1e9 + 3}).summary();
        assertEquals(1.0, s.std(), 1e-9);
    }

    @Test
    void categoricalDictionaryIsSortedWhateverTheRowOrder() {
        CategoricalColumn a = CategoricalColumn.of("r", "Łódź", "Köln", "São Paulo", "Köln");
        CategoricalColumn b = CategoricalColumn.of("r", "São Paulo", "Köln", "Köln", "Łódź");
        assertEquals(a.levels(), b.levels());
        assertEquals(List.of("Köln", "São Paulo", "Łódź"), a.levels());
        assertEquals(0, a.code(1));
        assertEquals(2, a.code(0));
        ColumnSummary s = a.summary();
        assertEquals(Map.of("Köln", 2, "São Paulo", 1, "Łódź", 1), s.levelCounts());
        assertEquals(List.of("Köln", "São Paulo", "Łódź"), List.copyOf(s.levelCounts().keySet()));
        assertEquals(3, s.distinct());
    }

    @Test
    void categoricalFromCodesValidates() {
        CategoricalColumn c = CategoricalColumn.of("g", new int[] {1, -1, 0}, List.of("f", "m"));
        assertEquals("m", c.level(0));
        assertNull(c.level(1));
        assertTrue(c.isMissing(1));
        assertEquals(1, c.missingCount());
        assertThrows(IllegalArgumentException.class,
                () -> CategoricalColumn.of("g", new int[] {2}, List.of("f", "m")));
        assertThrows(IllegalArgumentException.class,
                () -> CategoricalColumn.of("g", new int[] {0}, List.of("f", "f")));
    }

    @Test
    void unusedLevelsSurviveRowFilterAndCountZero() {
        CategoricalColumn c = CategoricalColumn.of("g", "a", "b", "c").selectRows(new int[] {0});
        assertEquals(3, c.levelCount());
        assertEquals(Map.of("a", 1, "b", 0, "c", 0), c.summary().levelCounts());
        assertEquals(1, c.summary().distinct());
    }

    @Test
    void textSummaryCountsDistinct() {
        ColumnSummary s = TextColumn.of("id", "a", "b", null, "a").summary();
        assertEquals(3, s.count());
        assertEquals(1, s.missing());
        assertEquals(2, s.distinct());
    }

    @Test
    void columnsAreImmutable() {
        double[] raw = {1, 2, 3};
        NumericColumn c = NumericColumn.of("x", raw);
        raw[0] = 99;
        assertEquals(1.0, c.value(0), "construction copies");
        double[] out = c.toArray();
        out[1] = 99;
        assertEquals(2.0, c.value(1), "toArray copies");
        String[] ids = {"a"};
        TextColumn t = TextColumn.of("id", ids);
        ids[0] = "z";
        assertEquals("a", t.value(0));
    }

    @Test
    void buildersHandOverAndRefuseReuse() {
        NumericColumn.Builder b = NumericColumn.builder("x", 2);
        for (int i = 0; i < 100; i++) {
            if (i % 10 == 0) {
                b.addMissing();
            } else {
                b.add(i);
            }
        }
        NumericColumn c = b.build();
        assertEquals(100, c.size());
        assertEquals(10, c.missingCount());
        assertEquals(99.0, c.value(99));
        assertThrows(IllegalStateException.class, b::build);
        assertThrows(IllegalStateException.class, () -> b.add(1));
        assertFalse(NumericColumn.builder("y").add(Double.NaN).build().isMissing(0),
                "a NaN added as a value stays a value");
    }

    @Test
    void formatIsRoundTripExactAndPlain() {
        double[] values = {0, 1, -2, 0.1, 1e-300, 123456789.123, 1e20, 2.5e-7, Double.MIN_VALUE, 1e15 + 1};
        NumericColumn c = NumericColumn.of("x", values);
        for (int i = 0; i < values.length; i++) {
            String s = c.format(i);
            assertFalse(s.contains("E"), s);
            assertEquals(values[i], Double.parseDouble(s), s);
        }
        assertEquals("1", c.format(1));
        assertEquals("-2", c.format(2));
        assertEquals("100000000000000000000", c.format(6));
        assertNull(NumericColumn.of("x", new double[] {Double.NaN}).format(0));
        assertEquals("Infinity", NumericColumn.of("x", new double[] {Double.POSITIVE_INFINITY}).format(0));
    }

    @Test
    void formatIsTheShortestRoundTripOnRandomDoubles() {
        // random bit patterns (every magnitude) and random short decimals (what data holds): each formatted value
        // reads back exactly, has no exponent, and is the shortest: no decimal with one significant digit fewer,
        // rounded either way, reads back to the same double
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        double[] values = new double[40_000];
        for (int i = 0; i < values.length; i++) {
            double v = i % 2 == 0 ? Double.longBitsToDouble(r.nextLong())
                    : Math.round(r.nextDouble() * 1e6) / Math.pow(10, r.nextInt(8));
            values[i] = Double.isFinite(v) ? v : i;
        }
        NumericColumn c = NumericColumn.of("x", values);
        for (int i = 0; i < values.length; i++) {
            String s = c.format(i);
            assertFalse(s.contains("E"), s);
            assertEquals(values[i], Double.parseDouble(s), s);
            java.math.BigDecimal d = new java.math.BigDecimal(s).stripTrailingZeros();
            if (d.precision() > 1) {
                for (java.math.RoundingMode m : new java.math.RoundingMode[] {java.math.RoundingMode.FLOOR,
                    java.math.RoundingMode.CEILING}) {
                    java.math.BigDecimal shorter = d.round(new java.math.MathContext(d.precision() - 1, m));
                    assertFalse(shorter.doubleValue() == values[i], s + " is not the shortest: " + shorter);
                }
            }
        }
    }

    @Test
    void columnTypeParsesSettingValues() {
        assertEquals(ColumnType.NUMERIC, ColumnType.parse(" Numeric "));
        assertEquals(ColumnType.TEXT, ColumnType.parse("identifier"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColumnType.parse("date"));
        assertTrue(e.getMessage().contains("'date'") && e.getMessage().contains("numeric, categorical, text"));
    }

    @Test
    void textColumnKeepsEveryValueExactlyThroughItsCompactStorage() {
        // empty and missing, non-Latin text, a surrogate pair and a lone surrogate (which UTF-8 could not keep)
        String[] values = { "C0000001", "", null, "Região", "Возраст", "\uD83D\uDE00 ok", "\uD800", null, "x" };
        TextColumn c = TextColumn.of("id", values);
        assertEquals(values.length, c.size());
        assertEquals(2, c.missingCount());
        assertArrayEquals(values, c.toArray());
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], c.value(i));
            assertEquals(values[i] == null, c.isMissing(i));
        }
        TextColumn picked = c.selectRows(new int[] { 8, 2, 0, 0, 5 });
        assertArrayEquals(new String[] { "x", null, "C0000001", "C0000001", "\uD83D\uDE00 ok" }, picked.toArray());
        assertEquals(1, picked.missingCount());
        assertArrayEquals(values, c.rename("other").toArray());
        assertEquals(7, c.summary().distinct());
        assertThrows(IndexOutOfBoundsException.class, () -> c.value(values.length));
        TextColumn.Builder b = TextColumn.builder("grown", 1);
        for (int i = 0; i < 1000; i++) {
            b.add(i % 10 == 0 ? null : "value " + i);
        }
        TextColumn grown = b.build();
        assertEquals("value 999", grown.value(999));
        assertNull(grown.value(990));
        assertEquals(100, grown.missingCount());
    }

    @Test
    void addAllAppendsEveryValueAndEveryMissingFlag() {
        NumericColumn a = NumericColumn.of("x", new double[] {1.5, Double.NaN, 3, -0.0},
                new boolean[] {false, false, true, false});
        NumericColumn b = NumericColumn.of("x", new double[] {7, 8}, new boolean[] {true, false});
        NumericColumn.Builder nb = NumericColumn.builder("x", 1).add(42);
        NumericColumn n = nb.addAll(a).addMissing().addAll(b).build();
        assertEquals(8, n.size());
        boolean[] missing = {false, false, false, true, false, true, true, false};
        double[] values = {42, 1.5, Double.NaN, 0, -0.0, 0, 0, 8};
        for (int i = 0; i < n.size(); i++) {
            assertEquals(missing[i], n.isMissing(i), "row " + i);
            if (!missing[i]) {
                assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(n.value(i)), "row " + i);
            }
        }
        TextColumn t1 = TextColumn.of("t", "ab", null, "", "Zoë");
        TextColumn t2 = TextColumn.of("t", null, "xyz");
        TextColumn t = TextColumn.builder("t", 1).add("first").addAll(t1).add(null).addAll(t2).addAll(
                TextColumn.of("t")).build();
        assertArrayEquals(new String[] {"first", "ab", null, "", "Zoë", null, null, "xyz"}, t.toArray());
        assertEquals(3, t.missingCount());
    }
}
