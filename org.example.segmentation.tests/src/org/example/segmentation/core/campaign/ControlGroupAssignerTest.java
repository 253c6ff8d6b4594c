package org.example.segmentation.core.campaign;

import static org.example.segmentation.core.campaign.CampaignFixtures.customers;
import static org.example.segmentation.core.campaign.CampaignFixtures.groupById;
import static org.example.segmentation.core.campaign.CampaignFixtures.shuffled;
import static org.example.segmentation.core.campaign.CampaignFixtures.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ControlGroupAssignerTest {
    private static final ControlGroupConfig STRATIFIED = ControlGroupConfig.of("spring-offer-2025")
            .withStratifyBy("segment").withBalanceCovariates(List.of("age", "region"));

    @TempDir
    Path dir;

    @Test
    void sameInputSameGroupsEveryRun() {
        Table t = customers(5000, 1);
        ControlGroupResult a = ControlGroupAssigner.assign(t, STRATIFIED);
        ControlGroupResult b = ControlGroupAssigner.assign(t, STRATIFIED);
        assertArrayEquals(values(a.table().column("group")), values(b.table().column("group")));
        assertEquals(a.plan().toJson(), b.plan().toJson(), "the plan is byte-identical (no time stamp)");
    }

    @Test
    void rowOrderDoesNotMatter() {
        Table t = customers(5000, 2);
        for (ControlGroupConfig c : List.of(STRATIFIED, STRATIFIED.withMethod(AssignmentMethod.HASH_THRESHOLD),
                STRATIFIED.withHoldout("global", 0.05))) {
            Map<String, String> original = groupById(ControlGroupAssigner.assign(t, c).table(), "customer_id");
            for (long seed = 1; seed <= 3; seed++) {
                Map<String, String> reordered = groupById(ControlGroupAssigner.assign(shuffled(t, seed), c).table(),
                        "customer_id");
                assertEquals(original, reordered, "shuffled rows, same group per id (" + c.method().key() + ")");
            }
        }
    }

    @Test
    void stratifiedRankGivesEveryStratumItsExactShare() {
        Table t = customers(7919, 3);
        for (double share : new double[] {0.1, 0.05, 0.333, 0.5}) {
            ControlGroupResult r = ControlGroupAssigner.assign(t, STRATIFIED.withControlShare(share));
            int total = 0;
            for (StratumPlan s : r.plan().strata()) {
                int m = s.treatment() + s.control();
                long expected = Math.round(share * m + 1e-9);
                assertEquals(0, Math.abs(s.control() - expected), "stratum " + s.stratum() + " share " + share);
                assertTrue(Math.abs(s.control() - share * m) <= 0.5, "exact to within one customer");
                assertEquals(s.expectedControl(), s.control());
                total += s.control();
            }
            assertEquals(total, r.plan().overall().control());
            // the realised groups in the table agree with the plan
            long control = java.util.Arrays.stream(values(r.table().column("group"))).filter("control"::equals).count();
            assertEquals(total, control);
        }
    }

    /**
     * 0.1 x 25 = 2.5 rounds half up to 3; 0.29 x 50 = 14.5 rounds to 15, although 0.29 * 50 in doubles is
     * 14.499999999999998.
     */
    @Test
    void controlSizeRoundsHalfUpInDecimal() {
        assertEquals(3, ControlGroupAssigner.controlSize(0.1, 25));
        assertEquals(1, ControlGroupAssigner.controlSize(0.1, 5));
        assertEquals(0, ControlGroupAssigner.controlSize(0.1, 4));
        assertEquals(15, ControlGroupAssigner.controlSize(0.29, 50), "decimal, not binary, arithmetic");
        assertEquals(14, Math.round(0.29 * 50), "what binary arithmetic would give");
        assertEquals(0, ControlGroupAssigner.controlSize(0.1, 0));
    }

    /**
     * Hand-checkable: with one stratum and share 0.5, the control group is the half of the ids with the
     * smallest salted hash.
     */
    @Test
    void controlIsTheLowestHashes() {
        String[] ids = {"a", "b", "c", "d", "e", "f"};
        Table t = Table.of(TextColumn.of("customer_id", ids));
        ControlGroupResult r = ControlGroupAssigner.assign(t, ControlGroupConfig.of("s").withControlShare(0.5));
        CustomerHash h = new CustomerHash("s");
        Integer[] order = {0, 1, 2, 3, 4, 5};
        java.util.Arrays.sort(order, (x, y) -> Long.compareUnsigned(h.hash(ids[x]), h.hash(ids[y])));
        String[] g = values(r.table().column("group"));
        for (int rank = 0; rank < 6; rank++) {
            assertEquals(rank < 3 ? "control" : "treatment", g[order[rank]], "rank " + rank);
        }
    }

    @Test
    void hashThresholdIsStableAcrossMonths() {
        // month 1: customers 1..6000; month 2: 501..7000 (500 gone, 1000 new), other seed, other segments
        Table month1 = customers(1, 6000, 10);
        Table month2 = customers(501, 6500, 20);
        ControlGroupConfig c = STRATIFIED.withMethod(AssignmentMethod.HASH_THRESHOLD).withHoldout("global", 0.02);
        Map<String, String> g1 = groupById(ControlGroupAssigner.assign(month1, c).table(), "customer_id");
        Map<String, String> g2 = groupById(ControlGroupAssigner.assign(month2, c).table(), "customer_id");
        int common = 0;
        for (Map.Entry<String, String> e : g2.entrySet()) {
            if (g1.containsKey(e.getKey())) {
                common++;
                assertEquals(g1.get(e.getKey()), e.getValue(), "customer " + e.getKey());
                assertEquals(e.getValue(), ControlGroupAssigner.thresholdGroup(c, e.getKey()).key(),
                        "one-at-a-time assignment agrees");
            }
        }
        assertEquals(5500, common);
    }

    @Test
    void stratifiedRankIsMostlyStableAcrossMonthsAndCountsFlips() {
        Table month1 = customers(1, 6000, 10);
        ControlGroupResult first = ControlGroupAssigner.assign(month1, STRATIFIED);
        // month 2: same customers and segments (a rerun of month 1 with the groups as the earlier assignment)
        ControlGroupResult rerun = ControlGroupAssigner.assign(first.table(), STRATIFIED.withPreviousColumn("group"));
        assertEquals(0, rerun.plan().overall().flipped());
        assertEquals(0, rerun.plan().newCustomers());
        assertTrue(rerun.plan().toTable().hasColumn("flipped"));
        // month 2 with 10% of the customers gone: the cut moves and a few customers near it flip
        int[] kept = java.util.stream.IntStream.range(0, 6000).filter(i -> i % 10 != 3).toArray();
        Table month2 = first.table().selectRows(kept);
        ControlGroupResult next = ControlGroupAssigner.assign(month2, STRATIFIED.withPreviousColumn("group"));
        int flipped = next.plan().overall().flipped();
        Map<String, String> before = groupById(first.table(), "customer_id");
        Map<String, String> after = groupById(next.table(), "customer_id");
        int counted = 0;
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                counted++;
            }
        }
        assertEquals(counted, flipped, "the plan counts exactly the customers whose group changed");
        assertTrue(flipped < 0.02 * kept.length, "far fewer than a fresh draw (18%): " + flipped);
    }

    @Test
    void hashThresholdShareIsExactOnlyInExpectation() {
        Table t = customers(20_000, 4);
        ControlGroupResult r = ControlGroupAssigner.assign(t,
                STRATIFIED.withMethod(AssignmentMethod.HASH_THRESHOLD));
        StratumPlan all = r.plan().overall();
        assertEquals(2000.0, all.expectedControl(), 1e-9);
        assertTrue(Math.abs(all.control() - 2000) < 4 * Math.sqrt(20_000 * 0.09), "within 4 sd: " + all.control());
        // the SRM test of the plan agrees with Commons Math
        double[] expected = {2000, 18_000};
        long[] observed = {all.control(), all.treatment()};
        assertEquals(new ChiSquareTest().chiSquareTest(expected, observed), r.plan().srmPValue(), 1e-12);
        assertEquals(new ChiSquareTest().chiSquare(expected, observed), r.plan().srmChiSquare(), 1e-9);
    }

    @Test
    void globalHoldoutComesFirstAndIsTheSameForEveryCampaign() {
        Table t = customers(10_000, 5);
        ControlGroupConfig a = STRATIFIED.withHoldout("global-2025", 0.05);
        ControlGroupConfig b = ControlGroupConfig.of("autumn-offer").withHoldout("global-2025", 0.05);
        Map<String, String> ga = groupById(ControlGroupAssigner.assign(t, a).table(), "customer_id");
        Map<String, String> gb = groupById(ControlGroupAssigner.assign(t, b).table(), "customer_id");
        int holdout = 0;
        int controlBoth = 0;
        for (String id : ga.keySet()) {
            assertEquals(ga.get(id).equals("holdout"), gb.get(id).equals("holdout"), id);
            holdout += ga.get(id).equals("holdout") ? 1 : 0;
            controlBoth += ga.get(id).equals("control") && gb.get(id).equals("control") ? 1 : 0;
        }
        assertTrue(Math.abs(holdout - 500) < 4 * Math.sqrt(10_000 * 0.05 * 0.95), "about 5%: " + holdout);
        // independent campaign salts: about 10% x 10% of the non-holdout customers are control in both
        assertTrue(controlBoth > 40 && controlBoth < 160, "independent splits: " + controlBoth);
        ControlGroupResult r = ControlGroupAssigner.assign(t, a);
        assertEquals(holdout, r.plan().overall().holdout());
        for (StratumPlan s : r.plan().strata()) {
            assertEquals(ControlGroupAssigner.controlSize(0.1, s.treatment() + s.control()), s.control(),
                    "the stratified share applies to the customers outside the holdout");
        }
        assertFalse(Double.isNaN(r.plan().holdoutSrmPValue()));
    }

    @Test
    void outputKeepsTheIdFirstAndAppendsGroup() {
        Table t = Table.of(NumericColumn.of("age", new double[] {30, 40, 50}),
                TextColumn.of("customer_id", "x1", "x2", "x3"), CategoricalColumn.of("segment", "a", "b", "a"));
        ControlGroupResult r = ControlGroupAssigner.assign(t, ControlGroupConfig.of("s").withControlShare(0.5));
        assertEquals(List.of("customer_id", "age", "segment", "group"), r.table().columnNames());
        assertEquals(List.of("customer_id", "group"), r.groups().columnNames());
        assertEquals(List.of("age", "customer_id", "segment"), t.columnNames(), "the input is not modified");
    }

    @Test
    void planTableHasStableColumnsAndAnOverallRow() {
        ControlGroupResult r = ControlGroupAssigner.assign(customers(3000, 6), STRATIFIED);
        Table plan = r.plan().toTable();
        assertEquals(List.of("stratum", "customers", "holdout", "treatment", "control", "control_share", "target_share",
                "expected_control", "srm_p_value", "smd_age", "smd_region", "smd_chance", "balanced", "warning"),
                plan.columnNames());
        assertEquals(5, plan.rowCount());
        // categorical strata sorted by text: branch_loyal, cautious, digital_native, mobile_first, then (all)
        assertEquals(List.of("branch_loyal", "cautious", "digital_native", "mobile_first", "(all)"),
                List.of(values(plan.column("stratum"))));
        assertEquals("3000", plan.column("customers").format(4));
    }

    @Test
    void planJsonRecordsSaltMethodAndTests() throws Exception {
        ControlGroupResult r = ControlGroupAssigner.assign(customers(2000, 7), STRATIFIED.withHoldout("global", 0.05));
        Path file = dir.resolve(ControlGroupPlan.JSON_FILE_NAME);
        r.plan().saveJson(file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("spring-offer-2025", json.get("salt").asText());
        assertEquals("stratified_rank", json.get("method").asText());
        assertEquals("global", json.get("holdout_salt").asText());
        assertEquals("segment", json.get("settings").get("stratify.by").asText());
        assertEquals(2000, json.get("input").get("rows").asInt());
        assertEquals(1, json.get("srm").get("df").asInt());
        assertTrue(json.get("srm").get("p_value").asDouble() > 0.9, "stratified split: no mismatch");
        assertEquals(r.plan().overall().control(), json.get("control").asInt());
    }

    @Test
    void plantedImbalanceIsFlagged() {
        // age = 90 for exactly the control customers of a first run: the second check must flag it
        Table t = customers(1000, 8);
        ControlGroupConfig c = ControlGroupConfig.of("s").withBalanceCovariates(List.of("age"));
        String[] g = values(ControlGroupAssigner.assign(t, c).table().column("group"));
        double[] age = ((NumericColumn) t.column("age")).toArray();
        for (int i = 0; i < age.length; i++) {
            if (g[i].equals("control")) {
                age[i] = 90;
            }
        }
        Table skewed = t.replace(NumericColumn.of("age", age));
        ControlGroupPlan plan = ControlGroupAssigner.assign(skewed, c).plan();
        assertFalse(plan.overall().balanced());
        assertTrue(plan.overall().smd().get("age") < -0.1);
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("imbalanced 'age'")), plan.warnings().toString());
        assertTrue(ControlGroupAssigner.assign(t, c).plan().overall().balanced(), "random split is balanced");
    }

    @Test
    void tinyStratumWithoutControlIsWarned() {
        Table t = Table.of(TextColumn.of("customer_id", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"),
                CategoricalColumn.of("segment", "big", "big", "big", "big", "big", "big", "big", "big", "big", "big",
                        "tiny", "tiny"));
        ControlGroupPlan plan = ControlGroupAssigner.assign(t, ControlGroupConfig.of("s").withStratifyBy("segment"))
                .plan();
        StratumPlan tiny = plan.strata().get(1);
        assertEquals("tiny", tiny.stratum());
        assertEquals(0, tiny.control());
        assertEquals(List.of("no control customers: round(0.1 x 2) = 0"), tiny.warnings());
        assertTrue(plan.warnings().contains("stratum 'tiny': no control customers: round(0.1 x 2) = 0"));
    }

    @Test
    void missingStratumValueIsItsOwnStratumLast() {
        Table t = Table.of(TextColumn.of("customer_id", "a", "b", "c", "d"),
                NumericColumn.of("segment", new double[] {10, 2, Double.NaN, 2}));
        ControlGroupPlan plan = ControlGroupAssigner.assign(t, ControlGroupConfig.of("s").withStratifyBy("segment"))
                .plan();
        assertEquals(java.util.Arrays.asList("2", "10", null),
                plan.strata().stream().map(StratumPlan::stratum).toList(), "numeric order, missing last");
    }

    @Test
    void missingIdFailsNamingTheRow() {
        Table t = Table.of(TextColumn.of("customer_id", "a", null, "c"));
        InputException e = assertThrows(InputException.class,
                () -> ControlGroupAssigner.assign(t, ControlGroupConfig.of("s")));
        assertEquals("column 'customer_id', row 2: the customer id is missing; every customer needs an id to get a "
                + "group", e.getMessage());
    }

    @Test
    void duplicateIdFailsNamingTheIdAndRows() {
        Table t = Table.of(TextColumn.of("customer_id", "a", "b", "c", "b"));
        InputException e = assertThrows(InputException.class,
                () -> ControlGroupAssigner.assign(t, ControlGroupConfig.of("s")));
        assertTrue(e.getMessage().startsWith("column 'customer_id': id 'b' appears twice, in rows 2 and 4"),
                e.getMessage());
    }

    @Test
    void missingColumnsFailNamingTheSetting() {
        Table t = customers(10, 9);
        assertTrue(assertThrows(InputException.class,
                () -> ControlGroupAssigner.assign(t, ControlGroupConfig.of("s").withIdColumn("id"))).getMessage()
                .startsWith("control setting 'id.column': no column 'id'"));
        assertTrue(assertThrows(InputException.class,
                () -> ControlGroupAssigner.assign(t, ControlGroupConfig.of("s").withStratifyBy("archetype")))
                .getMessage().startsWith("control setting 'stratify.by': no column 'archetype'"));
        assertTrue(assertThrows(InputException.class, () -> ControlGroupAssigner.assign(t,
                ControlGroupConfig.of("s").withBalanceCovariates(List.of("income")))).getMessage()
                .startsWith("control setting 'balance.covariates': no column 'income'"));
    }

    @Test
    void textCovariateFails() {
        Table t = customers(10, 9).append(TextColumn.of("note", new String[10]));
        InputException e = assertThrows(InputException.class, () -> ControlGroupAssigner.assign(t,
                ControlGroupConfig.of("s").withBalanceCovariates(List.of("note"))));
        assertTrue(e.getMessage().contains("column 'note' is a text column"), e.getMessage());
    }

    @Test
    void existingGroupColumnFailsUnlessItIsThePreviousAssignment() {
        Table t = Table.of(TextColumn.of("customer_id", "a", "b"),
                CategoricalColumn.of("group", "control", "treatment"));
        InputException e = assertThrows(InputException.class,
                () -> ControlGroupAssigner.assign(t, ControlGroupConfig.of("s")));
        assertTrue(e.getMessage().contains("already has a column 'group'"), e.getMessage());
        ControlGroupResult r = ControlGroupAssigner.assign(t, ControlGroupConfig.of("s").withPreviousColumn("group"));
        assertEquals(List.of("customer_id", "group"), r.table().columnNames());
    }

    @Test
    void badPreviousGroupFailsNamingRowAndValue() {
        Table t = Table.of(TextColumn.of("customer_id", "a", "b"), TextColumn.of("last_month", "control", "test"));
        InputException e = assertThrows(InputException.class,
                () -> ControlGroupAssigner.assign(t, ControlGroupConfig.of("s").withPreviousColumn("last_month")));
        assertEquals("column 'last_month' (setting 'previous.column'), row 2: 'test' is not a group; expected "
                + "treatment, control, holdout or missing", e.getMessage());
    }

    @Test
    void reservedStratumLabelFails() {
        Table t = Table.of(TextColumn.of("customer_id", "a", "b"), TextColumn.of("segment", "x", "(all)"));
        InputException e = assertThrows(InputException.class,
                () -> ControlGroupAssigner.assign(t, ControlGroupConfig.of("s").withStratifyBy("segment")));
        assertTrue(e.getMessage().contains("row 2: the value '(all)' is reserved"), e.getMessage());
    }

    @Test
    void numericIdsHashTheirTextForm() {
        Table numeric = Table.of(NumericColumn.of("customer_id", new double[] {1001, 1002, 1003}));
        Table text = Table.of(TextColumn.of("customer_id", "1001", "1002", "1003"));
        ControlGroupConfig c = ControlGroupConfig.of("s").withMethod(AssignmentMethod.HASH_THRESHOLD)
                .withControlShare(0.5);
        assertEquals(groupById(ControlGroupAssigner.assign(numeric, c).table(), "customer_id"),
                groupById(ControlGroupAssigner.assign(text, c).table(), "customer_id"));
    }

    @Test
    void anotherSaltGivesAnotherSplit() {
        Table t = customers(2000, 12);
        Map<String, String> a = groupById(ControlGroupAssigner.assign(t, ControlGroupConfig.of("a")).table(),
                "customer_id");
        Map<String, String> b = groupById(ControlGroupAssigner.assign(t, ControlGroupConfig.of("b")).table(),
                "customer_id");
        assertNotEquals(a, b);
    }
}
