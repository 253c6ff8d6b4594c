package org.example.segmentation.core.campaign;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Intervals and the test for a difference of two proportions, {@code p1 = x1/n1} (treated) minus
 * {@code p2 = x2/n2} (control).
 *
 * <ul>
 * <li>{@link #wilson}: Wilson's score interval for one proportion, {@code (p + z²/2n ± z·sqrt(p(1-p)/n +
 * z²/4n²)) / (1 + z²/n)}; defined for {@code x = 0} and {@code x = n}, never outside [0, 1].</li>
 * <li>{@link #newcombe}: Newcombe's hybrid score interval for {@code p1 - p2} (method 10 of R. G. Newcombe,
 * "Interval estimation for the difference between independent proportions: comparison of eleven methods",
 * Statistics in Medicine 17 (1998) 873-890): with the Wilson intervals {@code (l1, u1)} and {@code (l2, u2)},
 * {@code L = d - sqrt((p1-l1)² + (u2-p2)²)} and {@code U = d + sqrt((u1-p1)² + (p2-l2)²)}, where
 * {@code d = p1 - p2}.</li>
 * <li>{@link #pooledZ}: the pooled two-proportion z statistic {@code (p1 - p2) / sqrt(p(1-p)(1/n1 + 1/n2))}
 * with {@code p = (x1 + x2)/(n1 + n2)}; its two-sided p-value equals that of Pearson's chi-square test of the
 * 2x2 table without continuity correction. The interval and the test are different methods and may disagree
 * on significance right at the boundary.</li>
 * </ul>
 */
final class Proportions {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Proportions() {
    }

    /** An interval; {@code NaN} bounds when undefined. */
    record Interval(double low, double high) {
    }

    /** The two-sided standard normal quantile for {@code confidence}: 1.959964 for 0.95. */
    static double z(double confidence) {
        return STANDARD_NORMAL.inverseSurvivalProbability((1 - confidence) / 2);
    }

    /** The two-sided p-value of a standard normal statistic, {@code 2·P(Z > |z|)}; NaN for NaN. */
    static double twoSidedP(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    }

    /** Wilson's score interval for {@code x} successes in {@code n} trials; NaN bounds for {@code n = 0}. */
    static Interval wilson(long x, long n, double z) {
        if (n <= 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double p = (double) x / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        // At x = 0 (x = n) the lower (upper) bound is exactly 0 (1); rounding would leave 1e-17.
        return new Interval(x == 0 ? 0 : Math.max(0, centre - half), x == n ? 1 : Math.min(1, centre + half));
    }

    /**
     * Newcombe's hybrid score interval (method 10) for {@code x1/n1 - x2/n2}; NaN bounds when a group is
     * empty.
     */
    static Interval newcombe(long x1, long n1, long x2, long n2, double z) {
        if (n1 <= 0 || n2 <= 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        Interval w1 = wilson(x1, n1, z);
        Interval w2 = wilson(x2, n2, z);
        double d = p1 - p2;
        double low = d - Math.sqrt(square(p1 - w1.low()) + square(w2.high() - p2));
        double high = d + Math.sqrt(square(w1.high() - p1) + square(p2 - w2.low()));
        return new Interval(low, high);
    }

    /**
     * The pooled two-proportion z statistic. NaN when a group is empty; 0 when no one (or everyone)
     * converted in both groups, where the rates are equal and the statistic's denominator is 0.
     */
    static double pooledZ(long x1, long n1, long x2, long n2) {
        if (n1 <= 0 || n2 <= 0) {
            return Double.NaN;
        }
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
        double d = (double) x1 / n1 - (double) x2 / n2;
        if (variance <= 0) {
            return 0;
        }
        return d / Math.sqrt(variance);
    }

    private static double square(double v) {
        return v * v;
    }
}
