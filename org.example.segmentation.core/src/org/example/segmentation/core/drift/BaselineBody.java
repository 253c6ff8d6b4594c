package org.example.segmentation.core.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.example.segmentation.core.InputException;

/**
 * The body of a drift baseline file (snake_case JSON through {@link org.example.segmentation.core.model.ModelFile}).
 * Values that do not apply are {@code null} (the mean of a categorical feature) or empty (its bin edges).
 * {@link #validate} checks a loaded body for consistency, so a hand-edited or truncated file fails with the
 * feature and the field named instead of giving wrong numbers.
 *
 * @param settings the drift settings the baseline was fitted with, defaults included
 * @param rows     rows of the reference table
 * @param features the monitored features, in order
 * @param segments the segments, or null when segments are not monitored
 */
record BaselineBody(Map<String, String> settings, long rows, List<Feature> features, Segments segments) {

    /**
     * One monitored feature.
     *
     * @param name         column name
     * @param type         {@code numeric} or {@code categorical}
     * @param segmentation whether the segmentation uses it
     * @param rows         non-missing values
     * @param missing      missing values
     * @param mean         mean (numeric), else null
     * @param std          sample standard deviation (numeric), else null
     * @param min          smallest value (numeric), else null
     * @param max          largest value (numeric), else null
     * @param edges        bin edges (numeric), else empty
     * @param levels       reference levels (categorical), else empty
     * @param counts       values per bin, or per level followed by the unseen bucket (always 0 here)
     * @param sample       the sorted reservoir sample (numeric), else empty
     */
    record Feature(String name, String type, boolean segmentation, long rows, long missing, Double mean, Double std,
            Double min, Double max, double[] edges, List<String> levels, long[] counts, double[] sample) {
    }

    /**
     * The segments.
     *
     * @param column         segment column, empty when a model assigned them
     * @param distanceColumn distance column, empty for none
     * @param modelId        the assigning model, empty for a column
     * @param names          segment names
     * @param rows           rows per segment
     * @param missing        rows without a segment
     * @param meanDistance   mean distance to the centroid per segment, null without distances
     * @param distanceRows   rows with a distance per segment
     * @param features       per feature (in the order of {@code features}) its statistics within each segment
     */
    record Segments(String column, String distanceColumn, String modelId, List<String> names, long[] rows,
            long missing, List<Double> meanDistance, long[] distanceRows, List<SegmentFeature> features) {
    }

    /**
     * One feature within each segment.
     *
     * @param feature the feature
     * @param rows    non-missing values per segment
     * @param means   mean per segment, null for categorical features or without values
     * @param counts  values per segment and cell
     */
    record SegmentFeature(String feature, long[] rows, List<Double> means, long[][] counts) {
    }

    // ---------------------------------------------------------------------------------------------------------

    static BaselineBody of(DriftConfig config, List<FeatureLayout> layout, SegmentLayout segments, MonthStats stats) {
        List<Feature> features = new ArrayList<>();
        for (int f = 0; f < layout.size(); f++) {
            FeatureLayout fl = layout.get(f);
            FeatureStats s = stats.features().get(f);
            features.add(new Feature(fl.name, fl.type(), fl.segmentation, s.rows(), s.missing(),
                    boxed(s.mean()), boxed(s.std()), boxed(s.min()), boxed(s.max()), fl.edges(), fl.levels,
                    s.counts(), s.sample()));
        }
        Segments segmentBody = null;
        if (segments != null) {
            SegmentStats ss = stats.segments();
            List<SegmentFeature> per = new ArrayList<>();
            for (int f = 0; f < layout.size(); f++) {
                SegmentStats.PerSegment p = ss.features().get(f);
                per.add(new SegmentFeature(layout.get(f).name, p.rows(), boxedList(p.means()), p.counts()));
            }
            segmentBody = new Segments(segments.column(), segments.distanceColumn(), segments.modelId(),
                    segments.names(), ss.rows(), ss.missing(), boxedList(ss.meanDistance()), ss.distanceRows(), per);
        }
        return new BaselineBody(config.toSettings().asMap(), stats.rows(), features, segmentBody);
    }

    List<FeatureLayout> layout() {
        List<FeatureLayout> out = new ArrayList<>();
        for (Feature f : features) {
            out.add(f.type.equals("numeric") ? FeatureLayout.numeric(f.name, f.segmentation, f.edges)
                    : FeatureLayout.categorical(f.name, f.segmentation, f.levels));
        }
        return out;
    }

    SegmentLayout segmentLayout() {
        return segments == null ? null
                : new SegmentLayout(segments.column, segments.distanceColumn, segments.modelId, segments.names);
    }

    MonthStats stats() {
        List<FeatureStats> out = new ArrayList<>();
        for (Feature f : features) {
            out.add(new FeatureStats(f.rows, f.missing, unboxed(f.mean), unboxed(f.std), unboxed(f.min),
                    unboxed(f.max), f.counts.clone(), f.sample.clone(), Map.of()));
        }
        SegmentStats segmentStats = null;
        if (segments != null) {
            List<SegmentStats.PerSegment> per = new ArrayList<>();
            for (SegmentFeature sf : segments.features) {
                long[][] counts = new long[sf.counts.length][];
                for (int s = 0; s < counts.length; s++) {
                    counts[s] = sf.counts[s].clone();
                }
                per.add(new SegmentStats.PerSegment(sf.rows.clone(), unboxed(sf.means), counts));
            }
            segmentStats = new SegmentStats(segments.rows.clone(), segments.missing, unboxed(segments.meanDistance),
                    segments.distanceRows.clone(), per);
        }
        return new MonthStats(rows, out, segmentStats);
    }

    /**
     * Checks a loaded body.
     *
     * @throws InputException naming the feature and what is wrong
     */
    void validate(String file, int sampleSize) {
        String where = "baseline file " + file + ": ";
        if (rows < 1 || features == null || features.isEmpty()) {
            throw new InputException(where + "it has no rows or no features");
        }
        Set<String> names = new HashSet<>();
        for (Feature f : features) {
            if (f == null || f.name == null || f.name.isBlank() || !names.add(f.name)) {
                throw new InputException(where + "a feature has no name or a repeated name");
            }
            String at = where + "feature '" + f.name + "': ";
            require(f.counts != null && f.edges != null && f.levels != null && f.sample != null, at
                    + "'counts', 'edges', 'levels' and 'sample' must be arrays");
            require(f.rows >= 0 && f.missing >= 0 && f.rows + f.missing == rows, at + "rows and missing must add up to "
                    + rows);
            require(Arrays.stream(f.counts).allMatch(c -> c >= 0) && Arrays.stream(f.counts).sum() == f.rows,
                    at + "'counts' must be non-negative and add up to 'rows'");
            if ("numeric".equals(f.type)) {
                require(f.counts.length == f.edges.length + 1, at + "a numeric feature needs one count more than edges");
                for (int i = 0; i < f.edges.length; i++) {
                    require(Double.isFinite(f.edges[i]) && (i == 0 || f.edges[i] > f.edges[i - 1]),
                            at + "'edges' must be finite and strictly increasing");
                }
                require(f.levels.isEmpty(), at + "a numeric feature has no 'levels'");
                require(f.sample.length <= Math.max(sampleSize, 0) && f.sample.length <= f.rows,
                        at + "'sample' has more values than the sample size or the rows");
                for (int i = 0; i < f.sample.length; i++) {
                    require(Double.isFinite(f.sample[i]) && (i == 0 || f.sample[i] >= f.sample[i - 1]),
                            at + "'sample' must be finite and sorted");
                }
                require(f.rows == 0 || f.mean != null && f.std != null && f.min != null && f.max != null
                        && Double.isFinite(f.mean) && f.std >= 0, at + "'mean', 'std', 'min' and 'max' must be set");
            } else if ("categorical".equals(f.type)) {
                require(f.counts.length == f.levels.size() + 1, at
                        + "a categorical feature needs one count per level plus one for unseen levels");
                require(f.edges.length == 0 && f.sample.length == 0, at + "a categorical feature has no 'edges' "
                        + "and no 'sample'");
                require(f.levels.stream().allMatch(Objects::nonNull) && new HashSet<>(f.levels).size() == f.levels
                        .size(), at + "'levels' must be distinct and not null");
            } else {
                throw new InputException(at + "'type' must be numeric or categorical, got '" + f.type + "'");
            }
        }
        if (segments == null) {
            return;
        }
        Segments s = segments;
        String at = where + "segments: ";
        require(s.column != null && s.distanceColumn != null && s.modelId != null && s.names != null
                && s.rows != null && s.meanDistance != null && s.distanceRows != null && s.features != null,
                at + "every field must be set");
        require(!s.column.isEmpty() || !s.modelId.isEmpty(), at + "either 'column' or 'model_id' must be set");
        int k = s.names.size();
        require(k > 0 && s.names.stream().allMatch(Objects::nonNull) && new HashSet<>(s.names).size() == k,
                at + "'names' must be distinct and not empty");
        require(s.rows.length == k && s.meanDistance.size() == k && s.distanceRows.length == k,
                at + "'rows', 'mean_distance' and 'distance_rows' need one entry per segment");
        require(s.features.size() == features.size(), at + "'features' needs one entry per feature");
        for (int f = 0; f < features.size(); f++) {
            SegmentFeature sf = s.features.get(f);
            Feature feature = features.get(f);
            require(sf != null && feature.name.equals(sf.feature) && sf.rows != null && sf.means != null
                    && sf.counts != null && sf.rows.length == k && sf.means.size() == k && sf.counts.length == k,
                    at + "feature " + (f + 1) + " must be '" + feature.name + "' with one entry per segment");
            for (long[] c : sf.counts) {
                require(c != null && c.length == feature.counts.length, at + "feature '" + feature.name
                        + "': every segment needs " + feature.counts.length + " counts");
            }
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new InputException(message);
        }
    }

    private static Double boxed(double d) {
        return Double.isNaN(d) ? null : d;
    }

    private static List<Double> boxedList(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(boxed(v));
        }
        return out;
    }

    private static double unboxed(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static double[] unboxed(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = unboxed(values.get(i));
        }
        return out;
    }
}
