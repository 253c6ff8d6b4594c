package org.example.segmentation.core.profile;

import java.util.List;

/**
 * One segment in a few words: one row of the segment summary.
 *
 * @param segment     the segment's name
 * @param size        its customers (rows)
 * @param share       size / population size (rows with a segment)
 * @param topFeatures the features that distinguish it most, largest |effect| first, at most {@code top_features};
 *                    empty for a segment under {@code min_segment_size} and for the only segment (unmodifiable)
 * @param description the plain-language description
 */
public record SegmentSummary(String segment, int size, double share, List<String> topFeatures, String description) {

    public SegmentSummary {
        topFeatures = List.copyOf(topFeatures);
    }
}
