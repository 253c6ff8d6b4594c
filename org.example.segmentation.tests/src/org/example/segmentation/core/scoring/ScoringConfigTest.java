package org.example.segmentation.core.scoring;

import static org.example.segmentation.core.scoring.ScoringTables.handSettings;
import static org.example.segmentation.core.scoring.ScoringTables.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;
import org.junit.jupiter.api.Test;

/** Settings: defaults, round trip, and every kind of bad input with its message. */
class ScoringConfigTest {

    private static ScoringConfig parse(String... keyValues) {
        return ScoringConfig.fromSettings(Settings.parse(List.of(keyValues)));
    }

    private static String fails(String... keyValues) {
        return assertThrows(InputException.class, () -> parse(keyValues)).getMessage();
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        ScoringConfig c = ScoringConfig.defaults();
        assertEquals(List.of("app_logins_30d", "web_sessions_30d", "online_purchase_share", "email_open_rate",
                "whatsapp_opt_in", "digital_payments_30d", "branch_visits_90d", "phone_contacts_90d"),
                c.score().indicators());
        assertEquals(List.of(20.0, 10.0, 15.0, 10.0, 10.0, 15.0, 10.0, 10.0), c.score().weights());
        assertEquals(List.of(true, true, true, true, true, true, false, false), c.score().positive());
        assertEquals(0.6, c.score().minWeightShare());
        assertEquals(7, c.regions().size());
        assertEquals("customer_id", c.idColumn());
        for (SettingSpec s : ScoringConfig.SPECS) {
            if (!s.key().contains("<")) {
                assertEquals(c, parse(s.key() + "=" + s.defaultValue()), "the documented default of " + s.key());
                assertTrue(c.toSettings().has(s.key()), "toSettings writes " + s.key());
            }
        }
    }

    @Test
    void settingsRoundTripExactly() {
        ScoringConfig d = ScoringConfig.defaults();
        assertEquals(d, ScoringConfig.fromSettings(d.toSettings()));
        ScoringConfig c = ScoringConfig.fromSettings(handSettings("archetype.regions=Low=0..50x0..100; "
                + "High=50..100x0..100", "channel.rules=High=app_push,email; *=branch",
                "archetype.borderline_margin=2.5", "lifecycle.new_months=6", "product_depth.multi_from=4"));
        assertEquals(c, ScoringConfig.fromSettings(c.toSettings()));
        assertEquals(c.toSettings(), ScoringConfig.fromSettings(c.toSettings()).toSettings());
        assertEquals(List.of(new ArchetypeRegion("Low", 0, 50, 0, 100), new ArchetypeRegion("High", 50, 100, 0, 100)),
                c.regions());
    }

    @Test
    void anUnknownIndicatorColumnFailsAtFitNamingTheSettingAndColumn() {
        InputException e = assertThrows(InputException.class, () -> ProfileScorer.fit(reference(),
                ScoringConfig.fromSettings(handSettings("score.indicators=a, b, c, nosuch")), Progress.NONE));
        assertTrue(e.getMessage().contains("setting 'score.indicators' names column 'nosuch', which the table does "
                + "not have"), e.getMessage());
    }

    @Test
    void weightsThatSumToZeroFail() {
        String m = fails("score.indicators=a, b", "score.weight.a=0", "score.weight.b=0");
        assertTrue(m.contains("'score.weight.*'") && m.contains("sum to 0"), m);
        assertTrue(fails("trust.weight.email_open_rate=-1").contains("'trust.weight.email_open_rate' must be"),
                "a negative weight");
    }

    @Test
    void overlappingRegionsFailNamingBoth() {
        String m = fails("archetype.regions=A=0..60x0..100; B=50..100x0..100");
        assertTrue(m.contains("regions 'A=0..60x0..100' and 'B=50..100x0..100' overlap (capability 50..60, trust "
                + "0..100)"), m);
    }

    @Test
    void aGapInTheGridFails() {
        String m = fails("archetype.regions=A=0..40x0..100; B=50..100x0..100", "channel.rules=*=email");
        assertTrue(m.contains("leaves a gap: capability 40..50, trust 0..100 is in no region"), m);
        String corner = fails("archetype.regions=A=0..50x0..100; B=50..100x0..80", "channel.rules=*=email");
        assertTrue(corner.contains("capability 50..100, trust 80..100 is in no region"), corner);
    }

    @Test
    void otherBadSettingsFailClearly() {
        assertTrue(fails("score.weight.nosuch=3").contains("'score.weight.nosuch' names column 'nosuch', which is not "
                + "in 'score.indicators'"));
        assertTrue(fails("score.direction.app_logins_30d=up").contains("one of positive, negative"));
        assertTrue(fails("score.indicatorz=a").contains("did you mean 'score.indicators'"));
        assertTrue(fails("archetype.regions=Nomads 0-100").contains("is not a region"));
        assertTrue(fails("channel.rules=Nomads=pigeon; *=email").contains("'pigeon' is not a channel"));
        assertTrue(fails("channel.rules=Nomads=email").contains("needs a rule for '*'"));
        assertTrue(fails("channel.rules=Hipsters=email; *=email").contains("'Hipsters', which is not an archetype"));
        assertTrue(fails("archetype.regions=A=0..120x0..100").contains("expected 0 <= from < to <= 100"));
        assertTrue(fails("lifecycle.growing_trend=-0.5").contains("must be above 'lifecycle.declining_trend'"));
        assertTrue(fails("score.indicators=").contains("at least one indicator"));
    }
}
