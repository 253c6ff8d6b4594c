package org.example.segmentation.core.campaign;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;

/**
 * Covariate balance between treatment and control: the standardised mean difference (SMD), treatment minus
 * control, per stratum and overall (all non-holdout customers pooled).
 *
 * <ul>
 * <li>Numeric covariate: {@code (mean_t - mean_c) / sqrt((s_t² + s_c²)/2)} with sample variances (divisor
 * n - 1); missing values are left out. NaN when a group has fewer than 2 values.</li>
 * <li>Categorical covariate: each level as a 0/1 indicator, {@code (p_t - p_c) / sqrt((p_t(1-p_t) +
 * p_c(1-p_c))/2)} (Austin 2009, for a binary variable); the reported SMD is the level's with the largest
 * absolute value, with its sign. Missing values are left out. NaN when a group has no value.</li>
 * <li>A zero denominator (both groups constant): 0 when the means are equal, else ±infinity (flagged).</li>
 * </ul>
 */
final class Balance {
    private Balance() {
    }

    /**
     * How much the SMD of a covariate varies between purely random splits of these group sizes: its approximate
     * standard deviation {@code sqrt(1/n_t + 1/n_c)} (for a numeric covariate, from the variance of a difference of
     * means in units of the standard deviation). In a stratum with 25 control customers it is about 0.2, so an
     * |SMD| above 0.1 there is common by chance alone. NaN when a group is empty.
     */
    static double chance(long nT, long nC) {
        return nT < 1 || nC < 1 ? Double.NaN : Math.sqrt(1.0 / nT + 1.0 / nC);
    }

    /** The numeric SMD from each group's mean, sample variance and size. */
    static double numeric(double meanT, double varT, long nT, double meanC, double varC, long nC) {
        if (nT < 2 || nC < 2) {
            return Double.NaN;
        }
        return ratio(meanT - meanC, Math.sqrt((varT + varC) / 2));
    }

    /** The SMD of an indicator with share {@code pT} of {@code nT} and {@code pC} of {@code nC}. */
    static double proportion(double pT, long nT, double pC, long nC) {
        if (nT < 1 || nC < 1) {
            return Double.NaN;
        }
        return ratio(pT - pC, Math.sqrt((pT * (1 - pT) + pC * (1 - pC)) / 2));
    }

    private static double ratio(double difference, double sd) {
        if (sd == 0 || Double.isNaN(sd)) {
            if (Double.isNaN(sd) || Double.isNaN(difference)) {
                return Double.NaN;
            }
            return difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
        }
        return difference / sd;
    }

    /**
     * The SMD of {@code covariate} in every stratum, then overall.
     *
     * @param stratumOf the stratum of every row
     * @param strata    the number of strata
     * @param groups    every row's group; holdout rows are left out
     * @return {@code strata + 1} values, the last one overall
     * @throws InputException when the covariate is a text column
     */
    static double[] smd(Column covariate, int[] stratumOf, int strata, Group[] groups) {
        if (covariate instanceof NumericColumn c) {
            return numeric(c, stratumOf, strata, groups);
        }
        if (covariate instanceof CategoricalColumn c) {
            return categorical(c, stratumOf, strata, groups);
        }
        throw new InputException("control setting '" + ControlGroupConfig.KEY_BALANCE_COVARIATES + "': column '"
                + covariate.name() + "' is a text column; balance is checked for numeric and categorical columns");
    }

    private static int side(Group g) {
        return g == Group.TREATMENT ? 0 : g == Group.CONTROL ? 1 : -1;
    }

    private static double[] numeric(NumericColumn c, int[] stratumOf, int strata, Group[] groups) {
        int slots = strata + 1;
        long[][] n = new long[slots][2];
        double[][] sum = new double[slots][2];
        for (int i = 0; i < groups.length; i++) {
            int g = side(groups[i]);
            if (g < 0 || c.isMissing(i)) {
                continue;
            }
            double v = c.value(i);
            n[stratumOf[i]][g]++;
            sum[stratumOf[i]][g] += v;
            n[strata][g]++;
            sum[strata][g] += v;
        }
        double[][] mean = new double[slots][2];
        for (int s = 0; s < slots; s++) {
            for (int g = 0; g < 2; g++) {
                mean[s][g] = n[s][g] == 0 ? Double.NaN : sum[s][g] / n[s][g];
            }
        }
        double[][] squares = new double[slots][2];
        for (int i = 0; i < groups.length; i++) {
            int g = side(groups[i]);
            if (g < 0 || c.isMissing(i)) {
                continue;
            }
            double v = c.value(i);
            double d = v - mean[stratumOf[i]][g];
            squares[stratumOf[i]][g] += d * d;
            double o = v - mean[strata][g];
            squares[strata][g] += o * o;
        }
        double[] out = new double[slots];
        for (int s = 0; s < slots; s++) {
            double vt = n[s][0] > 1 ? squares[s][0] / (n[s][0] - 1) : Double.NaN;
            double vc = n[s][1] > 1 ? squares[s][1] / (n[s][1] - 1) : Double.NaN;
            out[s] = numeric(mean[s][0], vt, n[s][0], mean[s][1], vc, n[s][1]);
        }
        return out;
    }

    private static double[] categorical(CategoricalColumn c, int[] stratumOf, int strata, Group[] groups) {
        int slots = strata + 1;
        int levels = c.levelCount();
        long[][][] count = new long[slots][2][levels];
        long[][] n = new long[slots][2];
        for (int i = 0; i < groups.length; i++) {
            int g = side(groups[i]);
            int code = c.code(i);
            if (g < 0 || code == CategoricalColumn.MISSING) {
                continue;
            }
            count[stratumOf[i]][g][code]++;
            n[stratumOf[i]][g]++;
            count[strata][g][code]++;
            n[strata][g]++;
        }
        double[] out = new double[slots];
        for (int s = 0; s < slots; s++) {
            double worst = n[s][0] < 1 || n[s][1] < 1 ? Double.NaN : 0;
            for (int l = 0; l < levels && !Double.isNaN(worst); l++) {
                double d = proportion((double) count[s][0][l] / n[s][0], n[s][0], (double) count[s][1][l] / n[s][1],
                        n[s][1]);
                if (Math.abs(d) > Math.abs(worst)) {
                    worst = d;
                }
            }
            out[s] = worst;
        }
        return out;
    }
}
