package org.example.segmentation.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProportionsTest {
    private static final double Z95 = Proportions.z(0.95);

    @Test
    void normalQuantileAgreesWithCommonsMath() {
        assertEquals(1.959963984540054, Z95, 1e-12);
        NormalDistribution cm = new NormalDistribution(0, 1);
        for (double conf : new double[] {0.5, 0.8, 0.9, 0.95, 0.99, 0.999}) {
            assertEquals(cm.inverseCumulativeProbability(1 - (1 - conf) / 2), Proportions.z(conf), 1e-9);
        }
        assertEquals(2 * cm.cumulativeProbability(-2.3), Proportions.twoSidedP(2.3), 1e-12);
        assertEquals(2 * cm.cumulativeProbability(-2.3), Proportions.twoSidedP(-2.3), 1e-12);
    }

    /**
     * Wilson's interval by hand for 56/70 at z = 1.959964: p = 0.8, z² = 3.841459, denominator 1 + z²/n =
     * 1.054878; centre (0.8 + 3.841459/140)/1.054878 = 0.784393; half-width
     * 1.959964·sqrt(0.16/70 + 3.841459/19600)/1.054878 = 1.959964·0.049817/1.054878 = 0.092560;
     * interval (0.691834, 0.876953).
     */
    @Test
    void wilsonByHand() {
        Proportions.Interval w = Proportions.wilson(56, 70, Z95);
        assertEquals(0.691834, w.low(), 1e-6);
        assertEquals(0.876953, w.high(), 1e-6);
        // 48/80: centre (0.6 + 3.841459/160)/1.048018 = 0.595418; interval (0.490455, 0.700382)
        Proportions.Interval w2 = Proportions.wilson(48, 80, Z95);
        assertEquals(0.490455, w2.low(), 1e-6);
        assertEquals(0.700382, w2.high(), 1e-6);
        // bounds stay in [0, 1] at x = 0 and x = n: 0/10 gives (0, 3.841459/13.841459 = 0.277533)
        assertEquals(0.0, Proportions.wilson(0, 10, Z95).low());
        assertEquals(0.277533, Proportions.wilson(0, 10, Z95).high(), 1e-6);
        assertEquals(1.0, Proportions.wilson(10, 10, Z95).high());
    }

    /**
     * Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10 (hybrid score interval), the
     * eight worked examples (a)-(h), 95% intervals as published to 4 decimals. Example (a) by hand from the
     * Wilson intervals above: d = 0.2, L = 0.2 - sqrt((0.8-0.691834)² + (0.700382-0.6)²) = 0.2 - 0.147569 =
     * 0.052431; U = 0.2 + sqrt((0.876953-0.8)² + (0.6-0.490455)²) = 0.2 + 0.133873 = 0.333873.
     */
    @ParameterizedTest
    @CsvSource({
            "56, 70, 48, 80, 0.0524, 0.3339",
            "9, 10, 3, 10, 0.1705, 0.8090",
            "6, 7, 2, 7, 0.0582, 0.8062",
            "5, 56, 0, 29, -0.0381, 0.1926",
            "0, 10, 0, 20, -0.1611, 0.2775",
            "0, 10, 0, 10, -0.2775, 0.2775",
            "10, 10, 0, 20, 0.6791, 1.0000",
            "10, 10, 0, 10, 0.6075, 1.0000"})
    void newcombeMethod10MatchesThePublishedExamples(long x1, long n1, long x2, long n2, double low, double high) {
        Proportions.Interval ci = Proportions.newcombe(x1, n1, x2, n2, Z95);
        assertEquals(low, ci.low(), 0.5e-4);
        assertEquals(high, ci.high(), 0.5e-4);
    }

    @Test
    void newcombeByHandToSixDigits() {
        Proportions.Interval ci = Proportions.newcombe(56, 70, 48, 80, Z95);
        assertEquals(0.052431, ci.low(), 1e-6);
        assertEquals(0.333873, ci.high(), 1e-6);
    }

    /**
     * Pooled z by hand for 56/70 vs 48/80: pooled p = 104/150 = 0.693333; variance 0.693333·0.306667·(1/70 +
     * 1/80) = 0.0056952; z = 0.2/0.0754667 = 2.650172; two-sided p = 0.008045. z² = 7.023411 is Pearson's
     * chi-square of the 2x2 table without continuity correction, so Commons Math's ChiSquareTest agrees.
     */
    @Test
    void pooledZByHandAndAgreesWithCommonsMathChiSquare() {
        double z = Proportions.pooledZ(56, 70, 48, 80);
        assertEquals(2.650172, z, 1e-6);
        assertEquals(0.008045, Proportions.twoSidedP(z), 1e-6);
        ChiSquareTest cm = new ChiSquareTest();
        long[][] counts = {{56, 14}, {48, 32}};
        assertEquals(cm.chiSquare(counts), z * z, 1e-9);
        assertEquals(cm.chiSquareTest(counts), Proportions.twoSidedP(z), 1e-12);
        long[][] more = {{412, 9588}, {31, 969}};
        double z2 = Proportions.pooledZ(412, 10_000, 31, 1000);
        assertEquals(cm.chiSquareTest(more), Proportions.twoSidedP(z2), 1e-12);
    }

    @Test
    void edgeCases() {
        assertTrue(Double.isNaN(Proportions.pooledZ(0, 0, 3, 10)), "an empty group has no test");
        assertTrue(Double.isNaN(Proportions.newcombe(1, 10, 0, 0, Z95).low()));
        assertEquals(0.0, Proportions.pooledZ(0, 10, 0, 20), "no conversions anywhere: equal rates");
        assertEquals(1.0, Proportions.twoSidedP(0));
        assertTrue(Double.isNaN(Proportions.twoSidedP(Double.NaN)));
    }
}
