package org.example.segmentation.core.drift;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;

/**
 * How drift is measured and judged: an immutable, validated configuration that round-trips exactly through the
 * flat settings map ({@link #fromSettings}, {@link #toSettings}) shared by the command line and the KNIME dialogs.
 * {@code docs/drift.md} explains every key; {@link #SPECS} lists them with their defaults.
 *
 * <p>Two kinds of key. The {@linkplain #BASELINE_KEYS baseline keys} decide what the baseline stores (features,
 * bins, reservoir sample, seed, segment columns); they are fixed when the baseline is fitted and saved in it.
 * The other keys only decide how a month is judged against the baseline (thresholds, alpha, migration columns)
 * and may change from month to month: {@link #forMonitoring} merges them into the baseline's settings and
 * refuses a baseline key whose value differs from the baseline's.
 *
 * @param features               the monitored columns; empty = every numeric and categorical column except the
 *                               segment, distance, archetype and identifier columns
 * @param segmentationFeatures   the features the segmentation uses (their drift can make the status ALERT); empty
 *                               = the assigner's features when a model is given, else every monitored feature
 * @param bins                   quantile bins per numeric feature, 2..100 (fewer when the reference has ties)
 * @param sampleSize             values per numeric feature kept in the seeded reservoir sample for the
 *                               Kolmogorov-Smirnov test and the Wasserstein distance, 100..1,000,000
 * @param seed                   seed of the reservoir samples
 * @param segmentColumn          the segment column; empty = {@value #DEFAULT_SEGMENT_COLUMN} when the table has it
 * @param distanceColumn         the distance-to-centroid column; empty = {@value #DEFAULT_DISTANCE_COLUMN} when the
 *                               table has it (numeric)
 * @param psiModerate            PSI from which a feature is moderate, above 0
 * @param psiSignificant         PSI from which a feature is significant, at least {@code psiModerate}
 * @param alpha                  the false discovery rate: a drift counts only when its Benjamini-Hochberg adjusted
 *                               p-value is below alpha, (0, 1)
 * @param missingChange          a change of the missing rate by at least this (absolute) makes a feature at least
 *                               moderate, (0, 1]
 * @param shareChangeModerate    a segment share change (absolute) from which segment shares are moderate, (0, 1]
 * @param shareChangeSignificant ... significant, at least {@code shareChangeModerate}
 * @param distanceModerate       relative rise of the mean distance to the centroid from which the fit is moderate
 * @param distanceSignificant    ... significant, at least {@code distanceModerate}
 * @param segmentMinRows         per-segment feature drift needs at least this many rows on both sides
 * @param idColumn               the customer identifier for migration; empty = the first column of the previous
 *                               month that is text in both months
 * @param archetypeColumn        the archetype column for archetype migration; empty = {@value #DEFAULT_ARCHETYPE_COLUMN}
 *                               when both months have it
 */
public record DriftConfig(List<String> features, List<String> segmentationFeatures, int bins, int sampleSize,
        long seed, String segmentColumn, String distanceColumn, double psiModerate, double psiSignificant,
        double alpha, double missingChange, double shareChangeModerate, double shareChangeSignificant,
        double distanceModerate, double distanceSignificant, int segmentMinRows, String idColumn,
        String archetypeColumn) {

    public static final String KEY_FEATURES = "features";
    public static final String KEY_SEGMENTATION_FEATURES = "segmentation.features";
    public static final String KEY_BINS = "bins";
    public static final String KEY_SAMPLE_SIZE = "sample_size";
    public static final String KEY_SEED = "seed";
    public static final String KEY_SEGMENT_COLUMN = "segment.column";
    public static final String KEY_DISTANCE_COLUMN = "distance.column";
    public static final String KEY_PSI_MODERATE = "psi.moderate";
    public static final String KEY_PSI_SIGNIFICANT = "psi.significant";
    public static final String KEY_ALPHA = "alpha";
    public static final String KEY_MISSING_CHANGE = "missing.change";
    public static final String KEY_SHARE_CHANGE_MODERATE = "segment.share_change.moderate";
    public static final String KEY_SHARE_CHANGE_SIGNIFICANT = "segment.share_change.significant";
    public static final String KEY_DISTANCE_MODERATE = "distance.moderate";
    public static final String KEY_DISTANCE_SIGNIFICANT = "distance.significant";
    public static final String KEY_SEGMENT_MIN_ROWS = "segment.min_rows";
    public static final String KEY_ID_COLUMN = "id.column";
    public static final String KEY_ARCHETYPE_COLUMN = "archetype.column";

    /** The segment column used when {@code segment.column} is empty and the table has it. */
    public static final String DEFAULT_SEGMENT_COLUMN = "segment";
    /** The distance column used when {@code distance.column} is empty and the table has it. */
    public static final String DEFAULT_DISTANCE_COLUMN = "segment_distance";
    /** The archetype column used when {@code archetype.column} is empty and both months have it. */
    public static final String DEFAULT_ARCHETYPE_COLUMN = "archetype";

    /** The keys fixed when the baseline is fitted. */
    public static final Set<String> BASELINE_KEYS = Set.of(KEY_FEATURES, KEY_SEGMENTATION_FEATURES, KEY_BINS,
            KEY_SAMPLE_SIZE, KEY_SEED, KEY_SEGMENT_COLUMN, KEY_DISTANCE_COLUMN);

    static final int MAX_BINS = 100;
    static final int MIN_SAMPLE = 100;
    static final int MAX_SAMPLE = 1_000_000;
    static final double MAX_PSI = 10;

    private static final DriftConfig DEFAULTS = new DriftConfig(List.of(), List.of(), 10, 5000, 42L, "", "", 0.10,
            0.25, 0.05, 0.10, 0.02, 0.05, 0.10, 0.25, 100, "", "");

    /** Every key with its default and meaning, for help texts, dialogs and docs/drift.md. */
    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of(KEY_FEATURES, "[]", "baseline: the monitored columns; empty = every numeric and "
                    + "categorical column but the segment, distance, archetype and identifier columns"),
            SettingSpec.of(KEY_SEGMENTATION_FEATURES, "[]", "baseline: the features the segmentation uses (their "
                    + "significant drift is an ALERT); empty = the model's features, or every monitored feature"),
            SettingSpec.of(KEY_BINS, 10, "baseline: quantile bins per numeric feature, 2.." + MAX_BINS
                    + " (ties in the reference merge bins)"),
            SettingSpec.of(KEY_SAMPLE_SIZE, 5000, "baseline: values per numeric feature in the seeded reservoir "
                    + "sample used by the Kolmogorov-Smirnov test and the Wasserstein distance, " + MIN_SAMPLE + ".."
                    + MAX_SAMPLE),
            SettingSpec.of(KEY_SEED, 42, "baseline: seed of the reservoir samples"),
            SettingSpec.of(KEY_SEGMENT_COLUMN, "", "baseline: the segment column; empty = '" + DEFAULT_SEGMENT_COLUMN
                    + "' when the table has it"),
            SettingSpec.of(KEY_DISTANCE_COLUMN, "", "baseline: the distance-to-centroid column; empty = '"
                    + DEFAULT_DISTANCE_COLUMN + "' when the table has it"),
            SettingSpec.of(KEY_PSI_MODERATE, "0.1", "PSI from which a feature drift is moderate"),
            SettingSpec.of(KEY_PSI_SIGNIFICANT, "0.25", "PSI from which a feature drift is significant"),
            SettingSpec.of(KEY_ALPHA, "0.05", "false discovery rate: a drift counts only with a Benjamini-Hochberg "
                    + "adjusted p-value below alpha, 0 < alpha < 1"),
            SettingSpec.of(KEY_MISSING_CHANGE, "0.1", "a change of a feature's missing rate by at least this "
                    + "(absolute, 0.1 = 10 points) makes it at least moderate"),
            SettingSpec.of(KEY_SHARE_CHANGE_MODERATE, "0.02", "a segment share change (absolute, 0.02 = 2 points) "
                    + "from which the segment shares are moderate"),
            SettingSpec.of(KEY_SHARE_CHANGE_SIGNIFICANT, "0.05", "a segment share change from which the segment "
                    + "shares are significant"),
            SettingSpec.of(KEY_DISTANCE_MODERATE, "0.1", "relative rise of the mean distance to the centroid from "
                    + "which the segmentation's fit is moderately worse"),
            SettingSpec.of(KEY_DISTANCE_SIGNIFICANT, "0.25", "relative rise of the mean distance to the centroid "
                    + "from which the fit is significantly worse"),
            SettingSpec.of(KEY_SEGMENT_MIN_ROWS, 100, "per-segment feature drift needs this many rows in the segment "
                    + "in both months"),
            SettingSpec.of(KEY_ID_COLUMN, "", "the customer identifier for migration; empty = the first text column "
                    + "the previous and the current month share"),
            SettingSpec.of(KEY_ARCHETYPE_COLUMN, "", "the archetype column for archetype migration; empty = '"
                    + DEFAULT_ARCHETYPE_COLUMN + "' when both months have it"));

    /**
     * Validates the configuration.
     *
     * @throws InputException naming the setting and what is allowed
     */
    public DriftConfig {
        features = names(KEY_FEATURES, features);
        segmentationFeatures = names(KEY_SEGMENTATION_FEATURES, segmentationFeatures);
        if (!features.isEmpty()) {
            for (String f : segmentationFeatures) {
                if (!features.contains(f)) {
                    throw new InputException("setting '" + KEY_SEGMENTATION_FEATURES + "' names '" + f
                            + "', which is not in '" + KEY_FEATURES + "'");
                }
            }
        }
        range(KEY_BINS, bins, 2, MAX_BINS);
        range(KEY_SAMPLE_SIZE, sampleSize, MIN_SAMPLE, MAX_SAMPLE);
        Objects.requireNonNull(segmentColumn, KEY_SEGMENT_COLUMN);
        Objects.requireNonNull(distanceColumn, KEY_DISTANCE_COLUMN);
        Objects.requireNonNull(idColumn, KEY_ID_COLUMN);
        Objects.requireNonNull(archetypeColumn, KEY_ARCHETYPE_COLUMN);
        positive(KEY_PSI_MODERATE, psiModerate, MAX_PSI);
        positive(KEY_PSI_SIGNIFICANT, psiSignificant, MAX_PSI);
        ordered(KEY_PSI_MODERATE, psiModerate, KEY_PSI_SIGNIFICANT, psiSignificant);
        if (!(alpha > 0 && alpha < 1)) {
            throw new InputException("setting '" + KEY_ALPHA + "' must be a number above 0 and below 1, got '"
                    + format(alpha) + "'");
        }
        positive(KEY_MISSING_CHANGE, missingChange, 1);
        positive(KEY_SHARE_CHANGE_MODERATE, shareChangeModerate, 1);
        positive(KEY_SHARE_CHANGE_SIGNIFICANT, shareChangeSignificant, 1);
        ordered(KEY_SHARE_CHANGE_MODERATE, shareChangeModerate, KEY_SHARE_CHANGE_SIGNIFICANT, shareChangeSignificant);
        positive(KEY_DISTANCE_MODERATE, distanceModerate, 100);
        positive(KEY_DISTANCE_SIGNIFICANT, distanceSignificant, 100);
        ordered(KEY_DISTANCE_MODERATE, distanceModerate, KEY_DISTANCE_SIGNIFICANT, distanceSignificant);
        range(KEY_SEGMENT_MIN_ROWS, segmentMinRows, 1, Integer.MAX_VALUE);
    }

    /** The defaults of every setting. */
    public static DriftConfig defaults() {
        return DEFAULTS;
    }

    /**
     * Reads a configuration; unset keys take their defaults.
     *
     * @throws InputException for an unknown key (naming the closest known one) or a bad value, naming the key
     */
    public static DriftConfig fromSettings(Settings s) {
        s.requireKnown("drift", SPECS);
        DriftConfig d = DEFAULTS;
        return new DriftConfig(
                s.getList(KEY_FEATURES, d.features),
                s.getList(KEY_SEGMENTATION_FEATURES, d.segmentationFeatures),
                s.getInt(KEY_BINS, d.bins, 2, MAX_BINS),
                s.getInt(KEY_SAMPLE_SIZE, d.sampleSize, MIN_SAMPLE, MAX_SAMPLE),
                s.getLong(KEY_SEED, d.seed),
                s.getString(KEY_SEGMENT_COLUMN, d.segmentColumn).strip(),
                s.getString(KEY_DISTANCE_COLUMN, d.distanceColumn).strip(),
                s.getDouble(KEY_PSI_MODERATE, d.psiModerate, 0, MAX_PSI),
                s.getDouble(KEY_PSI_SIGNIFICANT, d.psiSignificant, 0, MAX_PSI),
                s.getDouble(KEY_ALPHA, d.alpha, 0, 1),
                s.getDouble(KEY_MISSING_CHANGE, d.missingChange, 0, 1),
                s.getDouble(KEY_SHARE_CHANGE_MODERATE, d.shareChangeModerate, 0, 1),
                s.getDouble(KEY_SHARE_CHANGE_SIGNIFICANT, d.shareChangeSignificant, 0, 1),
                s.getDouble(KEY_DISTANCE_MODERATE, d.distanceModerate, 0, 100),
                s.getDouble(KEY_DISTANCE_SIGNIFICANT, d.distanceSignificant, 0, 100),
                s.getInt(KEY_SEGMENT_MIN_ROWS, d.segmentMinRows, 1, Integer.MAX_VALUE),
                s.getString(KEY_ID_COLUMN, d.idColumn).strip(),
                s.getString(KEY_ARCHETYPE_COLUMN, d.archetypeColumn).strip());
    }

    /**
     * Every setting, defaults included, with lists as JSON arrays and numbers in their shortest exact form;
     * {@link #fromSettings} reads it back to an equal configuration.
     */
    public Settings toSettings() {
        Map<String, String> m = new TreeMap<>();
        m.put(KEY_FEATURES, Settings.formatList(features));
        m.put(KEY_SEGMENTATION_FEATURES, Settings.formatList(segmentationFeatures));
        m.put(KEY_BINS, Integer.toString(bins));
        m.put(KEY_SAMPLE_SIZE, Integer.toString(sampleSize));
        m.put(KEY_SEED, Long.toString(seed));
        m.put(KEY_SEGMENT_COLUMN, segmentColumn);
        m.put(KEY_DISTANCE_COLUMN, distanceColumn);
        m.put(KEY_PSI_MODERATE, format(psiModerate));
        m.put(KEY_PSI_SIGNIFICANT, format(psiSignificant));
        m.put(KEY_ALPHA, format(alpha));
        m.put(KEY_MISSING_CHANGE, format(missingChange));
        m.put(KEY_SHARE_CHANGE_MODERATE, format(shareChangeModerate));
        m.put(KEY_SHARE_CHANGE_SIGNIFICANT, format(shareChangeSignificant));
        m.put(KEY_DISTANCE_MODERATE, format(distanceModerate));
        m.put(KEY_DISTANCE_SIGNIFICANT, format(distanceSignificant));
        m.put(KEY_SEGMENT_MIN_ROWS, Integer.toString(segmentMinRows));
        m.put(KEY_ID_COLUMN, idColumn);
        m.put(KEY_ARCHETYPE_COLUMN, archetypeColumn);
        return Settings.of(m);
    }

    /**
     * The configuration a month is monitored with: this (the baseline's) configuration with the monitoring keys
     * of {@code overrides} applied.
     *
     * @throws InputException for an unknown key, a bad value, or a baseline key whose value differs from this
     *                        configuration's (fit a new baseline to change it)
     */
    public DriftConfig forMonitoring(Settings overrides) {
        DriftConfig given = fromSettings(overrides);
        Settings mine = toSettings();
        Settings theirs = given.toSettings();
        for (String key : overrides.asMap().keySet()) {
            if (BASELINE_KEYS.contains(key) && !mine.asMap().get(key).equals(theirs.asMap().get(key))) {
                throw new InputException("setting '" + key + "' is fixed when the baseline is fitted (the baseline has '"
                        + mine.asMap().get(key) + "', got '" + overrides.asMap().get(key)
                        + "'); fit a new baseline to change it");
            }
        }
        return fromSettings(mine.withAll(overrides));
    }

    @Override
    public String toString() {
        return "DriftConfig" + toSettings().asMap();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<String> names(String key, List<String> names) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String n : Objects.requireNonNull(names, key)) {
            if (n == null || n.isBlank()) {
                throw new InputException("setting '" + key + "' must list column names, got an empty name");
            }
            if (!seen.add(n)) {
                throw new InputException("setting '" + key + "' names column '" + n + "' twice");
            }
        }
        return List.copyOf(seen);
    }

    private static void range(String key, long v, long min, long max) {
        if (v < min || v > max) {
            throw new InputException("setting '" + key + "' must be an integer from " + min + " to " + max + ", got '"
                    + v + "'");
        }
    }

    private static void positive(String key, double v, double max) {
        if (!(v > 0 && v <= max)) {
            throw new InputException("setting '" + key + "' must be a number above 0 and at most " + format(max)
                    + ", got '" + format(v) + "'");
        }
    }

    private static void ordered(String lowKey, double low, String highKey, double high) {
        if (low > high) {
            throw new InputException("setting '" + lowKey + "' (" + format(low) + ") must not exceed '" + highKey
                    + "' (" + format(high) + ")");
        }
    }

    /** The shortest text that reads back to {@code d}, without exponent or trailing {@code .0}. */
    static String format(double d) {
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
