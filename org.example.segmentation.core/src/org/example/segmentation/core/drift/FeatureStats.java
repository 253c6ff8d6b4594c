package org.example.segmentation.core.drift;

import java.util.Map;

/**
 * One month's statistics of one feature. Moments are over the finite non-missing values; {@code std} is the sample
 * standard deviation ({@code n - 1}), 0 with fewer than two values; {@code mean}, {@code min} and {@code max} are
 * NaN without values, and NaN throughout for a categorical feature.
 *
 * @param rows         non-missing (finite) values
 * @param missing      missing values (infinite numbers count as missing)
 * @param mean         mean
 * @param std          sample standard deviation
 * @param min          smallest value
 * @param max          largest value
 * @param counts       values per cell of the feature's {@link FeatureLayout}
 * @param sample       the reservoir sample, sorted (numeric only; empty for categorical)
 * @param unseenLevels categorical only: up to {@value MonthAccumulator#MAX_UNSEEN_NAMES} levels the reference never
 *                     had, with their counts, in order of first appearance
 */
record FeatureStats(long rows, long missing, double mean, double std, double min, double max, long[] counts,
        double[] sample, Map<String, Long> unseenLevels) {

    /** The missing share of all rows (0 without rows). */
    double missingShare() {
        long n = rows + missing;
        return n == 0 ? 0 : (double) missing / n;
    }
}
