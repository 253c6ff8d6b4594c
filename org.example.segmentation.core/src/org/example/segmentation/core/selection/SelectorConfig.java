package org.example.segmentation.core.selection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;

/**
 * What {@link FeatureSelector#fit} does: an immutable, validated configuration that round-trips exactly through
 * the flat settings map ({@link #fromSettings}, {@link #toSettings}) the command line and the KNIME dialog
 * share. {@code docs/feature-selection.md} explains every key; {@link #SPECS} lists them with their defaults.
 *
 * @param include              the candidate features; empty = every numeric and categorical column that is not
 *                             an identifier or the target
 * @param exclude              columns never to use as features (wins over {@code include})
 * @param idColumns            the identifier columns passed through to the output; empty = every text column
 * @param maxMissingShare      a candidate with a larger share of missing (or non-finite) values is dropped, 0..1
 * @param minVariance          a numeric candidate whose variance after rescaling to [0,1] by its own min and max
 *                             is at most this is dropped, 0..0.25 (0 drops only constant columns)
 * @param maxDominantShare     a categorical candidate whose most frequent level has a larger share of the
 *                             non-missing values is dropped, 0..1
 * @param correlationMethod    how numeric pairs (and a numeric target) are correlated
 * @param correlationThreshold numeric pairs with |correlation| above this are redundant, 0..1 (1 = never)
 * @param cramersVThreshold    categorical pairs with Cramér's V above this are redundant, 0..1 (1 = never)
 * @param maxFeatures          keep at most this many features, ranked; 0 = no limit
 * @param pcaVariance          share of the variance the principal components used for ranking explain, (0,1]
 * @param target               the target column of supervised mode; empty = unsupervised
 * @param targetMethod         how supervised mode ranks features
 */
public record SelectorConfig(List<String> include, List<String> exclude, List<String> idColumns,
        double maxMissingShare, double minVariance, double maxDominantShare, CorrelationMethod correlationMethod,
        double correlationThreshold, double cramersVThreshold, int maxFeatures, double pcaVariance, String target,
        TargetMethod targetMethod) {

    /** How two numeric columns are correlated. */
    public enum CorrelationMethod {
        /** Pearson's product-moment correlation: linear association. */
        PEARSON,
        /** Spearman's rank correlation (Pearson on average ranks): any monotone association. */
        SPEARMAN;

        /** The settings value: {@code pearson} or {@code spearman}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How supervised mode ranks the features against the target. */
    public enum TargetMethod {
        /** {@link #INFOGAIN} for a categorical target, {@link #CORRELATION} for a numeric one. */
        AUTO,
        /** Weka's InfoGainAttributeEval (categorical target). */
        INFOGAIN,
        /** Weka's CfsSubsetEval with a greedy forward search (categorical target). */
        CFS,
        /** Absolute correlation, or the correlation ratio for a categorical feature (numeric target). */
        CORRELATION;

        /** The settings value: {@code auto}, {@code infogain}, {@code cfs} or {@code correlation}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String KEY_INCLUDE = "include";
    public static final String KEY_EXCLUDE = "exclude";
    public static final String KEY_ID_COLUMNS = "id.columns";
    public static final String KEY_MAX_MISSING_SHARE = "max_missing_share";
    public static final String KEY_MIN_VARIANCE = "min_variance";
    public static final String KEY_MAX_DOMINANT_SHARE = "max_dominant_share";
    public static final String KEY_CORRELATION_METHOD = "correlation.method";
    public static final String KEY_CORRELATION_THRESHOLD = "correlation.threshold";
    public static final String KEY_CRAMERS_V_THRESHOLD = "cramers_v.threshold";
    public static final String KEY_MAX_FEATURES = "max_features";
    public static final String KEY_PCA_VARIANCE = "pca.variance";
    public static final String KEY_TARGET = "target";
    public static final String KEY_TARGET_METHOD = "target.method";

    static final double DEFAULT_MAX_MISSING_SHARE = 0.5;
    static final double DEFAULT_MIN_VARIANCE = 1e-4;
    static final double DEFAULT_MAX_DOMINANT_SHARE = 0.95;
    static final double DEFAULT_CORRELATION_THRESHOLD = 0.9;
    static final double DEFAULT_CRAMERS_V_THRESHOLD = 0.9;
    static final double DEFAULT_PCA_VARIANCE = 0.9;
    /** The largest {@link #maxFeatures()}. */
    public static final int MAX_FEATURES_LIMIT = 100_000;
    /** The largest {@link #minVariance()}: the variance of values in [0,1] is at most 1/4. */
    public static final double MIN_VARIANCE_LIMIT = 0.25;

    private static final List<String> CORRELATION_METHODS = List.of("pearson", "spearman");
    private static final List<String> TARGET_METHODS = List.of("auto", "infogain", "cfs", "correlation");

    /** Every setting key with its default and meaning, in the order of the documentation. */
    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of(KEY_INCLUDE, "",
                    "candidate features (JSON array or comma-separated names); empty = every numeric and "
                            + "categorical column but identifiers and the target"),
            SettingSpec.of(KEY_EXCLUDE, "", "columns never used as features; wins over include"),
            SettingSpec.of(KEY_ID_COLUMNS, "",
                    "identifier columns passed through to the output, never features; empty = every text column"),
            SettingSpec.of(KEY_MAX_MISSING_SHARE, DEFAULT_MAX_MISSING_SHARE,
                    "drop a candidate with a larger share of missing values, 0..1"),
            SettingSpec.of(KEY_MIN_VARIANCE, DEFAULT_MIN_VARIANCE,
                    "drop a numeric candidate whose variance, after rescaling it to [0,1] by its min and max, is "
                            + "at most this, 0..0.25 (0 = only constant columns)"),
            SettingSpec.of(KEY_MAX_DOMINANT_SHARE, DEFAULT_MAX_DOMINANT_SHARE,
                    "drop a categorical candidate whose most frequent level has a larger share, 0..1"),
            SettingSpec.choice(KEY_CORRELATION_METHOD, "pearson", CORRELATION_METHODS,
                    "correlation of numeric pairs and of a numeric target: pearson (linear) or spearman (ranks)"),
            SettingSpec.of(KEY_CORRELATION_THRESHOLD, DEFAULT_CORRELATION_THRESHOLD,
                    "numeric pairs with |correlation| above this are redundant, 0..1 (1 = no redundancy filter)"),
            SettingSpec.of(KEY_CRAMERS_V_THRESHOLD, DEFAULT_CRAMERS_V_THRESHOLD,
                    "categorical pairs with Cramér's V above this are redundant, 0..1 (1 = no redundancy filter)"),
            SettingSpec.of(KEY_MAX_FEATURES, 0,
                    "keep at most this many features, the best ranked; 0 = no limit, 0.." + MAX_FEATURES_LIMIT),
            SettingSpec.of(KEY_PCA_VARIANCE, DEFAULT_PCA_VARIANCE,
                    "unsupervised ranking uses the principal components explaining this share of the variance, "
                            + "above 0 up to 1"),
            SettingSpec.of(KEY_TARGET, "",
                    "target column for supervised ranking (e.g. a past campaign's conversion); empty = unsupervised"),
            SettingSpec.choice(KEY_TARGET_METHOD, "auto", TARGET_METHODS,
                    "supervised ranking: auto (infogain for a categorical target, correlation for a numeric one), "
                            + "infogain, cfs, correlation"));

    /**
     * Validates the configuration.
     *
     * @throws InputException naming the setting and what is allowed: a share or threshold outside 0..1, a
     *                        variance outside 0..0.25, a negative {@code max_features}, {@code pca.variance} not in
     *                        (0,1], a blank or repeated column name in a list, the target also an identifier or in
     *                        {@code include}/{@code exclude}, a {@code target.method} other than auto without a
     *                        target
     */
    public SelectorConfig {
        include = names(KEY_INCLUDE, include);
        exclude = names(KEY_EXCLUDE, exclude);
        idColumns = names(KEY_ID_COLUMNS, idColumns);
        checkRange(KEY_MAX_MISSING_SHARE, maxMissingShare, 0, 1);
        checkRange(KEY_MIN_VARIANCE, minVariance, 0, MIN_VARIANCE_LIMIT);
        checkRange(KEY_MAX_DOMINANT_SHARE, maxDominantShare, 0, 1);
        Objects.requireNonNull(correlationMethod, KEY_CORRELATION_METHOD);
        checkRange(KEY_CORRELATION_THRESHOLD, correlationThreshold, 0, 1);
        checkRange(KEY_CRAMERS_V_THRESHOLD, cramersVThreshold, 0, 1);
        if (maxFeatures < 0 || maxFeatures > MAX_FEATURES_LIMIT) {
            throw new InputException("selector setting '" + KEY_MAX_FEATURES + "' must be an integer from 0 to "
                    + MAX_FEATURES_LIMIT + " (0 = no limit), got " + maxFeatures);
        }
        if (!(pcaVariance > 0 && pcaVariance <= 1)) {
            throw new InputException("selector setting '" + KEY_PCA_VARIANCE
                    + "' must be a number above 0 and at most 1, got " + pcaVariance);
        }
        target = target == null ? "" : target;
        Objects.requireNonNull(targetMethod, KEY_TARGET_METHOD);
        if (!target.isEmpty()) {
            if (target.isBlank()) {
                throw new InputException("selector setting '" + KEY_TARGET
                        + "' must be a column name or empty, got '" + target + "'");
            }
            String[] keys = {KEY_ID_COLUMNS, KEY_INCLUDE, KEY_EXCLUDE};
            List<List<String>> lists = List.of(idColumns, include, exclude);
            for (int i = 0; i < keys.length; i++) {
                if (lists.get(i).contains(target)) {
                    throw new InputException("selector setting '" + KEY_TARGET + "' names column '" + target
                            + "', which is also listed in '" + keys[i]
                            + "'; the target is never a feature or an identifier");
                }
            }
        } else if (targetMethod != TargetMethod.AUTO) {
            throw new InputException("selector setting '" + KEY_TARGET_METHOD + "' is " + targetMethod.key()
                    + " but no '" + KEY_TARGET + "' is set; set a target column or use auto");
        }
        for (String id : idColumns) {
            if (include.contains(id)) {
                throw new InputException("selector setting '" + KEY_INCLUDE + "' names column '" + id
                        + "', which is also listed in '" + KEY_ID_COLUMNS + "'; an identifier is never a feature");
            }
        }
    }

    /** The defaults of {@link #SPECS}. */
    public static SelectorConfig defaults() {
        return fromSettings(Settings.empty());
    }

    /** Whether a target is set (supervised mode). */
    public boolean supervised() {
        return !target.isEmpty();
    }

    /**
     * Reads a configuration; unset keys take the defaults of {@link #SPECS}.
     *
     * @throws InputException for an unknown key (naming the closest known one) or a bad value, naming the key
     *                        and the allowed values
     */
    public static SelectorConfig fromSettings(Settings settings) {
        settings.requireKnown("selector", SPECS);
        return new SelectorConfig(
                settings.getList(KEY_INCLUDE, List.of()),
                settings.getList(KEY_EXCLUDE, List.of()),
                settings.getList(KEY_ID_COLUMNS, List.of()),
                settings.getDouble(KEY_MAX_MISSING_SHARE, DEFAULT_MAX_MISSING_SHARE, 0, 1),
                settings.getDouble(KEY_MIN_VARIANCE, DEFAULT_MIN_VARIANCE, 0, MIN_VARIANCE_LIMIT),
                settings.getDouble(KEY_MAX_DOMINANT_SHARE, DEFAULT_MAX_DOMINANT_SHARE, 0, 1),
                CorrelationMethod.valueOf(settings.getChoice(KEY_CORRELATION_METHOD, "pearson", CORRELATION_METHODS)
                        .toUpperCase(Locale.ROOT)),
                settings.getDouble(KEY_CORRELATION_THRESHOLD, DEFAULT_CORRELATION_THRESHOLD, 0, 1),
                settings.getDouble(KEY_CRAMERS_V_THRESHOLD, DEFAULT_CRAMERS_V_THRESHOLD, 0, 1),
                settings.getInt(KEY_MAX_FEATURES, 0, 0, MAX_FEATURES_LIMIT),
                pcaVariance(settings),
                settings.getString(KEY_TARGET, ""),
                TargetMethod.valueOf(settings.getChoice(KEY_TARGET_METHOD, "auto", TARGET_METHODS)
                        .toUpperCase(Locale.ROOT)));
    }

    private static double pcaVariance(Settings settings) {
        double v = settings.getDouble(KEY_PCA_VARIANCE, DEFAULT_PCA_VARIANCE, 0, 1);
        if (v <= 0) {
            throw new InputException("setting '" + KEY_PCA_VARIANCE + "' must be a number above 0 and at most 1, got '"
                    + settings.getString(KEY_PCA_VARIANCE, "") + "'");
        }
        return v;
    }

    /**
     * This configuration as settings, every key written (defaults too); {@link #fromSettings} reads it back to an
     * equal configuration.
     */
    public Settings toSettings() {
        Map<String, String> m = new TreeMap<>();
        m.put(KEY_INCLUDE, Settings.formatList(include));
        m.put(KEY_EXCLUDE, Settings.formatList(exclude));
        m.put(KEY_ID_COLUMNS, Settings.formatList(idColumns));
        m.put(KEY_MAX_MISSING_SHARE, Double.toString(maxMissingShare));
        m.put(KEY_MIN_VARIANCE, Double.toString(minVariance));
        m.put(KEY_MAX_DOMINANT_SHARE, Double.toString(maxDominantShare));
        m.put(KEY_CORRELATION_METHOD, correlationMethod.key());
        m.put(KEY_CORRELATION_THRESHOLD, Double.toString(correlationThreshold));
        m.put(KEY_CRAMERS_V_THRESHOLD, Double.toString(cramersVThreshold));
        m.put(KEY_MAX_FEATURES, Integer.toString(maxFeatures));
        m.put(KEY_PCA_VARIANCE, Double.toString(pcaVariance));
        m.put(KEY_TARGET, target);
        m.put(KEY_TARGET_METHOD, targetMethod.key());
        return Settings.of(m);
    }

    private static List<String> names(String key, List<String> names) {
        Objects.requireNonNull(names, key);
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new InputException("selector setting '" + key + "' must list column names; it holds an empty "
                        + "name");
            }
            if (!seen.add(n)) {
                throw new InputException("selector setting '" + key + "' lists column '" + n + "' twice");
            }
            out.add(n);
        }
        return List.copyOf(out);
    }

    private static void checkRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InputException("selector setting '" + key + "' must be a number from " + format(min) + " to "
                    + format(max) + ", got " + value);
        }
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
