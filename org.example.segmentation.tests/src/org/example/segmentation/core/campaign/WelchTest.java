package org.example.segmentation.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class WelchTest {

    /**
     * Treated {12, 15, 11, 18, 14}: mean 14, variance (4+1+9+16+0)/4 = 7.5. Control {10, 9, 13, 8}: mean 10,
     * variance (0+1+9+4)/3 = 4.666667. v1/n1 = 1.5, v2/n2 = 1.166667, se = sqrt(2.666667) = 1.632993;
     * df = 2.666667² / (1.5²/4 + 1.166667²/3) = 7.111111/1.016204 = 6.997722; t = 4/1.632993 = 2.449490;
     * two-sided p = 0.044151; t_{0.975, 6.997722} = 2.364780, so the interval is 4 ± 3.861670 =
     * (0.138330, 7.861670).
     */
    @Test
    void welchByHand() {
        Welch.Result r = Welch.test(14, 7.5, 5, 10, 14.0 / 3, 4, 0.95);
        assertEquals(4, r.difference(), 1e-12);
        assertEquals(1.632993, r.standardError(), 1e-6);
        assertEquals(6.997722, r.degreesOfFreedom(), 1e-6);
        assertEquals(2.449490, r.t(), 1e-6);
        assertEquals(0.044151, r.pValue(), 1e-6);
        assertEquals(0.138330, r.low(), 1e-6);
        assertEquals(7.861670, r.high(), 1e-6);
    }

    @Test
    void agreesWithCommonsMathWelchTTest() {
        SplittableRandom random = new SplittableRandom(11);
        TTest cm = new TTest();
        for (int trial = 0; trial < 20; trial++) {
            double[] a = new double[5 + random.nextInt(200)];
            double[] b = new double[3 + random.nextInt(50)];
            double shift = random.nextDouble() * 2;
            for (int i = 0; i < a.length; i++) {
                a[i] = 50 + shift + 10 * gaussian(random);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = 50 + 25 * gaussian(random);
            }
            Welch.Result r = Welch.test(StatUtils.mean(a), StatUtils.variance(a), a.length, StatUtils.mean(b),
                    StatUtils.variance(b), b.length, 0.95);
            assertEquals(cm.t(a, b), r.t(), 1e-9);
            assertEquals(cm.tTest(a, b), r.pValue(), 1e-9);
        }
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void edgeCases() {
        Welch.Result one = Welch.test(5, Double.NaN, 1, 3, 2, 10, 0.95);
        assertEquals(2, one.difference());
        assertTrue(Double.isNaN(one.pValue()) && Double.isNaN(one.low()), "one value has no variance");
        Welch.Result sameConstant = Welch.test(7, 0, 10, 7, 0, 10, 0.95);
        assertEquals(1.0, sameConstant.pValue());
        assertEquals(0.0, sameConstant.low());
        Welch.Result otherConstant = Welch.test(8, 0, 10, 7, 0, 10, 0.95);
        assertEquals(0.0, otherConstant.pValue());
        assertEquals(Double.POSITIVE_INFINITY, otherConstant.t());
        assertEquals(1.0, otherConstant.low());
    }
}
