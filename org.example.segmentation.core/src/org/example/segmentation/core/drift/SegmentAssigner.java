package org.example.segmentation.core.drift;

import java.util.List;
import java.util.Objects;

import org.example.segmentation.core.table.Table;

/**
 * What drift monitoring needs from a fitted segmentation model: its identity, its segments and features, and an
 * assignment of a chunk of customers. A segmentation model is adapted to it in a few lines; without a model the
 * baseline and the monitor read the segment (and distance) columns of an already scored table instead.
 */
public interface SegmentAssigner {

    /**
     * Identifies the fitted model, for example the hash of its input fingerprint and its creation time. The baseline
     * stores it, and monitoring with another model's assigner fails, since the segments would not be comparable.
     */
    String modelId();

    /** The segment names, in code order (code {@code i} is {@code segmentNames().get(i)}). */
    List<String> segmentNames();

    /** The features the model reads: the segmentation features. */
    List<String> features();

    /**
     * Assigns every row of {@code chunk} to a segment.
     *
     * @return per row the segment code (index into {@link #segmentNames()}, or -1 when the row cannot be assigned)
     *         and the distance to that segment's centroid in the model's feature space (NaN when unknown)
     */
    Assignment assign(Table chunk);

    /**
     * The segments and distances of one chunk, one entry per row.
     *
     * @param segments  segment codes, -1 for rows that could not be assigned
     * @param distances distances to the assigned centroid, NaN when unknown
     */
    record Assignment(int[] segments, double[] distances) {
        public Assignment {
            Objects.requireNonNull(segments, "segments");
            Objects.requireNonNull(distances, "distances");
            if (segments.length != distances.length) {
                throw new IllegalArgumentException(segments.length + " segments but " + distances.length
                        + " distances");
            }
        }
    }
}
