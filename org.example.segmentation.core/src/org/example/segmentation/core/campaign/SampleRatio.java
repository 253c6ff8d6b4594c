package org.example.segmentation.core.campaign;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The sample-ratio-mismatch (SRM) test: Pearson's chi-square goodness-of-fit test of a realised two-way split
 * against the planned share, one degree of freedom:
 * {@code chi² = (c - s·n)²/(s·n) + (t - (1-s)·n)²/((1-s)·n)} with {@code n = c + t} customers, {@code c} of them
 * in the planned-share group, and {@code p = P(chi²_1 > chi²)}. A tiny p-value (the readout warns below
 * 0.001) means the split is not what was planned: customers went missing from one group, or the assignment
 * was not applied as designed, and the lift cannot be trusted.
 */
final class SampleRatio {
    private static final ChiSquaredDistribution CHI_SQUARED_1 = ChiSquaredDistribution.of(1);

    private SampleRatio() {
    }

    /** The statistic and its p-value; both NaN for {@code n = 0}. */
    record Result(double chiSquare, double pValue) {
    }

    /**
     * @param inShare  customers in the group planned to get {@code share}
     * @param others   the other customers
     * @param share    the planned share of the first group, greater than 0 and less than 1
     */
    static Result test(long inShare, long others, double share) {
        long n = inShare + others;
        if (n <= 0) {
            return new Result(Double.NaN, Double.NaN);
        }
        double e1 = share * n;
        double e2 = (1 - share) * n;
        double chi = (inShare - e1) * (inShare - e1) / e1 + (others - e2) * (others - e2) / e2;
        return new Result(chi, CHI_SQUARED_1.survivalProbability(chi));
    }
}
