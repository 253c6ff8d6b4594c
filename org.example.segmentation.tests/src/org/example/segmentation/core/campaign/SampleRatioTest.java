package org.example.segmentation.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class SampleRatioTest {

    /**
     * 120 control and 880 treatment customers against a planned 10%: expected 100 and 900; chi² = 20²/100 +
     * 20²/900 = 4 + 0.444444 = 4.444444; P(chi²_1 > 4.444444) = 0.035015.
     */
    @Test
    void chiSquareByHand() {
        SampleRatio.Result r = SampleRatio.test(120, 880, 0.1);
        assertEquals(4.444444, r.chiSquare(), 1e-6);
        assertEquals(0.035015, r.pValue(), 1e-6);
        SampleRatio.Result exact = SampleRatio.test(100, 900, 0.1);
        assertEquals(0.0, exact.chiSquare());
        assertEquals(1.0, exact.pValue());
        assertTrue(Double.isNaN(SampleRatio.test(0, 0, 0.1).pValue()));
    }

    @Test
    void agreesWithCommonsMathChiSquareTest() {
        ChiSquareTest cm = new ChiSquareTest();
        long[][] cases = {{120, 880}, {1040, 8960}, {5, 95}, {2500, 7500}, {1, 1}};
        double[] shares = {0.1, 0.1, 0.1, 0.2, 0.5};
        for (int i = 0; i < cases.length; i++) {
            long n = cases[i][0] + cases[i][1];
            double[] expected = {shares[i] * n, (1 - shares[i]) * n};
            SampleRatio.Result r = SampleRatio.test(cases[i][0], cases[i][1], shares[i]);
            assertEquals(cm.chiSquare(expected, cases[i]), r.chiSquare(), 1e-9);
            assertEquals(cm.chiSquareTest(expected, cases[i]), r.pValue(), 1e-12);
        }
    }
}
