package org.example.segmentation.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MultipleTestingTest {

    /**
     * p = (0.01, 0.04, 0.03, 0.005), m = 4. Sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4);
     * m·p/rank = 0.02, 0.02, 0.04, 0.04; running minimum from the largest rank down: 0.04, 0.04, 0.02, 0.02.
     * Back in the input order: (0.02, 0.04, 0.04, 0.02).
     */
    @Test
    void benjaminiHochbergByHand() {
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02},
                MultipleTesting.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
    }

    /**
     * p = (0.2, 0.01, 0.03): sorted 0.01 (1), 0.03 (2), 0.2 (3); m·p/rank = 0.03, 0.045, 0.2; running minimum
     * from the top keeps them: 0.03, 0.045, 0.2. A large p is never pushed above 1: p = (0.9, 0.8) gives
     * 2·0.8/1 = 1.6 -> capped at... the minimum with 0.9·2/2 = 0.9, so (0.9, 0.9).
     */
    @Test
    void monotoneAndCapped() {
        assertArrayEquals(new double[] {0.2, 0.03, 0.045},
                MultipleTesting.benjaminiHochberg(new double[] {0.2, 0.01, 0.03}), 1e-12);
        assertArrayEquals(new double[] {0.9, 0.9}, MultipleTesting.benjaminiHochberg(new double[] {0.9, 0.8}), 1e-12);
        assertArrayEquals(new double[] {1.0}, MultipleTesting.benjaminiHochberg(new double[] {1.0}), 0);
    }

    @Test
    void nanIsLeftOutOfTheCount() {
        // m = 2 (the NaN does not count): 0.01·2/1 = 0.02, 0.04·2/2 = 0.04
        double[] adjusted = MultipleTesting.benjaminiHochberg(new double[] {0.04, Double.NaN, 0.01});
        assertEquals(0.04, adjusted[0], 1e-12);
        assertTrue(Double.isNaN(adjusted[1]));
        assertEquals(0.02, adjusted[2], 1e-12);
        assertEquals(0, MultipleTesting.benjaminiHochberg(new double[0]).length);
    }
}
