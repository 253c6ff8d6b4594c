package org.example.segmentation.core.drift;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A monitored feature as the baseline fixed it: numeric with its quantile bin edges ({@link QuantileBins}), or
 * categorical with its reference levels plus one bucket, the last cell, for levels the reference never had.
 */
final class FeatureLayout {
    final String name;
    final boolean numeric;
    final boolean segmentation;
    private final double[] edges;
    final List<String> levels;
    private final Map<String, Integer> levelIndex;

    private FeatureLayout(String name, boolean numeric, boolean segmentation, double[] edges, List<String> levels) {
        this.name = Objects.requireNonNull(name, "name");
        this.numeric = numeric;
        this.segmentation = segmentation;
        this.edges = edges.clone();
        this.levels = List.copyOf(levels);
        this.levelIndex = new HashMap<>();
        for (int i = 0; i < this.levels.size(); i++) {
            levelIndex.put(this.levels.get(i), i);
        }
    }

    static FeatureLayout numeric(String name, boolean segmentation, double[] edges) {
        return new FeatureLayout(name, true, segmentation, edges, List.of());
    }

    static FeatureLayout categorical(String name, boolean segmentation, List<String> levels) {
        return new FeatureLayout(name, false, segmentation, new double[0], levels);
    }

    /** {@code numeric} or {@code categorical}. */
    String type() {
        return numeric ? "numeric" : "categorical";
    }

    /** The number of count cells: bins, or levels plus the unseen bucket. */
    int cells() {
        return numeric ? edges.length + 1 : levels.size() + 1;
    }

    /** The cell of a numeric value. */
    int binOf(double value) {
        return QuantileBins.binOf(edges, value);
    }

    /** The cell of a level: its index, or the unseen bucket {@code levels.size()}. */
    int cellOf(String level) {
        Integer i = levelIndex.get(level);
        return i == null ? levels.size() : i;
    }

    double[] edges() {
        return edges.clone();
    }

    FeatureLayout withSegmentation(boolean isSegmentation) {
        return new FeatureLayout(name, numeric, isSegmentation, edges, levels);
    }
}
