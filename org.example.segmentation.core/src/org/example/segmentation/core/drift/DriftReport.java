package org.example.segmentation.core.drift;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.example.segmentation.core.io.AtomicFile;
import org.example.segmentation.core.model.Engine;
import org.example.segmentation.core.model.ModelFile;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The result of monitoring one month: per feature, per segment, per segment and feature, the migration matrices
 * and the verdict ({@link #summary()}). Immutable. The tables have stable snake_case columns (the constants below),
 * one row per feature, segment, segment and feature, or migration cell; measures that do not apply are missing.
 */
public final class DriftReport {
    /** Columns of {@link #featureTable()} ({@code feature_drift.csv}). */
    public static final List<String> FEATURE_COLUMNS = List.of("feature", "type", "segmentation_feature", "status",
            "psi", "ks_statistic", "ks_p_value", "chi2_statistic", "chi2_p_value", "p_adjusted", "wasserstein_sd",
            "mean_ref", "mean_cur", "mean_shift_sd", "std_ref", "std_cur", "std_ratio", "missing_ref", "missing_cur",
            "unseen_share", "js_distance", "bins", "rows_ref", "rows_cur", "reason");
    /** Columns of {@link #segmentTable()} ({@code segment_drift.csv}). */
    public static final List<String> SEGMENT_COLUMNS = List.of("segment", "status", "rows_ref", "rows_cur",
            "share_ref", "share_cur", "share_change", "psi_contribution", "centroid_shift", "mean_distance_ref",
            "mean_distance_cur", "distance_change", "drifted_features");
    /** Columns of {@link #segmentFeatureTable()} ({@code segment_feature_drift.csv}). */
    public static final List<String> SEGMENT_FEATURE_COLUMNS = List.of("segment", "feature", "status", "rows_ref",
            "rows_cur", "psi", "mean_ref", "mean_cur", "mean_shift_sd");
    /** Columns of {@link #migrationTable()} ({@code migration.csv}). */
    public static final List<String> MIGRATION_COLUMNS = List.of("kind", "from", "to", "customers", "share_of_from");

    private final DriftConfig config;
    private final List<FeatureDrift> features;
    private final SegmentShareDrift shares;
    private final List<SegmentDrift> segments;
    private final List<SegmentFeatureDrift> segmentFeatures;
    private final List<MigrationCell> migration;
    private final DriftSummary summary;

    DriftReport(DriftConfig config, List<FeatureDrift> features, SegmentShareDrift shares, List<SegmentDrift> segments,
            List<SegmentFeatureDrift> segmentFeatures, List<MigrationCell> migration, DriftSummary summary) {
        this.config = config;
        this.features = List.copyOf(features);
        this.shares = shares;
        this.segments = List.copyOf(segments);
        this.segmentFeatures = List.copyOf(segmentFeatures);
        this.migration = List.copyOf(migration);
        this.summary = summary;
    }

    /** The verdict: status, worst feature and its PSI, recommendation, reasons. */
    public DriftSummary summary() {
        return summary;
    }

    /** Shortcut for {@code summary().status()}. */
    public DriftStatus status() {
        return summary.status();
    }

    /** The settings the month was judged with. */
    public DriftConfig config() {
        return config;
    }

    /** Every monitored feature, in the baseline's order. */
    public List<FeatureDrift> features() {
        return features;
    }

    /**
     * The named feature's drift.
     *
     * @throws IllegalArgumentException when the baseline does not monitor it
     */
    public FeatureDrift feature(String name) {
        for (FeatureDrift f : features) {
            if (f.feature().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("the report has no feature '" + name + "'");
    }

    /** The segment shares and fit, when segments are monitored. */
    public Optional<SegmentShareDrift> segmentShares() {
        return Optional.ofNullable(shares);
    }

    /** Every segment, in the baseline's order (empty without segments). */
    public List<SegmentDrift> segments() {
        return segments;
    }

    /** Every segment and feature (empty without segments). */
    public List<SegmentFeatureDrift> segmentFeatures() {
        return segmentFeatures;
    }

    /** The migration cells (empty without a previous month). */
    public List<MigrationCell> migration() {
        return migration;
    }

    /** {@code feature_drift.csv}: one row per feature, columns {@link #FEATURE_COLUMNS}. */
    public Table featureTable() {
        List<Column> c = new ArrayList<>();
        c.add(text("feature", features, FeatureDrift::feature));
        c.add(levels("type", features, FeatureDrift::type));
        c.add(levels("segmentation_feature", features, f -> Boolean.toString(f.segmentationFeature())));
        c.add(levels("status", features, f -> f.status().key()));
        c.add(number("psi", features, FeatureDrift::psi));
        c.add(number("ks_statistic", features, FeatureDrift::ksStatistic));
        c.add(number("ks_p_value", features, FeatureDrift::ksPValue));
        c.add(number("chi2_statistic", features, FeatureDrift::chi2Statistic));
        c.add(number("chi2_p_value", features, FeatureDrift::chi2PValue));
        c.add(number("p_adjusted", features, FeatureDrift::pAdjusted));
        c.add(number("wasserstein_sd", features, FeatureDrift::wassersteinSd));
        c.add(number("mean_ref", features, FeatureDrift::meanRef));
        c.add(number("mean_cur", features, FeatureDrift::meanCur));
        c.add(number("mean_shift_sd", features, FeatureDrift::meanShiftSd));
        c.add(number("std_ref", features, FeatureDrift::stdRef));
        c.add(number("std_cur", features, FeatureDrift::stdCur));
        c.add(number("std_ratio", features, FeatureDrift::stdRatio));
        c.add(number("missing_ref", features, FeatureDrift::missingRef));
        c.add(number("missing_cur", features, FeatureDrift::missingCur));
        c.add(number("unseen_share", features, FeatureDrift::unseenShare));
        c.add(number("js_distance", features, FeatureDrift::jsDistance));
        c.add(number("bins", features, f -> f.bins()));
        c.add(number("rows_ref", features, f -> f.rowsRef()));
        c.add(number("rows_cur", features, f -> f.rowsCur()));
        c.add(text("reason", features, FeatureDrift::reason));
        return Table.of(c);
    }

    /** {@code segment_drift.csv}: one row per segment, columns {@link #SEGMENT_COLUMNS}. */
    public Table segmentTable() {
        List<Column> c = new ArrayList<>();
        c.add(text("segment", segments, SegmentDrift::segment));
        c.add(levels("status", segments, s -> s.status().key()));
        c.add(number("rows_ref", segments, s -> s.rowsRef()));
        c.add(number("rows_cur", segments, s -> s.rowsCur()));
        c.add(number("share_ref", segments, SegmentDrift::shareRef));
        c.add(number("share_cur", segments, SegmentDrift::shareCur));
        c.add(number("share_change", segments, SegmentDrift::shareChange));
        c.add(number("psi_contribution", segments, SegmentDrift::psiContribution));
        c.add(number("centroid_shift", segments, SegmentDrift::centroidShift));
        c.add(number("mean_distance_ref", segments, SegmentDrift::meanDistanceRef));
        c.add(number("mean_distance_cur", segments, SegmentDrift::meanDistanceCur));
        c.add(number("distance_change", segments, SegmentDrift::distanceChange));
        c.add(number("drifted_features", segments, s -> s.driftedFeatures()));
        return Table.of(c);
    }

    /** {@code segment_feature_drift.csv}: one row per segment and feature, columns {@link #SEGMENT_FEATURE_COLUMNS}. */
    public Table segmentFeatureTable() {
        List<Column> c = new ArrayList<>();
        c.add(text("segment", segmentFeatures, SegmentFeatureDrift::segment));
        c.add(text("feature", segmentFeatures, SegmentFeatureDrift::feature));
        c.add(levels("status", segmentFeatures, s -> s.status().key()));
        c.add(number("rows_ref", segmentFeatures, s -> s.rowsRef()));
        c.add(number("rows_cur", segmentFeatures, s -> s.rowsCur()));
        c.add(number("psi", segmentFeatures, SegmentFeatureDrift::psi));
        c.add(number("mean_ref", segmentFeatures, SegmentFeatureDrift::meanRef));
        c.add(number("mean_cur", segmentFeatures, SegmentFeatureDrift::meanCur));
        c.add(number("mean_shift_sd", segmentFeatures, SegmentFeatureDrift::meanShiftSd));
        return Table.of(c);
    }

    /** {@code migration.csv}: one row per matrix cell (long format), columns {@link #MIGRATION_COLUMNS}. */
    public Table migrationTable() {
        List<Column> c = new ArrayList<>();
        c.add(levels("kind", migration, MigrationCell::kind));
        c.add(text("from", migration, MigrationCell::from));
        c.add(text("to", migration, MigrationCell::to));
        c.add(number("customers", migration, m -> m.customers()));
        c.add(number("share_of_from", migration, MigrationCell::shareOfFrom));
        return Table.of(c);
    }

    /**
     * {@code drift_summary.json}: the {@link DriftSummary} fields in snake_case (NaN as null), the segment shares,
     * the settings and the engine version. UTF-8, ending in a newline.
     */
    public byte[] summaryJson() {
        ObjectNode root = ModelFile.mapper().createObjectNode();
        DriftSummary s = summary;
        root.put("status", s.status().name());
        root.put("recommendation", s.recommendation());
        root.put("advice", s.advice());
        root.put("worst_feature", s.worstFeature());
        put(root, "worst_psi", s.worstPsi());
        ArrayNode reasons = root.putArray("reasons");
        s.reasons().forEach(reasons::add);
        root.put("rows_ref", s.rowsRef());
        root.put("rows_cur", s.rowsCur());
        root.put("features_monitored", s.featuresMonitored());
        root.put("features_moderate", s.featuresModerate());
        root.put("features_significant", s.featuresSignificant());
        root.put("features_no_data", s.featuresNoData());
        root.put("segment_share_status", s.segmentShareStatus());
        put(root, "segment_share_psi", s.segmentSharePsi());
        put(root, "max_share_change", s.maxShareChange());
        if (shares != null) {
            root.put("max_share_segment", shares.maxShareSegment());
            put(root, "segment_share_p_adjusted", shares.pAdjusted());
            put(root, "mean_distance_ref", shares.meanDistanceRef());
            put(root, "mean_distance_cur", shares.meanDistanceCur());
            put(root, "distance_change", shares.distanceChange());
            root.put("distance_status", shares.distanceStatus().key());
        }
        root.put("customers_matched", s.customersMatched());
        root.put("customers_stayed", s.customersStayed());
        ArrayNode extra = root.putArray("columns_not_in_baseline");
        s.columnsNotInBaseline().forEach(extra::add);
        root.put("baseline_created_at", s.baselineCreatedAt());
        root.put("baseline_input_hash", s.baselineInputHash());
        root.put("engine_version", Engine.VERSION);
        ObjectNode settings = root.putObject("settings");
        config.toSettings().asMap().forEach(settings::put);
        try {
            byte[] json = ModelFile.mapper().writeValueAsBytes(root);
            byte[] out = java.util.Arrays.copyOf(json, json.length + 1);
            out[json.length] = '\n';
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the drift summary as JSON", e);
        }
    }

    /** Writes {@link #summaryJson()} atomically. */
    public void writeSummary(Path file) {
        byte[] bytes = summaryJson();
        AtomicFile.write(file, out -> out.write(bytes));
    }

    @Override
    public String toString() {
        return "DriftReport[" + summary.status() + ", worst " + summary.worstFeature() + " PSI " + summary.worstPsi()
                + "]";
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void put(ObjectNode node, String name, double v) {
        if (Double.isFinite(v)) {
            node.put(name, v);
        } else {
            node.putNull(name);
        }
    }

    private static <T> TextColumn text(String name, List<T> rows, Function<T, String> value) {
        TextColumn.Builder b = TextColumn.builder(name, rows.size());
        rows.forEach(r -> b.add(value.apply(r)));
        return b.build();
    }

    private static <T> CategoricalColumn levels(String name, List<T> rows, Function<T, String> value) {
        CategoricalColumn.Builder b = CategoricalColumn.builder(name, rows.size());
        rows.forEach(r -> b.add(Objects.requireNonNull(value.apply(r))));
        return b.build();
    }

    private static <T> NumericColumn number(String name, List<T> rows, ToDoubleFunction<T> value) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = value.applyAsDouble(rows.get(i));
        }
        return NumericColumn.of(name, v);
    }
}
