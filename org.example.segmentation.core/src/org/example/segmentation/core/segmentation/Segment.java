package org.example.segmentation.core.segmentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One segment of a {@link SegmentationModel}.
 *
 * @param id               the stable id ({@code S1}, {@code S2}, ...): by size at the first fit (largest first),
 *                         carried over from the previous model when matched
 * @param name             the name shown in outputs; the id unless renamed; distinct within a model
 * @param size             fit rows assigned to it (nearest centroid)
 * @param share            {@code size} over all fit rows
 * @param centroid         the centroid in the feature space ({@link FeatureSpace} layout, one value per dimension)
 * @param centroidOriginal the centroid's numeric coordinates in original units ({@link NumericFeature#toOriginal}),
 *                         one per numeric feature in layout order
 * @param levelShares      per categorical feature (in layout order), per level: the centroid's one-hot coordinate
 *                         divided by the feature's weight; for a k-means centroid, the level's share among the
 *                         segment's rows
 * @param distance         percentiles of the fit rows' distances to this centroid
 * @param matchDistance    with a previous model: the distance (in the previous model's feature space, on the common
 *                         features) to the previous centroid whose id this segment carries; {@code null} for a new
 *                         segment or without a previous model
 */
public record Segment(String id, String name, int size, double share, List<Double> centroid,
        List<Double> centroidOriginal, List<List<Double>> levelShares, DistancePercentiles distance,
        Double matchDistance) {

    public Segment {
        Objects.requireNonNull(id, "id");
        if (!SegmentIds.isId(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a segment id (S1, S2, ...)");
        }
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("segment " + id + ": the name must not be blank");
        }
        if (size < 0 || !(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("segment " + id + ": size " + size + " and share " + share
                    + " are out of range");
        }
        centroid = finiteList(id, centroid);
        centroidOriginal = finiteList(id, centroidOriginal);
        List<List<Double>> shares = new ArrayList<>();
        for (List<Double> l : levelShares) {
            shares.add(finiteList(id, l));
        }
        levelShares = List.copyOf(shares);
        Objects.requireNonNull(distance, "distance");
    }

    /** This segment under another name. */
    public Segment withName(String newName) {
        return new Segment(id, newName, size, share, centroid, centroidOriginal, levelShares, distance, matchDistance);
    }

    private static List<Double> finiteList(String id, List<Double> values) {
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("segment " + id + ": centroid values must be finite, got " + v);
            }
        }
        return List.copyOf(values);
    }
}
