package org.example.segmentation.core.scoring;

import static org.example.segmentation.core.scoring.ScoringTables.handSettings;
import static org.example.segmentation.core.scoring.ScoringTables.reference;
import static org.example.segmentation.core.scoring.ScoringTables.rep;
import static org.example.segmentation.core.scoring.ScoringTables.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;

/** Consent is never overridden: no WhatsApp without opt-in, no marketing channel without consent, and so on. */
class ConsentRulesTest {

    private static ScoringModel model(String... more) {
        return ProfileScorer.fit(reference(), ScoringConfig.fromSettings(handSettings(more)), Progress.NONE);
    }

    private static List<String> channels(Table s, int row) {
        return java.util.Arrays.asList(s.categorical("channel_first").level(row),
                s.categorical("channel_second").level(row));
    }

    @Test
    void vetoesOnHandMadeCustomers() {
        // All at (90, 90): Nomads, rule app_push, whatsapp, email, sms, phone, branch.
        int n = 6;
        Table t = table(new String[] {"N1", "N2", "N3", "N4", "N5", "N6"}, rep(5.0, n), rep(40.0, n), rep(0.0, n),
                new String[] {"whatsapp", "whatsapp", "app", "web", null, "branch"},
                new Double[] {1.0, 0.0, null, 1.0, 0.0, 1.0}, new Double[] {1.0, 1.0, 1.0, 0.0, null, 1.0},
                new Double[] {1.0, 1.0, 1.0, 1.0, 1.0, 0.0}, rep(100.0, n), rep(0.0, n), rep(0.0, n),
                rep(2.0, n));
        Table s = model().score(t);
        assertEquals(List.of("whatsapp", "app_push"), channels(s, 0), "preferred and opted in: WhatsApp first");
        assertEquals(List.of("app_push", "email"), channels(s, 1), "preferred but not opted in: no WhatsApp");
        assertEquals(List.of("app_push", "email"), channels(s, 2), "missing opt-in is no opt-in");
        // No marketing consent: app_push, email and sms are vetoed; WhatsApp (opted in) is not a marketing-consent
        // channel by default; web maps to no channel.
        assertEquals(List.of("whatsapp", "phone"), channels(s, 3));
        // No opt-in and missing marketing consent: only the service channels remain.
        assertEquals(List.of("phone", "branch"), channels(s, 4));
        assertEquals(List.of("branch", "app_push"), channels(s, 5), "a preferred branch comes first");
        CategoricalColumn offer = s.categorical("third_party_offer_allowed");
        assertEquals(List.of("yes", "yes", "yes", "no", "no", "no"), List.of(offer.level(0), offer.level(1),
                offer.level(2), offer.level(3), offer.level(4), offer.level(5)),
                "a third-party-data offer needs the third-party and the marketing consent");
    }

    @Test
    void noSettingLiftsTheWhatsappVeto() {
        // A rule that puts WhatsApp first for everyone, and no channel needing marketing consent.
        ScoringModel m = model("channel.rules=*=whatsapp,email", "channel.marketing_consent_required=[]",
                "channel.use_preference=false");
        int n = 2;
        Table t = table(new String[] {"W1", "W2"}, rep(5.0, n), rep(40.0, n), rep(0.0, n), rep("whatsapp", n),
                new Double[] {0.0, 1.0}, rep(0.0, n), rep(0.0, n), rep(100.0, n), rep(0.0, n), rep(0.0, n),
                rep(2.0, n));
        Table s = m.score(t);
        assertEquals("email", s.categorical("channel_first").level(0));
        assertNull(s.categorical("channel_second").level(0), "fewer allowed channels than two: missing, not invented");
        assertEquals(List.of("whatsapp", "email"), channels(s, 1));
        // Without a WhatsApp opt-in column nobody gets WhatsApp.
        Table none = model("channel.rules=*=whatsapp,email", "channel.whatsapp_opt_in_column=",
                "channel.marketing_consent_required=[]").score(t);
        assertEquals("email", none.categorical("channel_first").level(1));
    }

    @Test
    void aScaledConsentColumnIsRefused() {
        Table ref = reference().replace(NumericColumn.of("mkt", new double[] {-0.5, 1.2, 1.2, -0.5, 1.2}));
        InputException e = assertThrows(InputException.class,
                () -> ProfileScorer.fit(ref, ScoringConfig.fromSettings(handSettings()), Progress.NONE));
        assertTrue(e.getMessage().contains("consent column 'mkt', row 1: value '-0.5'"), e.getMessage());
    }

    @Test
    void generatedCustomersNeverGetAChannelTheirConsentsForbid() {
        Table month = CustomerGenerator.generate(new GeneratorConfig(20_000, 42L, 1, true, true), Progress.NONE);
        ScoringModel m = ProfileScorer.fit(month, ScoringConfig.defaults(), Progress.NONE);
        Table s = m.score(month);
        NumericColumn wa = s.numeric("whatsapp_opt_in");
        NumericColumn mkt = s.numeric("marketing_consent");
        NumericColumn tp = s.numeric("third_party_consent");
        int whatsapp = 0;
        int email = 0;
        int offers = 0;
        for (String column : List.of("channel_first", "channel_second")) {
            CategoricalColumn ch = s.categorical(column);
            for (int i = 0; i < s.rowCount(); i++) {
                String c = ch.level(i);
                if ("whatsapp".equals(c)) {
                    assertEquals(1, wa.value(i), "row " + i + ": WhatsApp without opt-in");
                    whatsapp++;
                }
                if ("email".equals(c) || "sms".equals(c) || "app_push".equals(c)) {
                    assertEquals(1, mkt.value(i), "row " + i + ": " + c + " without marketing consent");
                    email++;
                }
            }
        }
        CategoricalColumn offer = s.categorical("third_party_offer_allowed");
        for (int i = 0; i < s.rowCount(); i++) {
            if ("yes".equals(offer.level(i))) {
                assertTrue(tp.value(i) == 1 && mkt.value(i) == 1, "row " + i + ": third-party offer without consent");
                offers++;
            }
        }
        // The rules are not vacuous: many customers do get these channels and offers.
        assertTrue(whatsapp > 2000, "WhatsApp recommended " + whatsapp + " times");
        assertTrue(email > 5000, "marketing channels recommended " + email + " times");
        assertTrue(offers > 3000, "third-party offers allowed " + offers + " times");
    }
}
