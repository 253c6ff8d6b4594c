package org.example.segmentation.core.drift;

import java.util.List;

/**
 * One month's statistics: the rows, every feature's statistics in layout order and the segments' (null when
 * segments are not monitored).
 */
record MonthStats(long rows, List<FeatureStats> features, SegmentStats segments) {

    MonthStats {
        features = List.copyOf(features);
    }
}
