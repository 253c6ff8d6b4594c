package org.example.segmentation.core.cleaning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;

/**
 * What the {@link Cleaner} does: an immutable, validated configuration. Every component has a setting key
 * ({@link #SPECS}, documented with defaults in {@code docs/cleaning.md}); {@link #fromSettings} and
 * {@link #toSettings} convert exactly both ways.
 *
 * <p>Per-column missing-value strategies use keys with a prefix: {@code missing.column.<name>} (the rest of
 * the key after {@value #KEY_MISSING_COLUMN_PREFIX} is the column name, exactly, any UTF-8 text). They are
 * held in {@link #missingColumns()}; {@link #fromSettings} takes them out before checking the other keys
 * against {@link #SPECS}. Whether the named column exists and whether the strategy fits its type is checked
 * by {@link Cleaner#fit}, which knows the table.
 *
 * <p>{@link #toString()} hides the pseudonymisation salt; {@link #toSettings()} holds it (the model needs it
 * to pseudonymise next month's identifiers the same way).
 *
 * @param missingNumeric         strategy for numeric columns ({@code missing.numeric})
 * @param missingCategorical     strategy for categorical columns ({@code missing.categorical})
 * @param missingColumns         per-column strategies ({@code missing.column.<name>}), sorted by name
 * @param missingConstant        the value of strategy {@code constant}: a number for numeric columns, the level
 *                               for categorical ones ({@code missing.constant})
 * @param missingIndicators      add a 0/1 column {@code <name>_missing} per feature that had missing values at
 *                               fit ({@code missing.indicators})
 * @param missingMaxShare        drop a column with more than this share missing ({@code missing.max_share})
 * @param invalidNumericMinShare convert a text or categorical column to numeric when at least this share of
 *                               its non-missing values are numbers ({@code invalid.numeric_min_share})
 * @param outlierMethod          {@code outlier.method}
 * @param outlierIqrFactor       {@code outlier.iqr_factor}
 * @param outlierZ               {@code outlier.z}
 * @param outlierLowerPercentile first of {@code outlier.percentiles}, 0..100
 * @param outlierUpperPercentile second of {@code outlier.percentiles}, 0..100, above the first
 * @param outlierAction          {@code outlier.action}
 * @param duplicates             {@code duplicates}
 * @param duplicatesKey          {@code duplicates.key}: the key columns for {@code duplicates=key}
 * @param duplicatesKeep         {@code duplicates.keep}
 * @param dropConstant           {@code drop.constant}
 * @param idColumns              {@code id.columns}: identifiers (kept as row key, never features)
 * @param idDetect               {@code id.detect}: also treat identifier-like columns as identifiers
 * @param rareMinShare           {@code rare.min_share}: levels under this share become {@value #OTHER}
 * @param rareMaxLevels          {@code rare.max_levels}: at most this many levels per categorical column
 * @param unseen                 {@code unseen}: what apply does with a level never seen at fit
 * @param scaling                {@code scaling}
 * @param pseudonymiseColumns    {@code pseudonymise.columns}: identifiers replaced by salted SHA-256
 * @param pseudonymiseSalt       {@code pseudonymise.salt}
 * @param nonnegativeColumns     {@code nonnegative.columns}: numeric columns where a negative value is invalid
 * @param nonnegativeDetect      {@code nonnegative.detect}: also treat count-like columns so (whole numbers, at
 *                               most 1% of them negative at fit)
 */
public record CleanerConfig(MissingStrategy missingNumeric, MissingStrategy missingCategorical,
        Map<String, MissingStrategy> missingColumns, String missingConstant, boolean missingIndicators,
        double missingMaxShare, double invalidNumericMinShare, OutlierMethod outlierMethod, double outlierIqrFactor,
        double outlierZ, double outlierLowerPercentile, double outlierUpperPercentile, OutlierAction outlierAction,
        Duplicates duplicates, List<String> duplicatesKey, Keep duplicatesKeep, boolean dropConstant,
        List<String> idColumns, boolean idDetect, double rareMinShare, int rareMaxLevels, Unseen unseen,
        Scaling scaling, List<String> pseudonymiseColumns, String pseudonymiseSalt, List<String> nonnegativeColumns,
        boolean nonnegativeDetect) {

    /** The level rare and unseen levels are grouped into. */
    public static final String OTHER = "Other";
    /** The level strategy {@code unknown} fills missing categorical values with. */
    public static final String UNKNOWN = "Unknown";

    public static final String KEY_MISSING_NUMERIC = "missing.numeric";
    public static final String KEY_MISSING_CATEGORICAL = "missing.categorical";
    /** Prefix of the per-column strategy keys: {@code missing.column.<name>}. */
    public static final String KEY_MISSING_COLUMN_PREFIX = "missing.column.";
    public static final String KEY_MISSING_CONSTANT = "missing.constant";
    public static final String KEY_MISSING_INDICATORS = "missing.indicators";
    public static final String KEY_MISSING_MAX_SHARE = "missing.max_share";
    public static final String KEY_INVALID_NUMERIC_MIN_SHARE = "invalid.numeric_min_share";
    public static final String KEY_OUTLIER_METHOD = "outlier.method";
    public static final String KEY_OUTLIER_IQR_FACTOR = "outlier.iqr_factor";
    public static final String KEY_OUTLIER_Z = "outlier.z";
    public static final String KEY_OUTLIER_PERCENTILES = "outlier.percentiles";
    public static final String KEY_OUTLIER_ACTION = "outlier.action";
    public static final String KEY_DUPLICATES = "duplicates";
    public static final String KEY_DUPLICATES_KEY = "duplicates.key";
    public static final String KEY_DUPLICATES_KEEP = "duplicates.keep";
    public static final String KEY_DROP_CONSTANT = "drop.constant";
    public static final String KEY_ID_COLUMNS = "id.columns";
    public static final String KEY_ID_DETECT = "id.detect";
    public static final String KEY_RARE_MIN_SHARE = "rare.min_share";
    public static final String KEY_RARE_MAX_LEVELS = "rare.max_levels";
    public static final String KEY_UNSEEN = "unseen";
    public static final String KEY_SCALING = "scaling";
    public static final String KEY_PSEUDONYMISE_COLUMNS = "pseudonymise.columns";
    public static final String KEY_PSEUDONYMISE_SALT = "pseudonymise.salt";
    public static final String KEY_NONNEGATIVE_COLUMNS = "nonnegative.columns";
    public static final String KEY_NONNEGATIVE_DETECT = "nonnegative.detect";

    /** The strategies allowed for numeric columns, in the order help texts list them. */
    public static final List<MissingStrategy> NUMERIC_STRATEGIES = List.of(MissingStrategy.DROP_ROW,
            MissingStrategy.MEAN, MissingStrategy.MEDIAN, MissingStrategy.MOST_FREQUENT, MissingStrategy.CONSTANT,
            MissingStrategy.NONE);
    /** The strategies allowed for categorical columns. */
    public static final List<MissingStrategy> CATEGORICAL_STRATEGIES = List.of(MissingStrategy.DROP_ROW,
            MissingStrategy.MOST_FREQUENT, MissingStrategy.CONSTANT, MissingStrategy.UNKNOWN, MissingStrategy.NONE);

    private static final double MIN_IQR_FACTOR = 0.1;
    private static final double MAX_IQR_FACTOR = 100;
    private static final double MIN_Z = 0.5;
    private static final double MAX_Z = 100;
    private static final int MAX_LEVELS_LIMIT = 100_000;

    private static final CleanerConfig DEFAULTS = new CleanerConfig(MissingStrategy.MEDIAN, MissingStrategy.UNKNOWN,
            Map.of(), "0", false, 0.5, 0.9, OutlierMethod.PERCENTILE, 1.5, 3, 1, 99, OutlierAction.CLIP,
            Duplicates.EXACT,
            List.of(), Keep.FIRST, true, List.of(), true, 0.01, 20, Unseen.OTHER, Scaling.ZSCORE, List.of(), "", List.of(),
            true);

    /** The setting keys with their defaults and allowed values, for help texts, dialogs and the docs. */
    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.choice(KEY_MISSING_NUMERIC, "median", keys(NUMERIC_STRATEGIES),
                    "how to fill missing values of numeric columns (median: robust to the skew of incomes and "
                            + "balances)"),
            SettingSpec.choice(KEY_MISSING_CATEGORICAL, "unknown", keys(CATEGORICAL_STRATEGIES),
                    "how to fill missing values of categorical columns (unknown: a level 'Unknown', so that "
                            + "'not given' stays visible to the segmentation)"),
            new SettingSpec(KEY_MISSING_COLUMN_PREFIX + "<name>", "", List.of(),
                    "strategy for one column, overriding the per-type setting; allowed values as for the type"),
            SettingSpec.of(KEY_MISSING_CONSTANT, "0",
                    "the fill value of strategy constant: a number for numeric columns, a level for categorical"),
            SettingSpec.of(KEY_MISSING_INDICATORS, false,
                    "add a 0/1 column <name>_missing for every feature that had missing values at fit"),
            SettingSpec.of(KEY_MISSING_MAX_SHARE, "0.5",
                    "drop a column with more than this share of missing (or invalid) values, 0..1"),
            SettingSpec.of(KEY_INVALID_NUMERIC_MIN_SHARE, "0.9",
                    "convert a text column to numeric when at least this share of its values are numbers, 0.5..1"),
            SettingSpec.choice(KEY_OUTLIER_METHOD, "percentile", keys(OutlierMethod.values()),
                    "how to find outliers in numeric features (percentile: caps at outlier.percentiles, which "
                            + "treat about 1% per side even in heavy-tailed columns like balances)"),
            SettingSpec.of(KEY_OUTLIER_IQR_FACTOR, "1.5", "fences at Q1 - f*IQR and Q3 + f*IQR, f from 0.1 to 100"),
            SettingSpec.of(KEY_OUTLIER_Z, "3", "outliers have |z| above this, 0.5 to 100"),
            SettingSpec.of(KEY_OUTLIER_PERCENTILES, "1,99",
                    "lower and upper percentile caps, 0 <= lower < upper <= 100"),
            SettingSpec.choice(KEY_OUTLIER_ACTION, "clip", keys(OutlierAction.values()),
                    "what happens to an outlier: clip to the fence, set missing (then imputed), drop the row, "
                            + "or only flag it in <name>_outlier"),
            SettingSpec.choice(KEY_DUPLICATES, "exact", keys(Duplicates.values()),
                    "remove exact duplicate rows, rows with the same key, or none"),
            SettingSpec.of(KEY_DUPLICATES_KEY, "[]", "the key columns for duplicates=key"),
            SettingSpec.choice(KEY_DUPLICATES_KEEP, "first", keys(Keep.values()), "which of the duplicates to keep"),
            SettingSpec.of(KEY_DROP_CONSTANT, true, "drop columns with at most one distinct value"),
            SettingSpec.of(KEY_ID_COLUMNS, "[]", "identifier columns: kept as row key, never used as features"),
            SettingSpec.of(KEY_ID_DETECT, true,
                    "also treat identifier-like columns (nearly all values distinct) as identifiers"),
            SettingSpec.of(KEY_RARE_MIN_SHARE, "0.01",
                    "levels under this share of a categorical column are grouped into 'Other', 0..0.5"),
            SettingSpec.of(KEY_RARE_MAX_LEVELS, 20,
                    "at most this many levels per categorical column, 'Other' included, 2.." + MAX_LEVELS_LIMIT),
            SettingSpec.choice(KEY_UNSEEN, "other", keys(Unseen.values()),
                    "a level never seen at fit becomes 'Other' or missing when the model is applied"),
            SettingSpec.choice(KEY_SCALING, "zscore", keys(Scaling.values()),
                    "how numeric features are scaled; parameters are fitted once and reused"),
            SettingSpec.of(KEY_PSEUDONYMISE_COLUMNS, "[]",
                    "identifier columns replaced by the hex SHA-256 of salt + value"),
            SettingSpec.of(KEY_PSEUDONYMISE_SALT, "", "the salt; required when pseudonymise.columns names a column"),
            SettingSpec.of(KEY_NONNEGATIVE_COLUMNS, "[]",
                    "numeric columns that cannot be negative (counts, amounts): a negative value is invalid and "
                            + "becomes missing"),
            SettingSpec.of(KEY_NONNEGATIVE_DETECT, true,
                    "also treat count-like columns so: whole numbers at fit, at most 1% of them negative"));

    /**
     * Validates the configuration.
     *
     * @throws InputException naming the setting and what is allowed
     */
    public CleanerConfig {
        Objects.requireNonNull(missingNumeric, KEY_MISSING_NUMERIC);
        Objects.requireNonNull(missingCategorical, KEY_MISSING_CATEGORICAL);
        Objects.requireNonNull(missingConstant, KEY_MISSING_CONSTANT);
        Objects.requireNonNull(outlierMethod, KEY_OUTLIER_METHOD);
        Objects.requireNonNull(outlierAction, KEY_OUTLIER_ACTION);
        Objects.requireNonNull(duplicates, KEY_DUPLICATES);
        Objects.requireNonNull(duplicatesKeep, KEY_DUPLICATES_KEEP);
        Objects.requireNonNull(unseen, KEY_UNSEEN);
        Objects.requireNonNull(scaling, KEY_SCALING);
        Objects.requireNonNull(pseudonymiseSalt, KEY_PSEUDONYMISE_SALT);
        requireAllowed(KEY_MISSING_NUMERIC, missingNumeric, NUMERIC_STRATEGIES);
        requireAllowed(KEY_MISSING_CATEGORICAL, missingCategorical, CATEGORICAL_STRATEGIES);
        Map<String, MissingStrategy> columns = new TreeMap<>();
        for (Map.Entry<String, MissingStrategy> e : missingColumns.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "column name");
            if (name.isEmpty()) {
                throw new InputException("setting '" + KEY_MISSING_COLUMN_PREFIX + "' must name a column after '"
                        + KEY_MISSING_COLUMN_PREFIX + "'");
            }
            columns.put(name, Objects.requireNonNull(e.getValue(), KEY_MISSING_COLUMN_PREFIX + name));
        }
        missingColumns = Collections.unmodifiableMap(columns);
        if (missingNumeric == MissingStrategy.CONSTANT) {
            requireNumericConstant(missingConstant, KEY_MISSING_NUMERIC);
        }
        if (missingCategorical == MissingStrategy.CONSTANT) {
            requireLevelConstant(missingConstant, KEY_MISSING_CATEGORICAL);
        }
        requireRange(KEY_MISSING_MAX_SHARE, missingMaxShare, 0, 1);
        requireRange(KEY_INVALID_NUMERIC_MIN_SHARE, invalidNumericMinShare, 0.5, 1);
        requireRange(KEY_OUTLIER_IQR_FACTOR, outlierIqrFactor, MIN_IQR_FACTOR, MAX_IQR_FACTOR);
        requireRange(KEY_OUTLIER_Z, outlierZ, MIN_Z, MAX_Z);
        if (!(outlierLowerPercentile >= 0 && outlierLowerPercentile < outlierUpperPercentile
                && outlierUpperPercentile <= 100)) {
            throw new InputException("setting '" + KEY_OUTLIER_PERCENTILES
                    + "' must be two percentiles lower,upper with 0 <= lower < upper <= 100, got '"
                    + format(outlierLowerPercentile) + "," + format(outlierUpperPercentile) + "'");
        }
        duplicatesKey = names(KEY_DUPLICATES_KEY, duplicatesKey);
        if (duplicates == Duplicates.KEY && duplicatesKey.isEmpty()) {
            throw new InputException("setting '" + KEY_DUPLICATES_KEY + "' must name at least one column when '"
                    + KEY_DUPLICATES + "' is key");
        }
        idColumns = names(KEY_ID_COLUMNS, idColumns);
        requireRange(KEY_RARE_MIN_SHARE, rareMinShare, 0, 0.5);
        if (rareMaxLevels < 2 || rareMaxLevels > MAX_LEVELS_LIMIT) {
            throw new InputException("setting '" + KEY_RARE_MAX_LEVELS + "' must be an integer from 2 to "
                    + MAX_LEVELS_LIMIT + ", got '" + rareMaxLevels + "'");
        }
        pseudonymiseColumns = names(KEY_PSEUDONYMISE_COLUMNS, pseudonymiseColumns);
        nonnegativeColumns = names(KEY_NONNEGATIVE_COLUMNS, nonnegativeColumns);
        if (!pseudonymiseColumns.isEmpty() && pseudonymiseSalt.isEmpty()) {
            throw new InputException("setting '" + KEY_PSEUDONYMISE_SALT + "' must be set (any non-empty text) when '"
                    + KEY_PSEUDONYMISE_COLUMNS + "' names columns");
        }
    }

    /** The defaults of every setting. */
    public static CleanerConfig defaults() {
        return DEFAULTS;
    }

    /**
     * Reads a configuration; unset keys take their defaults ({@link #SPECS}).
     *
     * @throws InputException for an unknown key (naming the closest known one) or a bad value, naming the key
     *                        and the allowed values
     */
    public static CleanerConfig fromSettings(Settings settings) {
        Map<String, String> plain = new TreeMap<>();
        Map<String, MissingStrategy> columns = new TreeMap<>();
        for (Map.Entry<String, String> e : settings.asMap().entrySet()) {
            String key = e.getKey();
            if (key.startsWith(KEY_MISSING_COLUMN_PREFIX)) {
                String name = key.substring(KEY_MISSING_COLUMN_PREFIX.length());
                List<String> allowed = new ArrayList<>(new LinkedHashSet<>(
                        keysOf(NUMERIC_STRATEGIES, CATEGORICAL_STRATEGIES)));
                String v = settings.getChoice(key, null, allowed);
                if (name.isEmpty()) {
                    throw new InputException("setting '" + key + "' must name a column after '"
                            + KEY_MISSING_COLUMN_PREFIX + "'");
                }
                columns.put(name, MissingStrategy.parse(v));
            } else {
                plain.put(key, e.getValue());
            }
        }
        Settings s = Settings.of(plain);
        s.requireKnown("cleaner", SPECS);
        CleanerConfig d = DEFAULTS;
        double[] percentiles = percentiles(s, d);
        return new CleanerConfig(
                MissingStrategy.parse(s.getChoice(KEY_MISSING_NUMERIC, d.missingNumeric.key(),
                        keys(NUMERIC_STRATEGIES))),
                MissingStrategy.parse(s.getChoice(KEY_MISSING_CATEGORICAL, d.missingCategorical.key(),
                        keys(CATEGORICAL_STRATEGIES))),
                columns,
                s.getString(KEY_MISSING_CONSTANT, d.missingConstant),
                s.getBoolean(KEY_MISSING_INDICATORS, d.missingIndicators),
                s.getDouble(KEY_MISSING_MAX_SHARE, d.missingMaxShare, 0, 1),
                s.getDouble(KEY_INVALID_NUMERIC_MIN_SHARE, d.invalidNumericMinShare, 0.5, 1),
                choice(s, KEY_OUTLIER_METHOD, d.outlierMethod, OutlierMethod.values()),
                s.getDouble(KEY_OUTLIER_IQR_FACTOR, d.outlierIqrFactor, MIN_IQR_FACTOR, MAX_IQR_FACTOR),
                s.getDouble(KEY_OUTLIER_Z, d.outlierZ, MIN_Z, MAX_Z),
                percentiles[0], percentiles[1],
                choice(s, KEY_OUTLIER_ACTION, d.outlierAction, OutlierAction.values()),
                choice(s, KEY_DUPLICATES, d.duplicates, Duplicates.values()),
                s.getList(KEY_DUPLICATES_KEY, d.duplicatesKey),
                choice(s, KEY_DUPLICATES_KEEP, d.duplicatesKeep, Keep.values()),
                s.getBoolean(KEY_DROP_CONSTANT, d.dropConstant),
                s.getList(KEY_ID_COLUMNS, d.idColumns),
                s.getBoolean(KEY_ID_DETECT, d.idDetect),
                s.getDouble(KEY_RARE_MIN_SHARE, d.rareMinShare, 0, 0.5),
                s.getInt(KEY_RARE_MAX_LEVELS, d.rareMaxLevels, 2, MAX_LEVELS_LIMIT),
                choice(s, KEY_UNSEEN, d.unseen, Unseen.values()),
                choice(s, KEY_SCALING, d.scaling, Scaling.values()),
                s.getList(KEY_PSEUDONYMISE_COLUMNS, d.pseudonymiseColumns),
                s.getString(KEY_PSEUDONYMISE_SALT, d.pseudonymiseSalt),
                s.getList(KEY_NONNEGATIVE_COLUMNS, d.nonnegativeColumns),
                s.getBoolean(KEY_NONNEGATIVE_DETECT, d.nonnegativeDetect));
    }

    /**
     * Every setting, defaults included, with lists as JSON arrays and numbers in their shortest exact form;
     * {@link #fromSettings} reads it back to an equal configuration.
     */
    public Settings toSettings() {
        Map<String, String> m = new TreeMap<>();
        m.put(KEY_MISSING_NUMERIC, missingNumeric.key());
        m.put(KEY_MISSING_CATEGORICAL, missingCategorical.key());
        missingColumns.forEach((name, strategy) -> m.put(KEY_MISSING_COLUMN_PREFIX + name, strategy.key()));
        m.put(KEY_MISSING_CONSTANT, missingConstant);
        m.put(KEY_MISSING_INDICATORS, Boolean.toString(missingIndicators));
        m.put(KEY_MISSING_MAX_SHARE, format(missingMaxShare));
        m.put(KEY_INVALID_NUMERIC_MIN_SHARE, format(invalidNumericMinShare));
        m.put(KEY_OUTLIER_METHOD, outlierMethod.key());
        m.put(KEY_OUTLIER_IQR_FACTOR, format(outlierIqrFactor));
        m.put(KEY_OUTLIER_Z, format(outlierZ));
        m.put(KEY_OUTLIER_PERCENTILES, format(outlierLowerPercentile) + "," + format(outlierUpperPercentile));
        m.put(KEY_OUTLIER_ACTION, outlierAction.key());
        m.put(KEY_DUPLICATES, duplicates.key());
        m.put(KEY_DUPLICATES_KEY, Settings.formatList(duplicatesKey));
        m.put(KEY_DUPLICATES_KEEP, duplicatesKeep.key());
        m.put(KEY_DROP_CONSTANT, Boolean.toString(dropConstant));
        m.put(KEY_ID_COLUMNS, Settings.formatList(idColumns));
        m.put(KEY_ID_DETECT, Boolean.toString(idDetect));
        m.put(KEY_RARE_MIN_SHARE, format(rareMinShare));
        m.put(KEY_RARE_MAX_LEVELS, Integer.toString(rareMaxLevels));
        m.put(KEY_UNSEEN, unseen.key());
        m.put(KEY_SCALING, scaling.key());
        m.put(KEY_PSEUDONYMISE_COLUMNS, Settings.formatList(pseudonymiseColumns));
        m.put(KEY_PSEUDONYMISE_SALT, pseudonymiseSalt);
        m.put(KEY_NONNEGATIVE_COLUMNS, Settings.formatList(nonnegativeColumns));
        m.put(KEY_NONNEGATIVE_DETECT, Boolean.toString(nonnegativeDetect));
        return Settings.of(m);
    }

    /**
     * The missing-value strategy of a column of the given kind: its {@code missing.column.<name>} entry, else the
     * per-type setting.
     */
    public MissingStrategy missingStrategy(String column, boolean numeric) {
        MissingStrategy s = missingColumns.get(column);
        if (s != null) {
            return s;
        }
        return numeric ? missingNumeric : missingCategorical;
    }

    /** The settings with the salt replaced by {@code (hidden)}: what a model's provenance records. */
    Settings toSettingsWithoutSecrets() {
        Settings s = toSettings();
        return pseudonymiseSalt.isEmpty() ? s : s.with(KEY_PSEUDONYMISE_SALT, "(hidden)");
    }

    @Override
    public String toString() {
        return "CleanerConfig" + toSettingsWithoutSecrets().asMap();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** What fills a missing value. Not every strategy fits every column type (see the two lists above). */
    public enum MissingStrategy {
        /** Drop the row. */
        DROP_ROW,
        /** The mean of the fit values (numeric). */
        MEAN,
        /** The median of the fit values (numeric; the mean of the two middle values for an even count). */
        MEDIAN,
        /** The most frequent fit value; ties go to the smallest number or the first level in text order. */
        MOST_FREQUENT,
        /** {@code missing.constant}. */
        CONSTANT,
        /** The level {@value CleanerConfig#UNKNOWN} (categorical). */
        UNKNOWN,
        /** Leave missing values missing. */
        NONE;

        /** The setting value, lower case. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static MissingStrategy parse(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    /** How outliers in numeric features are found. */
    public enum OutlierMethod {
        /** Outside Q1 - f*IQR .. Q3 + f*IQR (quartiles as Weka's InterquartileRange computes them). */
        IQR,
        /** |value - mean| above z standard deviations. */
        ZSCORE,
        /** Below the lower or above the upper percentile. */
        PERCENTILE,
        /** No outlier treatment. */
        NONE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What happens to an outlier. */
    public enum OutlierAction {
        /** Replaced by the fence it crossed. */
        CLIP,
        /** Set missing, then treated by the missing-value strategy. */
        MISSING,
        /** The row is dropped. */
        DROP_ROW,
        /** Left as it is and marked 1 in {@code <name>_outlier}. */
        FLAG;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which rows count as duplicates. */
    public enum Duplicates {
        /** None are removed. */
        NONE,
        /** Rows equal in every column. */
        EXACT,
        /** Rows equal in the {@code duplicates.key} columns. */
        KEY;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which of a group of duplicates stays. */
    public enum Keep {
        FIRST, LAST;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a level never seen at fit becomes. */
    public enum Unseen {
        /** {@value CleanerConfig#OTHER}. */
        OTHER,
        /** Missing. */
        MISSING;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How numeric features are scaled: {@code (value - center) / divisor}. */
    public enum Scaling {
        /** Center the mean, divide by the standard deviation (n - 1). */
        ZSCORE,
        /** Center the median, divide by the interquartile range. */
        ROBUST,
        /** Center the minimum, divide by the range: fit values land in 0..1. */
        MINMAX,
        /** Not scaled. */
        NONE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static double[] percentiles(Settings s, CleanerConfig d) {
        if (!s.has(KEY_OUTLIER_PERCENTILES)) {
            return new double[] {d.outlierLowerPercentile, d.outlierUpperPercentile};
        }
        String raw = s.getString(KEY_OUTLIER_PERCENTILES, "");
        List<String> parts = s.getList(KEY_OUTLIER_PERCENTILES, List.of());
        String expected = "two percentiles lower,upper with 0 <= lower < upper <= 100";
        if (parts.size() != 2) {
            throw new InputException("setting '" + KEY_OUTLIER_PERCENTILES + "' must be " + expected + ", got '" + raw
                    + "'");
        }
        double[] out = new double[2];
        for (int i = 0; i < 2; i++) {
            try {
                out[i] = Double.parseDouble(parts.get(i).trim());
            } catch (NumberFormatException e) {
                throw new InputException("setting '" + KEY_OUTLIER_PERCENTILES + "' must be " + expected + ", got '"
                        + raw + "'");
            }
        }
        if (!(out[0] >= 0 && out[0] < out[1] && out[1] <= 100)) {
            throw new InputException("setting '" + KEY_OUTLIER_PERCENTILES + "' must be " + expected + ", got '" + raw
                    + "'");
        }
        return out;
    }

    private static <E extends Enum<E>> E choice(Settings s, String key, E defaultValue, E[] values) {
        List<String> allowed = new ArrayList<>();
        for (E v : values) {
            allowed.add(v.name().toLowerCase(Locale.ROOT));
        }
        String chosen = s.getChoice(key, defaultValue.name().toLowerCase(Locale.ROOT), allowed);
        return Enum.valueOf(defaultValue.getDeclaringClass(), chosen.toUpperCase(Locale.ROOT));
    }

    private static void requireAllowed(String key, MissingStrategy s, List<MissingStrategy> allowed) {
        if (!allowed.contains(s)) {
            throw new InputException("setting '" + key + "' must be one of " + String.join(", ", keys(allowed))
                    + ", got '" + s.key() + "'");
        }
    }

    /** Checks that {@code value} is a finite number, for strategy constant on a numeric column. */
    static double requireNumericConstant(String value, String becauseOf) {
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException("setting '" + KEY_MISSING_CONSTANT + "' must be a finite number when '" + becauseOf
                + "' is constant for a numeric column, got '" + value + "'");
    }

    /** Checks that {@code value} can be a level, for strategy constant on a categorical column. */
    static String requireLevelConstant(String value, String becauseOf) {
        if (value.isBlank()) {
            throw new InputException("setting '" + KEY_MISSING_CONSTANT + "' must be a non-blank level when '"
                    + becauseOf + "' is constant for a categorical column, got '" + value + "'");
        }
        return value;
    }

    private static void requireRange(String key, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new InputException("setting '" + key + "' must be a number from " + format(min) + " to "
                    + format(max) + ", got '" + format(v) + "'");
        }
    }

    private static List<String> names(String key, List<String> names) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String n : Objects.requireNonNull(names, key)) {
            if (n == null || n.isEmpty()) {
                throw new InputException("setting '" + key + "' must list column names, got an empty name");
            }
            if (!seen.add(n)) {
                throw new InputException("setting '" + key + "' names column '" + n + "' twice");
            }
        }
        return List.copyOf(seen);
    }

    private static List<String> keys(List<MissingStrategy> strategies) {
        List<String> out = new ArrayList<>();
        for (MissingStrategy s : strategies) {
            out.add(s.key());
        }
        return List.copyOf(out);
    }

    private static List<String> keysOf(List<MissingStrategy> a, List<MissingStrategy> b) {
        List<String> out = new ArrayList<>(keys(a));
        out.addAll(keys(b));
        return out;
    }

    private static <E extends Enum<E>> List<String> keys(E[] values) {
        List<String> out = new ArrayList<>();
        for (E v : values) {
            out.add(v.name().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }

    /** The shortest text that reads back to {@code d}, without exponent or trailing {@code .0}. */
    static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
