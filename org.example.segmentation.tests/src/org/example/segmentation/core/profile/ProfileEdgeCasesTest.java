package org.example.segmentation.core.profile;

import static org.example.segmentation.core.profile.ProfileStatisticsTest.longValue;
import static org.example.segmentation.core.profile.ProfileStatisticsTest.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;

class ProfileEdgeCasesTest {

    private static final double EPS = 1e-9;

    private static boolean warned(SegmentProfile p, String... parts) {
        return p.warnings().stream().anyMatch(w -> {
            for (String part : parts) {
                if (!w.contains(part)) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void segmentOfSizeOne() {
        // A = 10 (one customer); B = 1, 2, 3. A: mean 10, median 10, std undefined (n - 1 = 0), no Welch test.
        // Cohen's d still exists: SS(A) = 0, SS(B) = 2, pooled sd = sqrt(2 / (1 + 3 - 2)) = 1, d = (10 - 2) / 1 = 8
        Table t = Table.of(CategoricalColumn.of("segment", "A", "B", "B", "B"),
                NumericColumn.of("x", new double[] {10, 1, 2, 3}));
        SegmentProfile p = profile(t, "min_segment_size=1");
        NumericProfile a = p.numeric("A", "x");
        assertEquals(1, a.count());
        assertEquals(10.0, a.mean());
        assertEquals(10.0, a.median());
        assertTrue(Double.isNaN(a.std()));
        assertEquals(8.0, a.cohensD(), EPS);
        assertTrue(Double.isNaN(a.welchT()) && Double.isNaN(a.welchDf()) && Double.isNaN(a.pValue()));
        assertTrue(Double.isNaN(p.numeric("B", "x").pValue()), "B's rest is A alone");
        assertEquals(1.0, p.numeric("B", "x").std(), EPS);
        assertTrue(Double.isNaN(longValue(p.profileTable(), "A", "x", null, "std")), "undefined = missing cell");
        assertTrue(warned(p, "segment 'A'", "single customer"), p.warnings().toString());
        assertEquals("Very high x (index 250)", p.summary("A").description());

        // with the default min_segment_size 10 neither is described
        SegmentProfile d = profile(t);
        assertEquals("Too small to describe: 1 customer, fewer than min_segment_size 10", d.summary("A").description());
        assertEquals(List.of(), d.summary("A").topFeatures());
        assertTrue(warned(d, "segments A (1), B (3) are smaller than min_segment_size 10"), d.warnings().toString());
        assertEquals(8.0, d.numeric("A", "x").cohensD(), EPS, "statistics are still computed");
    }

    @Test
    void constantFeature() {
        // c = 0.1 everywhere (a sum of 0.1s is not exactly a multiple of 0.1: the means must still be exactly 0.1)
        double[] c = new double[7];
        java.util.Arrays.fill(c, 0.1);
        Table t = Table.of(CategoricalColumn.of("segment", "A", "A", "A", "B", "B", "B", "B"),
                NumericColumn.of("c", c), CategoricalColumn.of("k", "x", "x", "x", "x", "x", "x", "x"));
        SegmentProfile p = profile(t, "min_segment_size=1");
        NumericProfile a = p.numeric("A", "c");
        assertEquals(0.1, a.mean());
        assertEquals(0.0, a.std());
        assertEquals(100.0, a.index(), EPS);
        assertEquals(0.0, a.cohensD(), "no difference and no spread: d = 0");
        assertEquals(0.0, a.welchT());
        assertEquals(1.0, a.pValue());
        assertTrue(Double.isNaN(a.welchDf()));
        assertEquals(0.0, p.categorical("A", "k").effect());
        assertEquals(1.0, p.categorical("A", "k").level("x").lift());
        assertTrue(warned(p, "features 'c', 'k' are constant"), p.warnings().toString());
        assertEquals(Descriptions.AVERAGE, p.summary("A").description());
    }

    @Test
    void constantWithinSegmentsButDifferentBetweenThem() {
        Table t = Table.of(CategoricalColumn.of("segment", "A", "A", "B", "B"),
                NumericColumn.of("x", new double[] {5, 5, 1, 1}));
        NumericProfile a = profile(t, "min_segment_size=1").numeric("A", "x");
        assertEquals(Double.POSITIVE_INFINITY, a.cohensD());
        assertEquals(Double.POSITIVE_INFINITY, a.welchT());
        assertEquals(0.0, a.pValue());
    }

    @Test
    void missingValuesAreSkippedAndCounted() {
        // A: 1, missing, 3 -> n 2, mean 2; B: 5, 7, missing, Infinity -> n 2, mean 6, missing 2 (one non-finite)
        Table t = Table.of(CategoricalColumn.of("segment", "A", "A", "A", "B", "B", "B", "B"),
                NumericColumn.of("x", new double[] {1, Double.NaN, 3, 5, 7, Double.NaN, Double.POSITIVE_INFINITY}),
                CategoricalColumn.of("k", "u", null, "u", "v", null, null, "v"));
        SegmentProfile p = profile(t, "min_segment_size=1");
        NumericProfile a = p.numeric("A", "x");
        assertEquals(2, a.count());
        assertEquals(1, a.missing());
        assertEquals(2.0, a.mean(), EPS);
        NumericProfile b = p.numeric("B", "x");
        assertEquals(2, b.count());
        assertEquals(2, b.missing());
        assertEquals(6.0, b.mean(), EPS);
        assertEquals(3, p.numericPopulation("x").missing());
        assertEquals(1, p.categorical("A", "k").missing());
        assertEquals(2, p.categorical("B", "k").missing());
        assertEquals(1.0, p.categorical("A", "k").level("u").share(), "shares are of the non-missing values");
        assertEquals(2.0, longValue(p.profileTable(), "B", "x", null, "missing"));
        assertTrue(warned(p, "missing values were skipped", "'x' 2", "'k' 3"), p.warnings().toString());
        assertTrue(warned(p, "non-finite", "'x' 1"), p.warnings().toString());
    }

    @Test
    void segmentColumnMissingIsAnErrorNamingIt() {
        Table t = ProfileStatisticsTest.twoSegments();
        InputException e = assertThrows(InputException.class, () -> profile(t, "segment.column=cluster"));
        assertTrue(e.getMessage().startsWith("segment column 'cluster' (setting 'segment.column') is not in the table;"),
                e.getMessage());
        assertTrue(e.getMessage().contains("'segment'"), "lists the table's columns: " + e.getMessage());
    }

    @Test
    void segmentColumnWithoutValuesIsAnError() {
        Table t = Table.of(NumericColumn.of("segment", new double[] {Double.NaN, Double.NaN}),
                NumericColumn.of("x", new double[] {1, 2}));
        InputException e = assertThrows(InputException.class, () -> profile(t));
        assertTrue(e.getMessage().contains("segment column 'segment'") && e.getMessage().contains("no values"),
                e.getMessage());
    }

    @Test
    void segmentNamedLikeThePopulationIsAnError() {
        Table t = Table.of(TextColumn.of("segment", "(population)", "b"), NumericColumn.of("x", new double[] {1, 2}));
        InputException e = assertThrows(InputException.class, () -> profile(t));
        assertTrue(e.getMessage().contains("'(population)'"), e.getMessage());
    }

    @Test
    void onlyOneSegmentGivesMissingComparisonsAndAWarning() {
        Table t = Table.of(CategoricalColumn.of("segment", "all", "all", "all"),
                NumericColumn.of("x", new double[] {1, 2, 6}), CategoricalColumn.of("k", "u", "v", "v"));
        SegmentProfile p = profile(t);
        NumericProfile a = p.numeric("all", "x");
        assertEquals(3.0, a.mean(), EPS);
        assertEquals(100.0, a.index(), EPS);
        assertTrue(Double.isNaN(a.cohensD()) && Double.isNaN(a.welchT()) && Double.isNaN(a.pValue()));
        assertEquals(1.0, p.categorical("all", "k").level("v").lift(), EPS);
        assertTrue(Double.isNaN(p.categorical("all", "k").effect()));
        assertTrue(warned(p, "only one segment ('all')", "p-values are missing"), p.warnings().toString());
        assertEquals(Descriptions.onlySegment(), p.summary("all").description());
        assertEquals(List.of(), p.infoGainRanking(), "no information gain with one class");
        assertTrue(Double.isNaN(longValue(p.profileTable(), "all", "x", null, "p_value")));
    }

    @Test
    void rowsWithoutSegmentAreLeftOut() {
        Table t = Table.of(CategoricalColumn.of("segment", "A", null, "B", "B"),
                NumericColumn.of("x", new double[] {1, 100, 3, 5}));
        SegmentProfile p = profile(t, "min_segment_size=1");
        assertEquals(3, p.populationSize());
        assertEquals(1, p.rowsWithoutSegment());
        assertEquals(3.0, p.numericPopulation("x").mean(), EPS);
        assertEquals(1.0 / 3, p.summary("A").share(), EPS);
        assertTrue(warned(p, "1 row has no value in segment column 'segment'"), p.warnings().toString());
    }

    @Test
    void negativeValuesOrZeroMeanLeaveTheIndexMissing() {
        Table t = Table.of(CategoricalColumn.of("segment", "A", "A", "B", "B"),
                NumericColumn.of("balance", new double[] {-100, 500, 50, 150}),
                NumericColumn.of("zero_mean", new double[] {0, 0, 0, 0.0}),
                NumericColumn.of("trend", new double[] {1, 2, -2, -1}));
        SegmentProfile p = profile(t, "min_segment_size=1");
        assertTrue(Double.isNaN(p.numeric("A", "balance").index()), "a negative value anywhere: no index");
        assertTrue(Double.isNaN(p.numeric("A", "zero_mean").index()));
        assertTrue(Double.isNaN(p.numericPopulation("trend").index()));
        // d does not need an index: trend A 1.5 vs B -1.5, pooled sd = sqrt((0.5 + 0.5) / 2) = 0.7071, d = 4.2426
        assertEquals(3 / Math.sqrt(0.5), p.numeric("A", "trend").cohensD(), EPS);
        // balance: d = (200 - 100) / sqrt((180000 + 5000) / 2) = 0.33 < 0.5, not described; zero_mean: d = 0
        assertEquals("Very high trend", p.summary("A").description());
    }

    @Test
    void numericSegmentsInNumericOrderAndTextSegmentsInNaturalOrder() {
        Table n = Table.of(NumericColumn.of("cluster", new double[] {10, 2, 2, 10, 1}),
                NumericColumn.of("x", new double[] {1, 2, 3, 4, 5}));
        assertEquals(List.of("1", "2", "10"), profile(n, "segment.column=cluster").segments());
        Table z = Table.of(NumericColumn.of("cluster", new double[] {-0.0, 0.0, 2.5, Double.NaN}),
                NumericColumn.of("x", new double[] {1, 2, 3, 4}));
        SegmentProfile pz = profile(z, "segment.column=cluster");
        assertEquals(List.of("0", "2.5"), pz.segments(), "-0 and 0 are one segment; NaN is no segment");
        assertEquals(2, pz.summary("0").size());
        Table s = Table.of(TextColumn.of("cluster", "cluster_10", "cluster_2", "cluster_1", "cluster_2"),
                NumericColumn.of("x", new double[] {1, 2, 3, 4}));
        assertEquals(List.of("cluster_1", "cluster_2", "cluster_10"), profile(s, "segment.column=cluster").segments());
    }

    @Test
    void includeAndExclude() {
        Table t = ProfileStatisticsTest.twoSegments();
        assertEquals(List.of("channel"), profile(t, "include=channel").features());
        assertEquals(List.of("x"), profile(t, "exclude=channel").features());
        assertEquals(List.of("x"), profile(t, "include=x,channel", "exclude=channel").features(), "exclude wins");
    }

    @Test
    void includeNamingAbsentColumnsFailsNamingAll() {
        InputException e = assertThrows(InputException.class,
                () -> profile(ProfileStatisticsTest.twoSegments(), "include=x,age", "exclude=income"));
        assertTrue(e.getMessage().contains("'include'") && e.getMessage().contains("columns 'age', 'income'"),
                e.getMessage());
    }

    @Test
    void includeNamingATextColumnFails() {
        InputException e = assertThrows(InputException.class,
                () -> profile(ProfileStatisticsTest.twoSegments(), "include=id"));
        assertTrue(e.getMessage().contains("'include'") && e.getMessage().contains("text column 'id'"),
                e.getMessage());
    }

    @Test
    void unusedLabelsAreReported() {
        SegmentProfile p = profile(ProfileStatisticsTest.twoSegments(), "labels={\"x\":\"the x\",\"nope\":\"n\"}");
        assertEquals("the x", p.label("x"));
        assertTrue(warned(p, "'labels'", "'nope'"), p.warnings().toString());
    }

    @Test
    void unknownSegmentOrFeatureInAccessors() {
        SegmentProfile p = profile(ProfileStatisticsTest.twoSegments());
        assertThrows(IllegalArgumentException.class, () -> p.numeric("C", "x"));
        assertThrows(IllegalArgumentException.class, () -> p.numeric("A", "channel"));
        assertThrows(IllegalArgumentException.class, () -> p.categorical("A", "x"));
        assertThrows(IllegalArgumentException.class, () -> p.numeric("A", "id"));
    }
}
