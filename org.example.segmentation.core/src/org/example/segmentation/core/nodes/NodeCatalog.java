package org.example.segmentation.core.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.campaign.ControlGroupConfig;
import org.example.segmentation.core.campaign.Group;
import org.example.segmentation.core.campaign.UpliftConfig;
import org.example.segmentation.core.cleaning.CleanerConfig;
import org.example.segmentation.core.cleaning.CleaningReport;
import org.example.segmentation.core.drift.DriftConfig;
import org.example.segmentation.core.drift.DriftReport;
import org.example.segmentation.core.profile.ProfilerConfig;
import org.example.segmentation.core.scoring.ScoringConfig;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.segmentation.SegmenterConfig;
import org.example.segmentation.core.selection.SelectorConfig;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;

/**
 * Every node of the KNIME extension (category {@value #CATEGORY_PATH}, "Customer Segmentation"), in the order
 * of the node repository. The KNIME bundle builds its node models, dialogs and descriptions from these entries.
 */
public final class NodeCatalog {

    /** The node repository path of our category. */
    public static final String CATEGORY_PATH = "/community/segmentation";
    /** The category's level id under {@code /community}. */
    public static final String CATEGORY_LEVEL_ID = "segmentation";
    /** The category's name. */
    public static final String CATEGORY_NAME = "Customer Segmentation";
    /** Java package of the node factories in the KNIME bundle. */
    public static final String NODE_PACKAGE = "org.example.segmentation.node";
    /** Flow variable the Drift Monitor pushes: OK, WARN or ALERT. */
    public static final String FLOW_DRIFT_STATUS = "drift_status";
    /** Flow variable the Drift Monitor pushes: the feature with the largest PSI. */
    public static final String FLOW_DRIFT_WORST_FEATURE = "drift_worst_feature";
    /** Flow variable the Drift Monitor pushes: that feature's PSI. */
    public static final String FLOW_DRIFT_WORST_PSI = "drift_worst_psi";

    private static final List<NodeDoc> NODES = build();

    private NodeCatalog() {
    }

    /** All nodes, in repository order. */
    public static List<NodeDoc> all() {
        return NODES;
    }

    /** The node with this id. */
    public static NodeDoc byId(String id) {
        return NODES.stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new InputException("no node with id '" + id + "'"));
    }

    /** The node whose factory is {@code factoryClass}, if any. */
    public static Optional<NodeDoc> byFactory(String factoryClass) {
        return NODES.stream().filter(n -> n.factoryClass().equals(factoryClass)).findFirst();
    }

    private static List<SettingSpec> only(List<SettingSpec> specs, boolean baselineKeys) {
        List<SettingSpec> out = new ArrayList<>();
        for (SettingSpec s : specs) {
            if (DriftConfig.BASELINE_KEYS.contains(s.key()) == baselineKeys) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private static List<ColumnDoc> cols(String... nameThenDescription) {
        List<ColumnDoc> out = new ArrayList<>();
        for (int i = 0; i < nameThenDescription.length; i += 2) {
            out.add(new ColumnDoc(nameThenDescription[i], nameThenDescription[i + 1]));
        }
        return List.copyOf(out);
    }

    private static List<ColumnDoc> glossary(List<String> names) {
        List<ColumnDoc> out = new ArrayList<>();
        for (String n : names) {
            out.add(new ColumnDoc(n, ColumnGlossary.describe(n)));
        }
        return List.copyOf(out);
    }

    private static NodeDoc node(String id, String name, String pkgClass, String type, String shortDescription,
            List<String> intro, String step, List<SettingSpec> specs, Function<Settings, ?> parser,
            List<PortDoc> in, List<PortDoc> out, boolean streamable) {
        return new NodeDoc(id, name, NODE_PACKAGE + "." + pkgClass, type, shortDescription, intro, step,
                () -> specs, parser, in, out, streamable);
    }

    private static List<NodeDoc> build() {
        PortDoc customers = PortDoc.of("Customers", PortKind.TABLE, "One row per customer: an identifier column, "
                + "numeric and categorical (string) columns. Numeric KNIME columns are read as numbers, string "
                + "columns as categories (at most 50 distinct values) or text.");
        PortDoc cleaningModel = PortDoc.of("Cleaning Model", PortKind.CLEANING_MODEL, "The fitted cleaning: "
                + "conversions, outlier fences, fill values, level maps and scaling, as the engine's JSON model "
                + "(the same file the command line writes as cleaning_model.json).");
        PortDoc segmentationModel = PortDoc.of("Segmentation Model", PortKind.SEGMENTATION_MODEL, "The fitted "
                + "segmentation: feature space, centroids, segment ids and names, quality and provenance (the "
                + "command line's segmentation_model.json).");
        List<ColumnDoc> segmentColumns = cols(
                "(identifier columns)", "the model's identifier columns, as the input holds them",
                SegmentationModel.SEGMENT, "the segment's name",
                SegmentationModel.SEGMENT_DISTANCE, "Euclidean distance to the segment's centroid in the model's "
                        + "feature space",
                SegmentationModel.SEGMENT_SECOND, "the second-nearest segment's name",
                SegmentationModel.SEGMENT_CONFIDENCE, "membership confidence 0..1: how much nearer the own centroid "
                        + "is than the second",
                SegmentationModel.OUT_OF_RANGE, "whether the customer lies farther from the centroid than the "
                        + "model's training customers did (a sign of drift)");

        List<NodeDoc> nodes = new ArrayList<>();
        nodes.add(node("segmentation_cleaner", "Segmentation Cleaner", "cleaning.SegmentationCleanerNodeFactory",
                "Learner", "Fits a cleaning of the customer table and cleans it.",
                List.of("Learns how to clean the customer table and applies it: invalid values, missing values "
                        + "(per type or per column), outliers, duplicate customers, rare levels, constant columns, "
                        + "scaling and pseudonymised identifiers. Every decision goes into the Cleaning Model, so "
                        + "the Segmentation Cleaner (Apply) node cleans next month's table exactly the same way.",
                        "Warnings report the rows removed and the values imputed. Settings are the engine's "
                        + "cleaner settings, with the same keys as the command line's --set options."),
                "cleaner", CleanerConfig.SPECS, CleanerConfig::fromSettings,
                List.of(customers),
                List.of(PortDoc.table("Cleaned table", "The cleaned customers.", cols(
                                "(identifier and feature columns)", "the identifier columns, then the cleaned "
                                        + "features (scaled as set by scaling), in the input's order",
                                "<feature>_missing", "0/1 indicator per feature that had missing values at fit "
                                        + "(with missing.indicators=true)",
                                "(other columns)", "columns the cleaning does not use pass through unchanged")),
                        cleaningModel,
                        PortDoc.table("Cleaning report", "One row per input column: what the cleaning did.",
                                glossary(CleaningReport.COLUMNS))),
                false));
        nodes.add(node("segmentation_cleaner_apply", "Segmentation Cleaner (Apply)",
                "cleaning.SegmentationCleanerApplyNodeFactory", "Predictor",
                "Cleans a table with a saved Cleaning Model.",
                List.of("Cleans a new table (next month's customers) with the conversions, fences, fill values, "
                        + "level maps and scaling of a Cleaning Model, unchanged. Streamable: in a streamed "
                        + "workflow the table is cleaned in chunks of 10,000 rows, so duplicate customers are "
                        + "only found within a chunk."),
                "cleaner", List.of(), s -> s,
                List.of(cleaningModel, PortDoc.of("Table", PortKind.TABLE, "The customers to clean; it needs "
                        + "every column the model was fitted on.")),
                List.of(PortDoc.table("Cleaned table", "The cleaned customers (row ids are new: cleaning may "
                        + "remove rows).", cols(
                                "(identifier and feature columns)", "as the Segmentation Cleaner's output",
                                "<feature>_missing", "0/1 missing indicators, if the model adds them",
                                "(other columns)", "columns the model does not know pass through unchanged"))),
                true));
        nodes.add(node("feature_selector", "Segmentation Feature Selector",
                "selection.FeatureSelectorNodeFactory", "Learner", "Selects the features a segmentation should use.",
                List.of("Drops features with too many missing values, near-zero variance or one dominant level, "
                        + "and the redundant one of each strongly correlated pair; optionally ranks by PCA "
                        + "loadings or against a target. The report says for every feature why it was kept or "
                        + "dropped."),
                "selector", SelectorConfig.SPECS, SelectorConfig::fromSettings,
                List.of(customers),
                List.of(PortDoc.table("Selected features", "The identifier columns and the selected features.",
                                cols("(identifier columns)", "as in the input",
                                        "(selected features)", "the kept features, unchanged")),
                        PortDoc.table("Selection report", "One row per candidate feature.", glossary(List.of(
                                "feature", "type", "status", "rule", "value", "other_feature", "rank", "score",
                                "missing_share", "scaled_variance", "dominant_share"))),
                        PortDoc.of("Feature Selection", PortKind.FEATURE_SELECTION, "The selection as the engine's "
                                + "JSON model (feature_selection.json), to select the same features next month.")),
                false));
        nodes.add(node("customer_segmenter", "Customer Segmenter", "segmentation.CustomerSegmenterNodeFactory",
                "Learner", "Clusters customers into segments, choosing k automatically.",
                List.of("Segments customers with k-means (k-means++, restarts, same result for any thread count), "
                        + "mini-batch k-means, k-prototypes for mixed data, or Weka's EM and hierarchical "
                        + "clustering. With k=0 it tries k from k.min to k.max (2 to 10) and chooses by silhouette, "
                        + "Calinski-Harabasz, Davies-Bouldin and bootstrap stability; the k-selection table says "
                        + "why.",
                        "The PMML output is a PMML 4.4 ClusteringModel, so KNIME's own PMML Predictor and Cluster "
                        + "Assigner can score the segmentation too."),
                "segmenter", SegmenterConfig.SPECS, SegmenterConfig::fromSettings,
                List.of(customers),
                List.of(PortDoc.table("Segmented customers", "Every customer's segment.", segmentColumns),
                        segmentationModel,
                        PortDoc.table("k selection", "One row per candidate k with its quality measures.",
                                glossary(List.of("k", "inertia", "silhouette", "silhouette_simplified",
                                        "calinski_harabasz", "davies_bouldin", "stability", "min_segment_share",
                                        "chosen", "reason"))),
                        PortDoc.of("PMML cluster model", PortKind.PMML, "The segmentation as a PMML 4.4 "
                                + "ClusteringModel (centroids, feature scaling, segment names).")),
                false));
        nodes.add(node("segment_assigner", "Segment Assigner", "segmentation.SegmentAssignerNodeFactory",
                "Predictor", "Assigns customers to the segments of a Segmentation Model.",
                List.of("Gives every customer the nearest segment of a saved Segmentation Model, with the distance, "
                        + "the second-nearest segment and a confidence. Row-wise and streamable; row ids are kept."),
                "segmenter", List.of(), s -> s,
                List.of(segmentationModel, PortDoc.of("Customers", PortKind.TABLE, "Customers with the model's "
                        + "identifier and feature columns (cleaned as at fit).")),
                List.of(PortDoc.table("Assigned customers", "The segment of every customer.", segmentColumns)),
                true));
        nodes.add(node("segment_profiler", "Segment Profiler", "profile.SegmentProfilerNodeFactory", "Other",
                "Describes each segment in business words.",
                List.of("Profiles every segment against the population: size and share, means, medians, index, "
                        + "Cohen's d and Welch p-values for numeric features, level lifts for categorical ones, "
                        + "the most distinguishing features and a plain-language description. Profile the "
                        + "unscaled table (join the segment column to it) so that the figures are in business "
                        + "units."),
                "profiler", ProfilerConfig.SPECS, ProfilerConfig::fromSettings,
                List.of(PortDoc.of("Customers with segments", PortKind.TABLE, "Customers with a segment column "
                        + "(segment.column) and the features to profile.")),
                List.of(PortDoc.table("Profile", "One row per segment, feature, level and statistic (long "
                                + "format).", glossary(List.of("segment", "feature", "level", "statistic", "value"))),
                        PortDoc.table("Segment summary", "One row per segment.", glossary(List.of("segment", "size",
                                "share", "top_features", "description")))),
                false));
        nodes.add(new NodeDoc("digital_profile_scorer", "Digital Profile Scorer",
                NODE_PACKAGE + ".scoring.DigitalProfileScorerNodeFactory", "Predictor",
                "Scores every customer's digital profile, archetype, channel and lifecycle.",
                List.of("Computes the digital profile score 0-100 with its top contributors, the capability and "
                        + "trust axes and the digital archetype on the capability x trust grid, the best and "
                        + "second-best contact channel, the lifecycle stage, engagement level and product depth.",
                        "Without a Scoring Model at the optional input the node fits one on the input table and "
                        + "outputs it; with one, it scores with it unchanged (monthly scoring). Scoring is row-wise: "
                        + "a slice of the table gets the same answers per row."),
                "scoring", () -> ScoringConfig.SPECS, ScoringConfig::fromSettings,
                List.of(customers, PortDoc.optional("Scoring Model", PortKind.SCORING_MODEL, "A saved Scoring "
                        + "Model; when connected, the settings are taken from it.")),
                List.of(PortDoc.table("Scored customers", "The input with the scores appended.", cols(
                                "(input columns)", "the input columns, unchanged",
                                "digital_score", "digital profile score 0..100; missing when too little indicator "
                                        + "weight is available",
                                "digital_score_status", "ok or insufficient_data",
                                "points_<indicator>", "the points one score indicator contributed",
                                "top_contributor_1", "the indicator that contributed most",
                                "top_contributor_2", "the second contributor",
                                "top_contributor_3", "the third contributor",
                                "capability_score", "digital capability axis 0..100",
                                "trust_score", "digital trust axis 0..100",
                                "archetype", "Analogs, Wannabes, Mainstreamers, Paranoids, Chameleons or Nomads",
                                "archetype_margin", "score points to the nearest other archetype's region",
                                "archetype_borderline", "yes when the margin is below archetype.borderline_margin",
                                "channel_first", "best contact channel (app_push, email, whatsapp, sms, phone, "
                                        + "branch)",
                                "channel_second", "second-best contact channel",
                                "lifecycle_stage", "new, growing, mature, declining or dormant",
                                "engagement_level", "low, medium or high",
                                "product_depth", "single, dual or multi")),
                        PortDoc.of("Scoring Model", PortKind.SCORING_MODEL, "The Scoring Model used (fitted here "
                                + "or passed through).")),
                true));
        nodes.add(node("drift_baseline", "Drift Baseline", "drift.DriftBaselineNodeFactory", "Learner",
                "Summarises a reference month for drift monitoring.",
                List.of("Stores what drift monitoring compares against: quantile bins, moments and a seeded sample "
                        + "per numeric feature, level frequencies per categorical feature and, with a "
                        + "Segmentation Model, segment shares and distances. Its size does not grow with the "
                        + "number of customers."),
                "drift", only(DriftConfig.SPECS, true), DriftConfig::fromSettings,
                List.of(PortDoc.of("Reference customers", PortKind.TABLE, "The reference month (usually the "
                                + "month the segmentation was fitted on)."),
                        PortDoc.optional("Segmentation Model", PortKind.SEGMENTATION_MODEL, "Assigns the segments "
                                + "whose shares and distances are monitored.")),
                List.of(PortDoc.of("Drift Baseline", PortKind.DRIFT_BASELINE, "The baseline as the engine's JSON "
                        + "(drift_baseline.json).")),
                false));
        nodes.add(node("drift_monitor", "Drift Monitor", "drift.DriftMonitorNodeFactory", "Other",
                "Compares the current month with a Drift Baseline.",
                List.of("Streams the current month through the baseline: PSI, Kolmogorov-Smirnov, chi-square, "
                        + "Wasserstein and Jensen-Shannon per feature, mean, spread and missing-rate shifts, "
                        + "segment share and fit drift, Benjamini-Hochberg adjusted, and a verdict: OK (keep), "
                        + "WARN (watch) or ALERT (re-fit the segmentation).",
                        "The verdict is also pushed as flow variables " + FLOW_DRIFT_STATUS + ", "
                        + FLOW_DRIFT_WORST_FEATURE + " and " + FLOW_DRIFT_WORST_PSI + ", so a scheduled job "
                        + "can branch or alert on it. The settings here are the judging thresholds; what the "
                        + "baseline stores is fixed by the Drift Baseline node."),
                "drift", only(DriftConfig.SPECS, false), DriftConfig::fromSettings,
                List.of(PortDoc.of("Drift Baseline", PortKind.DRIFT_BASELINE, "The baseline of the reference "
                                + "month."),
                        PortDoc.of("Current customers", PortKind.TABLE, "This month's customers."),
                        PortDoc.optional("Segmentation Model", PortKind.SEGMENTATION_MODEL, "Needed when the "
                                + "baseline was fitted with a segmentation model."),
                        PortDoc.optional("Previous month", PortKind.TABLE, "Last month's customers with their "
                                + "segments, for the migration table (by customer id).")),
                List.of(PortDoc.table("Feature drift", "One row per monitored feature.",
                                glossary(DriftReport.FEATURE_COLUMNS)),
                        PortDoc.table("Segment drift", "One row per segment.", glossary(DriftReport.SEGMENT_COLUMNS)),
                        PortDoc.table("Migration", "Customers moving between segments (and archetypes) from the "
                                + "previous month; empty without the previous month.",
                                glossary(DriftReport.MIGRATION_COLUMNS))),
                false));
        nodes.add(node("control_group_assigner", "Control Group Assigner", "campaign.ControlGroupAssignerNodeFactory",
                "Manipulator", "Holds out control groups for a campaign.",
                List.of("Puts every customer into treatment or control (and optionally a global holdout) by a "
                        + "salted hash of the customer id: reproducible, stable across months, with the exact "
                        + "control share per stratum (e.g. per segment). The plan table checks the balance "
                        + "(standardised mean differences) and the sample ratio."),
                "control", ControlGroupConfig.SPECS, ControlGroupConfig::fromSettings,
                List.of(customers),
                List.of(PortDoc.table("Customers with group", "The identifier column and the group.", cols(
                                "(identifier column)", "the id.column",
                                Group.COLUMN, "treatment, control or holdout")),
                        PortDoc.table("Plan", "One row per stratum and one overall.", glossary(List.of("stratum",
                                "customers", "holdout", "treatment", "control", "control_share", "target_share",
                                "expected_control", "srm_p_value", "smd_<covariate>", "smd_chance", "balanced",
                                "flipped", "warning")))),
                false));
        nodes.add(node("campaign_uplift", "Campaign Uplift", "campaign.CampaignUpliftNodeFactory", "Other",
                "Measures a campaign's uplift per segment against the control group.",
                List.of("Compares treatment and control per segment and overall: rates or means, absolute and "
                        + "relative lift, Newcombe or Welch confidence interval, p-value, Benjamini-Hochberg "
                        + "adjustment and sample-ratio warnings."),
                "uplift", UpliftConfig.SPECS, UpliftConfig::fromSettings,
                List.of(PortDoc.of("Customers with group and outcome", PortKind.TABLE, "Customers with the group "
                        + "column (group.column), the outcome column and optionally a segment column.")),
                List.of(PortDoc.table("Uplift", "One row per segment and one overall.", glossary(List.of(
                        "segment", "treated_n", "control_n", "treated_<measure>", "control_<measure>", "abs_lift",
                        "rel_lift", "ci_low", "ci_high", "incremental", "test_statistic", "p_value", "p_adjusted",
                        "significant", "srm_p_value", "warning")))),
                false));
        return List.copyOf(nodes);
    }
}
