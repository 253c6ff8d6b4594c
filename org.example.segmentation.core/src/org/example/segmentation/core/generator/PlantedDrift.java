package org.example.segmentation.core.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ground truth of snapshot 2: the same customer base one month later, after a digital push (an app
 * campaign, a WhatsApp launch, branch closures).
 *
 * <p><b>Customers.</b> Exactly {@code round(5% of the month-1 customers)} are gone and exactly
 * {@code round(6%)} are new, numbered on from the largest month-1 number; the others keep their identifier
 * ({@link #turnover}).
 *
 * <p><b>Personas.</b> Each analog becomes a mainstreamer with probability {@value #ANALOG_TO_MAINSTREAMER}
 * and each mainstreamer a nomad with probability {@value #MAINSTREAMER_TO_NOMAD}; a migrating customer gets
 * new latent capability and trust from the new persona ({@link #expectedPersonaShares}).
 *
 * <p><b>Drifted features</b> ({@link #driftedFeatures()}): follow the month-2 persona and a campaign effect
 * on every customer. Their expected change combines both.
 *
 * <p><b>Stable features</b> ({@link #stableFeatures()}): every other feature. They are functions of the
 * customer's month-1 latent values (habits do not move in a month) redrawn with month-2 noise, and the gone
 * and new customers are drawn from the same population, so their month-2 distribution equals month 1
 * exactly. There is no ageing: {@code age} and {@code tenure_months} of a staying customer are as in month 1
 * (a month of tenure for everyone would be a real, if tiny, drift).
 *
 * <p>The drift is large on purpose: with the usual population stability index on month-1 deciles, every
 * drifted feature scores at least 0.15 (app logins about 0.23) while every stable feature scores below 0.002,
 * so any sensible threshold separates them. (A +35% mean shift of a count scores only about 0.04.)
 */
public final class PlantedDrift {
    /** Share of month-1 customers gone in month 2. */
    public static final double GONE_SHARE = 0.05;
    /** New customers in month 2, as a share of the month-1 customers. */
    public static final double NEW_SHARE = 0.06;
    /** Probability that an analog is a mainstreamer in month 2. */
    public static final double ANALOG_TO_MAINSTREAMER = 0.20;
    /** Probability that a mainstreamer is a nomad in month 2. */
    public static final double MAINSTREAMER_TO_NOMAD = 0.10;
    /** Campaign factor on every customer's expected app logins in month 2. */
    public static final double APP_LOGINS_CAMPAIGN = 2.0;
    /** Campaign factor on every customer's expected digital payments in month 2. */
    public static final double DIGITAL_PAYMENTS_CAMPAIGN = 1.76;
    /** Campaign factor on every customer's expected branch visits in month 2 (branch closures). */
    public static final double BRANCH_VISITS_CAMPAIGN = 0.51;
    /** Probability that a customer not opted in to WhatsApp opts in during month 2. */
    public static final double WHATSAPP_CONVERSION = 0.268;

    /** How a feature's change is measured. */
    public enum Measure {
        /** {@code mean(month 2) / mean(month 1) - 1}. */
        RELATIVE_MEAN_CHANGE,
        /** {@code share(month 2) - share(month 1)} of the value 1, in share units (0.10 = 10 points). */
        SHARE_CHANGE
    }

    /**
     * One planted feature drift.
     *
     * @param feature        the column
     * @param measure        how the change is measured
     * @param expectedChange the expected change (population value; a sample of n rows deviates by sampling
     *                       error)
     * @param campaignEffect the per-customer campaign factor (or conversion probability for a share)
     * @param cause          one line in words
     */
    public record FeatureDrift(String feature, Measure measure, double expectedChange, double campaignEffect,
            String cause) {
    }

    /*
     * The expected changes were measured on 4 million customers (sampling error about 0.1%): the campaign
     * factor times the effect of the persona migration (app logins x1.097, digital payments x1.077, branch
     * visits x0.882, WhatsApp +1.9 points).
     */
    private static final List<FeatureDrift> DRIFTED = List.of(
            new FeatureDrift(CustomerColumns.APP_LOGINS_30D, Measure.RELATIVE_MEAN_CHANGE, 1.19,
                    APP_LOGINS_CAMPAIGN, "app relaunch (x2 for everyone) and analogs and mainstreamers moving up "
                            + "the grid"),
            new FeatureDrift(CustomerColumns.DIGITAL_PAYMENTS_30D, Measure.RELATIVE_MEAN_CHANGE, 0.896,
                    DIGITAL_PAYMENTS_CAMPAIGN, "wallet campaign (x1.76 for everyone) and the persona migration"),
            new FeatureDrift(CustomerColumns.BRANCH_VISITS_90D, Measure.RELATIVE_MEAN_CHANGE, -0.549,
                    BRANCH_VISITS_CAMPAIGN, "branch closures (x0.51 for everyone) and the persona migration"),
            new FeatureDrift(CustomerColumns.WHATSAPP_OPT_IN, Measure.SHARE_CHANGE, 0.196, WHATSAPP_CONVERSION,
                    "WhatsApp launch (26.8% of those not opted in opt in) and the persona migration"));

    private PlantedDrift() {
    }

    /** The drifted features with their expected changes. */
    public static List<FeatureDrift> driftedFeatures() {
        return DRIFTED;
    }

    /** The names of the drifted features. */
    public static List<String> driftedFeatureNames() {
        List<String> out = new ArrayList<>();
        for (FeatureDrift d : DRIFTED) {
            out.add(d.feature());
        }
        return Collections.unmodifiableList(out);
    }

    /** Every feature of {@link CustomerColumns#FEATURES} that is not drifted, in table order. */
    public static List<String> stableFeatures() {
        List<String> out = new ArrayList<>(CustomerColumns.FEATURES);
        out.removeAll(driftedFeatureNames());
        return Collections.unmodifiableList(out);
    }

    /** The expected persona shares in snapshot 1 or 2 (month 2 after migration; gone and new do not change it). */
    public static Map<Persona, Double> expectedPersonaShares(int snapshot) {
        if (snapshot != 1 && snapshot != 2) {
            throw new IllegalArgumentException("snapshot must be 1 or 2, got " + snapshot);
        }
        Map<Persona, Double> out = new EnumMap<>(Persona.class);
        for (Persona p : Persona.values()) {
            out.put(p, p.share());
        }
        if (snapshot == 2) {
            double a = Persona.ANALOG.share() * ANALOG_TO_MAINSTREAMER;
            double m = Persona.MAINSTREAMER.share() * MAINSTREAMER_TO_NOMAD;
            out.put(Persona.ANALOG, Persona.ANALOG.share() - a);
            out.put(Persona.MAINSTREAMER, Persona.MAINSTREAMER.share() + a - m);
            out.put(Persona.NOMAD, Persona.NOMAD.share() + m);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Who stays, leaves and arrives between the months.
     *
     * @param month1Customers       distinct customers in snapshot 1 (its rows minus duplicates)
     * @param gone                  month-1 customers absent from snapshot 2
     * @param added                 new customers in snapshot 2
     * @param month2Customers       distinct customers in snapshot 2
     * @param firstNewCustomer      the number of the first new customer ({@code month1Customers + 1})
     * @param month2Rows            rows of the snapshot-2 table (customers plus duplicates)
     */
    public record Turnover(int month1Customers, int gone, int added, int month2Customers, int firstNewCustomer,
            int month2Rows) {
    }

    /** The exact turnover for a configuration (its snapshot does not matter). */
    public static Turnover turnover(GeneratorConfig config) {
        RowLayout two = RowLayout.counts(config.withSnapshot(2));
        return new Turnover(two.month1Customers(), two.gone(), two.added(), two.originals(),
                two.month1Customers() + 1, two.rows());
    }
}
