package org.example.segmentation.core.scoring;

import static org.example.segmentation.core.scoring.ScoringTables.handSettings;
import static org.example.segmentation.core.scoring.ScoringTables.reference;
import static org.example.segmentation.core.scoring.ScoringTables.rep;
import static org.example.segmentation.core.scoring.ScoringTables.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;

/**
 * Scores computed by hand. Reference: a = 1..5, b = 10, 10, 20, 30, 40, c = 0, 0, 0, 1, 1. Mid-percentiles
 * F(v) = P(X < v) + P(X = v) / 2: a: 1 -> 0.1, 2 -> 0.3, 3 -> 0.5, 4 -> 0.7, 5 -> 0.9; b: 10 -> (0 + 2/2)/5 = 0.2,
 * 20 -> (2 + 0.5)/5 = 0.5, 30 -> 0.7, 40 -> 0.9; c: 0 -> (0 + 3/2)/5 = 0.3, 1 -> (3 + 2/2)/5 = 0.8. Score weights
 * a 2, b 1, c 1 (negative: 1 - p), total 4.
 */
class HandComputedScoreTest {
    private static final double EPS = 1e-9;

    private static ScoringModel model(String... more) {
        return ProfileScorer.fit(reference(), ScoringConfig.fromSettings(handSettings(more)), Progress.NONE);
    }

    private static double value(Table t, String column, int row) {
        NumericColumn c = t.numeric(column);
        return c.isMissing(row) ? Double.NaN : c.value(row);
    }

    private static String level(Table t, String column, int row) {
        return t.categorical(column).level(row);
    }

    @Test
    void percentilesAreMidRanksInterpolatedBetweenKnots() {
        ScoringModel m = model();
        assertEquals(0.1, m.percentile("a", 1), EPS);
        assertEquals(0.5, m.percentile("a", 3), EPS);
        assertEquals(0.9, m.percentile("a", 5), EPS);
        assertEquals(0.4, m.percentile("a", 2.5), EPS); // halfway between 0.3 and 0.5
        assertEquals(0.0, m.percentile("a", 0.5), EPS); // below every reference value
        assertEquals(1.0, m.percentile("a", 7), EPS); // above every reference value
        assertEquals(0.2, m.percentile("b", 10), EPS);
        assertEquals(0.6, m.percentile("b", 25), EPS); // 0.5 + (0.7 - 0.5) * 5/10
        assertEquals(0.3, m.percentile("c", 0), EPS);
        assertEquals(0.8, m.percentile("c", 1), EPS);
        assertTrue(Double.isNaN(m.percentile("a", Double.NaN)));
    }

    @Test
    void scorePointsAndTopContributors() {
        ScoringModel m = model();
        int n = 3;
        Table t = table(new String[] {"X1", "X2", "X3"}, new Double[] {3.0, 5.0, 2.5},
                new Double[] {20.0, 40.0, 25.0}, new Double[] {0.0, 1.0, 1.0}, rep("email", n), rep(1.0, n),
                rep(1.0, n), rep(0.0, n), rep(100.0, n), rep(0.0, n), rep(0.0, n), rep(2.0, n));
        Table s = m.score(t);
        // X1: a 0.5, b 0.5, c 1 - 0.3 = 0.7: 100 * (2 * 0.5 + 0.5 + 0.7) / 4 = 55; points 25, 12.5, 17.5.
        assertEquals(55, value(s, "digital_score", 0), EPS);
        assertEquals(25, value(s, "points_a", 0), EPS);
        assertEquals(12.5, value(s, "points_b", 0), EPS);
        assertEquals(17.5, value(s, "points_c", 0), EPS);
        assertEquals(List.of("a", "c", "b"), List.of(level(s, "top_contributor_1", 0),
                level(s, "top_contributor_2", 0), level(s, "top_contributor_3", 0)));
        assertEquals("ok", level(s, "digital_score_status", 0));
        // X2: a 0.9, b 0.9, c 1 - 0.8 = 0.2: 100 * (1.8 + 0.9 + 0.2) / 4 = 72.5; points 45, 22.5, 5.
        assertEquals(72.5, value(s, "digital_score", 1), EPS);
        assertEquals(45, value(s, "points_a", 1), EPS);
        assertEquals(22.5, value(s, "points_b", 1), EPS);
        assertEquals(5, value(s, "points_c", 1), EPS);
        assertEquals(List.of("a", "b", "c"), List.of(level(s, "top_contributor_1", 1),
                level(s, "top_contributor_2", 1), level(s, "top_contributor_3", 1)));
        // X3: a 2.5 -> 0.4, b 25 -> 0.6, c 0.2: 100 * (0.8 + 0.6 + 0.2) / 4 = 40.
        assertEquals(40, value(s, "digital_score", 2), EPS);
        // Axes: capability = 100 p(a), trust = 100 p(b).
        assertEquals(50, value(s, "capability_score", 0), EPS);
        assertEquals(50, value(s, "trust_score", 0), EPS);
        assertEquals(90, value(s, "capability_score", 1), EPS);
        assertEquals(90, value(s, "trust_score", 1), EPS);
    }

    @Test
    void archetypeMarginAndBorderlineOnTheDefaultGrid() {
        ScoringModel m = model();
        int n = 3;
        // (capability, trust): (50, 50), (90, 90), (70, 50).
        Table t = table(new String[] {"X1", "X2", "X3"}, new Double[] {3.0, 5.0, 4.0},
                new Double[] {20.0, 40.0, 20.0}, rep(0.0, n), rep("email", n), rep(1.0, n), rep(1.0, n),
                rep(0.0, n), rep(100.0, n), rep(0.0, n), rep(0.0, n), rep(2.0, n));
        Table s = m.score(t);
        // (50, 50) is in Mainstreamers 26.5..56.5 x 0..65.5; nearest other: Paranoids/Chameleons at capability 56.5
        // (6.5 points); Wannabes at trust 65.5 (15.5); Analogs corner (26.5, 47.5): sqrt(23.5^2 + 2.5^2) = 23.6.
        assertEquals("Mainstreamers", level(s, "archetype", 0));
        assertEquals(6.5, value(s, "archetype_margin", 0), EPS);
        assertEquals("no", level(s, "archetype_borderline", 0));
        // (90, 90) is in Nomads 56.5..100 x 69..100; nearest other: Chameleons at trust 69 (21 points).
        assertEquals("Nomads", level(s, "archetype", 1));
        assertEquals(21, value(s, "archetype_margin", 1), EPS);
        // (70, 50) is in Chameleons 56.5..100 x 35..69: Paranoids at trust 35 is 15 away, Nomads at 69 is 19,
        // Mainstreamers at capability 56.5 is 13.5.
        assertEquals("Chameleons", level(s, "archetype", 2));
        assertEquals(13.5, value(s, "archetype_margin", 2), EPS);
        // With a borderline margin of 14 points, 6.5 and 13.5 are borderline, 21 is not.
        Table b = model("archetype.borderline_margin=14").score(t);
        assertEquals(List.of("yes", "no", "yes"), List.of(level(b, "archetype_borderline", 0),
                level(b, "archetype_borderline", 1), level(b, "archetype_borderline", 2)));
    }

    @Test
    void missingIndicatorsRenormaliseAndTooLittleWeightIsFlagged() {
        ScoringModel m = model();
        int n = 3;
        Table t = table(new String[] {"M1", "M2", "M3"}, new Double[] {4.0, null, null},
                new Double[] {30.0, 30.0, null}, new Double[] {null, 1.0, null}, rep("email", n), rep(1.0, n),
                rep(1.0, n), rep(0.0, n), rep(100.0, n), rep(0.0, n), rep(0.0, n), rep(2.0, n));
        Table s = m.score(t);
        // M1: c missing, present weight 3 of 4 (0.75 >= 0.6): 100 * (2 * 0.7 + 0.7) / 3 = 70; points 46.67, 23.33.
        assertEquals(70, value(s, "digital_score", 0), EPS);
        assertEquals(1400.0 / 30, value(s, "points_a", 0), EPS);
        assertEquals(700.0 / 30, value(s, "points_b", 0), EPS);
        assertTrue(s.numeric("points_c").isMissing(0));
        assertEquals("ok", level(s, "digital_score_status", 0));
        assertEquals("a", level(s, "top_contributor_1", 0));
        assertEquals("b", level(s, "top_contributor_2", 0));
        assertNull(level(s, "top_contributor_3", 0), "only two indicators are present");
        // M2: a missing, present weight 2 of 4 = 0.5 < 0.6: no score, flagged, nothing invented.
        for (int row : new int[] {1, 2}) {
            assertTrue(s.numeric("digital_score").isMissing(row));
            assertEquals("insufficient_data", level(s, "digital_score_status", row));
            assertTrue(s.numeric("points_a").isMissing(row));
            assertTrue(s.numeric("points_b").isMissing(row));
            assertNull(level(s, "top_contributor_1", row));
        }
        // Without a capability value (a missing) there is no archetype; the channels still follow the '*' rule.
        assertNull(level(s, "archetype", 1));
        assertTrue(s.numeric("archetype_margin").isMissing(1));
        assertNull(level(s, "archetype_borderline", 1));
        assertEquals("email", level(s, "channel_first", 1));
        // A lower share accepts M2: 100 * (0.7 + 0.2) / 2 = 45.
        Table lenient = model("score.min_weight_share=0.5").score(t);
        assertEquals(45, value(lenient, "digital_score", 1), EPS);
        assertEquals("ok", level(lenient, "digital_score_status", 1));
    }

    @Test
    void lifecycleEngagementAndProductDepth() {
        ScoringModel m = model();
        // Engagement = 100 p(a); reference measures 10, 30, 50, 70, 90; type-7 tertiles: 30 + (1/3) 20 = 36.67 and
        // 50 + (2/3) 20 = 63.33.
        assertEquals(110.0 / 3, m.engagementTertiles().get(0), 1e-9);
        assertEquals(190.0 / 3, m.engagementTertiles().get(1), 1e-9);
        int n = 8;
        Table t = table(rep("L", n), new Double[] {1.0, 3.0, 5.0, 4.0, 2.0, 3.0, 3.0, null},
                rep(20.0, n), rep(0.0, n), rep("email", n), rep(1.0, n), rep(1.0, n), rep(0.0, n),
                new Double[] {100.0, 5.0, 100.0, 100.0, 100.0, 100.0, 2.0, null},
                new Double[] {0.0, 0.0, 4.0, 0.0, 1.0, 0.0, 5.0, 0.0},
                new Double[] {0.0, 0.5, 0.0, -0.3, 0.0, 0.2, 0.0, 0.0},
                new Double[] {1.0, 2.0, 3.0, 0.0, 9.0, 2.0, 1.0, null});
        Table s = m.score(t);
        CategoricalColumn stage = s.categorical("lifecycle_stage");
        // mature; new (tenure 5 < 12); dormant (4 >= 3 months); declining (trend -0.3 <= -0.2); declining (1 month
        // without a transaction); growing (0.2 >= 0.1); dormant wins over new; missing tenure: no stage.
        assertEquals("mature", stage.level(0));
        assertEquals("new", stage.level(1));
        assertEquals("dormant", stage.level(2));
        assertEquals("declining", stage.level(3));
        assertEquals("declining", stage.level(4));
        assertEquals("growing", stage.level(5));
        assertEquals("dormant", stage.level(6));
        assertNull(stage.level(7));
        CategoricalColumn eng = s.categorical("engagement_level");
        assertEquals("low", eng.level(0)); // 10
        assertEquals("medium", eng.level(1)); // 50
        assertEquals("high", eng.level(2)); // 90
        assertEquals("high", eng.level(3)); // 70
        assertNull(eng.level(7));
        CategoricalColumn depth = s.categorical("product_depth");
        assertEquals(List.of("single", "dual", "multi", "single", "multi", "dual", "single"),
                List.of(depth.level(0), depth.level(1), depth.level(2), depth.level(3), depth.level(4),
                        depth.level(5), depth.level(6)));
        assertNull(depth.level(7));
    }

    @Test
    void outputColumnsAreTheContractInOrder() {
        ScoringModel m = model();
        assertEquals(List.of("digital_score", "digital_score_status", "points_a", "points_b", "points_c",
                "top_contributor_1", "top_contributor_2", "top_contributor_3", "capability_score", "trust_score",
                "archetype", "archetype_margin", "archetype_borderline", "channel_first", "channel_second",
                "lifecycle_stage", "engagement_level", "product_depth", "third_party_offer_allowed"),
                m.outputColumns());
        assertEquals(m.outputColumns(), ScoringModel.outputColumns(m.config()), "known before the fit");
        Table s = m.score(reference());
        assertEquals(m.outputColumns(), s.columnNames().subList(reference().columnCount(), s.columnCount()));
        assertEquals(reference().columnNames(), s.columnNames().subList(0, reference().columnCount()));
        assertEquals(List.of("Analogs", "Wannabes", "Mainstreamers", "Paranoids", "Chameleons", "Nomads"),
                s.categorical("archetype").levels(), "the archetype dictionary is fixed");
        assertFalse(m.archetypeRegions().isEmpty());
    }
}
