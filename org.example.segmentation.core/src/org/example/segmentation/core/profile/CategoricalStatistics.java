package org.example.segmentation.core.profile;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.table.CategoricalColumn;

/**
 * The {@link CategoricalProfile}s of one categorical feature: the population and every segment, over the levels the
 * population uses (dictionary order). Formulas and edge cases are in {@link LevelProfile}.
 */
final class CategoricalStatistics {

    /** The result for one feature. */
    record Result(CategoricalProfile population, CategoricalProfile[] segments, boolean constant) {
    }

    private CategoricalStatistics() {
    }

    static Result compute(CategoricalColumn column, Segments segments) {
        int k = segments.count();
        int levels = column.levelCount();
        int[][] counts = new int[k][levels];
        int[] missing = new int[k];
        for (int i = 0; i < column.size(); i++) {
            int s = segments.code(i);
            if (s < 0) {
                continue;
            }
            int c = column.code(i);
            if (c == CategoricalColumn.MISSING) {
                missing[s]++;
            } else {
                counts[s][c]++;
            }
        }
        int[] popCounts = new int[levels];
        int[] n = new int[k];
        int popN = 0;
        int popMissing = 0;
        for (int s = 0; s < k; s++) {
            for (int l = 0; l < levels; l++) {
                popCounts[l] += counts[s][l];
                n[s] += counts[s][l];
            }
            popN += n[s];
            popMissing += missing[s];
        }
        List<Integer> used = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            if (popCounts[l] > 0) {
                used.add(l);
            }
        }
        List<LevelProfile> popLevels = new ArrayList<>();
        for (int l : used) {
            popLevels.add(new LevelProfile(column.levels().get(l), popCounts[l], (double) popCounts[l] / popN, 1.0,
                    Double.NaN));
        }
        CategoricalProfile population = new CategoricalProfile(popN, popMissing, popLevels);

        CategoricalProfile[] out = new CategoricalProfile[k];
        for (int s = 0; s < k; s++) {
            int restN = popN - n[s];
            List<LevelProfile> list = new ArrayList<>(used.size());
            for (int l : used) {
                int c = counts[s][l];
                double share = n[s] == 0 ? Double.NaN : (double) c / n[s];
                double popShare = (double) popCounts[l] / popN;
                double restShare = restN == 0 ? Double.NaN : (double) (popCounts[l] - c) / restN;
                list.add(new LevelProfile(column.levels().get(l), c, share, share / popShare,
                        cohensH(share, restShare)));
            }
            out[s] = new CategoricalProfile(n[s], missing[s], list);
        }
        return new Result(population, out, used.size() <= 1);
    }

    /** Cohen's h of two proportions: {@code 2 asin(sqrt(p1)) - 2 asin(sqrt(p2))}; NaN when either is NaN. */
    static double cohensH(double p1, double p2) {
        if (Double.isNaN(p1) || Double.isNaN(p2)) {
            return Double.NaN;
        }
        return 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
    }
}
