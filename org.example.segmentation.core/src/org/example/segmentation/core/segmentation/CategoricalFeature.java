package org.example.segmentation.core.segmentation;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * How one categorical feature enters the feature space: one dimension per level ("one-hot"), holding
 * {@code weight} for the row's level and 0 for the others. A level not in {@link #levels()} (unseen at fit) gives
 * 0 in every dimension of the feature.
 *
 * @param name   the column name
 * @param levels the levels seen at fit, in the column's dictionary order; at least two
 * @param shares each level's share of the fit rows, summing to 1
 * @param weight the indicator value, positive: {@link FeatureSpace#autoWeight} of the shares for
 *               {@code categorical.weight=auto}, else the setting
 */
public record CategoricalFeature(String name, List<String> levels, List<Double> shares, double weight) {

    public CategoricalFeature {
        Objects.requireNonNull(name, "name");
        levels = List.copyOf(levels);
        shares = List.copyOf(shares);
        if (levels.size() < 2) {
            throw new IllegalArgumentException("feature '" + name + "' needs at least two levels, got " + levels);
        }
        if (shares.size() != levels.size()) {
            throw new IllegalArgumentException("feature '" + name + "': " + levels.size() + " levels but "
                    + shares.size() + " shares");
        }
        if (new HashSet<>(levels).size() != levels.size()) {
            throw new IllegalArgumentException("feature '" + name + "': levels repeat");
        }
        for (Double s : shares) {
            if (s == null || !(s >= 0 && s <= 1)) {
                throw new IllegalArgumentException("feature '" + name + "': a share must be from 0 to 1, got " + s);
            }
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("feature '" + name + "': the weight must be positive and finite, got "
                    + weight);
        }
    }

    /** The position of {@code level} in {@link #levels()}, or -1. */
    public int indexOf(String level) {
        return levels.indexOf(level);
    }
}
