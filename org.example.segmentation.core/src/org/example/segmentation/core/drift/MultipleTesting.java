package org.example.segmentation.core.drift;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The Benjamini-Hochberg adjustment, which controls the false discovery rate across the tests of one drift
 * report: with the {@code m} defined p-values sorted ascending, {@code p_(1) <= ... <= p_(m)}, the adjusted value
 * of {@code p_(i)} is {@code min over j >= i of min(1, m p_(j) / j)}. A drift is confirmed when its adjusted
 * p-value is below alpha. NaN p-values (tests that could not be computed) do not count in {@code m} and stay NaN.
 */
final class MultipleTesting {
    private MultipleTesting() {
    }

    static double[] benjaminiHochberg(double[] p) {
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[m++] = i;
            }
        }
        Integer[] defined = Arrays.copyOf(order, m);
        Arrays.sort(defined, Comparator.comparingDouble((Integer i) -> p[i]).thenComparingInt(i -> i));
        double running = 1;
        for (int r = m - 1; r >= 0; r--) {
            int i = defined[r];
            running = Math.min(running, Math.min(1, p[i] * m / (r + 1)));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
