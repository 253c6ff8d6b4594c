package org.example.segmentation.core.scoring;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/** Small hand-made tables for the scoring tests. */
final class ScoringTables {
    private ScoringTables() {
    }

    /** A numeric column; {@code null} is missing. */
    static NumericColumn num(String name, Double... values) {
        double[] v = new double[values.length];
        boolean[] m = new boolean[values.length];
        for (int i = 0; i < v.length; i++) {
            m[i] = values[i] == null;
            v[i] = m[i] ? 0 : values[i];
        }
        return NumericColumn.of(name, v, m);
    }

    static CategoricalColumn cat(String name, String... values) {
        return CategoricalColumn.of(name, values);
    }

    static TextColumn text(String name, String... values) {
        return TextColumn.of(name, values);
    }

    /**
     * The settings of the hand-computed tests: score over a (weight 2), b (1), c (1, negative), min share 0.6;
     * capability = a, trust = b, engagement = a; consent, lifecycle and product columns with short names.
     */
    static Settings handSettings(String... more) {
        List<String> kv = new ArrayList<>(List.of("id_column=id", "score.indicators=a, b, c", "score.weight.a=2",
                "score.weight.b=1", "score.weight.c=1", "score.direction.c=negative", "score.min_weight_share=0.6",
                "capability.indicators=a", "trust.indicators=b", "engagement.indicators=a",
                "channel.preference_column=pref", "channel.whatsapp_opt_in_column=wa",
                "channel.marketing_consent_column=mkt", "channel.third_party_consent_column=tp",
                "lifecycle.tenure_column=tenure", "lifecycle.inactive_column=inactive", "lifecycle.trend_column=trend",
                "product_depth.column=products"));
        kv.addAll(List.of(more));
        return Settings.parse(kv);
    }

    /** A table with the hand-test columns; every list has one value per row (null = missing). */
    static Table table(String[] id, Double[] a, Double[] b, Double[] c, String[] pref, Double[] wa, Double[] mkt,
            Double[] tp, Double[] tenure, Double[] inactive, Double[] trend, Double[] products) {
        List<Column> cols = List.of(text("id", id), num("a", a), num("b", b), num("c", c), cat("pref", pref),
                num("wa", wa), num("mkt", mkt), num("tp", tp), num("tenure", tenure), num("inactive", inactive),
                num("trend", trend), num("products", products));
        return Table.of(cols);
    }

    /** n copies of a value. */
    static Double[] rep(Double v, int n) {
        Double[] out = new Double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    static String[] rep(String v, int n) {
        String[] out = new String[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    /** The reference table: a = 1..5, b = 10, 10, 20, 30, 40, c = 0, 0, 0, 1, 1; everything else ordinary. */
    static Table reference() {
        int n = 5;
        return table(new String[] {"R1", "R2", "R3", "R4", "R5"}, new Double[] {1.0, 2.0, 3.0, 4.0, 5.0},
                new Double[] {10.0, 10.0, 20.0, 30.0, 40.0}, new Double[] {0.0, 0.0, 0.0, 1.0, 1.0},
                rep("email", n), rep(1.0, n), rep(1.0, n), rep(0.0, n), rep(100.0, n), rep(0.0, n), rep(0.0, n),
                rep(2.0, n));
    }
}
