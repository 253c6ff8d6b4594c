package org.example.segmentation.core.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/** Seeded synthetic inputs and helpers for the segmentation tests. */
final class SegmentationFixtures {
    /** Settings that keep tests fast: two stability refits, a small silhouette sample. */
    static final String[] FAST = {"stability.runs=2", "silhouette.sample_size=1000", "restarts=4"};

    private SegmentationFixtures() {
    }

    /**
     * Well-separated Gaussian blobs through the Table API: {@code id} (text), numeric {@code x0..x(d-1)} and a
     * categorical {@code tier} that names the blob ({@code t<blob>}) for 90% of the rows and a random blob for the
     * others. Blob {@code b}'s centre is the corner of a cube given by the bits of {@code b}, times {@code spread}
     * (blob 0 at the origin, blob 1 at {@code (spread, 0, ...)}, blob 2 at {@code (0, spread, 0, ...)}, ...), so any
     * two centres are at least {@code spread} apart, whatever the blob count; the noise is standard normal in every
     * dimension, seeded.
     *
     * @param sizes rows per blob, at most {@code 2^d} blobs
     */
    static Table blobs(int[] sizes, int d, double spread, long seed) {
        if (sizes.length > (1 << d)) {
            throw new IllegalArgumentException("at most 2^d blobs");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int n = 0;
        for (int s : sizes) {
            n += s;
        }
        String[] ids = new String[n];
        double[][] x = new double[d][n];
        String[] tier = new String[n];
        int i = 0;
        for (int b = 0; b < sizes.length; b++) {
            for (int r = 0; r < sizes[b]; r++, i++) {
                ids[i] = String.format("C%06d", i + 1);
                for (int j = 0; j < d; j++) {
                    x[j][i] = spread * ((b >> j) & 1) + gaussian(random);
                }
                tier[i] = random.nextDouble() < 0.9 ? "t" + b : "t" + random.nextInt(sizes.length);
            }
        }
        List<Column> columns = new ArrayList<>();
        columns.add(TextColumn.of("id", ids));
        for (int j = 0; j < d; j++) {
            columns.add(NumericColumn.of("x" + j, x[j]));
        }
        columns.add(CategoricalColumn.of("tier", tier));
        return Table.of(columns);
    }

    /** The blob index of every row of {@link #blobs}. */
    static int[] blobLabels(int[] sizes) {
        int n = 0;
        for (int s : sizes) {
            n += s;
        }
        int[] out = new int[n];
        int i = 0;
        for (int b = 0; b < sizes.length; b++) {
            for (int r = 0; r < sizes[b]; r++) {
                out[i++] = b;
            }
        }
        return out;
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller from two uniforms (nextGaussian's algorithm is not specified across JDKs)
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static SegmenterConfig config(String... keyValues) {
        List<String> all = new ArrayList<>(List.of(FAST));
        all.addAll(List.of(keyValues));
        return SegmenterConfig.fromSettings(Settings.parse(all));
    }

    static SegmentationResult fit(Table table, String... keyValues) {
        return Segmenter.fit(table, config(keyValues), Progress.NONE);
    }

    /** The rows {@code from..to-1}. */
    static Table rows(Table table, int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return table.selectRows(idx);
    }

    /** Asserts two tables hold the same columns, types and values (as CSV text), dictionaries included. */
    static void assertSameTable(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            Column e = expected.column(c);
            Column a = actual.column(c);
            assertEquals(e.type(), a.type(), e.name());
            if (e instanceof CategoricalColumn ec) {
                assertEquals(ec.levels(), ((CategoricalColumn) a).levels(), e.name());
            }
            for (int r = 0; r < expected.rowCount(); r++) {
                assertEquals(e.format(r), a.format(r), e.name() + " row " + r);
            }
        }
    }

    /** The segment codes of an assignment output. */
    static int[] segments(Table assigned) {
        return assigned.categorical(SegmentationModel.SEGMENT).codes();
    }
}
