package org.example.segmentation.core.campaign;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The Benjamini-Hochberg adjustment, which controls the false discovery rate across the segments of one
 * readout: with the m defined p-values sorted ascending, {@code p_(i)}, the adjusted value of {@code p_(i)} is
 * {@code min over j >= i of min(1, m·p_(j)/j)}. A segment is significant when its adjusted p-value is below
 * alpha. NaN p-values (segments without a test) are left out of m and stay NaN.
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
        Arrays.sort(defined, Comparator.comparingDouble((Integer i) -> p[i]));
        double running = 1;
        for (int r = m - 1; r >= 0; r--) {
            int i = defined[r];
            running = Math.min(running, Math.min(1, p[i] * m / (r + 1)));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
