package org.example.segmentation.core.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planted personas and life stages on 20,000 customers. */
class PersonaTruthTest {
    private static final int ROWS = 20_000;
    private static Table table;

    @BeforeAll
    static void generate() {
        table = CustomerGenerator.generate(new GeneratorConfig(ROWS, 20240601L, 1, true, false), Progress.NONE);
    }

    /**
     * A share estimated from n = 20,000 rows has a standard error of at most sqrt(0.25 * 0.75 / n) = 0.31
     * points; 1.5 points is almost five standard errors, so the test fails only when the shares are wrong.
     */
    @Test
    void personaSharesMatchTheDocumentedShares() {
        Map<Persona, Double> expected = PlantedDrift.expectedPersonaShares(1);
        CategoricalColumn persona = table.categorical(CustomerColumns.TRUE_PERSONA);
        Map<String, Integer> counts = persona.summary().levelCounts();
        double total = 0;
        for (Persona p : Persona.values()) {
            double share = counts.get(p.key()) / (double) ROWS;
            assertEquals(expected.get(p), share, 0.015, p.key());
            total += p.share();
        }
        assertEquals(1.0, total, 1e-12);
        assertEquals(0.15, Persona.ANALOG.share());
        assertEquals(0.25, Persona.MAINSTREAMER.share());
    }

    @Test
    void lifeStageSharesMatchTheDocumentedShares() {
        Map<String, Integer> counts = table.categorical(CustomerColumns.TRUE_LIFE_STAGE).summary().levelCounts();
        for (LifeStage s : LifeStage.values()) {
            assertEquals(s.share(), counts.get(s.key()) / (double) ROWS, 0.015, s.key());
        }
    }

    @Test
    void latentValuesLieInTheirPersonaRectangle() {
        CategoricalColumn persona = table.categorical(CustomerColumns.TRUE_PERSONA);
        NumericColumn capability = table.numeric(CustomerColumns.TRUE_CAPABILITY);
        NumericColumn trust = table.numeric(CustomerColumns.TRUE_TRUST);
        for (int r = 0; r < ROWS; r++) {
            Persona p = Persona.ofKey(persona.level(r));
            double c = capability.value(r);
            double t = trust.value(r);
            assertTrue(c >= p.capabilityMin() && c <= p.capabilityMax(), "row " + r + " capability " + c);
            assertTrue(t >= p.trustMin() && t <= p.trustMax(), "row " + r + " trust " + t);
            assertEquals(p, gridPersona(c, t), "row " + r);
        }
    }

    /** The rectangles do not overlap: a grid classifier with boundaries between them recovers the persona. */
    private static Persona gridPersona(double capability, double trust) {
        if (capability < 36) {
            return trust < 50 ? Persona.ANALOG : Persona.WANNABE;
        }
        if (capability < 63) {
            return trust > 62.5 ? Persona.WANNABE : Persona.MAINSTREAMER;
        }
        if (trust < 35) {
            return Persona.PARANOID;
        }
        return trust < 65 ? Persona.CHAMELEON : Persona.NOMAD;
    }

    @Test
    void capabilityAndTrustAreOrderedAsOnTheGrid() {
        Map<Persona, double[]> means = latentMeans();
        // capability: analog < wannabe < mainstreamer < paranoid < chameleon < nomad
        Persona[] byCapability = { Persona.ANALOG, Persona.WANNABE, Persona.MAINSTREAMER, Persona.PARANOID,
            Persona.CHAMELEON, Persona.NOMAD };
        for (int i = 1; i < byCapability.length; i++) {
            assertTrue(means.get(byCapability[i])[0] > means.get(byCapability[i - 1])[0] + 3,
                    byCapability[i] + " vs " + byCapability[i - 1]);
        }
        // trust: paranoid < analog < mainstreamer, chameleon < wannabe < nomad
        assertTrue(means.get(Persona.PARANOID)[1] < means.get(Persona.ANALOG)[1]);
        assertTrue(means.get(Persona.ANALOG)[1] + 20 < means.get(Persona.MAINSTREAMER)[1]);
        assertTrue(means.get(Persona.CHAMELEON)[1] + 20 < means.get(Persona.WANNABE)[1]);
        assertTrue(means.get(Persona.WANNABE)[1] < means.get(Persona.NOMAD)[1]);
        for (Persona p : Persona.values()) {
            assertEquals(p.capabilityCentre(), means.get(p)[0], 0.5, p + " capability");
            assertEquals(p.trustCentre(), means.get(p)[1], 0.5, p + " trust");
        }
    }

    private static Map<Persona, double[]> latentMeans() {
        CategoricalColumn persona = table.categorical(CustomerColumns.TRUE_PERSONA);
        NumericColumn capability = table.numeric(CustomerColumns.TRUE_CAPABILITY);
        NumericColumn trust = table.numeric(CustomerColumns.TRUE_TRUST);
        Map<Persona, double[]> sums = new EnumMap<>(Persona.class);
        for (int r = 0; r < ROWS; r++) {
            double[] s = sums.computeIfAbsent(Persona.ofKey(persona.level(r)), k -> new double[3]);
            s[0] += capability.value(r);
            s[1] += trust.value(r);
            s[2]++;
        }
        sums.values().forEach(s -> {
            s[0] /= s[2];
            s[1] /= s[2];
        });
        return sums;
    }

    /** The behaviour follows the grid: what an analyst would say about each persona holds in the data. */
    @Test
    void behaviourFollowsThePersonas() {
        Map<Persona, Double> app = meanBy(CustomerColumns.APP_LOGINS_30D);
        Map<Persona, Double> branch = meanBy(CustomerColumns.BRANCH_VISITS_90D);
        Map<Persona, Double> web = meanBy(CustomerColumns.WEB_SESSIONS_30D);
        Map<Persona, Double> consent = meanBy(CustomerColumns.MARKETING_CONSENT);
        Map<Persona, Double> profile = meanBy(CustomerColumns.PROFILE_COMPLETENESS);
        Map<Persona, Double> phone = meanBy(CustomerColumns.PHONE_CONTACTS_90D);
        assertTrue(app.get(Persona.NOMAD) > 5 * app.get(Persona.MAINSTREAMER));
        assertTrue(app.get(Persona.MAINSTREAMER) > 5 * app.get(Persona.ANALOG));
        assertTrue(branch.get(Persona.ANALOG) > 3 * branch.get(Persona.MAINSTREAMER));
        assertTrue(web.get(Persona.PARANOID) > web.get(Persona.NOMAD));
        assertTrue(app.get(Persona.PARANOID) < app.get(Persona.CHAMELEON));
        assertTrue(consent.get(Persona.NOMAD) > 0.9 && consent.get(Persona.PARANOID) < 0.1);
        assertTrue(profile.get(Persona.WANNABE) > profile.get(Persona.MAINSTREAMER) + 0.1);
        assertTrue(phone.get(Persona.WANNABE) > 2 * phone.get(Persona.MAINSTREAMER));
        // Every persona sits apart from every other in at least one digital-behaviour feature by 0.8 standard
        // deviations of that feature: the structure is there to be found by clustering.
        for (Persona a : Persona.values()) {
            for (Persona b : Persona.values()) {
                if (a.ordinal() < b.ordinal()) {
                    assertTrue(bestSeparation(a, b) > 0.8, a + " vs " + b + ": " + bestSeparation(a, b));
                }
            }
        }
    }

    private static double bestSeparation(Persona a, Persona b) {
        double best = 0;
        for (String f : CustomerColumns.DIGITAL_BEHAVIOUR) {
            Map<Persona, Double> m = meanBy(f);
            double sd = TableAssertions.sd(table.numeric(f));
            best = Math.max(best, Math.abs(m.get(a) - m.get(b)) / sd);
        }
        return best;
    }

    private static Map<Persona, Double> meanBy(String feature) {
        CategoricalColumn persona = table.categorical(CustomerColumns.TRUE_PERSONA);
        NumericColumn values = table.numeric(feature);
        Map<Persona, double[]> sums = new EnumMap<>(Persona.class);
        for (int r = 0; r < ROWS; r++) {
            double[] s = sums.computeIfAbsent(Persona.ofKey(persona.level(r)), k -> new double[2]);
            s[0] += values.value(r);
            s[1]++;
        }
        Map<Persona, Double> out = new EnumMap<>(Persona.class);
        sums.forEach((p, s) -> out.put(p, s[0] / s[1]));
        return out;
    }

    @Test
    void lifeStagesShapeTheMoneyFeatures() {
        CategoricalColumn stage = table.categorical(CustomerColumns.TRUE_LIFE_STAGE);
        NumericColumn income = table.numeric(CustomerColumns.MONTHLY_INCOME);
        NumericColumn age = table.numeric(CustomerColumns.AGE);
        Map<String, double[]> sums = new java.util.TreeMap<>();
        for (int r = 0; r < ROWS; r++) {
            double[] s = sums.computeIfAbsent(stage.level(r), k -> new double[3]);
            s[0] += income.value(r);
            s[1] += age.value(r);
            s[2]++;
        }
        double affluentIncome = sums.get("affluent")[0] / sums.get("affluent")[2];
        double familyIncome = sums.get("established_family")[0] / sums.get("established_family")[2];
        double retireeAge = sums.get("retiree")[1] / sums.get("retiree")[2];
        double youngAge = sums.get("young_starter")[1] / sums.get("young_starter")[2];
        assertTrue(affluentIncome > 2 * familyIncome, affluentIncome + " vs " + familyIncome);
        assertTrue(retireeAge > 65 && youngAge < 30, retireeAge + " / " + youngAge);
    }
}
