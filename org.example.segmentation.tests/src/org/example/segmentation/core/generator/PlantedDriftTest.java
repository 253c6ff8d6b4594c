package org.example.segmentation.core.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Snapshot 2 against snapshot 1 on 50,000 customers.
 *
 * <p>Tolerances: over 12 seeds at 50,000 rows the measured changes of the drifted features vary with a
 * standard deviation below 0.006 (relative mean change) and 0.002 (share change), and the standardised mean
 * differences of the stable features stay within 0.01. The tolerances below are five or more of those
 * standard deviations, so a failure means the planted drift is wrong, not that the sample was unlucky.
 */
class PlantedDriftTest {
    private static final int ROWS = 50_000;
    private static final long SEED = 31;
    private static Table month1;
    private static Table month2;
    private static Map<String, Integer> month1Row;

    @BeforeAll
    static void generate() {
        GeneratorConfig config = new GeneratorConfig(ROWS, SEED, 1, true, false);
        month1 = CustomerGenerator.generate(config, Progress.NONE);
        month2 = CustomerGenerator.generate(config.withSnapshot(2), Progress.NONE);
        month1Row = new HashMap<>();
        TextColumn ids = month1.text(CustomerColumns.CUSTOMER_ID);
        for (int r = 0; r < ids.size(); r++) {
            month1Row.put(ids.value(r), r);
        }
    }

    @Test
    void customersGoneAndNewInTheStatedShares() {
        PlantedDrift.Turnover turnover = PlantedDrift.turnover(new GeneratorConfig(ROWS, SEED, 1, false, false));
        assertEquals(new PlantedDrift.Turnover(50_000, 2_500, 3_000, 50_500, 50_001, 50_500), turnover);
        assertEquals(50_500, month2.rowCount());

        TextColumn ids2 = month2.text(CustomerColumns.CUSTOMER_ID);
        Set<String> stayers = new HashSet<>();
        Set<String> added = new HashSet<>();
        for (int r = 0; r < ids2.size(); r++) {
            String id = ids2.value(r);
            (month1Row.containsKey(id) ? stayers : added).add(id);
        }
        assertEquals(47_500, stayers.size());
        assertEquals(3_000, added.size());
        for (int n = 50_001; n <= 53_000; n++) {
            assertTrue(added.contains(CustomerGenerator.customerId(n)), "new customer " + n);
        }
        // Stayers keep their order; the new customers follow.
        assertEquals(CustomerGenerator.customerId(50_001), ids2.value(47_500));
        for (int r = 1; r < 47_500; r++) {
            assertTrue(ids2.value(r).compareTo(ids2.value(r - 1)) > 0);
        }
    }

    @Test
    void turnoverWithDuplicates() {
        GeneratorConfig config = new GeneratorConfig(20_000, 8, 2, false, true);
        PlantedDrift.Turnover turnover = PlantedDrift.turnover(config);
        assertEquals(new PlantedDrift.Turnover(19_900, 995, 1_194, 20_099, 19_901, 20_200), turnover);
        Table t = CustomerGenerator.generate(config, Progress.NONE);
        assertEquals(turnover.month2Rows(), t.rowCount());
        assertEquals(PlantedProblems.of(config).duplicateRows(), t.rowCount() - turnover.month2Customers());
        Set<String> distinct = new HashSet<>(Arrays.asList(t.text(CustomerColumns.CUSTOMER_ID).toArray()));
        assertEquals(turnover.month2Customers(), distinct.size());
    }

    @Test
    void stayersAreTheSameCustomers() {
        CategoricalColumn persona1 = month1.categorical(CustomerColumns.TRUE_PERSONA);
        CategoricalColumn persona2 = month2.categorical(CustomerColumns.TRUE_PERSONA);
        TextColumn ids2 = month2.text(CustomerColumns.CUSTOMER_ID);
        List<String> sameValue = List.of(CustomerColumns.TRUE_LIFE_STAGE, CustomerColumns.GENDER,
                CustomerColumns.REGION, CustomerColumns.MONTHLY_INCOME, CustomerColumns.AGE,
                CustomerColumns.TENURE_MONTHS, CustomerColumns.PRODUCTS_HELD, CustomerColumns.MARKETING_CONSENT,
                CustomerColumns.THIRD_PARTY_CONSENT, CustomerColumns.PROFILE_COMPLETENESS,
                CustomerColumns.PREFERRED_CHANNEL);
        NumericColumn whatsapp1 = month1.numeric(CustomerColumns.WHATSAPP_OPT_IN);
        NumericColumn whatsapp2 = month2.numeric(CustomerColumns.WHATSAPP_OPT_IN);
        int analogs = 0;
        int analogsMoved = 0;
        int mainstreamers = 0;
        int mainstreamersMoved = 0;
        for (int r2 = 0; r2 < month2.rowCount(); r2++) {
            Integer r1 = month1Row.get(ids2.value(r2));
            if (r1 == null) {
                continue;
            }
            for (String column : sameValue) {
                assertEquals(month1.column(column).format(r1), month2.column(column).format(r2), column);
            }
            assertTrue(whatsapp2.value(r2) >= whatsapp1.value(r1), "opting in to WhatsApp is sticky");
            Persona before = Persona.ofKey(persona1.level(r1));
            Persona after = Persona.ofKey(persona2.level(r2));
            if (before == Persona.ANALOG) {
                analogs++;
                if (after != before) {
                    assertEquals(Persona.MAINSTREAMER, after);
                    analogsMoved++;
                }
            } else if (before == Persona.MAINSTREAMER) {
                mainstreamers++;
                if (after != before) {
                    assertEquals(Persona.NOMAD, after);
                    mainstreamersMoved++;
                }
            } else {
                assertEquals(before, after);
            }
            if (before == after) {
                for (String latent : List.of(CustomerColumns.TRUE_CAPABILITY, CustomerColumns.TRUE_TRUST)) {
                    assertEquals(month1.column(latent).format(r1), month2.column(latent).format(r2), latent);
                }
            }
        }
        // Binomial standard errors: 0.0047 (about 7,100 analogs) and 0.0027 (about 11,900 mainstreamers).
        assertEquals(PlantedDrift.ANALOG_TO_MAINSTREAMER, analogsMoved / (double) analogs, 0.02);
        assertEquals(PlantedDrift.MAINSTREAMER_TO_NOMAD, mainstreamersMoved / (double) mainstreamers, 0.015);
    }

    @Test
    void personaSharesChangeAsStated() {
        Map<String, Integer> counts = month2.categorical(CustomerColumns.TRUE_PERSONA).summary().levelCounts();
        Map<Persona, Double> expected = PlantedDrift.expectedPersonaShares(2);
        assertEquals(0.12, expected.get(Persona.ANALOG), 1e-12);
        assertEquals(0.255, expected.get(Persona.MAINSTREAMER), 1e-12);
        assertEquals(0.175, expected.get(Persona.NOMAD), 1e-12);
        for (Persona p : Persona.values()) {
            assertEquals(expected.get(p), counts.get(p.key()) / (double) month2.rowCount(), 0.01, p.key());
        }
    }

    @Test
    void driftedFeaturesShiftByTheStatedAmounts() {
        assertEquals(List.of(CustomerColumns.APP_LOGINS_30D, CustomerColumns.DIGITAL_PAYMENTS_30D,
                CustomerColumns.BRANCH_VISITS_90D, CustomerColumns.WHATSAPP_OPT_IN), PlantedDrift.driftedFeatureNames());
        for (PlantedDrift.FeatureDrift d : PlantedDrift.driftedFeatures()) {
            double m1 = TableAssertions.mean(month1.numeric(d.feature()));
            double m2 = TableAssertions.mean(month2.numeric(d.feature()));
            if (d.measure() == PlantedDrift.Measure.RELATIVE_MEAN_CHANGE) {
                assertEquals(d.expectedChange(), m2 / m1 - 1, 0.03, d.feature());
            } else {
                assertEquals(d.expectedChange(), m2 - m1, 0.015, d.feature());
            }
            double psi = psi(month1.numeric(d.feature()), month2.numeric(d.feature()));
            assertTrue(psi > 0.12, d.feature() + " PSI " + psi);
        }
    }

    /** Customers who stay and keep their persona show exactly the campaign factor, in expectation. */
    @Test
    void campaignEffectOnCustomersWhoKeepTheirPersona() {
        CategoricalColumn persona1 = month1.categorical(CustomerColumns.TRUE_PERSONA);
        CategoricalColumn persona2 = month2.categorical(CustomerColumns.TRUE_PERSONA);
        TextColumn ids2 = month2.text(CustomerColumns.CUSTOMER_ID);
        Map<String, Double> factors = Map.of(CustomerColumns.APP_LOGINS_30D, PlantedDrift.APP_LOGINS_CAMPAIGN,
                CustomerColumns.DIGITAL_PAYMENTS_30D, PlantedDrift.DIGITAL_PAYMENTS_CAMPAIGN,
                CustomerColumns.BRANCH_VISITS_90D, PlantedDrift.BRANCH_VISITS_CAMPAIGN);
        for (Map.Entry<String, Double> e : factors.entrySet()) {
            NumericColumn v1 = month1.numeric(e.getKey());
            NumericColumn v2 = month2.numeric(e.getKey());
            double s1 = 0;
            double s2 = 0;
            for (int r2 = 0; r2 < month2.rowCount(); r2++) {
                Integer r1 = month1Row.get(ids2.value(r2));
                if (r1 != null && persona1.level(r1).equals(persona2.level(r2))) {
                    s1 += v1.value(r1);
                    s2 += v2.value(r2);
                }
            }
            assertEquals(e.getValue(), s2 / s1, 0.04 * e.getValue(), e.getKey());
        }
    }

    @Test
    void stableFeaturesDoNotMove() {
        assertEquals(19, PlantedDrift.stableFeatures().size());
        for (String f : PlantedDrift.stableFeatures()) {
            Column c1 = month1.column(f);
            if (c1 instanceof NumericColumn n1) {
                NumericColumn n2 = month2.numeric(f);
                double m1 = TableAssertions.mean(n1);
                double m2 = TableAssertions.mean(n2);
                double sd = TableAssertions.sd(n1);
                assertTrue(Math.abs(m2 - m1) < 0.02 * sd, f + ": mean " + m1 + " -> " + m2 + ", sd " + sd);
                if (Math.abs(m1) > sd / 2) {
                    assertTrue(Math.abs(m2 / m1 - 1) < 0.03, f + ": relative change " + (m2 / m1 - 1));
                }
                double psi = psi(n1, n2);
                assertTrue(psi < 0.01, f + " PSI " + psi);
            } else {
                Map<String, Integer> a = ((CategoricalColumn) c1).summary().levelCounts();
                Map<String, Integer> b = month2.categorical(f).summary().levelCounts();
                assertEquals(a.keySet(), b.keySet(), f);
                for (String level : a.keySet()) {
                    double pa = a.get(level) / (double) month1.rowCount();
                    double pb = b.get(level) / (double) month2.rowCount();
                    assertEquals(pa, pb, 0.01, f + " = " + level);
                }
            }
        }
    }

    @Test
    void driftedAndStableCoverTheFeatures() {
        Set<String> all = new HashSet<>(PlantedDrift.driftedFeatureNames());
        all.addAll(PlantedDrift.stableFeatures());
        assertEquals(new HashSet<>(CustomerColumns.FEATURES), all);
        assertFalse(PlantedDrift.stableFeatures().contains(CustomerColumns.APP_LOGINS_30D));
    }

    /**
     * Population stability index over the deciles of month 1 (the usual definition; shares floored at 1e-4).
     * Ties put a decile edge on a repeated value; a value equal to an edge goes to the lower bin.
     */
    static double psi(NumericColumn reference, NumericColumn current) {
        double[] sorted = reference.toArray();
        Arrays.sort(sorted);
        double[] edges = new double[9];
        for (int i = 1; i < 10; i++) {
            edges[i - 1] = sorted[(int) ((long) i * sorted.length / 10)];
        }
        edges = Arrays.stream(edges).distinct().toArray();
        double[] a = shares(reference, edges);
        double[] b = shares(current, edges);
        double psi = 0;
        for (int i = 0; i < a.length; i++) {
            double pa = Math.max(a[i], 1e-4);
            double pb = Math.max(b[i], 1e-4);
            psi += (pb - pa) * Math.log(pb / pa);
        }
        return psi;
    }

    private static double[] shares(NumericColumn c, double[] edges) {
        double[] out = new double[edges.length + 1];
        for (int r = 0; r < c.size(); r++) {
            int k = Arrays.binarySearch(edges, c.value(r));
            out[k >= 0 ? k : -k - 1]++;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= c.size();
        }
        return out;
    }
}
