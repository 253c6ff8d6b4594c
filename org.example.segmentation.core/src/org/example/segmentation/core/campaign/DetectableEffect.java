package org.example.segmentation.core.campaign;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Planning a campaign test on a conversion rate, with the normal approximation of the two-sided two-proportion
 * z-test and the base rate's variance {@code p(1-p)} in both groups.
 *
 * <p>With {@code z = z_{1-alpha/2} + z_{power}} (2.801585 for alpha 0.05 and power 0.8):
 * <ul>
 * <li>minimum detectable effect (absolute): {@code mde = z · sqrt(p(1-p) · (1/n_t + 1/n_c))};</li>
 * <li>for a target effect {@code delta} in {@code n} customers, the smallest control share {@code s} with
 * {@code mde(n(1-s), n·s) <= delta}: with {@code K = n·delta² / (z²·p(1-p))} this needs {@code s(1-s) >= 1/K},
 * so {@code s = (1 - sqrt(1 - 4/K)) / 2}; impossible when {@code K < 4}, that is when even a 50/50 split is too
 * small, which needs {@code n >= 4·z²·p(1-p)/delta²} customers.</li>
 * </ul>
 * The formula ignores that the treated rate differs from the base rate under the alternative; for effects
 * small relative to {@code p(1-p)} the difference is negligible.
 */
final class DetectableEffect {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private DetectableEffect() {
    }

    /** {@code z_{1-alpha/2} + z_{power}}. */
    static double z(double alpha, double power) {
        return STANDARD_NORMAL.inverseSurvivalProbability(alpha / 2)
                + STANDARD_NORMAL.inverseCumulativeProbability(power);
    }

    /** The minimum detectable absolute effect; NaN when a group is empty. */
    static double minimumEffect(double baseRate, long treated, long control, double alpha, double power) {
        if (treated <= 0 || control <= 0) {
            return Double.NaN;
        }
        return z(alpha, power) * Math.sqrt(baseRate * (1 - baseRate) * (1.0 / treated + 1.0 / control));
    }

    /** The smallest control share that detects {@code effect} in {@code customers}; NaN when impossible. */
    static double controlShareNeeded(double baseRate, long customers, double effect, double alpha, double power) {
        double z = z(alpha, power);
        double k = customers * effect * effect / (z * z * baseRate * (1 - baseRate));
        if (!(k >= 4)) {
            return Double.NaN;
        }
        return (1 - Math.sqrt(1 - 4 / k)) / 2;
    }

    /** The fewest customers in which a 50/50 split detects {@code effect}: {@code 4·z²·p(1-p)/effect²}. */
    static double customersNeeded(double baseRate, double effect, double alpha, double power) {
        double z = z(alpha, power);
        return 4 * z * z * baseRate * (1 - baseRate) / (effect * effect);
    }
}
