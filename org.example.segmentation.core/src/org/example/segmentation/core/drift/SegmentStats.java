package org.example.segmentation.core.drift;

import java.util.List;

/**
 * One month's statistics of the segments.
 *
 * @param rows         rows per segment
 * @param missing      rows without a segment
 * @param meanDistance mean distance to the centroid per segment (NaN without distances)
 * @param distanceRows rows with a distance per segment
 * @param features     per monitored feature (in layout order), its statistics within each segment
 */
record SegmentStats(long[] rows, long missing, double[] meanDistance, long[] distanceRows,
        List<PerSegment> features) {

    /**
     * One feature within each segment.
     *
     * @param rows   non-missing values per segment
     * @param means  mean per segment (NaN for categorical features or without values)
     * @param counts values per segment and cell
     */
    record PerSegment(long[] rows, double[] means, long[][] counts) {
    }

    /** Rows with a segment. */
    long assigned() {
        return PopulationStability.sum(rows);
    }

    /** The mean distance over all segments (NaN without distances). */
    double overallMeanDistance() {
        double sum = 0;
        long n = 0;
        for (int s = 0; s < rows.length; s++) {
            if (distanceRows[s] > 0) {
                sum += meanDistance[s] * distanceRows[s];
                n += distanceRows[s];
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
