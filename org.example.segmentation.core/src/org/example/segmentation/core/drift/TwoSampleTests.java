package org.example.segmentation.core.drift;

import java.util.Arrays;

import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * The two-sample tests and distances of the drift report, on Apache Commons Statistics.
 *
 * <p><b>Kolmogorov-Smirnov</b> on the two reservoir samples: statistic {@code D = sup |F_ref - F_cur|} (ties
 * handled by walking each tied block completely, so discrete counts are fine) and the two-sided p-value
 * {@code P(D >= d)}, Commons Statistics' default: exact (Viehmann's algorithm, about a millisecond for two samples
 * of 5,000) while both samples have fewer than 10,000 values, which the default {@code sample_size} guarantees;
 * above that from the one-sample Kolmogorov-Smirnov distribution at {@code n m / (n + m)}. Commons Math 3 switches
 * to the limiting Kolmogorov distribution already at {@code n m >= 10,000}; on samples of thousands the two agree
 * within 0.01 (and 5% relative for p-values above 1e-6; Commons Math's underflows to 0 below about 1e-16). With ties (counts) the
 * p-value is that of the observed D, which is conservative. Needs at least 2 values on each side, else NaN.
 *
 * <p><b>Chi-square</b> test of homogeneity of the two count vectors (the 2 x k contingency table, {@code k - 1}
 * degrees of freedom). Bins empty on both sides are left out first; with fewer than 2 bins left the two
 * distributions cannot differ (statistic 0, p-value 1). NaN when either side has no values.
 *
 * <p><b>Wasserstein-1</b> distance of the two samples' empirical distributions, {@code integral |F_ref - F_cur|
 * dx}, in the unit of the feature.
 */
final class TwoSampleTests {
    private static final KolmogorovSmirnovTest KS = KolmogorovSmirnovTest.withDefaults().with(PValueMethod.AUTO);

    /** A statistic and its p-value (both NaN when the test could not be computed). */
    record Result(double statistic, double pValue) {
        static final Result NONE = new Result(Double.NaN, Double.NaN);
    }

    private TwoSampleTests() {
    }

    static Result kolmogorovSmirnov(double[] reference, double[] current) {
        if (reference.length < 2 || current.length < 2) {
            return Result.NONE;
        }
        KolmogorovSmirnovTest.TwoResult r = KS.test(reference, current);
        return new Result(r.getStatistic(), r.getPValue());
    }

    static Result chiSquare(long[] reference, long[] current) {
        if (PopulationStability.sum(reference) == 0 || PopulationStability.sum(current) == 0) {
            return Result.NONE;
        }
        long[] a = new long[reference.length];
        long[] b = new long[current.length];
        int k = 0;
        for (int i = 0; i < reference.length; i++) {
            if (reference[i] + current[i] > 0) {
                a[k] = reference[i];
                b[k] = current[i];
                k++;
            }
        }
        if (k < 2) {
            return new Result(0, 1);
        }
        SignificanceResult r = ChiSquareTest.withDefaults().test(Arrays.copyOf(a, k), Arrays.copyOf(b, k));
        return new Result(r.getStatistic(), r.getPValue());
    }

    /** The Wasserstein-1 distance of two sorted, non-empty samples; NaN when one is empty. */
    static double wasserstein(double[] a, double[] b) {
        int n = a.length;
        int m = b.length;
        if (n == 0 || m == 0) {
            return Double.NaN;
        }
        int i = 0;
        int j = 0;
        double previous = Math.min(a[0], b[0]);
        double total = 0;
        while (i < n || j < m) {
            double z = i == n ? b[j] : j == m ? a[i] : Math.min(a[i], b[j]);
            total += Math.abs((double) i / n - (double) j / m) * (z - previous);
            while (i < n && a[i] == z) {
                i++;
            }
            while (j < m && b[j] == z) {
                j++;
            }
            previous = z;
        }
        return total;
    }
}
