package org.example.segmentation.core;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Multiple-testing corrections shared by the steps that run many tests at once (drift across features,
 * uplift across segments).
 */
public final class MultipleTesting {
    private MultipleTesting() {
    }

    /**
     * The Benjamini-Hochberg adjustment, which controls the false discovery rate: with the {@code m} defined
     * p-values sorted ascending, {@code p_(1) <= ... <= p_(m)} (ties in input order), the adjusted value of
     * {@code p_(i)} is {@code min over j >= i of min(1, m p_(j) / j)}. NaN p-values (tests that could not be
     * computed) do not count in {@code m} and stay NaN. The input is not modified.
     */
    public static double[] benjaminiHochberg(double[] p) {
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
