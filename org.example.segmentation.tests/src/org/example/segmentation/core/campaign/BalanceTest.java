package org.example.segmentation.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;

class BalanceTest {
    private static final Group T = Group.TREATMENT;
    private static final Group C = Group.CONTROL;
    private static final Group H = Group.HOLDOUT;

    /**
     * Treatment {1, 2, 3, 4}: mean 2.5, variance 5/3 = 1.666667. Control {2, 4}: mean 3, variance 2. SMD =
     * (2.5 - 3) / sqrt((1.666667 + 2)/2) = -0.5/1.354006 = -0.369274. The holdout row (value 100) and the
     * missing value are left out.
     */
    @Test
    void numericSmdByHand() {
        NumericColumn age = NumericColumn.of("age", new double[] {1, 2, 2, 3, 4, 4, 100, Double.NaN});
        Group[] g = {T, T, C, T, T, C, H, C};
        double[] smd = Balance.smd(age, new int[8], 1, g);
        assertEquals(-0.369274, smd[0], 1e-6);
        assertEquals(smd[0], smd[1], 0, "one stratum: the overall value is the same");
    }

    /**
     * Levels a/b: treatment a,a,a,b (p_a = 0.75), control a,b (p_a = 0.5). For level a: (0.75 - 0.5) /
     * sqrt((0.75·0.25 + 0.5·0.5)/2) = 0.25/sqrt(0.21875) = 0.25/0.467707 = 0.534522; level b gives -0.534522;
     * the first with the largest absolute value is reported.
     */
    @Test
    void categoricalSmdByHand() {
        CategoricalColumn c = CategoricalColumn.of("x", "a", "a", "a", "b", "a", "b");
        double[] smd = Balance.smd(c, new int[6], 1, new Group[] {T, T, T, T, C, C});
        assertEquals(0.534522, Math.abs(smd[0]), 1e-6);
    }

    @Test
    void perStratumAndOverall() {
        // stratum 0: T {1,3}, C {1,3} -> 0; stratum 1: T {10,12}, C {20,22}: (11 - 21)/sqrt((2+2)/2) = -7.071068
        NumericColumn v = NumericColumn.of("v", new double[] {1, 3, 1, 3, 10, 12, 20, 22});
        int[] stratum = {0, 0, 0, 0, 1, 1, 1, 1};
        Group[] g = {T, T, C, C, T, T, C, C};
        double[] smd = Balance.smd(v, stratum, 2, g);
        assertEquals(0.0, smd[0], 1e-12);
        assertEquals(-7.071068, smd[1], 1e-6);
        // overall: T {1,3,10,12} mean 6.5, variance (30.25+12.25+12.25+30.25)/3 = 28.333333;
        // C {1,3,20,22} mean 11.5, variance (110.25+72.25+72.25+110.25)/3 = 121.666667;
        // (6.5 - 11.5)/sqrt((28.333333 + 121.666667)/2) = -5/sqrt(75) = -0.577350
        assertEquals(-0.577350, smd[2], 1e-6);
    }

    @Test
    void edgeCases() {
        assertEquals(0.0, Balance.numeric(5, 0, 10, 5, 0, 10), "both constant and equal");
        assertEquals(Double.NEGATIVE_INFINITY, Balance.numeric(4, 0, 10, 5, 0, 10), "both constant, different");
        assertTrue(Double.isNaN(Balance.numeric(4, 1, 1, 5, 1, 10)), "one value has no variance");
        assertTrue(Double.isNaN(Balance.proportion(0.5, 0, 0.5, 10)));
        InputException e = assertThrows(InputException.class,
                () -> Balance.smd(TextColumn.of("note", "x", "y"), new int[2], 1, new Group[] {T, C}));
        assertTrue(e.getMessage().contains("'note' is a text column"), e.getMessage());
    }
}
