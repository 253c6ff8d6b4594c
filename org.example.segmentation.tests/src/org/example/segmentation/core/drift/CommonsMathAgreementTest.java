package org.example.segmentation.core.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;

/**
 * The drift tests (Apache Commons Statistics at run time) agree with Apache Commons Math 3 (test scope only) on the
 * same samples: the KS statistic and p-value, and the chi-square statistic and p-value, both on synthetic data and
 * on the reservoir samples and counts the monitor really uses. KS p-values: exact on both sides for small samples
 * (to 1e-9); for samples of thousands ours is exact and Commons Math's asymptotic, and they agree within 0.01.
 */
class CommonsMathAgreementTest {
    private static final KolmogorovSmirnovTest MATH_KS = new KolmogorovSmirnovTest();
    private static final ChiSquareTest MATH_CHI2 = new ChiSquareTest();

    /** Small samples without ties (n m < 10,000): both compute the exact P(D >= d). */
    @Test
    void ksExactOnSmallSamples() {
        SplittableRandom r = new SplittableRandom(11);
        for (int[] size : new int[][] {{20, 30}, {60, 80}, {45, 45}, {9, 200}}) {
            double[] x = continuous(r, size[0], 0);
            double[] y = continuous(r, size[1], 0.4);
            TwoSampleTests.Result mine = TwoSampleTests.kolmogorovSmirnov(x, y);
            assertEquals(MATH_KS.kolmogorovSmirnovStatistic(x, y), mine.statistic(), 1e-12);
            // Commons Math's default is the strict P(D > d); P(D >= d) is its non-strict variant
            assertEquals(MATH_KS.kolmogorovSmirnovTest(x, y, false), mine.pValue(), 1e-9 + 1e-6 * mine.pValue());
        }
    }

    /**
     * Samples of thousands, with ties (counts): the statistic is the same; the p-values agree closely (ours is
     * exact, Commons Math's the limiting Kolmogorov distribution, which it uses from n m >= 10,000).
     */
    @Test
    void ksOnLargeSamplesWithTies() {
        SplittableRandom r = new SplittableRandom(12);
        for (int[] size : new int[][] {{3000, 4000}, {5000, 5000}, {5000, 2000}}) {
            for (double shift : new double[] {0, 0.05, 0.1, 0.3}) {
                double[] x = counts(r, size[0], 2.0);
                double[] y = counts(r, size[1], 2.0 + shift);
                TwoSampleTests.Result mine = TwoSampleTests.kolmogorovSmirnov(x, y);
                assertEquals(MATH_KS.kolmogorovSmirnovStatistic(x, y), mine.statistic(), 1e-12);
                assertPValuesAgree(MATH_KS.kolmogorovSmirnovTest(x, y), mine.pValue(), size[0] + "x" + size[1]);
            }
        }
    }

    /**
     * Two approximations of the same P(D >= d): within 0.01 absolute and 5% relative for p-values from 1e-6 (over
     * thousands of random pairs of samples of 2,000 to 5,000 values, with and without ties, the largest differences
     * were 0.006 and 4.7%); below 1e-6 both are tiny (Commons Math's underflows to 0 near 1e-16).
     */
    static void assertPValuesAgree(double math, double mine, String what) {
        if (math >= 1e-6) {
            assertEquals(math, mine, Math.min(0.01, 0.05 * math), what);
        } else {
            assertTrue(mine < 2e-6, what + ": " + mine + " vs " + math);
        }
    }

    @Test
    void chiSquareOfTwoCountVectors() {
        long[][] pairs = {{500, 300, 200}, {480, 290, 230}, {120, 5, 60, 15}, {100, 9, 70, 21}, {1, 1}, {3, 0}};
        for (int i = 0; i < pairs.length; i += 2) {
            TwoSampleTests.Result mine = TwoSampleTests.chiSquare(pairs[i], pairs[i + 1]);
            assertEquals(MATH_CHI2.chiSquareDataSetsComparison(pairs[i], pairs[i + 1]), mine.statistic(), 1e-9);
            assertEquals(MATH_CHI2.chiSquareTestDataSetsComparison(pairs[i], pairs[i + 1]), mine.pValue(), 1e-12);
        }
        // a cell empty in both (a level neither month has) is left out, as Commons Math requires
        TwoSampleTests.Result withEmpty = TwoSampleTests.chiSquare(new long[] {10, 0, 20}, new long[] {12, 0, 15});
        assertEquals(MATH_CHI2.chiSquareTestDataSetsComparison(new long[] {10, 20}, new long[] {12, 15}),
                withEmpty.pValue(), 1e-12);
        TwoSampleTests.Result one = TwoSampleTests.chiSquare(new long[] {10, 0}, new long[] {7, 0});
        assertEquals(0, one.statistic());
        assertEquals(1, one.pValue());
    }

    /**
     * On the generator's months: the reference reservoir of the baseline and the current reservoir the monitor draws
     * (stream 1), for every numeric feature; the level counts for every categorical feature. The report's values
     * equal Commons Math's on exactly those samples.
     */
    @Test
    void theReportAgreesWithCommonsMathOnTheMonitorsOwnSamples() {
        Table month1 = DriftFixtures.month(1, 4000, 42, false);
        Table month2 = DriftFixtures.month(2, 4000, 42, false);
        DriftConfig config = DriftConfig.defaults();
        DriftBaseline baseline = DriftBaseline.fit(month1, config);
        DriftReport report = DriftMonitor.monitor(baseline, month2);
        MonthAccumulator current = new MonthAccumulator(baseline.layout(), null, null, config.sampleSize(),
                config.seed(), DriftMonitor.CURRENT_STREAM, "current table");
        current.accept(month2, Progress.NONE);
        MonthStats cur = current.finish();
        int numeric = 0;
        for (int f = 0; f < baseline.layout().size(); f++) {
            FeatureLayout fl = baseline.layout().get(f);
            FeatureStats ref = baseline.reference().features().get(f);
            FeatureDrift d = report.feature(fl.name);
            if (fl.numeric) {
                numeric++;
                double[] x = ref.sample();
                double[] y = cur.features().get(f).sample();
                assertEquals(MATH_KS.kolmogorovSmirnovStatistic(x, y), d.ksStatistic(), 1e-12, fl.name);
                assertPValuesAgree(MATH_KS.kolmogorovSmirnovTest(x, y), d.ksPValue(), fl.name);
            } else {
                long[] a = ref.counts();
                long[] b = cur.features().get(f).counts();
                double p = TwoSampleTests.chiSquare(a, b).pValue();
                assertEquals(p, d.chi2PValue(), 0, fl.name);
                long[][] kept = withoutEmptyCells(a, b);
                if (kept[0].length >= 2) {
                    assertEquals(MATH_CHI2.chiSquareTestDataSetsComparison(kept[0], kept[1]), p, 1e-12, fl.name);
                    assertEquals(MATH_CHI2.chiSquareDataSetsComparison(kept[0], kept[1]), d.chi2Statistic(), 1e-9,
                            fl.name);
                }
            }
        }
        assertTrue(numeric >= 15, "numeric features compared: " + numeric);
    }

    private static long[][] withoutEmptyCells(long[] a, long[] b) {
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            k += a[i] + b[i] > 0 ? 1 : 0;
        }
        long[][] out = new long[2][k];
        k = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] + b[i] > 0) {
                out[0][k] = a[i];
                out[1][k++] = b[i];
            }
        }
        return out;
    }

    private static double[] continuous(SplittableRandom r, int n, double shift) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextDouble() + r.nextDouble() + shift;
        }
        return out;
    }

    /** Poisson counts by inversion: many ties. */
    private static double[] counts(SplittableRandom r, int n, double lambda) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            double p = Math.exp(-lambda);
            double cdf = p;
            int k = 0;
            while (u > cdf && k < 100) {
                k++;
                p *= lambda / k;
                cdf += p;
            }
            out[i] = k;
        }
        return out;
    }
}
