package org.example.segmentation.core.profile;

import java.util.List;

/**
 * One categorical feature in one segment (or in the population): the non-missing and missing counts and every level
 * the population uses, in dictionary order.
 *
 * @param count   non-missing values
 * @param missing missing values
 * @param levels  one entry per level used in the population (unmodifiable)
 */
public record CategoricalProfile(int count, int missing, List<LevelProfile> levels) {

    public CategoricalProfile {
        levels = List.copyOf(levels);
    }

    /**
     * The level whose share differs most from the rest of the population: the largest |Cohen's h|, or {@code null}
     * when every h is {@code NaN}. Ties (equal to 9 decimal places, as for the two levels of a two-level feature,
     * whose h are always opposite) go to the over-represented level, then to the first in dictionary order.
     */
    public LevelProfile strongestLevel() {
        LevelProfile best = null;
        long bestSize = -1;
        for (LevelProfile l : levels) {
            double h = l.cohensH();
            if (Double.isNaN(h)) {
                continue;
            }
            long size = Double.isInfinite(h) ? Long.MAX_VALUE : Math.round(Math.abs(h) * 1e9);
            if (best == null || size > bestSize || size == bestSize && h > 0 && best.cohensH() <= 0) {
                best = l;
                bestSize = size;
            }
        }
        return best;
    }

    /** The Cohen's h of {@link #strongestLevel()} (signed), or {@code NaN}. */
    public double effect() {
        LevelProfile l = strongestLevel();
        return l == null ? Double.NaN : l.cohensH();
    }

    /** The entry of {@code level}, or {@code null} when the population does not use it. */
    public LevelProfile level(String level) {
        for (LevelProfile l : levels) {
            if (l.level().equals(level)) {
                return l;
            }
        }
        return null;
    }
}
