package org.example.segmentation.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class DetectableEffectTest {

    @Test
    void zAgreesWithCommonsMath() {
        NormalDistribution cm = new NormalDistribution(0, 1);
        // z_{0.975} + z_{0.8} = 1.959964 + 0.841621 = 2.801585
        assertEquals(2.801585, DetectableEffect.z(0.05, 0.8), 1e-6);
        assertEquals(cm.inverseCumulativeProbability(0.995) + cm.inverseCumulativeProbability(0.9),
                DetectableEffect.z(0.01, 0.9), 1e-9);
    }

    /**
     * Base rate 5%, 9000 treated and 1000 control: p(1-p) = 0.0475; 1/9000 + 1/1000 = 0.00111111;
     * sqrt(0.0475·0.00111111) = 0.00726483; MDE = 2.801585·0.00726483 = 0.020353 (two percentage points,
     * relative 40.7%).
     */
    @Test
    void minimumDetectableEffectByHand() {
        assertEquals(0.020353, DetectableEffect.minimumEffect(0.05, 9000, 1000, 0.05, 0.8), 1e-6);
        assertTrue(Double.isNaN(DetectableEffect.minimumEffect(0.05, 9000, 0, 0.05, 0.8)));
    }

    /**
     * A lift of 1 point on 5% in 100,000 customers: K = 100000·0.01²/(2.801585²·0.0475) = 10/0.372822 =
     * 26.822467; s = (1 - sqrt(1 - 4/26.822467))/2 = (1 - 0.922427)/2 = 0.038787. Check: with 3,879 control
     * and 96,121 treated the MDE is just under 0.01. Impossible below 4·2.801585²·0.0475/0.0001 = 14,913
     * customers.
     */
    @Test
    void controlShareNeededByHand() {
        double s = DetectableEffect.controlShareNeeded(0.05, 100_000, 0.01, 0.05, 0.8);
        assertEquals(0.038787, s, 1e-6);
        assertEquals(0.01, DetectableEffect.minimumEffect(0.05, Math.round(100_000 * (1 - s)), Math.round(100_000 * s),
                0.05, 0.8), 1e-5);
        assertEquals(14_912.87, DetectableEffect.customersNeeded(0.05, 0.01, 0.05, 0.8), 0.01);
        assertTrue(Double.isNaN(DetectableEffect.controlShareNeeded(0.05, 14_912, 0.01, 0.05, 0.8)));
        assertEquals(0.5, DetectableEffect.controlShareNeeded(0.05, 14_913, 0.01, 0.05, 0.8), 0.01,
                "at the limit only an even split works");
    }
}
