package org.example.segmentation.core.selection;

import static org.example.segmentation.core.selection.Fixtures.combo;
import static org.example.segmentation.core.selection.Fixtures.concat;
import static org.example.segmentation.core.selection.Fixtures.fit;
import static org.example.segmentation.core.selection.Fixtures.repeat;
import static org.example.segmentation.core.selection.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.selection.SelectionReport.Row;
import org.example.segmentation.core.selection.SelectionReport.Rule;
import org.example.segmentation.core.selection.SelectionReport.Status;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;

/** The unsupervised filters on hand-made tables, with the expected numbers worked out in the comments. */
class FeatureSelectorFilterTest {
    private static final double NA = Double.NaN;

    private static void assertDropped(FeatureSelection s, String feature, Rule rule, double value, String other) {
        Row r = row(s, feature);
        assertEquals(Status.DROPPED, r.status(), feature + ": " + r);
        assertEquals(rule, r.rule(), feature + ": " + r);
        assertEquals(value, r.value(), 1e-12, feature + ": " + r);
        assertEquals(other, r.otherFeature(), feature + ": " + r);
    }

    private static void assertKept(FeatureSelection s, String feature) {
        Row r = row(s, feature);
        assertEquals(Status.KEPT, r.status(), feature + ": " + r);
        assertTrue(s.featureNames().contains(feature), feature);
    }

    @Test
    void rolesIdentifiersTextTargetAndLists() {
        Table t = Table.of(TextColumn.of("id", "a", "b", "c", "d"), NumericColumn.of("age", new double[] {1, 2, 3, 5}),
                TextColumn.of("note", "x", "y", "x", "z"), CategoricalColumn.of("region", "n", "s", "n", "s"),
                NumericColumn.of("secret", new double[] {4, 1, 2, 2}));
        FeatureSelection all = fit(t);
        assertEquals(List.of("id", "note"), all.idColumns(), "every text column is an identifier by default");
        assertEquals(List.of("age", "region", "secret"), all.featureNames());
        assertEquals(Status.IDENTIFIER, row(all, "note").status());
        assertEquals(Rule.IDENTIFIER, row(all, "note").rule());
        assertNull(row(all, "age").rule(), "kept without ranking: no rule");
        assertEquals(List.of("id", "age", "note", "region", "secret"),
                all.report().rows().stream().map(Row::feature).toList(), "one row per column, in table order");

        FeatureSelection listed = fit(t, "id.columns=id", "include=age,region,secret", "exclude=secret");
        assertEquals(List.of("id"), listed.idColumns());
        assertDropped(listed, "note", Rule.TEXT, NA, null);
        assertDropped(listed, "secret", Rule.EXCLUDED, NA, null);
        assertEquals(List.of("age", "region"), listed.featureNames());

        FeatureSelection only = fit(t, "include=region");
        assertDropped(only, "age", Rule.EXCLUDED, NA, null);
        assertEquals(List.of("region"), only.featureNames());
    }

    @Test
    void settingsNamingAbsentColumnsFailAllAtOnce() {
        Table t = Table.of(TextColumn.of("id", "a", "b"), NumericColumn.of("x", new double[] {1, 2}));
        InputException e = assertThrows(InputException.class, () -> fit(t, "include=x,y,z", "exclude=w"));
        assertTrue(e.getMessage().startsWith("setting 'include' names columns 'y', 'z'; setting 'exclude' names "
                + "column 'w', which the table does not have"), e.getMessage());
    }

    @Test
    void textColumnInIncludeFails() {
        Table t = Table.of(TextColumn.of("id", "a", "b"), TextColumn.of("income", "1", "2"),
                NumericColumn.of("x", new double[] {1, 2}));
        InputException e = assertThrows(InputException.class, () -> fit(t, "include=x,income"));
        assertTrue(e.getMessage().contains("setting 'include' names text column 'income'"), e.getMessage());
    }

    @Test
    void missingShareFilter() {
        // 10 rows. m6: 6 missing -> share 0.6 > 0.5, dropped. m5: 5 missing -> 0.5 is not above 0.5, kept.
        // inf: 6 infinite values count as missing -> 0.6, dropped.
        Table t = Table.of(
                NumericColumn.of("m6", new double[] {1, 2, 3, 4, NA, NA, NA, NA, NA, NA}),
                NumericColumn.of("m5", new double[] {1, 2, 3, 4, 5, NA, NA, NA, NA, NA}),
                NumericColumn.of("inf", new double[] {1, 2, 3, 5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY}),
                NumericColumn.of("full", new double[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3}));
        FeatureSelection s = fit(t, "correlation.threshold=1");
        assertDropped(s, "m6", Rule.MISSING, 0.6, null);
        assertDropped(s, "inf", Rule.MISSING, 0.6, null);
        assertKept(s, "m5");
        assertEquals(0.5, row(s, "m5").missingShare());
        assertEquals(List.of("m5", "full"), s.featureNames());
    }

    @Test
    void aColumnWithoutValuesIsAlwaysDropped() {
        Table t = Table.of(NumericColumn.of("none", new double[] {NA, NA, NA}),
                CategoricalColumn.of("nothing", null, null, null), NumericColumn.of("x", new double[] {1, 2, 3}));
        FeatureSelection s = fit(t, "max_missing_share=1");
        assertDropped(s, "none", Rule.MISSING, 1.0, null);
        assertDropped(s, "nothing", Rule.MISSING, 1.0, null);
        assertEquals(List.of("x"), s.featureNames());
    }

    @Test
    void nearZeroVarianceOnRescaledValues() {
        // 20 rows, min_variance = 0.06.
        // flag: 19 zeros and one 1, already in [0,1]: mean 0.05, sum of squares 19*0.05^2 + 0.95^2 = 0.95,
        //   sample variance 0.95 / 19 = 0.05 <= 0.06 -> dropped.
        // flag1000: 1000 * flag + 5 rescales to the same values -> 0.05, dropped (any linear scaling cancels).
        // half: ten 0s, ten 1s: sum of squares 20 * 0.25 = 5, variance 5/19 = 0.26316 -> kept.
        // line: 0..19 rescaled by 19: variance of 0..19 is 35, / 19^2 = 0.09695 -> kept.
        double[] flag = new double[20];
        double[] flag1000 = new double[20];
        double[] half = new double[20];
        double[] line = new double[20];
        for (int i = 0; i < 20; i++) {
            flag[i] = i == 7 ? 1 : 0;
            flag1000[i] = 1000 * flag[i] + 5;
            half[i] = i % 2;
            line[i] = 3 * i - 4;
        }
        Table t = Table.of(NumericColumn.of("flag", flag), NumericColumn.of("flag1000", flag1000),
                NumericColumn.of("half", half), NumericColumn.of("line", line));
        FeatureSelection s = fit(t, "min_variance=0.06", "correlation.threshold=1");
        assertDropped(s, "flag", Rule.NEAR_ZERO_VARIANCE, 0.05, null);
        assertDropped(s, "flag1000", Rule.NEAR_ZERO_VARIANCE, 0.05, null);
        assertEquals(5.0 / 19, row(s, "half").scaledVariance(), 1e-12);
        assertEquals(35.0 / 361, row(s, "line").scaledVariance(), 1e-12);
        assertEquals(List.of("half", "line"), s.featureNames());
    }

    @Test
    void nearZeroVarianceDefaultThreshold() {
        // A single 1 among n zeros has rescaled sample variance exactly 1/n: (1 - 1/n) / (n - 1) = 1/n.
        // n = 20000: 5e-5 <= 1e-4 -> dropped; n = 5000: 2e-4 -> kept.
        double[] rare = new double[20_000];
        rare[123] = 1;
        double[] lessRare = new double[5_000];
        lessRare[123] = 1;
        assertDropped(fit(Table.of(NumericColumn.of("rare", rare))), "rare", Rule.NEAR_ZERO_VARIANCE, 5e-5, null);
        assertKept(fit(Table.of(NumericColumn.of("rare", lessRare))), "rare");
    }

    @Test
    void constantColumnsAreDroppedEvenWithZeroThresholds() {
        Table t = Table.of(NumericColumn.of("seven", new double[] {7, 7, 7, NA}),
                CategoricalColumn.of("eur", "EUR", "EUR", null, "EUR"),
                NumericColumn.of("x", new double[] {1, 2, 3, 4}),
                CategoricalColumn.of("c", "a", "b", "a", "b"));
        FeatureSelection s = fit(t, "min_variance=0", "max_dominant_share=1");
        assertDropped(s, "seven", Rule.NEAR_ZERO_VARIANCE, 0, null);
        assertDropped(s, "eur", Rule.DOMINANT_LEVEL, 1.0, null);
        assertEquals(List.of("x", "c"), s.featureNames());
    }

    @Test
    void dominantLevelFilter() {
        // 40 rows. c975: 39 a + 1 b -> 39/40 = 0.975 > 0.95, dropped. c95: 38 a + 2 b -> 0.95, not above, kept.
        // gaps: 30 a, 2 b, 8 missing -> share among values 30/32 = 0.9375 (missing share 0.2), kept.
        Table t = Table.of(CategoricalColumn.of("c975", concat(repeat("a", 39), repeat("b", 1))),
                CategoricalColumn.of("c95", concat(repeat("a", 38), repeat("b", 2))),
                CategoricalColumn.of("gaps", concat(repeat("a", 30), repeat(null, 8), repeat("b", 2))));
        FeatureSelection s = fit(t, "cramers_v.threshold=1");
        assertDropped(s, "c975", Rule.DOMINANT_LEVEL, 0.975, null);
        assertEquals(0.95, row(s, "c95").dominantShare());
        assertEquals(0.9375, row(s, "gaps").dominantShare(), 1e-15);
        assertEquals(0.2, row(s, "gaps").missingShare(), 1e-15);
        assertEquals(List.of("c95", "gaps"), s.featureNames());
    }

    @Test
    void spearmanCatchesAMonotoneCurvePearsonDoesNot() {
        // y = 2^x for x = 1..10: Pearson 0.79884 (below 0.9), Spearman exactly 1 (same order).
        double[] x = new double[10];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = i + 1;
            y[i] = Math.pow(2, i + 1);
        }
        Table t = Table.of(NumericColumn.of("x", x), NumericColumn.of("y", y));
        assertEquals(List.of("x", "y"), fit(t).featureNames());
        FeatureSelection s = fit(t, "correlation.method=spearman");
        // two features: equal mean |rho| and equal missing counts -> the later column goes
        assertDropped(s, "y", Rule.CORRELATED_WITH, 1.0, "x");
        assertEquals(List.of("x"), s.featureNames());
    }

    @Test
    void cramersVPairByHand() {
        // A\B  u v
        //  p   3 1
        //  q   1 3   -> chi2 = 2, V = sqrt(2 / 8) = 0.5 (see AssociationsTest)
        Table t = Table.of(CategoricalColumn.of("A", "p", "p", "p", "p", "q", "q", "q", "q"),
                CategoricalColumn.of("B", "u", "u", "u", "v", "u", "v", "v", "v"));
        assertEquals(List.of("A", "B"), fit(t).featureNames(), "0.5 is below the default 0.9");
        FeatureSelection s = fit(t, "cramers_v.threshold=0.4");
        assertDropped(s, "B", Rule.CRAMERS_V_WITH, 0.5, "A");
        assertEquals(List.of("A", "B"), fit(t, "cramers_v.threshold=0.5").featureNames(), "above, not at");
    }

    @Test
    void numericAndCategoricalAreNeverPaired() {
        Table t = Table.of(NumericColumn.of("x", new double[] {1, 2, 3, 4}),
                CategoricalColumn.of("high", "no", "no", "yes", "yes"));
        assertEquals(List.of("x", "high"), fit(t, "correlation.threshold=0", "cramers_v.threshold=0").featureNames());
    }

    @Test
    void greedyDropsTheFeatureMostCorrelatedWithTheRest() {
        // a = U; b = 0.97 U + sqrt(1 - 0.97^2) W; c = 0.95 U + d W + e Z with d chosen so that r(b,c) = 0.85:
        // r(a,b) = 0.97, r(a,c) = 0.95, r(b,c) = 0.97*0.95 + sqrt(1-0.97^2)*d = 0.85.
        // Pairs above 0.9, strongest first: (a,b) 0.97, (a,c) 0.95.
        // (a,b): mean |r| of a to the other kept = (0.97 + 0.95)/2 = 0.96, of b = (0.97 + 0.85)/2 = 0.91
        //        -> drop a (the earlier column: the rule, not the order, decides). (a,c) is then skipped.
        double beta = Math.sqrt(1 - 0.97 * 0.97);
        double d = (0.85 - 0.97 * 0.95) / beta;
        double e = Math.sqrt(1 - 0.95 * 0.95 - d * d);
        Table t = Table.of(NumericColumn.of("a", combo(1, 0, 0)), NumericColumn.of("b", combo(0.97, beta, 0)),
                NumericColumn.of("c", combo(0.95, d, e)));
        FeatureSelection s = fit(t);
        assertDropped(s, "a", Rule.CORRELATED_WITH, 0.97, "b");
        assertEquals(List.of("b", "c"), s.featureNames());
    }

    @Test
    void greedyTieGoesToTheColumnWithMoreMissingValues() {
        // y equals z where both are present (r = 1); with only two features the means tie; y has one missing
        // value, z none -> y is dropped although it comes first.
        Table t = Table.of(NumericColumn.of("y", new double[] {NA, 2, 3, 4, 5, 6}),
                NumericColumn.of("z", new double[] {1, 2, 3, 4, 5, 6}));
        FeatureSelection s = fit(t);
        assertDropped(s, "y", Rule.CORRELATED_WITH, 1.0, "z");
    }

    @Test
    void greedyFullTieGoesToTheLaterColumn() {
        Table t = Table.of(NumericColumn.of("p", new double[] {1, 2, 3, 4}),
                NumericColumn.of("q", new double[] {-2, -4, -6, -8}));
        FeatureSelection s = fit(t);
        assertDropped(s, "q", Rule.CORRELATED_WITH, -1.0, "p");
        assertEquals(ColumnType.NUMERIC, s.features().get(0).type());
    }
}
