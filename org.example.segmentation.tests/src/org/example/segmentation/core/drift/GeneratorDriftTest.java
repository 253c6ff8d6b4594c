package org.example.segmentation.core.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.generator.CustomerColumns;
import org.example.segmentation.core.generator.PlantedDrift;
import org.example.segmentation.core.generator.Persona;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;

/**
 * The generator's ground truth (docs/generator.md): month 2 is flagged on exactly the four planted features and on
 * the segment shares; two independent samples of the same month are OK; the migration matrix matches the planted
 * persona migration customer by customer.
 *
 * <p>Margins, at 20,000 rows: the drifted features have PSI 0.16 to 0.23 (all above psi.moderate 0.10) and KS
 * adjusted p-values below 1e-50; the stable features have PSI below 0.005 (20 times below 0.10). The analog share
 * falls by 3 points (15% to 12%) against a sampling standard error of the change of 0.35 points, so the 2-point
 * moderate threshold is 3 standard errors away.
 */
class GeneratorDriftTest {
    private static final int ROWS = 20_000;

    @Test
    void monthTwoIsFlaggedOnExactlyThePlantedFeatures() {
        Table month1 = DriftFixtures.month(1, ROWS, 42, false);
        Table month2 = DriftFixtures.month(2, ROWS, 42, false);
        DriftBaseline baseline = DriftBaseline.fit(month1, DriftConfig.defaults());
        DriftReport r = DriftMonitor.monitor(baseline, month2);
        List<String> flagged = new ArrayList<>();
        for (FeatureDrift f : r.features()) {
            if (f.status().drifted()) {
                flagged.add(f.feature());
                assertTrue(f.pAdjusted() < 1e-50, f.feature() + " " + f.pAdjusted());
            } else {
                assertEquals(FeatureStatus.STABLE, f.status(), f.feature());
                assertTrue(f.psi() < 0.005, f.feature() + " PSI " + f.psi());
            }
        }
        assertEquals(sorted(PlantedDrift.driftedFeatureNames()), sorted(flagged));
        assertTrue(r.features().size() >= 22, "every numeric and categorical generated column is monitored");
        assertEquals(DriftStatus.WARN, r.status(), "moderate PSIs (0.16..0.23) under the default 0.25");
        assertEquals("watch", r.summary().recommendation());
        assertEquals(CustomerColumns.APP_LOGINS_30D, r.summary().worstFeature());
        assertEquals(0.23, r.summary().worstPsi(), 0.02, "docs/generator.md: 0.23 on month-1 deciles");
        assertEquals(4, r.summary().reasons().size(), r.summary().reasons().toString());
        FeatureDrift whatsapp = r.feature(CustomerColumns.WHATSAPP_OPT_IN);
        assertEquals(2, whatsapp.bins(), "a 0/1 flag: two bins");
        assertEquals(0.196, whatsapp.meanCur() - whatsapp.meanRef(), 0.02, "+19.6 share points");
        FeatureDrift app = r.feature(CustomerColumns.APP_LOGINS_30D);
        assertEquals(1.19, app.meanCur() / app.meanRef() - 1, 0.1, "+119% mean");
        FeatureDrift branch = r.feature(CustomerColumns.BRANCH_VISITS_90D);
        assertEquals(-0.549, branch.meanCur() / branch.meanRef() - 1, 0.06, "-55% mean");

        // with a stricter significance threshold month 2 is an ALERT: the segmentation's features moved
        DriftConfig strict = baseline.config().forMonitoring(Settings.parse(List.of("psi.significant=0.2")));
        DriftReport alert = DriftMonitor.monitor(baseline, strict, null, month2, null, Progress.NONE);
        assertEquals(DriftStatus.ALERT, alert.status());
        assertEquals("refit", alert.summary().recommendation());
        assertEquals(FeatureStatus.SIGNIFICANT, alert.feature(CustomerColumns.APP_LOGINS_30D).status());
    }

    @Test
    void twoIndependentSamplesOfTheSameMonthAreOk() {
        Table a = DriftFixtures.month(1, ROWS, 42, false);
        Table b = DriftFixtures.month(1, ROWS, 7, false);
        DriftReport r = DriftMonitor.monitor(DriftBaseline.fit(a, DriftConfig.defaults()), b);
        assertEquals(DriftStatus.OK, r.status(), r.summary().reasons().toString());
        for (FeatureDrift f : r.features()) {
            assertEquals(FeatureStatus.STABLE, f.status(), f.feature());
            assertTrue(f.psi() < 0.02, f.feature() + " PSI " + f.psi());
        }
    }

    /** The truth column true_persona stands for a segmentation that recovers the personas exactly. */
    @Test
    void segmentSharesAndMigrationFollowThePlantedPersonaMigration() {
        Table month1 = DriftFixtures.month(1, ROWS, 42, true);
        Table month2 = DriftFixtures.month(2, ROWS, 42, true);
        DriftConfig config = DriftFixtures.config("segment.column=" + CustomerColumns.TRUE_PERSONA,
                "features=" + Settings.formatList(DriftFixtures.features(month1)),
                "archetype.column=" + CustomerColumns.TRUE_PERSONA);
        DriftBaseline baseline = DriftBaseline.fit(month1, config);
        List<String> personas = new ArrayList<>();
        for (Persona p : Persona.values()) {
            personas.add(p.key());
        }
        assertEquals(sorted(personas), baseline.segmentNames());

        DriftReport r = DriftMonitor.monitor(baseline, config, null, month2, month1, Progress.NONE);
        SegmentShareDrift shares = r.segmentShares().orElseThrow();
        assertTrue(shares.status().drifted(), "segment shares flagged: " + shares);
        assertTrue(shares.pAdjusted() < 1e-10);
        Map<Persona, Double> expected = PlantedDrift.expectedPersonaShares(2);
        for (SegmentDrift s : r.segments()) {
            Persona p = persona(s.segment());
            double plantedChange = expected.get(p) - PlantedDrift.expectedPersonaShares(1).get(p);
            assertEquals(plantedChange, s.shareChange(), 0.012, s.segment());
            assertEquals(Math.abs(s.shareChange()) >= 0.02, s.status().drifted(), s.segment() + " " + s);
            if (plantedChange == 0) {
                assertEquals(FeatureStatus.STABLE, s.status(), s.segment());
            }
        }
        assertTrue(r.segments().get(0).status().drifted(), "analog: 15% -> 12%");
        assertEquals(sorted(PlantedDrift.driftedFeatureNames()), sorted(r.features().stream()
                .filter(f -> f.status().drifted()).map(FeatureDrift::feature).toList()));

        // migration, customer by customer: analog -> mainstreamer 20%, mainstreamer -> nomad 10%, nothing else moves
        for (String kind : List.of("segment", "archetype")) {
            assertEquals(PlantedDrift.ANALOG_TO_MAINSTREAMER, stayingShare(r, kind, "analog", "mainstreamer"), 0.025);
            assertEquals(PlantedDrift.MAINSTREAMER_TO_NOMAD, stayingShare(r, kind, "mainstreamer", "nomad"), 0.015);
            for (MigrationCell c : r.migration()) {
                boolean planted = c.from().equals(c.to()) || c.from().equals("analog") && c.to().equals("mainstreamer")
                        || c.from().equals("mainstreamer") && c.to().equals("nomad") || c.from().equals(MigrationCell.NEW)
                        || c.to().equals(MigrationCell.GONE);
                if (c.kind().equals(kind) && !planted) {
                    assertEquals(0, c.customers(), c.toString());
                }
            }
        }
        PlantedDrift.Turnover turnover = PlantedDrift.turnover(new org.example.segmentation.core.generator
                .GeneratorConfig(ROWS, 42, 2, true, true));
        assertEquals(turnover.month1Customers() - turnover.gone(), r.summary().customersMatched());
        long added = r.migration().stream().filter(c -> c.kind().equals("segment") && c.from().equals(MigrationCell.NEW))
                .mapToLong(MigrationCell::customers).sum();
        assertEquals(turnover.added(), added);
        long gone = r.migration().stream().filter(c -> c.kind().equals("segment") && c.to().equals(MigrationCell.GONE))
                .mapToLong(MigrationCell::customers).sum();
        assertEquals(turnover.gone(), gone);
    }

    /** Share of the matched (staying) customers of {@code from} who are in {@code to} now. */
    private static double stayingShare(DriftReport r, String kind, String from, String to) {
        long total = 0;
        long moved = 0;
        for (MigrationCell c : r.migration()) {
            if (c.kind().equals(kind) && c.from().equals(from) && !c.to().equals(MigrationCell.GONE)) {
                total += c.customers();
                moved += c.to().equals(to) ? c.customers() : 0;
            }
        }
        return (double) moved / total;
    }

    private static Persona persona(String key) {
        for (Persona p : Persona.values()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        throw new AssertionError(key);
    }

    private static List<String> sorted(List<String> names) {
        List<String> out = new ArrayList<>(names);
        java.util.Collections.sort(out);
        return out;
    }
}
