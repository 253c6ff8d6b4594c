package org.example.segmentation.core.nodes;

import java.util.Map;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;

/**
 * One sentence for every column name of the engine's report tables, used by the node descriptions. A name the
 * glossary does not know is an error, so that a new report column cannot go undocumented.
 */
final class ColumnGlossary {
    private static final Map<String, String> TEXT = new TreeMap<>();

    static {
        // cleaning report
        put("feature", "the column (feature) the row is about");
        put("role", "identifier, feature or dropped");
        put("type_in", "the column's type in the input");
        put("type_out", "the column's type after cleaning");
        put("action", "what the cleaning did to the column");
        put("missing_before", "missing values before cleaning");
        put("invalid", "values that were not valid for the column's type (became missing)");
        put("outliers", "values beyond the outlier fences (clipped or removed)");
        put("imputed", "missing values filled");
        put("levels_grouped", "rare levels grouped into Other");
        put("values_grouped", "values in the grouped levels");
        put("unseen", "levels not seen at fit (apply only)");
        put("missing_after", "missing values after cleaning");
        put("dropped", "whether the column was dropped");
        put("reason", "why (in words)");
        // selection report
        put("type", "numeric or categorical");
        put("status", "the verdict for the row (kept/dropped, ok/moderate/significant, ...)");
        put("rule", "the rule that decided");
        put("value", "the value the rule or statistic measured");
        put("other_feature", "the feature it is redundant with, if any");
        put("rank", "rank among the kept features");
        put("score", "ranking score (PCA loading or target association)");
        put("missing_share", "share of missing values");
        put("scaled_variance", "variance after scaling to 0..1");
        put("dominant_share", "share of the most frequent level");
        // k selection
        put("k", "the number of segments tried");
        put("inertia", "within-segment sum of squared distances");
        put("silhouette", "mean silhouette (higher is better)");
        put("silhouette_simplified", "simplified silhouette on centroids (higher is better)");
        put("calinski_harabasz", "Calinski-Harabasz index (higher is better)");
        put("davies_bouldin", "Davies-Bouldin index (lower is better)");
        put("stability", "bootstrap stability, adjusted Rand index (higher is better)");
        put("min_segment_share", "share of the smallest segment");
        put("chosen", "true for the chosen k");
        // profile
        put("segment", "the segment (or the population / overall row)");
        put("level", "the category level for categorical statistics, else empty");
        put("statistic", "the statistic's name (count, mean, median, index, cohens_d, lift, ...)");
        put("size", "customers in the segment");
        put("share", "the segment's share of all customers");
        put("top_features", "the features that distinguish the segment most");
        put("description", "the segment in plain language");
        // drift
        put("segmentation_feature", "whether the segmentation uses the feature");
        put("psi", "population stability index");
        put("ks_statistic", "two-sample Kolmogorov-Smirnov statistic");
        put("ks_p_value", "its p-value");
        put("chi2_statistic", "chi-square statistic of the level frequencies");
        put("chi2_p_value", "its p-value");
        put("p_adjusted", "Benjamini-Hochberg adjusted p-value");
        put("wasserstein_sd", "Wasserstein distance in reference standard deviations");
        put("mean_ref", "mean in the reference month");
        put("mean_cur", "mean in the current month");
        put("mean_shift_sd", "mean shift in reference standard deviations");
        put("std_ref", "standard deviation in the reference month");
        put("std_cur", "standard deviation in the current month");
        put("std_ratio", "current over reference standard deviation");
        put("missing_ref", "missing rate in the reference month");
        put("missing_cur", "missing rate in the current month");
        put("unseen_share", "share of current values in levels the reference never had");
        put("js_distance", "Jensen-Shannon distance of the distributions");
        put("bins", "number of quantile bins");
        put("rows_ref", "rows in the reference month");
        put("rows_cur", "rows in the current month");
        put("share_ref", "segment share in the reference month");
        put("share_cur", "segment share in the current month");
        put("share_change", "current minus reference share");
        put("psi_contribution", "the segment's term of the segment-share PSI");
        put("centroid_shift", "how far the segment's centre moved, in reference standard deviations");
        put("mean_distance_ref", "mean distance to the centroid in the reference month");
        put("mean_distance_cur", "mean distance to the centroid in the current month");
        put("distance_change", "relative change of the mean distance");
        put("drifted_features", "features that drifted within the segment");
        put("kind", "segment or archetype migration");
        put("from", "last month's segment (or archetype)");
        put("to", "this month's segment (or archetype)");
        put("customers", "number of customers");
        put("share_of_from", "share of the from-segment's customers");
        // control groups
        put("stratum", "the stratum (segment) or overall");
        put("holdout", "customers in the global holdout");
        put("treatment", "customers in treatment");
        put("control", "customers in control");
        put("control_share", "control share of the stratum");
        put("target_share", "the control share asked for");
        put("expected_control", "control customers expected at the target share");
        put("srm_p_value", "sample-ratio-mismatch test p-value (small = the split is off)");
        put("smd_<covariate>", "standardised mean difference of a balance covariate between treatment and control");
        put("smd_chance", "the standardised mean difference expected by chance");
        put("balanced", "whether every covariate is within balance.smd_threshold");
        put("flipped", "customers whose group changed against previous.column");
        put("warning", "warnings, if any");
        // uplift
        put("treated_n", "customers in treatment");
        put("control_n", "customers in control");
        put("treated_<measure>", "treatment outcome rate or mean");
        put("control_<measure>", "control outcome rate or mean");
        put("abs_lift", "treated minus control");
        put("rel_lift", "absolute lift relative to control");
        put("ci_low", "lower end of the confidence interval of the absolute lift");
        put("ci_high", "upper end of the confidence interval of the absolute lift");
        put("incremental", "incremental outcomes in the treatment group");
        put("test_statistic", "the test statistic (z or Welch t)");
        put("p_value", "two-sided p-value");
        put("significant", "whether the adjusted p-value is below alpha");
    }

    private ColumnGlossary() {
    }

    private static void put(String name, String text) {
        TEXT.put(name, text);
    }

    /** The sentence for {@code column}. */
    static String describe(String column) {
        String t = TEXT.get(column);
        if (t == null) {
            throw new InputException("column '" + column + "' has no description in the node glossary");
        }
        return t;
    }
}
