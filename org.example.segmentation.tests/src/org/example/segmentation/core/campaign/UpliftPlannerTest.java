package org.example.segmentation.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;

class UpliftPlannerTest {

    /** {@code n} customers of segment {@code label}. */
    private static String[] segment(String[] into, int from, int n, String label) {
        for (int i = from; i < from + n; i++) {
            into[i] = label;
        }
        return into;
    }

    /** 10,000 customers in "big", 50 in "small". */
    private static Table customers() {
        String[] s = new String[10_050];
        segment(s, 0, 10_000, "big");
        segment(s, 10_000, 50, "small");
        return Table.of(CategoricalColumn.of("segment", s));
    }

    /**
     * "big": 10,000 customers at 10% control: 1,000 control and 9,000 treated; MDE at 5% base rate, alpha 0.05,
     * power 0.8 = 2.801585·sqrt(0.0475·(1/9000 + 1/1000)) = 0.020353 (relative 0.407061). "small": 50 customers,
     * 5 control and 45 treated: 2.801585·sqrt(0.0475·(1/45 + 1/5)) = 2.801585·0.102740 = 0.287836.
     */
    @Test
    void minimumDetectableEffectPerSegmentByHand() {
        UpliftPlan plan = UpliftPlanner.plan(customers(), UpliftConfig.of("").withSegmentColumn("segment")
                .withPlanning(0.05, Double.NaN));
        assertFalse(plan.realisedGroups());
        SegmentPlan big = plan.segments().get(0);
        assertEquals("big", big.segment());
        assertEquals(9000, big.treatedN());
        assertEquals(1000, big.controlN());
        assertEquals(0.020353, big.minimumEffect(), 1e-6);
        assertEquals(0.407061, big.minimumRelative(), 1e-6);
        SegmentPlan small = plan.segments().get(1);
        assertEquals(5, small.controlN());
        assertEquals(0.287836, small.minimumEffect(), 1e-6);
        assertEquals(10_050, plan.overall().customers());
        assertEquals(List.of("segment", "customers", "treated_n", "control_n", "control_share", "base_rate", "alpha",
                "power", "mde_abs", "mde_rel", "target_effect", "control_share_needed", "control_n_needed", "warning"),
                plan.toTable().columnNames());
    }

    /**
     * Target lift 0.01 at 5%: "big" (10,000 customers) is below the 14,913 an even split needs: impossible.
     * Overall with 100,000 customers: share 0.038787 (see DetectableEffectTest), 3,879 control customers.
     */
    @Test
    void controlShareNeededForATargetEffect() {
        UpliftPlan plan = UpliftPlanner.plan(customers(), UpliftConfig.of("").withSegmentColumn("segment")
                .withPlanning(0.05, 0.01));
        SegmentPlan big = plan.segments().get(0);
        assertTrue(Double.isNaN(big.controlShareNeeded()));
        assertTrue(big.warnings().contains("impossible: even a 50/50 split of 10000 customers cannot detect a lift of "
                + "0.01; that needs at least 14913 customers"), big.warnings().toString());
        String[] s = segment(new String[100_000], 0, 100_000, "all");
        UpliftPlan large = UpliftPlanner.plan(Table.of(CategoricalColumn.of("segment", s)),
                UpliftConfig.of("").withPlanning(0.05, 0.01));
        assertEquals(0.038787, large.overall().controlShareNeeded(), 1e-6);
        assertEquals(3879, large.overall().controlNeeded());
        assertTrue(large.overall().warnings().isEmpty(), "10% control is enough: " + large.overall().warnings());
        UpliftPlan tooSmallShare = UpliftPlanner.plan(Table.of(CategoricalColumn.of("segment", s)),
                UpliftConfig.of("").withPlanning(0.05, 0.01).withControlShare(0.02));
        assertTrue(tooSmallShare.overall().warnings().get(0).startsWith("a lift of 0.01 needs at least 3879 control "
                + "customers (share 0.0388)"), tooSmallShare.overall().warnings().toString());
    }

    @Test
    void realisedGroupsAreUsedWhenTheTableHasThem() {
        Table t = Table.of(CategoricalColumn.of("segment", "a", "a", "a", "a", "b", "b"),
                CategoricalColumn.of("group", "treatment", "control", "holdout", "treatment", "treatment",
                        "treatment"));
        UpliftPlan plan = UpliftPlanner.plan(t, UpliftConfig.of("").withSegmentColumn("segment").withPlanning(0.3,
                Double.NaN));
        assertTrue(plan.realisedGroups());
        assertEquals(2, plan.segments().get(0).treatedN());
        assertEquals(1, plan.segments().get(0).controlN());
        assertTrue(plan.segments().get(1).warnings().contains("no control customers: no effect can be measured"));
        assertTrue(Double.isNaN(plan.segments().get(1).minimumEffect()));
    }

    @Test
    void baseRateIsRequired() {
        InputException e = assertThrows(InputException.class,
                () -> UpliftPlanner.plan(customers(), UpliftConfig.of("")));
        assertTrue(e.getMessage().startsWith("uplift setting 'base_rate' is required for planning"), e.getMessage());
    }
}
