package org.example.segmentation.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.stat.inference.TTest;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;

class UpliftReadoutTest {

    /** Rows of one segment: {@code xT} of {@code nT} treated and {@code xC} of {@code nC} control converted. */
    private static void add(List<String[]> rows, String segment, int xT, int nT, int xC, int nC) {
        for (int i = 0; i < nT; i++) {
            rows.add(new String[] {segment, "treatment", i < xT ? "1" : "0"});
        }
        for (int i = 0; i < nC; i++) {
            rows.add(new String[] {segment, "control", i < xC ? "1" : "0"});
        }
    }

    private static Table table(List<String[]> rows) {
        int n = rows.size();
        String[] segment = new String[n];
        String[] group = new String[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            segment[i] = rows.get(i)[0];
            group[i] = rows.get(i)[1];
            y[i] = rows.get(i)[2] == null ? Double.NaN : Double.parseDouble(rows.get(i)[2]);
        }
        return Table.of(CategoricalColumn.of("segment", segment), CategoricalColumn.of("group", group),
                NumericColumn.of("converted", y));
    }

    /** Segment A: Newcombe's example (a), 56/70 vs 48/80; segment B: example (b), 9/10 vs 3/10. */
    private static Table newcombeExamples() {
        List<String[]> rows = new ArrayList<>();
        add(rows, "B", 9, 10, 3, 10);
        add(rows, "A", 56, 70, 48, 80);
        return table(rows);
    }

    private static final UpliftConfig BY_SEGMENT = UpliftConfig.of("converted").withSegmentColumn("segment")
            .withControlShare(0.5);

    /**
     * By hand (see ProportionsTest): A: rates 0.8 and 0.6, lift 0.2 (relative 1/3), Newcombe (0.052431,
     * 0.333873), z = 2.650172, p = 0.008045. B: rates 0.9 and 0.3, lift 0.6, Newcombe (0.170523, 0.809018);
     * pooled 12/20 = 0.6, z = 0.6/sqrt(0.6·0.4·0.2) = 2.738613, p = 0.006170. Benjamini-Hochberg with m = 2:
     * B (rank 1) 2·0.006170 = 0.012340, A (rank 2) 0.008045; running minimum from the top gives 0.008045 to
     * both. Overall 65/80 vs 51/90: lift 0.245833, Newcombe (0.106776, 0.370641), z = 3.436415, p = 0.000589.
     */
    @Test
    void binaryReadoutByHand() {
        UpliftReport r = UpliftReadout.measure(newcombeExamples(), BY_SEGMENT);
        assertEquals(OutcomeType.BINARY, r.outcomeType());
        assertEquals(2, r.segments().size());
        SegmentUplift a = r.segments().get(0);
        assertEquals("A", a.segment());
        assertEquals(70, a.treatedN());
        assertEquals(80, a.controlN());
        assertEquals(0.8, a.treated(), 1e-12);
        assertEquals(0.6, a.control(), 1e-12);
        assertEquals(0.2, a.absLift(), 1e-12);
        assertEquals(1.0 / 3, a.relLift(), 1e-12);
        assertEquals(0.052431, a.ciLow(), 1e-6);
        assertEquals(0.333873, a.ciHigh(), 1e-6);
        assertEquals(14.0, a.incremental(), 1e-9, "0.2 x 70 treated customers");
        assertEquals(2.650172, a.statistic(), 1e-6);
        assertEquals(0.008045, a.pValue(), 1e-6);
        assertEquals(0.008045, a.pAdjusted(), 1e-6);
        assertEquals(Boolean.TRUE, a.significant());
        SegmentUplift b = r.segments().get(1);
        assertEquals(0.170523, b.ciLow(), 1e-6);
        assertEquals(0.809018, b.ciHigh(), 1e-6);
        assertEquals(0.006170, b.pValue(), 1e-6);
        assertEquals(0.008045, b.pAdjusted(), 1e-6);
        assertTrue(b.warnings()
                .contains("small sample: 10 treated and 10 control customers (fewer than 30 in a group)"),
                b.warnings().toString());
        assertTrue(b.warnings().stream().anyMatch(w -> w.startsWith("fewer than 5 conversions or non-conversions")));
        SegmentUplift all = r.overall();
        assertEquals("(all)", all.segment());
        assertEquals(0.245833, all.absLift(), 1e-6);
        assertEquals(0.106776, all.ciLow(), 1e-6);
        assertEquals(0.370641, all.ciHigh(), 1e-6);
        assertEquals(0.000589, all.pValue(), 1e-6);
        assertTrue(Double.isNaN(all.pAdjusted()), "the overall row is not part of the adjustment");
        assertEquals(Boolean.TRUE, all.significant());
    }

    @Test
    void readoutTableHasStableColumns() {
        Table t = UpliftReadout.measure(newcombeExamples(), BY_SEGMENT).toTable();
        assertEquals(List.of("segment", "treated_n", "control_n", "treated_rate", "control_rate", "abs_lift",
                "rel_lift", "ci_low", "ci_high", "incremental", "test_statistic", "p_value", "p_adjusted",
                "significant", "srm_p_value", "warning"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals("(all)", t.column("segment").format(2));
        assertTrue(t.column("p_adjusted").isMissing(2));
    }

    /**
     * Welch by hand (see WelchTest): treated {12, 15, 11, 18, 14}, control {10, 9, 13, 8}: means 14 and 10,
     * lift 4 (relative 0.4), t = 2.449490, df = 6.997722, p = 0.044151, interval (0.138330, 7.861670).
     */
    @Test
    void numericReadoutByHandAndAgreesWithCommonsMath() {
        double[] revenue = {12, 15, 11, 18, 14, 10, 9, 13, 8};
        String[] group = {"treatment", "treatment", "treatment", "treatment", "treatment", "control", "control",
                "control", "control"};
        Table t = Table.of(CategoricalColumn.of("group", group), NumericColumn.of("revenue", revenue));
        UpliftReport r = UpliftReadout.measure(t, UpliftConfig.of("revenue").withControlShare(0.5));
        assertEquals(OutcomeType.NUMERIC, r.outcomeType(), "auto: not all 0/1");
        SegmentUplift all = r.overall();
        assertEquals(14, all.treated(), 1e-12);
        assertEquals(10, all.control(), 1e-12);
        assertEquals(0.4, all.relLift(), 1e-12);
        assertEquals(20, all.incremental(), 1e-9);
        assertEquals(2.449490, all.statistic(), 1e-6);
        assertEquals(6.997722, all.degreesOfFreedom(), 1e-6);
        assertEquals(0.044151, all.pValue(), 1e-6);
        assertEquals(0.138330, all.ciLow(), 1e-6);
        assertEquals(7.861670, all.ciHigh(), 1e-6);
        TTest cm = new TTest();
        double[] a = {12, 15, 11, 18, 14};
        double[] b = {10, 9, 13, 8};
        assertEquals(cm.tTest(a, b), all.pValue(), 1e-12);
        assertEquals(cm.t(a, b), all.statistic(), 1e-12);
        assertEquals(List.of("segment", "treated_n", "control_n", "treated_mean", "control_mean"),
                r.toTable().columnNames().subList(0, 5));
    }

    @Test
    void numericSegmentsAgreeWithCommonsMathOnSeededData() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 3000;
        String[] seg = new String[n];
        String[] grp = new String[n];
        double[] rev = new double[n];
        for (int i = 0; i < n; i++) {
            seg[i] = "s" + random.nextInt(3);
            grp[i] = random.nextDouble() < 0.2 ? "control" : "treatment";
            double mean = grp[i].equals("control") ? 50 : 53;
            rev[i] = Math.round(100 * mean * -Math.log(1 - random.nextDouble())) / 100.0;
        }
        Table t = Table.of(TextColumn.of("segment", seg), TextColumn.of("group", grp),
                NumericColumn.of("revenue", rev));
        UpliftReport r = UpliftReadout.measure(t, UpliftConfig.of("revenue").withSegmentColumn("segment")
                .withControlShare(0.2));
        TTest cm = new TTest();
        for (SegmentUplift s : r.segments()) {
            List<Double> tr = new ArrayList<>();
            List<Double> co = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (seg[i].equals(s.segment())) {
                    (grp[i].equals("control") ? co : tr).add(rev[i]);
                }
            }
            double[] a = tr.stream().mapToDouble(Double::doubleValue).toArray();
            double[] b = co.stream().mapToDouble(Double::doubleValue).toArray();
            assertEquals(cm.t(a, b), s.statistic(), 1e-9, s.segment());
            assertEquals(cm.tTest(a, b), s.pValue(), 1e-9, s.segment());
        }
    }

    @Test
    void segmentWithoutControlIsWarnedAndLeftOutOfTheAdjustment() {
        List<String[]> rows = new ArrayList<>();
        add(rows, "A", 56, 70, 48, 80);
        add(rows, "B", 9, 10, 3, 10);
        add(rows, "C", 5, 40, 0, 0);
        UpliftReport r = UpliftReadout.measure(table(rows), BY_SEGMENT);
        SegmentUplift c = r.segments().get(2);
        assertEquals("C", c.segment());
        assertTrue(Double.isNaN(c.pValue()) && Double.isNaN(c.ciLow()) && Double.isNaN(c.pAdjusted()));
        assertNull(c.significant());
        assertTrue(c.warnings().contains("no control customers in this segment: no lift can be measured"),
                c.warnings().toString());
        assertEquals(0.008045, r.segments().get(0).pAdjusted(), 1e-6, "m = 2: C has no test");
        assertTrue(r.warnings().contains("segment 'C': no control customers in this segment: no lift can be measured"));
    }

    @Test
    void sampleRatioMismatchIsWarned() {
        List<String[]> rows = new ArrayList<>();
        add(rows, "A", 100, 800, 30, 200); // 20% control against a planned 10%: chi² = 111.1
        UpliftReport r = UpliftReadout.measure(table(rows), UpliftConfig.of("converted").withSegmentColumn("segment"));
        SegmentUplift a = r.segments().get(0);
        assertTrue(a.srmPValue() < 1e-20);
        assertTrue(a.warnings().stream().anyMatch(w -> w.startsWith("sample ratio mismatch: control share 0.2 vs 0.1 "
                + "planned")), a.warnings().toString());
    }

    @Test
    void holdoutIsLeftOutAndItsOutcomesAreNotRead() {
        List<String[]> rows = new ArrayList<>();
        add(rows, "A", 56, 70, 48, 80);
        rows.add(new String[] {"A", "holdout", null});
        rows.add(new String[] {"A", "HOLDOUT", "7"});
        UpliftReport r = UpliftReadout.measure(table(rows), BY_SEGMENT);
        assertEquals(2, r.holdout());
        assertEquals(150, r.overall().treatedN() + r.overall().controlN());
    }

    @Test
    void autoReadsTrueFalseTextAsBinary() {
        Table t = Table.of(TextColumn.of("group", "treatment", "control", "treatment", "control"),
                CategoricalColumn.of("bought", "true", "FALSE", "false", "1"));
        UpliftReport r = UpliftReadout.measure(t, UpliftConfig.of("bought").withControlShare(0.5));
        assertEquals(OutcomeType.BINARY, r.outcomeType());
        assertEquals(0.5, r.overall().treated());
        assertEquals(0.5, r.overall().control());
    }

    @Test
    void binaryOutcomeNotZeroOneFailsNamingRowAndValue() {
        Table t = Table.of(TextColumn.of("group", "treatment", "control", "treatment"),
                NumericColumn.of("converted", new double[] {1, 0, 2}));
        InputException e = assertThrows(InputException.class, () -> UpliftReadout.measure(t,
                UpliftConfig.of("converted").withOutcomeType(OutcomeType.BINARY)));
        assertEquals("column 'converted', row 3: outcome '2' is not 0 or 1; a binary outcome (conversion) must be 0 "
                + "or 1 (set outcome.type=numeric for amounts)", e.getMessage());
        Table text = Table.of(TextColumn.of("group", "treatment", "control"), CategoricalColumn.of("converted", "yes",
                "no"));
        InputException e2 = assertThrows(InputException.class,
                () -> UpliftReadout.measure(text, UpliftConfig.of("converted")));
        assertEquals("column 'converted', row 1: outcome 'yes' is not 0 or 1; a binary outcome (conversion) must be 0 "
                + "or 1", e2.getMessage());
    }

    @Test
    void numericTypeNeedsANumericColumn() {
        Table t = Table.of(TextColumn.of("group", "treatment", "control"), CategoricalColumn.of("revenue", "a", "b"));
        InputException e = assertThrows(InputException.class, () -> UpliftReadout.measure(t,
                UpliftConfig.of("revenue").withOutcomeType(OutcomeType.NUMERIC)));
        assertTrue(e.getMessage().startsWith("uplift setting 'outcome.type' is numeric, but column 'revenue' is "
                + "categorical"), e.getMessage());
    }

    @Test
    void badGroupValuesFailNamingRowAndValue() {
        Table t = Table.of(TextColumn.of("group", "treatment", "test"), NumericColumn.of("y", new double[] {1, 0}));
        assertEquals("column 'group', row 2: 'test' is not a group; expected treatment, control or holdout",
                assertThrows(InputException.class, () -> UpliftReadout.measure(t, UpliftConfig.of("y"))).getMessage());
        Table missing = Table.of(TextColumn.of("group", "treatment", null), NumericColumn.of("y", new double[] {1, 0}));
        assertEquals("column 'group', row 2: the group is missing; expected treatment, control or holdout",
                assertThrows(InputException.class, () -> UpliftReadout.measure(missing, UpliftConfig.of("y")))
                        .getMessage());
    }

    @Test
    void missingOutcomeFails() {
        Table t = Table.of(TextColumn.of("group", "treatment", "control"), NumericColumn.of("y", new double[] {1,
                Double.NaN}));
        assertEquals("column 'y', row 2: the outcome of a control customer is missing; fill it (0 for no conversion "
                + "or no revenue)", assertThrows(InputException.class,
                        () -> UpliftReadout.measure(t, UpliftConfig.of("y"))).getMessage());
    }

    @Test
    void missingSettingsAndColumnsFail() {
        Table t = newcombeExamples();
        assertTrue(assertThrows(InputException.class, () -> UpliftReadout.measure(t, UpliftConfig.of("")))
                .getMessage().startsWith("uplift setting 'outcome.column' is required"));
        assertTrue(assertThrows(InputException.class, () -> UpliftReadout.measure(t, UpliftConfig.of("revenue")))
                .getMessage().startsWith("uplift setting 'outcome.column': no column 'revenue'"));
        assertTrue(assertThrows(InputException.class, () -> UpliftReadout.measure(t,
                UpliftConfig.of("converted").withSegmentColumn("archetype"))).getMessage()
                .startsWith("uplift setting 'segment.column': no column 'archetype'"));
    }

    @Test
    void duplicateIdsFailWhenAnIdColumnIsGiven() {
        Table t = Table.of(TextColumn.of("customer_id", "a", "b", "a"), TextColumn.of("group", "treatment", "control",
                "treatment"), NumericColumn.of("y", new double[] {1, 0, 1}));
        InputException e = assertThrows(InputException.class,
                () -> UpliftReadout.measure(t, UpliftConfig.of("y").withIdColumn("customer_id")));
        assertTrue(e.getMessage().startsWith("column 'customer_id': id 'a' appears twice, in rows 1 and 3"),
                e.getMessage());
    }

    @Test
    void zeroControlRateHasNoRelativeLift() {
        List<String[]> rows = new ArrayList<>();
        add(rows, "A", 5, 56, 0, 29); // Newcombe's example (d): (-0.0381, 0.1926)
        UpliftReport r = UpliftReadout.measure(table(rows), BY_SEGMENT);
        SegmentUplift a = r.segments().get(0);
        assertTrue(Double.isNaN(a.relLift()));
        assertEquals(-0.0381, a.ciLow(), 0.5e-4);
        assertEquals(0.1926, a.ciHigh(), 0.5e-4);
        assertTrue(a.warnings().contains("the control rate is 0: no relative lift"), a.warnings().toString());
    }
}
