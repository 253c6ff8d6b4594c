package org.example.segmentation.core.profile;

import static org.example.segmentation.core.profile.ProfileStatisticsTest.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;

/** The description template on a constructed case, and its parts. */
class DescriptionTest {

    /**
     * 10 gold and 10 silver customers.
     * <ul>
     * <li>app_logins_30d: gold 18, 22 (x5), mean 20, SS 40; silver 4, 6 (x5), mean 5, SS 10; population mean 12.5:
     * index 160 and 40; pooled sd sqrt(50/18) = 1.667, d = +-9.0.</li>
     * <li>email_opt_in (0/1): gold 9 of 10 (SS 0.9), silver 2 of 10 (SS 1.6), population 55%: pooled sd
     * sqrt(2.5/18) = 0.3727, d = +-1.878.</li>
     * <li>preferred_channel: gold app 9, branch 1; silver app 4, branch 6. Gold app: h = 2 asin(sqrt .9) -
     * 2 asin(sqrt .4) = 1.1287, branch -1.1287: a tie, the over-represented level wins (gold app, silver branch).</li>
     * <li>balance (negative values, so no index): gold -50, 350 (x5), mean 150, SS 400000; silver -200, 200 (x5),
     * mean 0, SS 400000; pooled sd sqrt(800000/18) = 210.8, d = +-0.7115.</li>
     * </ul>
     * Ranking of both segments: app_logins_30d (9.0), email_opt_in (1.878), preferred_channel (1.129), balance
     * (0.71).
     */
    static Table goldAndSilver() {
        int n = 20;
        String[] segment = new String[n];
        double[] app = new double[n];
        double[] email = new double[n];
        String[] channel = new String[n];
        double[] balance = new double[n];
        for (int i = 0; i < 10; i++) {
            segment[i] = "gold";
            app[i] = i % 2 == 0 ? 18 : 22;
            email[i] = i < 9 ? 1 : 0;
            channel[i] = i < 9 ? "app" : "branch";
            balance[i] = i % 2 == 0 ? -50 : 350;
            segment[10 + i] = "silver";
            app[10 + i] = i % 2 == 0 ? 4 : 6;
            email[10 + i] = i < 2 ? 1 : 0;
            channel[10 + i] = i < 4 ? "app" : "branch";
            balance[10 + i] = i % 2 == 0 ? -200 : 200;
        }
        return Table.of(CategoricalColumn.of("tier", segment), NumericColumn.of("app_logins_30d", app),
                NumericColumn.of("email_opt_in", email), CategoricalColumn.of("preferred_channel", channel),
                NumericColumn.of("balance", balance));
    }

    @Test
    void constructedCaseExactText() {
        SegmentProfile p = profile(goldAndSilver(), "segment.column=tier", "description.phrases=4",
                "labels={\"app_logins_30d\":\"app use\"}");
        assertEquals("Very high app use (index 160), mostly email opt in (90%), preferred channel mostly app (90%), "
                + "high balance", p.summary("gold").description());
        assertEquals("Very low app use (index 40), less often email opt in (20% vs 55% overall), preferred channel "
                + "mostly branch (60%), low balance", p.summary("silver").description());
        assertEquals(List.of("app_logins_30d", "email_opt_in", "preferred_channel"), p.summary("gold").topFeatures());
        assertEquals(9.0, p.numeric("gold", "app_logins_30d").cohensD(), 1e-9);
        assertEquals(0.7 / Math.sqrt(2.5 / 18), p.numeric("gold", "email_opt_in").cohensD(), 1e-9);
        assertEquals(150 / Math.sqrt(800000.0 / 18), p.numeric("gold", "balance").cohensD(), 1e-9);
    }

    @Test
    void defaultsUseThreePhrasesAndAutomaticLabels() {
        SegmentProfile p = profile(goldAndSilver(), "segment.column=tier");
        assertEquals("Very high app logins (30 days, index 160), mostly email opt in (90%), preferred channel mostly "
                + "app (90%)", p.summary("gold").description());
        assertEquals("gold (10 customers, 50.0%): " + p.summary("gold").description(),
                p.descriptionTable().text("text").value(0));
    }

    @Test
    void thresholdsDecideTheWords() {
        // very high only from |d| 10: app (9.0) is merely high; from effect.high 0.8, balance (0.71) is left out
        SegmentProfile p = profile(goldAndSilver(), "segment.column=tier", "effect.high=0.8", "effect.very_high=10",
                "description.phrases=6");
        assertEquals("High app logins (30 days, index 160), mostly email opt in (90%), preferred channel mostly app "
                + "(90%)", p.summary("gold").description());
        // nothing reaches 9.5
        SegmentProfile q = profile(goldAndSilver(), "segment.column=tier", "effect.high=9.5");
        assertEquals(Descriptions.AVERAGE, q.summary("gold").description());
        assertEquals(List.of("app_logins_30d", "email_opt_in", "preferred_channel"), q.summary("gold").topFeatures(),
                "top features are listed whatever the threshold");
    }

    @Test
    void phraseForms() {
        FeatureEffect numeric = new FeatureEffect("x", "x", FeatureEffect.Kind.NUMERIC, -0.7, 61.6, null, Double.NaN,
                Double.NaN, 0, 0);
        assertEquals("low x (index 62)", Descriptions.phrase(numeric, 1.0));
        FeatureEffect noIndex = new FeatureEffect("x", "x (90 days)", FeatureEffect.Kind.NUMERIC, -1.0, Double.NaN,
                null, Double.NaN, Double.NaN, 0, 0);
        assertEquals("very low x (90 days)", Descriptions.phrase(noIndex, 1.0));
        FeatureEffect rare = new FeatureEffect("c", "consent", FeatureEffect.Kind.BINARY, -2, Double.NaN, null, 0.004,
                0.43, 0, 0);
        assertEquals("rarely consent (<1%)", Descriptions.phrase(rare, 1.0));
        FeatureEffect often = new FeatureEffect("c", "consent", FeatureEffect.Kind.BINARY, 0.6, Double.NaN, null, 0.3,
                0.1, 0, 0);
        assertEquals("often consent (30% vs 10% overall)", Descriptions.phrase(often, 1.0));
        FeatureEffect level = new FeatureEffect("ch", "channel", FeatureEffect.Kind.CATEGORICAL, 0.9, Double.NaN,
                "web", 0.996, 0.2, 0, 0);
        assertEquals("channel mostly web (>99%)", Descriptions.phrase(level, 1.0));
    }

    @Test
    void indexGoesInsideTrailingParentheses() {
        assertEquals("app logins (30 days, index 240)", Descriptions.withIndex("app logins (30 days)", 240));
        assertEquals("app use (index 240)", Descriptions.withIndex("app use", 240));
        assertEquals("(x) (index 3)", Descriptions.withIndex("(x)", 3));
    }

    @Test
    void percents() {
        assertEquals("0%", Descriptions.percent(0));
        assertEquals("<1%", Descriptions.percent(0.0049));
        assertEquals("1%", Descriptions.percent(0.005));
        assertEquals("25%", Descriptions.percent(0.25));
        assertEquals(">99%", Descriptions.percent(0.9951));
        assertEquals("100%", Descriptions.percent(1));
        assertEquals("15.2%", Descriptions.percentOneDecimal(0.1518));
    }

    @Test
    void automaticLabels() {
        assertEquals("app logins (30 days)", FeatureLabels.automatic("app_logins_30d"));
        assertEquals("branch visits (90 days)", FeatureLabels.automatic("branch_visits_90d"));
        assertEquals("months since last transaction", FeatureLabels.automatic("months_since_last_transaction"));
        assertEquals("spend (1 month)", FeatureLabels.automatic("spend_1m"));
        assertEquals("logins (12 weeks)", FeatureLabels.automatic("logins-12w"));
        assertEquals("app logins", FeatureLabels.automatic("appLogins"));
        assertEquals("EUR balance", FeatureLabels.automatic("EUR_balance"));
        assertEquals("Região", FeatureLabels.automatic("Região"));
        assertEquals("Ingreso mensual", FeatureLabels.automatic("Ingreso mensual"));
        assertEquals("(30 days)", FeatureLabels.automatic("30d"));
        assertEquals("__", FeatureLabels.automatic("__"));
        assertEquals("app use", FeatureLabels.of("app_logins_30d", Map.of("app_logins_30d", "app use")));
        assertEquals("age", FeatureLabels.of("age", Map.of("app_logins_30d", "app use")));
    }
}
