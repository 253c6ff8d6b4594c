package org.example.segmentation.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;

/**
 * Golden numbers on tables small enough to check by hand. Every expected value is worked out in the comments; the
 * p-values were also computed with SciPy 1.17 ({@code scipy.stats.ttest_ind(a, b, equal_var=False)}) and are checked
 * against Weka's own incomplete beta function in the test.
 */
class ProfileStatisticsTest {

    private static final double EPS = 1e-9;

    /**
     * Two segments. x: A = 2, 4, 6, 8; B = 1, 3, 3, 5, 8. channel: A = app, app, app, web; B = app, web, web,
     * branch, branch.
     */
    static Table twoSegments() {
        return Table.of(TextColumn.of("id", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"),
                CategoricalColumn.of("segment", "A", "B", "A", "B", "A", "B", "A", "B", "B"),
                NumericColumn.of("x", new double[] {2, 1, 4, 3, 6, 3, 8, 5, 8}),
                CategoricalColumn.of("channel", "app", "app", "app", "web", "app", "web", "web", "branch", "branch"));
    }

    static SegmentProfile profile(Table t, String... settings) {
        return Profiler.profile(t, ProfilerConfig.fromSettings(Settings.parse(List.of(settings))), Progress.NONE);
    }

    /** The value of one row of the long table, NaN when missing; fails when there is no such row. */
    static double longValue(Table longTable, String segment, String feature, String level, String statistic) {
        CategoricalColumn seg = longTable.categorical("segment");
        CategoricalColumn feat = longTable.categorical("feature");
        TextColumn lvl = longTable.text("level");
        CategoricalColumn stat = longTable.categorical("statistic");
        NumericColumn value = longTable.numeric("value");
        for (int i = 0; i < longTable.rowCount(); i++) {
            if (seg.level(i).equals(segment) && feat.level(i).equals(feature)
                    && java.util.Objects.equals(lvl.value(i), level) && stat.level(i).equals(statistic)) {
                return value.value(i);
            }
        }
        throw new AssertionError("no row " + segment + "/" + feature + "/" + level + "/" + statistic);
    }

    @Test
    void numericStatisticsByHand() {
        SegmentProfile p = profile(twoSegments(), "min_segment_size=1");
        assertEquals(List.of("A", "B"), p.segments());
        assertEquals(List.of("x", "channel"), p.features(), "text column id is not a feature");

        // A: n 4, mean 20/4 = 5, median (4+6)/2 = 5, SS = 9+1+1+9 = 20, sd = sqrt(20/3) = 2.581988897
        NumericProfile a = p.numeric("A", "x");
        assertEquals(4, a.count());
        assertEquals(0, a.missing());
        assertEquals(5.0, a.mean(), EPS);
        assertEquals(5.0, a.median(), EPS);
        assertEquals(Math.sqrt(20.0 / 3), a.std(), EPS);
        assertEquals(2.581988897471611, a.std(), EPS);
        // B: n 5, mean 20/5 = 4, median 3, SS = 9+1+1+1+16 = 28, sd = sqrt(7) = 2.645751311
        NumericProfile b = p.numeric("B", "x");
        assertEquals(4.0, b.mean(), EPS);
        assertEquals(3.0, b.median(), EPS);
        assertEquals(Math.sqrt(7), b.std(), EPS);
        // population: 9 values, sum 40, mean 4.444..., sorted 1 2 3 3 4 5 6 8 8: median 4
        NumericProfile pop = p.numericPopulation("x");
        assertEquals(9, pop.count());
        assertEquals(40.0 / 9, pop.mean(), EPS);
        assertEquals(4.0, pop.median(), EPS);
        assertEquals(2.5055493963954847, pop.std(), EPS);
        assertEquals(100.0, pop.index(), EPS);
        assertTrue(Double.isNaN(pop.cohensD()) && Double.isNaN(pop.pValue()));

        // index: A 5 / 4.444 x 100 = 112.5, B 4 / 4.444 x 100 = 90
        assertEquals(112.5, a.index(), EPS);
        assertEquals(90.0, b.index(), EPS);
        // Cohen's d against the rest (for two segments, the other one): pooled sd = sqrt((20 + 28) / (4 + 5 - 2))
        // = sqrt(48/7) = 2.618614683; d(A) = (5 - 4) / 2.618614683 = 0.381881308; d(B) = -d(A)
        assertEquals(1 / Math.sqrt(48.0 / 7), a.cohensD(), EPS);
        assertEquals(0.3818813079129867, a.cohensD(), EPS);
        assertEquals(-a.cohensD(), b.cohensD(), EPS);
        // Welch: v/n = (20/3)/4 = 1.666667 and 7/5 = 1.4; se = sqrt(3.066667) = 1.751190; t = 1/se = 0.571040;
        // df = 3.066667^2 / (1.666667^2/3 + 1.4^2/4) = 9.404444 / 1.415926 = 6.641904; p (SciPy) = 0.586763521
        assertEquals(0.5710402407201608, a.welchT(), EPS);
        assertEquals(6.6419042636672785, a.welchDf(), 1e-9);
        assertEquals(0.586763521495998, a.pValue(), 1e-9);
        assertEquals(-a.welchT(), b.welchT(), EPS);
        assertEquals(a.pValue(), b.pValue(), 1e-12);
        // the same p from Weka's incomplete beta: p = I_{df/(df+t^2)}(df/2, 1/2)
        double df = a.welchDf();
        double t = a.welchT();
        assertEquals(weka.core.Statistics.incompleteBeta(df / 2, 0.5, df / (df + t * t)), a.pValue(), 1e-9);
    }

    @Test
    void welchMatchesTheTextbookExample() {
        // Welch's t-test, Wikipedia "Welch's t-test", example 1: t = -2.46, df = 24.99, p = 0.021
        // (SciPy: t = -2.455356398, df = 24.988529290, p = 0.021378001)
        double[] a1 = {27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4};
        double[] a2 = {27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4};
        double[] values = new double[30];
        String[] segment = new String[30];
        for (int i = 0; i < 15; i++) {
            values[i] = a1[i];
            segment[i] = "a1";
            values[15 + i] = a2[i];
            segment[15 + i] = "a2";
        }
        SegmentProfile p = profile(Table.of(CategoricalColumn.of("segment", segment),
                NumericColumn.of("value", values)));
        NumericProfile r = p.numeric("a1", "value");
        assertEquals(-2.455356398286006, r.welchT(), 1e-9);
        assertEquals(24.988529290231416, r.welchDf(), 1e-8);
        assertEquals(0.021378001462866992, r.pValue(), 1e-9);
        double df = r.welchDf();
        assertEquals(weka.core.Statistics.incompleteBeta(df / 2, 0.5, df / (df + r.welchT() * r.welchT())),
                r.pValue(), 1e-9);
    }

    @Test
    void categoricalSharesLiftAndCohensHByHand() {
        SegmentProfile p = profile(twoSegments(), "min_segment_size=1");
        // population: app 4/9, web 3/9, branch 2/9 (levels in dictionary order: app, branch, web)
        CategoricalProfile pop = p.categoricalPopulation("channel");
        assertEquals(9, pop.count());
        assertEquals(List.of("app", "branch", "web"), pop.levels().stream().map(LevelProfile::level).toList());
        assertEquals(4.0 / 9, pop.level("app").share(), EPS);
        assertEquals(1.0, pop.level("app").lift(), EPS);

        // A: app 3/4 = 0.75 (lift 0.75 / (4/9) = 1.6875), web 1/4 (lift 0.25 / (1/3) = 0.75), branch 0 (lift 0)
        CategoricalProfile a = p.categorical("A", "channel");
        assertEquals(0.75, a.level("app").share(), EPS);
        assertEquals(1.6875, a.level("app").lift(), EPS);
        assertEquals(0.75, a.level("web").lift(), EPS);
        assertEquals(0.0, a.level("branch").lift(), EPS);
        assertEquals(0, a.level("branch").count());
        // Cohen's h against the rest (B: app 0.2, web 0.4, branch 0.4):
        // app 2 asin(sqrt .75) - 2 asin(sqrt .2) = 2.094395 - 0.927295 = 1.167100
        // web 2 asin(sqrt .25) - 2 asin(sqrt .4) = 1.047198 - 1.369438 = -0.322241
        // branch 0 - 2 asin(sqrt .4) = -1.369438: the strongest level
        assertEquals(1.167099884391583, a.level("app").cohensH(), EPS);
        assertEquals(-0.32224085480796805, a.level("web").cohensH(), EPS);
        assertEquals(-1.369438406004566, a.level("branch").cohensH(), EPS);
        assertEquals("branch", a.strongestLevel().level());
        assertEquals(-1.369438406004566, a.effect(), EPS);

        // B: app 1/5 (lift 0.2 / (4/9) = 0.45), web 2/5 (lift 1.2), branch 2/5 (lift 0.4 / (2/9) = 1.8)
        CategoricalProfile b = p.categorical("B", "channel");
        assertEquals(0.45, b.level("app").lift(), EPS);
        assertEquals(1.2, b.level("web").lift(), EPS);
        assertEquals(1.8, b.level("branch").lift(), EPS);
        assertEquals(1.369438406004566, b.level("branch").cohensH(), EPS);
    }

    @Test
    void longTableHoldsEveryNumber() {
        SegmentProfile p = profile(twoSegments(), "min_segment_size=1");
        Table t = p.profileTable();
        assertEquals(List.of("segment", "feature", "level", "statistic", "value"), t.columnNames());
        assertEquals(40.0 / 9, longValue(t, SegmentProfile.POPULATION, "x", null, "mean"), EPS);
        assertEquals(112.5, longValue(t, "A", "x", null, "index"), EPS);
        assertEquals(0.586763521495998, longValue(t, "B", "x", null, "p_value"), 1e-9);
        assertEquals(1.8, longValue(t, "B", "channel", "branch", "lift"), EPS);
        assertEquals(2.0 / 9, longValue(t, SegmentProfile.POPULATION, "channel", "branch", "share"), EPS);
        assertEquals(-1.369438406004566, longValue(t, "A", "channel", null, "cohens_h"), EPS);
        // ranking of A: channel |h| 1.369 before x |d| 0.382
        assertEquals(1.0, longValue(t, "A", "channel", null, "effect_rank"));
        assertEquals(2.0, longValue(t, "A", "x", null, "effect_rank"));
        assertEquals(List.of("channel", "x"), p.ranking("A"));
        // rows: population 2 x (5 + info gain 2) numeric ... counted per block
        int popRows = (5 + 2) + (2 + 2 + 3 * 2);
        int segRows = 11 + (4 + 3 * 4);
        assertEquals(popRows + 2 * segRows, t.rowCount());
    }

    @Test
    void summaryTableAndTextShape() {
        SegmentProfile p = profile(twoSegments(), "min_segment_size=1", "top_features=1");
        Table s = p.summaryTable();
        assertEquals(List.of("segment", "size", "share", "top_features", "description"), s.columnNames());
        assertEquals(2, s.rowCount());
        assertEquals("A", s.text("segment").value(0));
        assertEquals(4.0, s.numeric("size").value(0));
        assertEquals(4.0 / 9, s.numeric("share").value(0), EPS);
        assertEquals("channel", s.text("top_features").value(0));
        // A: channel h = -1.369 (branch 0% of A): rarely; x d = 0.38 < 0.5: not described
        assertEquals("Channel rarely branch (0%)", s.text("description").value(0));
        assertEquals("Channel often branch (40% vs 22% overall)", p.summary("B").description());
        Table d = p.descriptionTable();
        assertEquals(List.of("segment", "text"), d.columnNames());
        assertEquals("A (4 customers, 44.4%): Channel rarely branch (0%)", d.text("text").value(0));
        String text = p.descriptionText();
        assertTrue(text.startsWith("Segment profiles: 9 customers in 2 segments (segment column 'segment'), "
                + "2 features\n\nA (4 customers, 44.4%): Channel rarely branch (0%)\nB (5 customers, 55.6%): "), text);
        assertTrue(text.contains("Notes:\n- text column 'id'"), text);
        assertNull(p.categorical("A", "channel").level("cash"));
    }
}
