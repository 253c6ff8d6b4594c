package org.example.segmentation.core.selection;

import static org.example.segmentation.core.selection.Fixtures.combo;
import static org.example.segmentation.core.selection.Fixtures.fit;
import static org.example.segmentation.core.selection.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.selection.SelectionReport.Row;
import org.example.segmentation.core.selection.SelectionReport.Rule;
import org.example.segmentation.core.selection.SelectionReport.Status;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;

/** Supervised ranking against a target, on tables where the answer is known by construction. */
class SupervisedSelectionTest {

    /**
     * 40 customers; converted = yes for rows 0..19, no for 20..39 (entropy 1 bit). plan is gold exactly when
     * converted, so it carries the whole bit. age = row mod 20 takes each value once among converters and once
     * among the others, and region alternates a/b, so each is independent of conversion: information gain 0.
     */
    private static Table campaign() {
        int n = 40;
        String[] id = new String[n];
        String[] converted = new String[n];
        String[] plan = new String[n];
        String[] region = new String[n];
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = "C" + i;
            converted[i] = i < 20 ? "yes" : "no";
            plan[i] = i < 20 ? "gold" : "silver";
            region[i] = i % 2 == 0 ? "a" : "b";
            age[i] = 20 + i % 20;
        }
        return Table.of(TextColumn.of("id", id), NumericColumn.of("age", age), CategoricalColumn.of("region", region),
                CategoricalColumn.of("plan", plan), CategoricalColumn.of("converted", converted));
    }

    @Test
    void infoGainRanksTheDeterminingFeatureFirst() {
        FeatureSelection s = fit(campaign(), "target=converted", "max_features=1");
        assertEquals(List.of("plan"), s.featureNames());
        Row plan = row(s, "plan");
        assertEquals(Rule.TARGET_RANK, plan.rule());
        assertEquals(1, plan.rank());
        assertEquals(1.0, plan.score(), 1e-9, "H(converted) = 1 bit, all of it explained");
        // age and region gain nothing; equal scores rank in table order
        assertEquals(2, row(s, "age").rank());
        assertEquals(3, row(s, "region").rank());
        assertEquals(0.0, row(s, "age").value(), 1e-9);
        assertEquals(Status.DROPPED, row(s, "region").status());
        Row target = row(s, "converted");
        assertEquals(Rule.TARGET, target.rule());
        assertEquals(Status.DROPPED, target.status());
        assertEquals(List.of("id"), s.idColumns());
    }

    @Test
    void withoutMaxFeaturesEveryFeatureIsKeptAndRanked() {
        FeatureSelection s = fit(campaign(), "target=converted", "target.method=infogain");
        assertEquals(List.of("age", "region", "plan"), s.featureNames(), "table order");
        assertEquals(1, row(s, "plan").rank());
    }

    @Test
    void cfsKeepsItsBestSubset() {
        // CFS merit of {plan} is 1 (symmetric uncertainty with the target); adding a feature unrelated to the
        // target only grows the denominator: merit 1/sqrt(2) < 1. The best subset is {plan}.
        FeatureSelection s = fit(campaign(), "target=converted", "target.method=cfs");
        assertEquals(List.of("plan"), s.featureNames());
        assertEquals(1, row(s, "plan").rank());
        assertEquals(1.0, row(s, "plan").score(), 1e-6);
        assertEquals(Status.DROPPED, row(s, "age").status());
        assertEquals(Rule.TARGET_RANK, row(s, "age").rule());
        assertTrue(row(s, "age").score() < 1, "adding age lowers the merit");
    }

    @Test
    void rowsWithAMissingTargetAreLeftOut() {
        Table t = campaign();
        String[] converted = new String[40];
        for (int i = 0; i < 40; i++) {
            converted[i] = i % 10 == 3 ? null : t.categorical("converted").level(i);
        }
        FeatureSelection s = fit(t.replace(CategoricalColumn.of("converted", converted)), "target=converted",
                "max_features=1");
        assertEquals(List.of("plan"), s.featureNames());
        assertEquals(1.0, row(s, "plan").score(), 1e-9, "still 20/20 split among known targets: 1 bit");
    }

    @Test
    void numericTargetRanksByAbsoluteCorrelation() {
        // spend = U. f1 = 0.8 U + 0.6 W: r = 0.8. f2 = -0.5 U + sqrt(0.75) Z: |r| = 0.5. f3 = W: r = 0.
        // g is "a" where U = 1, "b" where U = -1: correlation ratio 1 (group means are +1 and -1, no spread within).
        // Pairs among the features: r(f1,f2) = -0.4, r(f1,f3) = 0.6, r(f2,f3) = 0: no redundancy.
        Table t = Table.of(NumericColumn.of("f1", combo(0.8, 0.6, 0)),
                NumericColumn.of("f2", combo(-0.5, 0, Math.sqrt(0.75))), NumericColumn.of("f3", combo(0, 1, 0)),
                CategoricalColumn.of("g", "a", "a", "b", "b"), NumericColumn.of("spend", combo(1, 0, 0)));
        FeatureSelection s = fit(t, "target=spend", "max_features=3");
        assertEquals(List.of("f1", "f2", "g"), s.featureNames());
        assertEquals(1, row(s, "g").rank());
        assertEquals(1.0, row(s, "g").score(), 1e-12);
        assertEquals(2, row(s, "f1").rank());
        assertEquals(0.8, row(s, "f1").score(), 1e-12);
        assertEquals(3, row(s, "f2").rank());
        assertEquals(0.5, row(s, "f2").score(), 1e-12);
        Row f3 = row(s, "f3");
        assertEquals(Status.DROPPED, f3.status());
        assertEquals(Rule.TARGET_RANK, f3.rule());
        assertEquals(4, f3.rank());
        assertEquals(0.0, f3.value(), 1e-12);
    }

    @Test
    void spearmanTargetCorrelation() {
        // y = 2^x: Spearman 1 with x; Pearson gives 0.79884.
        double[] x = new double[10];
        double[] noise = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = i + 1;
            y[i] = Math.pow(2, i + 1);
        }
        Table t = Table.of(NumericColumn.of("noise", noise), NumericColumn.of("x", x), NumericColumn.of("y", y));
        FeatureSelection s = fit(t, "target=y", "correlation.method=spearman");
        assertEquals(1.0, row(s, "x").score(), 1e-12);
        assertEquals(1, row(s, "x").rank());
        FeatureSelection p = fit(t, "target=y");
        assertEquals(0.7988372426181233, row(p, "x").score(), 1e-12);
    }

    @Test
    void textTargetFails() {
        InputException e = assertThrows(InputException.class, () -> fit(campaign(), "target=id", "id.columns="));
        assertTrue(e.getMessage().contains("setting 'target': column 'id' is text"), e.getMessage());
    }

    @Test
    void absentTargetFails() {
        InputException e = assertThrows(InputException.class, () -> fit(campaign(), "target=bought"));
        assertTrue(e.getMessage().startsWith("setting 'target' names column 'bought', which the table does not have"),
                e.getMessage());
    }

    @Test
    void constantTargetFails() {
        Table t = campaign().replace(CategoricalColumn.of("converted", Fixtures.repeat("yes", 40)));
        InputException e = assertThrows(InputException.class, () -> fit(t, "target=converted"));
        assertTrue(e.getMessage().contains("fewer than two distinct values"), e.getMessage());
    }

    @Test
    void infoGainOnANumericTargetFails() {
        double[] spend = new double[40];
        for (int i = 0; i < 40; i++) {
            spend[i] = i;
        }
        Table withSpend = campaign().append(NumericColumn.of("spend", spend));
        InputException e = assertThrows(InputException.class,
                () -> fit(withSpend, "target=spend", "target.method=infogain"));
        assertTrue(e.getMessage().contains("'target.method' is infogain, which needs a categorical target"),
                e.getMessage());
    }

    @Test
    void correlationOnACategoricalTargetFails() {
        InputException e = assertThrows(InputException.class,
                () -> fit(campaign(), "target=converted", "target.method=correlation"));
        assertTrue(e.getMessage().contains("'target.method' is correlation, which needs a numeric target"),
                e.getMessage());
    }
}
