package org.example.segmentation.core.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;

class DriftMonitorTest {

    /**
     * The worked example through the whole monitor: reference 1..10 in 2 bins has the edge 5, so bins (-inf, 5] and
     * (5, inf) with 5 and 5 values; the current month 1,2,3,4,5,6,7,8,2,3 has 7 and 3. Smoothed shares (10 values
     * + 0.5 x 2 bins = 11): 5.5/11 each against 7.5/11 and 3.5/11. PSI = (2/11) ln(7.5/5.5) + (2/11) ln(5.5/3.5)
     * = (0.3101549 + 0.4519851) x 2 / 11 = 0.1385709.
     */
    @Test
    void psiOfTheReportByHand() {
        Table ref = Table.of(NumericColumn.of("x", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        Table cur = Table.of(NumericColumn.of("x", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 2, 3}));
        DriftBaseline b = DriftBaseline.fit(ref, DriftFixtures.config("bins=2", "sample_size=100"));
        assertArrayEquals(new long[] {5, 5}, b.referenceCounts("x"));
        FeatureDrift x = DriftMonitor.monitor(b, cur).feature("x");
        assertEquals(0.1385709, x.psi(), 1e-7);
        assertEquals(2, x.bins());
        assertEquals(5.5, x.meanRef(), 1e-12);
        assertEquals(4.1, x.meanCur(), 1e-12);
    }

    @Test
    void aMonthAgainstItselfIsOkWithPsiZero() {
        Table t = DriftFixtures.synthetic(3000, 1, 0, 0.3);
        DriftBaseline b = DriftBaseline.fit(t, DriftConfig.defaults());
        DriftReport r = DriftMonitor.monitor(b, t);
        assertEquals(DriftStatus.OK, r.status());
        assertEquals("keep", r.summary().recommendation());
        for (FeatureDrift f : r.features()) {
            assertEquals(0, f.psi(), 1e-15, f.feature());
            assertEquals(FeatureStatus.STABLE, f.status());
        }
        assertEquals(0, r.segmentShares().orElseThrow().psi(), 1e-15);
        assertEquals(List.of("every monitored feature is stable and so are the segment shares"),
                r.summary().reasons());
    }

    @Test
    void chunksGiveExactlyTheReportOfTheWholeTable() throws Exception {
        Table ref = DriftFixtures.synthetic(5000, 2, 0, 0.3);
        Table cur = DriftFixtures.synthetic(7003, 3, 300, 0.45);
        DriftBaseline b = DriftBaseline.fit(ref, DriftFixtures.config("sample_size=1000"));
        DriftReport whole = DriftMonitor.monitor(b, cur);
        DriftMonitor m = DriftMonitor.start(b);
        for (int from = 0; from < cur.rowCount(); from += 999) {
            m.accept(DriftFixtures.rows(cur, from, Math.min(cur.rowCount(), from + 999)));
        }
        DriftReport chunked = m.finish();
        assertArrayEquals(whole.summaryJson(), chunked.summaryJson());
        assertEquals(csv(whole.featureTable()), csv(chunked.featureTable()));
        assertEquals(csv(whole.segmentTable()), csv(chunked.segmentTable()));
        assertEquals(csv(whole.segmentFeatureTable()), csv(chunked.segmentFeatureTable()));
    }

    /** Memory: the only per-value storage is the reservoir, whose size does not depend on the rows. */
    @Test
    void memoryIsConstantInTheRows() {
        Table ref = DriftFixtures.synthetic(2000, 4, 0, 0.3);
        DriftBaseline b = DriftBaseline.fit(ref, DriftFixtures.config("sample_size=500"));
        DriftMonitor m = DriftMonitor.start(b);
        Table chunk = DriftFixtures.synthetic(10_000, 5, 0, 0.3);
        m.accept(chunk);
        long after10k = m.retainedValues();
        for (int i = 0; i < 19; i++) {
            m.accept(chunk);
        }
        assertEquals(after10k, m.retainedValues(), "200,000 rows hold what 10,000 rows hold");
        assertEquals(3 * 500, after10k, "three numeric features, 500 values each");
        DriftReport r = m.finish();
        assertEquals(200_000, r.summary().rowsCur());
        assertEquals(200_000, r.feature("income").rowsCur());
    }

    @Test
    void driftOfNumericCategoricalAndFlagFeatures() {
        Table ref = DriftFixtures.synthetic(10_000, 6, 0, 0.3);
        Table cur = DriftFixtures.synthetic(10_000, 7, 600, 0.55);
        DriftBaseline b = DriftBaseline.fit(ref, DriftFixtures.config("segmentation.features=flag"));
        DriftReport r = DriftMonitor.monitor(b, cur);
        FeatureDrift income = r.feature("income");
        assertEquals(FeatureStatus.SIGNIFICANT, income.status(), income.reason());
        assertEquals(0.75, income.meanShiftSd(), 0.05);
        assertEquals(0.75, income.wassersteinSd(), 0.08, "a pure shift: W1 = |shift|");
        assertEquals(1, income.stdRatio(), 0.05);
        FeatureDrift flag = r.feature("flag");
        assertEquals(FeatureStatus.SIGNIFICANT, flag.status(), flag.reason());
        assertEquals(2, flag.bins());
        assertEquals(FeatureStatus.STABLE, r.feature("logins").status());
        assertEquals(FeatureStatus.STABLE, r.feature("channel").status());
        assertEquals(DriftStatus.ALERT, r.status(), "flag is a segmentation feature");
        assertEquals("refit", r.summary().recommendation());
        assertEquals("income", r.summary().worstFeature());
        assertTrue(r.summary().reasons().get(0).startsWith("feature 'flag' (segmentation feature): significant drift, "
                + "PSI "), r.summary().reasons().toString());
        String incomeReason = r.summary().reasons().stream().filter(s -> s.startsWith("feature 'income'"))
                .findFirst().orElseThrow();
        assertTrue(incomeReason.startsWith("feature 'income': significant drift, PSI "), incomeReason);
        assertTrue(incomeReason.contains("confirmed by KS p_adj"), incomeReason);
        assertTrue(incomeReason.contains("(+0.7"), incomeReason);
        // income is not a segmentation feature: alone (no segments, the flag unchanged) it only WARNs
        DriftBaseline incomeOnly = DriftBaseline.fit(ref.drop("segment"),
                DriftFixtures.config("segmentation.features=logins"));
        DriftReport warn = DriftMonitor.monitor(incomeOnly, DriftFixtures.synthetic(10_000, 7, 600, 0.3)
                .drop("segment"));
        assertEquals(DriftStatus.WARN, warn.status(), warn.summary().reasons().toString());
    }

    @Test
    void unseenLevelsAndTheirShare() {
        Table ref = DriftFixtures.synthetic(4000, 8, 0, 0.3);
        Table cur = DriftFixtures.synthetic(4000, 9, 0, 0.3);
        String[] channel = new String[4000];
        for (int i = 0; i < 4000; i++) {
            channel[i] = i % 10 == 0 ? "whatsapp" : i % 25 == 1 ? "chatbot" : cur.categorical("channel").level(i);
        }
        cur = cur.replace(CategoricalColumn.of("channel", channel));
        FeatureDrift c = DriftMonitor.monitor(DriftBaseline.fit(ref, DriftConfig.defaults()), cur).feature("channel");
        assertEquals(0.14, c.unseenShare(), 1e-12);
        assertTrue(c.psi() > 0.25, "a 14% unseen bucket against an empty reference bucket: " + c.psi());
        assertEquals(FeatureStatus.SIGNIFICANT, c.status());
        assertTrue(c.reason().contains("14.0% unseen levels ('whatsapp', 'chatbot')"), c.reason());
        assertTrue(c.jsDistance() > 0.2);
        assertTrue(Double.isNaN(c.ksStatistic()) && !Double.isNaN(c.chi2Statistic()));
    }

    @Test
    void aFeatureAllMissingInTheCurrentMonthIsNoData() {
        Table ref = DriftFixtures.synthetic(2000, 10, 0, 0.3);
        Table cur = DriftFixtures.synthetic(2000, 11, 0, 0.3);
        boolean[] missing = new boolean[2000];
        java.util.Arrays.fill(missing, true);
        cur = cur.replace(NumericColumn.of("logins", new double[2000], missing));
        DriftBaseline b = DriftBaseline.fit(ref, DriftFixtures.config("segmentation.features=income"));
        DriftReport r = DriftMonitor.monitor(b, cur);
        FeatureDrift logins = r.feature("logins");
        assertEquals(FeatureStatus.NO_DATA, logins.status());
        assertEquals("no value in the current month: all 2000 rows are missing; missing rate 0.0% -> 100.0%",
                logins.reason());
        assertTrue(Double.isNaN(logins.psi()) && Double.isNaN(logins.pAdjusted()));
        assertEquals(DriftStatus.WARN, r.status(), "not a segmentation feature");
        assertEquals(1, r.summary().featuresNoData());
        assertEquals("feature 'logins': no value in the current month: all 2000 rows are missing; missing rate 0.0% "
                + "-> 100.0%", r.summary().reasons().get(0));
        DriftBaseline all = DriftBaseline.fit(ref, DriftConfig.defaults());
        assertEquals(DriftStatus.ALERT, DriftMonitor.monitor(all, cur).status(), "a segmentation feature without data");
    }

    @Test
    void aJumpOfTheMissingRateIsAtLeastModerate() {
        Table ref = DriftFixtures.synthetic(3000, 12, 0, 0.3);
        Table cur = DriftFixtures.synthetic(3000, 13, 0, 0.3);
        double[] income = cur.numeric("income").toArray();
        for (int i = 0; i < income.length; i += 5) {
            income[i] = Double.NaN; // 20% missing
        }
        cur = cur.replace(NumericColumn.of("income", income));
        FeatureDrift f = DriftMonitor.monitor(DriftBaseline.fit(ref, DriftConfig.defaults()), cur).feature("income");
        assertEquals(FeatureStatus.MODERATE, f.status(), f.reason());
        assertEquals(0.2, f.missingCur(), 1e-12);
        assertTrue(f.reason().endsWith("; missing rate 0.0% -> 20.0%"), f.reason());
    }

    @Test
    void segmentSharesCentroidsAndPerSegmentDrift() {
        Table ref = DriftFixtures.synthetic(10_000, 14, 0, 0.3);
        Table cur = DriftFixtures.synthetic(10_000, 15, 400, 0.3);
        DriftReport r = DriftMonitor.monitor(DriftBaseline.fit(ref, DriftConfig.defaults()), cur);
        SegmentShareDrift shares = r.segmentShares().orElseThrow();
        assertEquals(FeatureStatus.SIGNIFICANT, shares.status(), "income decides segment a: its share jumps");
        assertEquals("a", shares.maxShareSegment());
        assertTrue(shares.maxShareChange() > 0.05);
        assertEquals(3, r.segments().size());
        SegmentDrift a = r.segments().get(0);
        assertEquals("a", a.segment());
        assertEquals(FeatureStatus.SIGNIFICANT, a.status());
        assertEquals(shares.maxShareChange(), a.shareChange(), 1e-12);
        double psiSum = r.segments().stream().mapToDouble(SegmentDrift::psiContribution).sum();
        assertEquals(shares.psi(), psiSum, 1e-12);
        assertTrue(a.centroidShift() > 0.1, "segment a's income mean moved: " + a.centroidShift());
        assertEquals(0, a.distanceChange(), 0.05, "distances drawn the same");
        assertEquals(4 * 3, r.segmentFeatures().size());
        SegmentFeatureDrift aIncome = r.segmentFeatures().get(0);
        assertEquals("a", aIncome.segment());
        assertEquals("income", aIncome.feature());
        assertTrue(aIncome.meanShiftSd() > 0.1);
        assertEquals(DriftStatus.ALERT, r.status());
        assertTrue(r.summary().reasons().stream().anyMatch(s -> s.startsWith("segment shares: significant drift, "
                + "largest share change +")), r.summary().reasons().toString());
    }

    @Test
    void theFitGettingWorseWarnsAndAlerts() {
        Table ref = DriftFixtures.synthetic(4000, 16, 0, 0.3);
        Table cur = DriftFixtures.synthetic(4000, 17, 0, 0.3);
        double[] d = cur.numeric("segment_distance").toArray();
        for (int i = 0; i < d.length; i++) {
            d[i] *= 1.15;
        }
        DriftBaseline b = DriftBaseline.fit(ref, DriftConfig.defaults());
        DriftReport r = DriftMonitor.monitor(b, cur.replace(NumericColumn.of("segment_distance", d)));
        SegmentShareDrift s = r.segmentShares().orElseThrow();
        assertEquals(0.15, s.distanceChange(), 0.03);
        assertEquals(FeatureStatus.MODERATE, s.distanceStatus());
        assertEquals(DriftStatus.WARN, r.status());
        for (int i = 0; i < d.length; i++) {
            d[i] *= 1.2;
        }
        assertEquals(DriftStatus.ALERT, DriftMonitor.monitor(b, cur.replace(NumericColumn.of("segment_distance", d)))
                .status());
    }

    @Test
    void aTableWithOtherColumnsIsRefusedNamingThem() {
        DriftBaseline b = DriftBaseline.fit(DriftFixtures.synthetic(1000, 18, 0, 0.3), DriftConfig.defaults());
        Table cur = DriftFixtures.synthetic(1000, 19, 0, 0.3).drop("income", "channel");
        InputException e = assertThrows(InputException.class, () -> DriftMonitor.monitor(b, cur));
        assertEquals("the current table lacks 2 baseline features: 'income', 'channel'; the baseline monitors 'income', "
                + "'logins', 'flag', 'channel' (fit a new baseline for a table with other columns)", e.getMessage());
        Table text = DriftFixtures.synthetic(1000, 19, 0, 0.3);
        List<Column> columns = new ArrayList<>(text.columns());
        String[] values = new String[1000];
        java.util.Arrays.fill(values, "unknown");
        columns.set(1, TextColumn.of("income", values));
        assertTrue(assertThrows(InputException.class, () -> DriftMonitor.monitor(b, Table.of(columns))).getMessage()
                .startsWith("column 'income' is text in the current table but numeric in the baseline"));
        Table extra = DriftFixtures.synthetic(1000, 19, 0, 0.3).append(NumericColumn.of("new_score", new double[1000]));
        assertEquals(List.of("new_score"), DriftMonitor.monitor(b, extra).summary().columnsNotInBaseline());
        assertEquals("the current table has no rows", assertThrows(InputException.class,
                () -> DriftMonitor.start(b).finish()).getMessage());
    }

    @Test
    void segmentsFromAnotherModelAreRefused() {
        DriftBaseline b = DriftBaseline.fit(DriftFixtures.synthetic(1000, 20, 0, 0.3), DriftConfig.defaults());
        Table cur = DriftFixtures.synthetic(1000, 21, 0, 0.3);
        String[] seg = new String[1000];
        for (int i = 0; i < 1000; i++) {
            seg[i] = i == 500 ? "cluster_7" : cur.categorical("segment").level(i);
        }
        InputException e = assertThrows(InputException.class,
                () -> DriftMonitor.monitor(b, cur.replace(CategoricalColumn.of("segment", seg))));
        assertEquals("the current table has segment 'cluster_7' in column 'segment' (row 501), which is not one of the "
                + "baseline's segments 'a', 'b', 'c': was it scored with another segmentation model than the baseline?",
                e.getMessage());
        assertTrue(assertThrows(InputException.class, () -> DriftMonitor.monitor(b, cur.drop("segment"))).getMessage()
                .startsWith("the baseline monitors segments from column 'segment', but the current table has no such "
                        + "column"));
    }

    @Test
    void aMonthWithoutAnySegmentIsAnAlert() {
        DriftBaseline b = DriftBaseline.fit(DriftFixtures.synthetic(1000, 26, 0, 0.3), DriftConfig.defaults());
        Table cur = DriftFixtures.synthetic(1000, 27, 0, 0.3);
        String[] none = new String[1000];
        DriftReport r = DriftMonitor.monitor(b, cur.replace(CategoricalColumn.of("segment", none)));
        assertEquals(FeatureStatus.NO_DATA, r.segmentShares().orElseThrow().status());
        assertEquals(1000, r.segmentShares().orElseThrow().unassignedCur());
        assertEquals(DriftStatus.ALERT, r.status());
        assertEquals(List.of("segment shares: no row of the current month has a segment (column 'segment')"),
                r.summary().reasons());
    }

    @Test
    void aModelAssignsTheSegmentsAndAnotherModelIsRefused() {
        Table ref = DriftFixtures.synthetic(4000, 22, 0, 0.3);
        Table cur = DriftFixtures.synthetic(4000, 23, 500, 0.3);
        IncomeBands model = new IncomeBands("bands-v1", 3000);
        DriftBaseline b = DriftBaseline.fit(ref, DriftConfig.defaults(), model, Progress.NONE);
        assertEquals(List.of("low", "high"), b.segmentNames());
        assertEquals("bands-v1", b.modelId().orElseThrow());
        assertEquals(List.of("income"), b.segmentationFeatures(), "the model's features");
        DriftReport r = DriftMonitor.monitor(b, DriftConfig.defaults(), model, cur, null, Progress.NONE);
        assertEquals(FeatureStatus.SIGNIFICANT, r.segmentShares().orElseThrow().status());
        assertTrue(r.segmentShares().orElseThrow().distanceChange() > 0.1, "distances from the model");
        InputException other = assertThrows(InputException.class, () -> DriftMonitor.start(b, DriftConfig.defaults(),
                new IncomeBands("bands-v2", 3500), null));
        assertEquals("the segmentation model 'bands-v2' is not the one the baseline was fitted with ('bands-v1'): its "
                + "segments are not comparable; fit a new baseline with this model", other.getMessage());
        assertTrue(assertThrows(InputException.class, () -> DriftMonitor.start(b)).getMessage()
                .startsWith("the baseline's segments come from model 'bands-v1'"));
        DriftBaseline byColumn = DriftBaseline.fit(ref, DriftConfig.defaults());
        assertTrue(assertThrows(InputException.class, () -> DriftMonitor.start(byColumn, DriftConfig.defaults(), model,
                null)).getMessage().startsWith("the baseline was not fitted with a segmentation model"));
        assertTrue(assertThrows(InputException.class, () -> DriftMonitor.start(b, DriftFixtures.config("bins=5")))
                .getMessage().startsWith("setting 'bins' is fixed when the baseline is fitted"));
    }

    @Test
    void migrationByIdentifier() {
        Table previous = DriftFixtures.synthetic(1000, 24, 0, 0.3);
        // the same customers, but every customer in segment c moves to b, and customers K000991.. are replaced
        String[] seg = new String[1000];
        String[] ids = new String[1000];
        for (int i = 0; i < 1000; i++) {
            String s = previous.categorical("segment").level(i);
            seg[i] = s.equals("c") ? "b" : s;
            ids[i] = i < 990 ? previous.text("id").value(i) : "N" + i;
        }
        Table cur = previous.replace(CategoricalColumn.of("segment", seg)).replace(TextColumn.of("id", ids));
        DriftBaseline b = DriftBaseline.fit(previous, DriftConfig.defaults());
        DriftReport r = DriftMonitor.monitor(b, b.config(), null, cur, previous, Progress.NONE);
        long c = count(previous, "c");
        long cKept = count(DriftFixtures.rows(previous, 0, 990), "c");
        assertEquals(cKept, cell(r, "c", "b"));
        assertEquals(0, cell(r, "c", "c"));
        assertEquals(c - cKept, cell(r, "c", MigrationCell.GONE));
        assertEquals(10, cell(r, MigrationCell.NEW, "a") + cell(r, MigrationCell.NEW, "b"));
        assertEquals(990, r.summary().customersMatched());
        assertEquals(990 - cKept, r.summary().customersStayed());
        assertTrue(r.migration().stream().allMatch(m -> m.kind().equals("segment")), "no archetype column");
        assertEquals(DriftReport.MIGRATION_COLUMNS, r.migrationTable().columnNames());
    }

    @Test
    void repeatedIdentifiersCountOnceWhenTheyAgreeAndAreRefusedWhenTheyContradict() {
        Table previous = DriftFixtures.synthetic(1000, 24, 0, 0.3);
        DriftBaseline b = DriftBaseline.fit(previous, DriftConfig.defaults());
        String[] ids = new String[1000];
        String[] seg = new String[1000];
        for (int i = 0; i < 1000; i++) {
            ids[i] = previous.text("id").value(i);
            seg[i] = previous.categorical("segment").level(i);
        }
        String twice = ids[3];
        // an exact repeat of customer 3 at row 701 (same segment): the same customer, counted once
        String[] repeatIds = ids.clone();
        String[] repeatSeg = seg.clone();
        repeatIds[700] = twice;
        repeatSeg[700] = seg[3];
        Table repeat = previous.replace(TextColumn.of("id", repeatIds)).replace(CategoricalColumn.of("segment",
                repeatSeg));
        DriftReport r = DriftMonitor.monitor(b, b.config(), null, repeat, previous, Progress.NONE);
        assertEquals(999, r.summary().customersMatched(), "customer 701 of the previous month is gone, 4 counted once");
        // the repeat carries another segment: contradictory, refused, naming the row (1-based)
        repeatSeg[700] = seg[3].equals("a") ? "b" : "a";
        Table contradiction = previous.replace(TextColumn.of("id", repeatIds)).replace(CategoricalColumn.of("segment",
                repeatSeg));
        String current = assertThrows(InputException.class,
                () -> DriftMonitor.monitor(b, b.config(), null, contradiction, previous, Progress.NONE)).getMessage();
        assertTrue(current.startsWith("the current month's identifier column 'id' holds '" + twice
                + "' more than once (again at row 701) with a different segment or archetype"), current);
        String prev = assertThrows(InputException.class,
                () -> DriftMonitor.monitor(b, b.config(), null, previous, contradiction, Progress.NONE)).getMessage();
        assertTrue(prev.startsWith("the previous month's identifier column 'id' holds '" + twice
                + "' more than once (again at row 701)"), prev);
        // a new customer twice with different segments
        String[] fresh = ids.clone();
        String[] freshSeg = seg.clone();
        fresh[700] = "NEW-1";
        fresh[800] = "NEW-1";
        freshSeg[700] = "a";
        freshSeg[800] = "b";
        Table dupNew = previous.replace(TextColumn.of("id", fresh)).replace(CategoricalColumn.of("segment", freshSeg));
        String n = assertThrows(InputException.class,
                () -> DriftMonitor.monitor(b, b.config(), null, dupNew, previous, Progress.NONE)).getMessage();
        assertTrue(n.startsWith("the current month's identifier column 'id' holds 'NEW-1' more than once (again at "
                + "row 801)"), n);
    }

    private static long count(Table t, String segment) {
        long n = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            n += segment.equals(t.categorical("segment").level(i)) ? 1 : 0;
        }
        return n;
    }

    private static long cell(DriftReport r, String from, String to) {
        return r.migration().stream().filter(m -> m.from().equals(from) && m.to().equals(to)).findFirst()
                .orElseThrow(() -> new AssertionError("no cell " + from + " -> " + to)).customers();
    }

    @Test
    void tablesHaveTheDocumentedColumns() {
        Table t = DriftFixtures.synthetic(500, 25, 0, 0.3);
        DriftReport r = DriftMonitor.monitor(DriftBaseline.fit(t, DriftConfig.defaults()), t);
        assertEquals(DriftReport.FEATURE_COLUMNS, r.featureTable().columnNames());
        assertEquals(DriftReport.SEGMENT_COLUMNS, r.segmentTable().columnNames());
        assertEquals(DriftReport.SEGMENT_FEATURE_COLUMNS, r.segmentFeatureTable().columnNames());
        assertEquals(4, r.featureTable().rowCount());
        assertEquals(0, r.migrationTable().rowCount());
        String json = new String(r.summaryJson(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\n  \"status\" : \"OK\",\n  \"recommendation\" : \"keep\""), json);
        assertTrue(json.contains("\"worst_feature\" : "));
        assertTrue(json.contains("\"worst_psi\" : "));
    }

    private static String csv(Table t) throws Exception {
        StringWriter w = new StringWriter();
        CsvWriter.defaults().write(t, w);
        return w.toString();
    }

    /** A two-segment "model": income below or above a cut; the distance is |income - cut| / 1000. */
    private static final class IncomeBands implements SegmentAssigner {
        private final String id;
        private final double cut;

        IncomeBands(String id, double cut) {
            this.id = id;
            this.cut = cut;
        }

        @Override
        public String modelId() {
            return id;
        }

        @Override
        public List<String> segmentNames() {
            return List.of("low", "high");
        }

        @Override
        public List<String> features() {
            return List.of("income");
        }

        @Override
        public Assignment assign(Table chunk) {
            NumericColumn income = chunk.numeric("income");
            int[] s = new int[chunk.rowCount()];
            double[] d = new double[chunk.rowCount()];
            for (int i = 0; i < s.length; i++) {
                s[i] = income.value(i) < cut ? 0 : 1;
                d[i] = Math.abs(income.value(i) - cut) / 1000;
            }
            return new Assignment(s, d);
        }
    }
}
