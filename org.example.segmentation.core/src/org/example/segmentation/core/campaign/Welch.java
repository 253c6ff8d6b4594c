package org.example.segmentation.core.campaign;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Welch's unequal-variance t-test and interval for a difference of two means, {@code m1 - m2} (treated minus
 * control), from each group's mean, sample variance (divisor n - 1) and size.
 *
 * <p>{@code se = sqrt(v1/n1 + v2/n2)}; Welch-Satterthwaite degrees of freedom {@code df = se⁴ / ((v1/n1)²/(n1-1) +
 * (v2/n2)²/(n2-1))}; {@code t = (m1 - m2) / se}; two-sided {@code p = 2·P(T_df > |t|)}; interval
 * {@code (m1 - m2) ± t_{df, 1-(1-confidence)/2}·se}.
 *
 * <p>Edge cases: fewer than 2 values in a group gives NaN everywhere but the difference (no variance).
 * When both groups are constant ({@code se = 0}) there is no sampling variation to test against: equal means
 * give {@code t = 0}, {@code p = 1} and the interval [0, 0]; different means give {@code t = ±∞}, {@code p = 0}
 * and the interval [d, d]; df is NaN in both cases.
 */
final class Welch {
    private Welch() {
    }

    /** The test's results; see the class description for NaN cases. */
    record Result(double difference, double standardError, double degreesOfFreedom, double t, double pValue,
            double low, double high) {
    }

    static Result test(double mean1, double variance1, long n1, double mean2, double variance2, long n2,
            double confidence) {
        double d = mean1 - mean2;
        if (n1 < 2 || n2 < 2) {
            return new Result(n1 > 0 && n2 > 0 ? d : Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        double a = variance1 / n1;
        double b = variance2 / n2;
        double se = Math.sqrt(a + b);
        if (se == 0) {
            if (d == 0) {
                return new Result(d, 0, Double.NaN, 0, 1, 0, 0);
            }
            return new Result(d, 0, Double.NaN, Math.copySign(Double.POSITIVE_INFINITY, d), 0, d, d);
        }
        double df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
        TDistribution t = TDistribution.of(df);
        double stat = d / se;
        double p = Math.min(1, 2 * t.survivalProbability(Math.abs(stat)));
        double q = t.inverseSurvivalProbability((1 - confidence) / 2);
        return new Result(d, se, df, stat, p, d - q * se, d + q * se);
    }
}
