package org.example.segmentation.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.ColumnSummary;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a generated file of one million rows and 25 columns (about 120 MB) and checks that the table it
 * retains is no bigger than its primitive arrays. No timing is asserted.
 */
class CsvLargeFileTest {
    private static final int ROWS = 1_000_000;
    private static final int NUMERIC = 20;
    private static final String[][] LEVELS = {
            { "Norte", "Sul", "Centro", "Lisboa", "Açores" },
            { "A", "B", "C", "D" },
            { "F", "M" },
            { "app", "web", "agência" },
            { "yes", "no" } };
    private static final String[] CATEGORICAL = { "Região", "segment", "gender", "channel", "newsletter" };

    @TempDir
    Path dir;

    /** Row {@code i} of numeric column {@code k}: integers in even columns, two decimals in odd ones. */
    private static long raw(int i, int k) {
        return k % 2 == 0 ? ((long) i * (2 * k + 3) + k) % 100_000 : ((long) i * (k + 11)) % 1_000_000;
    }

    private static double value(int i, int k) {
        return k % 2 == 0 ? raw(i, k) : raw(i, k) / 100.0;
    }

    private static boolean missing(int i, int k) {
        return k == 0 && i % 1000 == 0;
    }

    private static String level(int i, int c) {
        String[] levels = LEVELS[c];
        return levels[(i / (c + 1)) % levels.length];
    }

    private Path generate() throws IOException {
        Path f = dir.resolve("large.csv");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(f, StandardCharsets.UTF_8), 1 << 20)) {
            StringBuilder line = new StringBuilder(256);
            for (int k = 0; k < NUMERIC; k++) {
                line.append(k == 0 ? "" : ",").append("x").append(k);
            }
            for (String c : CATEGORICAL) {
                line.append(',').append(c);
            }
            w.append(line).append('\n');
            for (int i = 0; i < ROWS; i++) {
                line.setLength(0);
                for (int k = 0; k < NUMERIC; k++) {
                    if (k > 0) {
                        line.append(',');
                    }
                    if (missing(i, k)) {
                        continue;
                    }
                    long r = raw(i, k);
                    if (k % 2 == 0) {
                        line.append(r);
                    } else {
                        line.append(r / 100).append('.');
                        long cents = r % 100;
                        line.append(cents < 10 ? "0" : "").append(cents);
                    }
                }
                for (int c = 0; c < CATEGORICAL.length; c++) {
                    line.append(',').append(level(i, c));
                }
                w.append(line).append('\n');
            }
        }
        return f;
    }

    @Test
    void millionRowsByTwentyFiveColumns() throws IOException {
        Path f = generate();
        long before = usedHeapAfterGc();
        CsvReadResult result = CsvReader.read(f);
        long after = usedHeapAfterGc();

        Table t = result.table();
        assertEquals(ROWS, result.rowCount());
        assertEquals(ROWS, t.rowCount());
        assertEquals(25, t.columnCount());
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
        for (int k = 0; k < NUMERIC; k++) {
            assertEquals(ColumnType.NUMERIC, result.typeOf("x" + k));
        }
        for (String c : CATEGORICAL) {
            assertEquals(ColumnType.CATEGORICAL, result.typeOf(c));
        }
        for (int i : new int[] { 0, 1, 999, 1000, 123_457, ROWS - 1 }) {
            for (int k = 0; k < NUMERIC; k++) {
                NumericColumn x = t.numeric("x" + k);
                assertEquals(missing(i, k), x.isMissing(i), "x" + k + " row " + i);
                if (!missing(i, k)) {
                    assertEquals(value(i, k), x.value(i), "x" + k + " row " + i);
                }
            }
            for (int c = 0; c < CATEGORICAL.length; c++) {
                assertEquals(level(i, c), t.categorical(CATEGORICAL[c]).level(i));
            }
        }

        // Summaries against sums computed here.
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ROWS; i++) {
            double v = value(i, 1);
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        ColumnSummary x1 = t.column("x1").summary();
        assertEquals(ROWS, x1.count());
        assertEquals(sum / ROWS, x1.mean(), 1e-9 * Math.abs(sum / ROWS));
        assertEquals(min, x1.min());
        assertEquals(max, x1.max());
        ColumnSummary x0 = t.column("x0").summary();
        assertEquals(ROWS / 1000, x0.missing());
        assertEquals(Map.of("Açores", 200_000, "Centro", 200_000, "Lisboa", 200_000, "Norte", 200_000, "Sul",
                200_000), t.column("Região").summary().levelCounts());
        CategoricalColumn channel = t.categorical("channel");
        assertEquals(3, channel.levelCount());

        // Retained memory: the table's primitive arrays and nothing else of size.
        long expected = (long) NUMERIC * Double.BYTES * ROWS + (long) CATEGORICAL.length * Integer.BYTES * ROWS;
        long retained = after - before;
        System.out.printf("CsvLargeFileTest: file %.1f MB, table arrays %.1f MB, retained after read %.1f MB%n",
                Files.size(f) / 1e6, expected / 1e6, retained / 1e6);
        assertTrue(retained > 0.9 * expected && retained < 1.15 * expected,
                "retained " + retained + " bytes, expected about " + expected);
        Reference.reachabilityFence(result);
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
