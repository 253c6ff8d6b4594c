package org.example.segmentation.core.generator;

import java.util.Locale;

/**
 * The planted digital personas: six regions of the digital capability x trust grid. Every customer belongs to
 * exactly one; the truth columns {@code true_persona}, {@code true_capability} and {@code true_trust} hold it.
 *
 * <p>A customer's latent capability and trust (0..100) are drawn from a normal distribution around the
 * persona's centre with standard deviation {@value #LATENT_SD}, truncated to {@code centre +- }{@value
 * #LATENT_HALF_WIDTH}. The six resulting rectangles do not overlap, so the persona is a function of the
 * latent pair: a capability x trust grid classifier can match the truth exactly on the latent values.
 */
public enum Persona {
    /** Low capability, low trust: branch and phone, cash and paper. */
    ANALOG(0.15, 20, 25),
    /** Low-to-middle capability, eager and trusting: would like to be digital, needs help. */
    WANNABE(0.15, 35, 75),
    /** Middle capability, middle trust: uses the app for the basics. */
    MAINSTREAMER(0.25, 50, 50),
    /** Capable but distrustful: web over app, few consents, guards its data. */
    PARANOID(0.15, 75, 20),
    /** Capable, selectively trusting: picks the channel per task. */
    CHAMELEON(0.15, 80, 50),
    /** Capable and trusting: lives in the app, opts in, pays digitally. */
    NOMAD(0.15, 85, 80);

    /** Standard deviation of the latent capability and trust around a persona's centre (0..100 scale). */
    public static final double LATENT_SD = 6;
    /** Latent values are truncated to {@code centre +- LATENT_HALF_WIDTH}. */
    public static final double LATENT_HALF_WIDTH = 12;

    private final String key = name().toLowerCase(Locale.ROOT);
    private final double share;
    private final double capabilityCentre;
    private final double trustCentre;

    Persona(double share, double capabilityCentre, double trustCentre) {
        this.share = share;
        this.capabilityCentre = capabilityCentre;
        this.trustCentre = trustCentre;
    }

    /** The value in the truth column: {@code analog}, {@code wannabe}, ... */
    public String key() {
        return key;
    }

    /** The expected share of customers in month 1 (the shares sum to 1). */
    public double share() {
        return share;
    }

    /** Centre of the latent digital capability, 0..100. */
    public double capabilityCentre() {
        return capabilityCentre;
    }

    /** Centre of the latent trust, 0..100. */
    public double trustCentre() {
        return trustCentre;
    }

    /** Lowest possible latent capability of this persona. */
    public double capabilityMin() {
        return capabilityCentre - LATENT_HALF_WIDTH;
    }

    /** Highest possible latent capability of this persona. */
    public double capabilityMax() {
        return capabilityCentre + LATENT_HALF_WIDTH;
    }

    /** Lowest possible latent trust of this persona. */
    public double trustMin() {
        return trustCentre - LATENT_HALF_WIDTH;
    }

    /** Highest possible latent trust of this persona. */
    public double trustMax() {
        return trustCentre + LATENT_HALF_WIDTH;
    }

    /**
     * The persona of a key as written in the truth column (case-insensitive).
     *
     * @throws IllegalArgumentException naming the key and the known ones
     */
    public static Persona ofKey(String key) {
        for (Persona p : values()) {
            if (p.key().equalsIgnoreCase(key == null ? "" : key.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("persona '" + key + "' is not known; expected one of analog, wannabe, "
                + "mainstreamer, paranoid, chameleon, nomad");
    }
}
