package org.example.segmentation.core.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.example.segmentation.core.Progress;

/**
 * The greedy rule that resolves redundant pairs among features of one kind (numeric pairs by correlation,
 * categorical pairs by Cramér's V). Features are indexed {@code 0..m-1} in table order.
 *
 * <ol>
 * <li>A pair {@code (i, j)} is redundant when {@code |a[i][j]| > threshold}; an undefined association
 * ({@code NaN}) never is.</li>
 * <li>Pairs are processed by decreasing {@code |a|} (values equal to 10 decimal places count as equal), then by
 * {@code i}, then by {@code j}.</li>
 * <li>A pair is skipped when one of its features was already dropped. Otherwise one of the two is dropped: the one
 * with the higher mean {@code |a|} to every other feature still kept (an undefined association counts as 0);
 * when the two means are within 1e-9, the one with more missing values; when those are equal too, the later
 * column in table order.</li>
 * </ol>
 * The outcome depends only on the association matrix, the missing counts and the order of the columns.
 */
final class Redundancy {

    /** Two associations closer than this are a tie in the mean-association rule. */
    static final double TIE = 1e-9;

    /**
     * One feature dropped.
     *
     * @param dropped the dropped feature
     * @param partner the feature of the pair that was kept
     * @param value   their association {@code a[dropped][partner]} (signed for correlations)
     */
    record Drop(int dropped, int partner, double value) {
    }

    private Redundancy() {
    }

    /**
     * Applies the greedy rule.
     *
     * @param a         symmetric association matrix, {@code NaN} where undefined (the diagonal is ignored)
     * @param threshold pairs with {@code |a|} above it are redundant
     * @param missing   missing values per feature
     * @return the dropped features, in the order they were dropped
     */
    static List<Drop> resolve(double[][] a, double threshold, int[] missing, Progress progress) {
        int m = a.length;
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                if (Math.abs(a[i][j]) > threshold) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        pairs.sort(Comparator.<int[]>comparingDouble(p -> -rounded(Math.abs(a[p[0]][p[1]])))
                .thenComparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        boolean[] kept = new boolean[m];
        Arrays.fill(kept, true);
        List<Drop> drops = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            if ((k & 63) == 0) {
                progress.checkCancelled();
                progress.update((double) k / pairs.size(), null);
            }
            int i = pairs.get(k)[0];
            int j = pairs.get(k)[1];
            if (!kept[i] || !kept[j]) {
                continue;
            }
            double meanI = meanAssociation(a, kept, i);
            double meanJ = meanAssociation(a, kept, j);
            int drop;
            if (Math.abs(meanI - meanJ) > TIE) {
                drop = meanI > meanJ ? i : j;
            } else if (missing[i] != missing[j]) {
                drop = missing[i] > missing[j] ? i : j;
            } else {
                drop = j;
            }
            int partner = drop == i ? j : i;
            kept[drop] = false;
            drops.add(new Drop(drop, partner, a[drop][partner]));
        }
        progress.update(1, null);
        return drops;
    }

    /** The mean |a| of feature {@code f} to the other kept features; 0 when it is the only one. */
    static double meanAssociation(double[][] a, boolean[] kept, int f) {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < a.length; k++) {
            if (k != f && kept[k]) {
                double v = a[f][k];
                sum += Double.isNaN(v) ? 0 : Math.abs(v);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** {@code v} on a grid of 1e-10, so that values equal to 10 decimal places sort as ties. */
    static double rounded(double v) {
        return Math.rint(v * 1e10) / 1e10;
    }
}
