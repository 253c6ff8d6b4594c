package org.example.segmentation.core.drift;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The segments as the baseline fixed them: the segment column (or the model that assigns them), the optional
 * distance column, and the segment names in code order.
 *
 * @param column         the segment column, empty when a model assigns the segments
 * @param distanceColumn the distance-to-centroid column, empty for none (or when a model gives the distances)
 * @param modelId        the assigning model's {@link SegmentAssigner#modelId()}, empty when segments come from a
 *                       column
 * @param names          the segment names
 */
record SegmentLayout(String column, String distanceColumn, String modelId, List<String> names) {

    SegmentLayout {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(distanceColumn, "distanceColumn");
        Objects.requireNonNull(modelId, "modelId");
        names = List.copyOf(names);
    }

    /** The code of each segment name. */
    Map<String, Integer> index() {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), i);
        }
        return out;
    }

    /** Whether a model assigned the segments (rather than a column). */
    boolean fromModel() {
        return !modelId.isEmpty();
    }

    /** Whether distances to the centroids are monitored. */
    boolean hasDistances() {
        return fromModel() || !distanceColumn.isEmpty();
    }

    /** Where the segments come from, for messages. */
    String source() {
        return fromModel() ? "model '" + modelId + "'" : "column '" + column + "'";
    }
}
