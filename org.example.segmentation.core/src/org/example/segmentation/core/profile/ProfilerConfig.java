package org.example.segmentation.core.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What {@link Profiler#profile} does: an immutable, validated configuration that round-trips exactly through the
 * flat settings map ({@link #fromSettings}, {@link #toSettings}) shared by the command line and the KNIME dialog.
 * {@code docs/profiling.md} explains every key; {@link #SPECS} lists them with their defaults.
 *
 * @param segmentColumn      the column holding each customer's segment (numeric, categorical or text)
 * @param include            the features to profile; empty = every numeric and categorical column but the segment
 * @param exclude            columns never profiled (wins over {@code include})
 * @param topFeatures        how many distinguishing features each segment lists, 1..{@value #MAX_TOP_FEATURES}
 * @param descriptionPhrases at most this many phrases in a description, 1..{@value #MAX_PHRASES}
 * @param effectHigh         |effect| (Cohen's d or h) from which a feature is "high"/"low" and described, above 0
 * @param effectVeryHigh     |effect| from which it is "very high"/"very low"; at least {@code effectHigh}
 * @param labels             readable labels by feature name (sorted by name); features not listed get an
 *                           automatic label ({@code app_logins_30d} becomes "app logins (30 days)")
 * @param minSegmentSize     segments with fewer customers get statistics but no top features or description
 * @param infoGain           whether to rank the features by Weka's information gain with the segment as class
 * @param infoGainMaxRows    information gain uses at most this many rows, an evenly spaced sample of the rows with a
 *                           segment (Weka's discretization is slow on millions of rows); 0 = every row
 */
public record ProfilerConfig(String segmentColumn, List<String> include, List<String> exclude, int topFeatures,
        int descriptionPhrases, double effectHigh, double effectVeryHigh, Map<String, String> labels,
        int minSegmentSize, boolean infoGain, int infoGainMaxRows) {

    public static final String KEY_SEGMENT_COLUMN = "segment.column";
    public static final String KEY_INCLUDE = "include";
    public static final String KEY_EXCLUDE = "exclude";
    public static final String KEY_TOP_FEATURES = "top_features";
    public static final String KEY_DESCRIPTION_PHRASES = "description.phrases";
    public static final String KEY_EFFECT_HIGH = "effect.high";
    public static final String KEY_EFFECT_VERY_HIGH = "effect.very_high";
    public static final String KEY_LABELS = "labels";
    public static final String KEY_MIN_SEGMENT_SIZE = "min_segment_size";
    public static final String KEY_INFO_GAIN = "info_gain";
    public static final String KEY_INFO_GAIN_MAX_ROWS = "info_gain.max_rows";

    /** The default segment column: the name the segmentation step writes. */
    public static final String DEFAULT_SEGMENT_COLUMN = "segment";
    static final int DEFAULT_TOP_FEATURES = 3;
    static final int DEFAULT_DESCRIPTION_PHRASES = 3;
    static final double DEFAULT_EFFECT_HIGH = 0.5;
    static final double DEFAULT_EFFECT_VERY_HIGH = 1.0;
    static final int DEFAULT_MIN_SEGMENT_SIZE = 10;
    static final int DEFAULT_INFO_GAIN_MAX_ROWS = 50_000;
    /** The largest {@link #topFeatures()}. */
    public static final int MAX_TOP_FEATURES = 100;
    /** The largest {@link #descriptionPhrases()}: a description is a line, not a paragraph. */
    public static final int MAX_PHRASES = 6;
    /** The largest effect threshold. */
    public static final double MAX_EFFECT = 10;
    /** The largest {@link #minSegmentSize()}. */
    public static final int MAX_MIN_SEGMENT_SIZE = 1_000_000_000;
    /** The largest {@link #infoGainMaxRows()}. */
    public static final int MAX_INFO_GAIN_ROWS = 1_000_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every setting key with its default and meaning, in the order of the documentation. */
    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of(KEY_SEGMENT_COLUMN, DEFAULT_SEGMENT_COLUMN,
                    "the column holding each customer's segment (numeric, categorical or text)"),
            SettingSpec.of(KEY_INCLUDE, "[]",
                    "features to profile (JSON array or comma-separated names); empty = every numeric and "
                            + "categorical column but the segment column"),
            SettingSpec.of(KEY_EXCLUDE, "[]", "columns never profiled; wins over include"),
            SettingSpec.of(KEY_TOP_FEATURES, DEFAULT_TOP_FEATURES,
                    "how many distinguishing features each segment lists, 1.." + MAX_TOP_FEATURES),
            SettingSpec.of(KEY_DESCRIPTION_PHRASES, DEFAULT_DESCRIPTION_PHRASES,
                    "at most this many phrases in a segment's description, 1.." + MAX_PHRASES),
            SettingSpec.of(KEY_EFFECT_HIGH, DEFAULT_EFFECT_HIGH,
                    "|Cohen's d| (numeric) or |Cohen's h| (levels) from which a feature is high/low and enters the "
                            + "description, above 0 up to " + (int) MAX_EFFECT),
            SettingSpec.of(KEY_EFFECT_VERY_HIGH, DEFAULT_EFFECT_VERY_HIGH,
                    "|effect| from which a feature is very high/very low; at least effect.high"),
            SettingSpec.of(KEY_LABELS, "{}",
                    "readable feature labels as a JSON object, e.g. {\"app_logins_30d\":\"app use\"}; other features "
                            + "get automatic labels"),
            SettingSpec.of(KEY_MIN_SEGMENT_SIZE, DEFAULT_MIN_SEGMENT_SIZE,
                    "segments with fewer customers get statistics but no top features or description, 1.."
                            + MAX_MIN_SEGMENT_SIZE),
            SettingSpec.of(KEY_INFO_GAIN, true,
                    "rank the features by Weka's information gain with the segment as class"),
            SettingSpec.of(KEY_INFO_GAIN_MAX_ROWS, DEFAULT_INFO_GAIN_MAX_ROWS,
                    "information gain uses at most this many rows, evenly spaced (Weka is slow on millions of rows); "
                            + "0 = every row, 0.." + MAX_INFO_GAIN_ROWS));

    /**
     * Validates the configuration.
     *
     * @throws InputException naming the setting: a blank segment column, a blank or repeated name in a list, the
     *                        segment column in {@code include}, a count or threshold out of range,
     *                        {@code effect.very_high} below {@code effect.high}, a blank label or labelled name
     */
    public ProfilerConfig {
        if (segmentColumn == null || segmentColumn.isBlank()) {
            throw new InputException("profiler setting '" + KEY_SEGMENT_COLUMN + "' must name a column, got '"
                    + (segmentColumn == null ? "" : segmentColumn) + "'");
        }
        include = names(KEY_INCLUDE, include);
        exclude = names(KEY_EXCLUDE, exclude);
        if (include.contains(segmentColumn)) {
            throw new InputException("profiler setting '" + KEY_INCLUDE + "' names the segment column '"
                    + segmentColumn + "' (setting '" + KEY_SEGMENT_COLUMN + "'); the segment is never a feature");
        }
        checkInt(KEY_TOP_FEATURES, topFeatures, 1, MAX_TOP_FEATURES);
        checkInt(KEY_DESCRIPTION_PHRASES, descriptionPhrases, 1, MAX_PHRASES);
        if (!(effectHigh > 0 && effectHigh <= MAX_EFFECT)) {
            throw new InputException("profiler setting '" + KEY_EFFECT_HIGH + "' must be a number above 0 and at most "
                    + (int) MAX_EFFECT + ", got " + effectHigh);
        }
        if (!(effectVeryHigh >= effectHigh && effectVeryHigh <= MAX_EFFECT)) {
            throw new InputException("profiler setting '" + KEY_EFFECT_VERY_HIGH + "' must be a number from '"
                    + KEY_EFFECT_HIGH + "' (" + effectHigh + ") to " + (int) MAX_EFFECT + ", got " + effectVeryHigh);
        }
        Objects.requireNonNull(labels, KEY_LABELS);
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new InputException("profiler setting '" + KEY_LABELS + "' holds a label for an empty column name");
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new InputException("profiler setting '" + KEY_LABELS + "': the label of '" + e.getKey()
                        + "' is empty");
            }
            sorted.put(e.getKey(), e.getValue().strip());
        }
        labels = Collections.unmodifiableMap(sorted);
        checkInt(KEY_MIN_SEGMENT_SIZE, minSegmentSize, 1, MAX_MIN_SEGMENT_SIZE);
        checkInt(KEY_INFO_GAIN_MAX_ROWS, infoGainMaxRows, 0, MAX_INFO_GAIN_ROWS);
    }

    /** The defaults of {@link #SPECS}. */
    public static ProfilerConfig defaults() {
        return fromSettings(Settings.empty());
    }

    /** This configuration with another segment column. */
    public ProfilerConfig withSegmentColumn(String column) {
        return new ProfilerConfig(column, include, exclude, topFeatures, descriptionPhrases, effectHigh,
                effectVeryHigh, labels, minSegmentSize, infoGain, infoGainMaxRows);
    }

    /**
     * Reads a configuration; unset keys take the defaults of {@link #SPECS}.
     *
     * @throws InputException for an unknown key (naming the closest known one) or a bad value, naming the key and
     *                        what is allowed
     */
    public static ProfilerConfig fromSettings(Settings settings) {
        settings.requireKnown("profiler", SPECS);
        double high = settings.getDouble(KEY_EFFECT_HIGH, DEFAULT_EFFECT_HIGH, 0, MAX_EFFECT);
        if (high <= 0) {
            throw new InputException("setting '" + KEY_EFFECT_HIGH + "' must be a number above 0 and at most "
                    + (int) MAX_EFFECT + ", got '" + settings.getString(KEY_EFFECT_HIGH, "") + "'");
        }
        return new ProfilerConfig(
                settings.getString(KEY_SEGMENT_COLUMN, DEFAULT_SEGMENT_COLUMN),
                settings.getList(KEY_INCLUDE, List.of()),
                settings.getList(KEY_EXCLUDE, List.of()),
                settings.getInt(KEY_TOP_FEATURES, DEFAULT_TOP_FEATURES, 1, MAX_TOP_FEATURES),
                settings.getInt(KEY_DESCRIPTION_PHRASES, DEFAULT_DESCRIPTION_PHRASES, 1, MAX_PHRASES),
                high,
                settings.getDouble(KEY_EFFECT_VERY_HIGH, Math.max(high, DEFAULT_EFFECT_VERY_HIGH), 0, MAX_EFFECT),
                parseLabels(settings.getString(KEY_LABELS, "")),
                settings.getInt(KEY_MIN_SEGMENT_SIZE, DEFAULT_MIN_SEGMENT_SIZE, 1, MAX_MIN_SEGMENT_SIZE),
                settings.getBoolean(KEY_INFO_GAIN, true),
                settings.getInt(KEY_INFO_GAIN_MAX_ROWS, DEFAULT_INFO_GAIN_MAX_ROWS, 0, MAX_INFO_GAIN_ROWS));
    }

    /**
     * This configuration as settings, every key written (defaults too); {@link #fromSettings} reads it back to an
     * equal configuration.
     */
    public Settings toSettings() {
        Map<String, String> m = new TreeMap<>();
        m.put(KEY_SEGMENT_COLUMN, segmentColumn);
        m.put(KEY_INCLUDE, Settings.formatList(include));
        m.put(KEY_EXCLUDE, Settings.formatList(exclude));
        m.put(KEY_TOP_FEATURES, Integer.toString(topFeatures));
        m.put(KEY_DESCRIPTION_PHRASES, Integer.toString(descriptionPhrases));
        m.put(KEY_EFFECT_HIGH, Double.toString(effectHigh));
        m.put(KEY_EFFECT_VERY_HIGH, Double.toString(effectVeryHigh));
        m.put(KEY_LABELS, formatLabels(labels));
        m.put(KEY_MIN_SEGMENT_SIZE, Integer.toString(minSegmentSize));
        m.put(KEY_INFO_GAIN, Boolean.toString(infoGain));
        m.put(KEY_INFO_GAIN_MAX_ROWS, Integer.toString(infoGainMaxRows));
        return Settings.of(m);
    }

    /** {@code ""} or a JSON object of strings; fails naming {@value #KEY_LABELS}. */
    static Map<String, String> parseLabels(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(t);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw new InputException("setting '" + KEY_LABELS + "' must be a JSON object of labels like "
                    + "{\"app_logins_30d\":\"app use\"}, got '" + text + "'");
        }
        Map<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new InputException("setting '" + KEY_LABELS + "': the label of '" + e.getKey()
                        + "' must be a JSON string, got " + e.getValue());
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static String formatLabels(Map<String, String> labels) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(labels));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot format the labels", e);
        }
    }

    private static List<String> names(String key, List<String> names) {
        Objects.requireNonNull(names, key);
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new InputException("profiler setting '" + key + "' must list column names; it holds an empty "
                        + "name");
            }
            if (!seen.add(n)) {
                throw new InputException("profiler setting '" + key + "' lists column '" + n + "' twice");
            }
            out.add(n);
        }
        return List.copyOf(out);
    }

    private static void checkInt(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InputException("profiler setting '" + key + "' must be an integer from " + min + " to " + max
                    + ", got " + value);
        }
    }
}
