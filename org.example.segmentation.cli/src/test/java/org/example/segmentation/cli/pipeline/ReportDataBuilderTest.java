package org.example.segmentation.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.example.segmentation.cli.report.ArchetypeRegion;
import org.example.segmentation.cli.report.ReportData;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;

/**
 * The report's scoring sections read the scoring columns by name from the scored customers: checked on a synthetic
 * table, so they work the moment the scoring step appends {@code capability_score}, {@code trust_score} and
 * {@code digital_score}.
 */
class ReportDataBuilderTest {

    private static Table scored() {
        return Table.of(CategoricalColumn.of("segment", "S1", "S1", "S1", "S1", "S2", "S2", "S2"),
                NumericColumn.of("digital_score", new double[] {10, 20, 30, 50, 0, 100, 60},
                        new boolean[] {false, false, false, false, false, false, true}),
                NumericColumn.of("capability_score", new double[] {0, 4.99, 5, 99, 100, 50, 50}),
                NumericColumn.of("trust_score", new double[] {0, 0, 0, 100, 100, 50, 50}));
    }

    @Test
    void scoreBoxesAreFiveNumberSummariesPerSegment() {
        ReportData.ScoreDistribution d = ReportDataBuilder.scores(scored());
        assertEquals(List.of("S1", "S2"), d.segments());
        // S1: 10 20 30 50; type-7 quartiles at positions 0.75, 1.5, 2.25: 17.5, 25, 35
        assertArrayEquals(new double[] {10, 17.5, 25, 35, 50}, d.boxes()[0], 1e-12);
        // S2: 0 100 (the missing score left out); positions 0.25, 0.5, 0.75: 25, 50, 75
        assertArrayEquals(new double[] {0, 25, 50, 75, 100}, d.boxes()[1], 1e-12);
        assertArrayEquals(new long[] {4, 2}, d.counts());
    }

    @Test
    void gridCountsCustomersInFivePointCells() {
        List<ArchetypeRegion> regions = List.of(new ArchetypeRegion("Analogs", 0, 30, 0, 30));
        ReportData.Grid g = ReportDataBuilder.grid(scored(), regions);
        assertEquals(20, g.cells());
        assertEquals(regions, g.regions());
        assertEquals(2, g.counts()[0][0], "0 and 4.99 fall in the first cell");
        assertEquals(1, g.counts()[1][0], "5 starts the second");
        assertEquals(2, g.counts()[19][19], "99 and 100 (the upper edge) in the last cell");
        assertEquals(2, g.counts()[10][10]);
        long total = 0;
        for (long[] row : g.counts()) {
            for (long c : row) {
                total += c;
            }
        }
        assertEquals(7, total);
    }

    @Test
    void withoutScoringColumnsTheSectionsAreAbsent() {
        Table t = Table.of(CategoricalColumn.of("segment", "S1"), NumericColumn.of("age", new double[] {40}));
        assertNull(ReportDataBuilder.scores(t));
        assertNull(ReportDataBuilder.grid(t, List.of()));
        Table textScore = Table.of(CategoricalColumn.of("segment", "S1"), CategoricalColumn.of("digital_score", "x"));
        assertNull(ReportDataBuilder.scores(textScore), "a non-numeric score column is not a score");
    }

    @Test
    void sampleIsSeededSortedAndOfTheRequestedSize() {
        int[] a = ReportDataBuilder.sample(100_000, 5000, 42);
        assertEquals(5000, a.length);
        for (int i = 1; i < a.length; i++) {
            assertEquals(true, a[i] > a[i - 1]);
        }
        assertArrayEquals(a, ReportDataBuilder.sample(100_000, 5000, 42));
        assertArrayEquals(new int[] {0, 1, 2}, ReportDataBuilder.sample(3, 5000, 42));
    }
}
