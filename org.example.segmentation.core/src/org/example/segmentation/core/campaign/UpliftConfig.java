package org.example.segmentation.core.campaign;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;

/**
 * How to read out a campaign ({@link UpliftReadout}) and plan one ({@link UpliftPlanner}): an immutable,
 * validated configuration. One key set serves both, so one settings file describes a campaign; the readout
 * needs {@code outcome.column}, planning needs {@code base_rate}. Keys and defaults are in
 * {@code docs/control-groups.md}.
 *
 * @param groupColumn   the column with {@code treatment}, {@code control} (and {@code holdout}, left out)
 * @param outcomeColumn the outcome column (readout); {@code ""} when only planning
 * @param outcomeType   binary (0/1 conversion), numeric (revenue) or auto
 * @param segmentColumn the column whose values are the segments, or {@code ""} for the overall row only
 * @param idColumn      a customer id column whose ids are checked present and distinct, or {@code ""}
 * @param confidence    the confidence level of the intervals, greater than 0 and less than 1
 * @param alpha         the significance level of the tests (and of planning), greater than 0 and less than 1
 * @param controlShare  the planned control share: the sample-ratio test's expectation and the planner's split
 * @param srmAlpha      a sample-ratio p-value below this is warned about
 * @param minGroupSize  a group smaller than this gets a small-sample warning (0 for none)
 * @param baseRate      planning: the expected conversion rate without the campaign; NaN when not set
 * @param power         planning: the power to detect the effect, greater than 0 and less than 1
 * @param targetEffect  planning: the absolute lift to detect (0.01 = one percentage point); NaN when not set
 */
public record UpliftConfig(String groupColumn, String outcomeColumn, OutcomeType outcomeType, String segmentColumn,
        String idColumn, double confidence, double alpha, double controlShare, double srmAlpha, int minGroupSize,
        double baseRate, double power, double targetEffect) {

    public static final String KEY_GROUP_COLUMN = "group.column";
    public static final String KEY_OUTCOME_COLUMN = "outcome.column";
    public static final String KEY_OUTCOME_TYPE = "outcome.type";
    public static final String KEY_SEGMENT_COLUMN = "segment.column";
    public static final String KEY_ID_COLUMN = "id.column";
    public static final String KEY_CONFIDENCE = "confidence";
    public static final String KEY_ALPHA = "alpha";
    public static final String KEY_CONTROL_SHARE = "control.share";
    public static final String KEY_SRM_ALPHA = "srm.alpha";
    public static final String KEY_MIN_GROUP_SIZE = "min.group_size";
    public static final String KEY_BASE_RATE = "base_rate";
    public static final String KEY_POWER = "power";
    public static final String KEY_TARGET_EFFECT = "target_effect";

    /** The settings keys with their defaults, for help texts and dialogs. */
    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of(KEY_GROUP_COLUMN, Group.COLUMN, "column with treatment, control (and holdout, left out)"),
            SettingSpec.of(KEY_OUTCOME_COLUMN, "", "readout: the outcome column (0/1 conversion or a number such as "
                    + "revenue); required for a readout"),
            SettingSpec.choice(KEY_OUTCOME_TYPE, "auto", OutcomeType.KEYS,
                    "binary: rates and Newcombe intervals; numeric: means and Welch; auto: binary when all values "
                            + "are 0/1"),
            SettingSpec.of(KEY_SEGMENT_COLUMN, "",
                    "column whose values are the segments; empty for the overall row only"),
            SettingSpec.of(KEY_ID_COLUMN, "", "customer id column to check for missing and duplicate ids; empty for "
                    + "no check"),
            SettingSpec.of(KEY_CONFIDENCE, 0.95, "confidence level of the intervals"),
            SettingSpec.of(KEY_ALPHA, 0.05, "significance level of the tests (Benjamini-Hochberg across segments) "
                    + "and of planning"),
            SettingSpec.of(KEY_CONTROL_SHARE, 0.1, "the planned control share: the sample-ratio test's expectation "
                    + "and the planner's split"),
            SettingSpec.of(KEY_SRM_ALPHA, 0.001, "warn of a sample ratio mismatch when its p-value is below this"),
            SettingSpec.of(KEY_MIN_GROUP_SIZE, 30, "warn of a small sample when a group has fewer customers"),
            SettingSpec.of(KEY_BASE_RATE, "", "planning: the conversion rate expected without the campaign; "
                    + "required for planning"),
            SettingSpec.of(KEY_POWER, 0.8, "planning: the power to detect the effect"),
            SettingSpec.of(KEY_TARGET_EFFECT, "", "planning: the absolute lift to detect (0.01 = one percentage "
                    + "point), to compute the control share it needs; empty for none"));

    /**
     * Validates the configuration.
     *
     * @throws InputException naming the setting: a blank group column, a level or share out of range, a
     *                        negative minimum group size, a base rate or target effect outside (0, 1)
     */
    public UpliftConfig {
        groupColumn = Objects.requireNonNull(groupColumn, "groupColumn").trim();
        outcomeColumn = Objects.requireNonNull(outcomeColumn, "outcomeColumn").trim();
        Objects.requireNonNull(outcomeType, "outcomeType");
        segmentColumn = Objects.requireNonNull(segmentColumn, "segmentColumn").trim();
        idColumn = Objects.requireNonNull(idColumn, "idColumn").trim();
        if (groupColumn.isEmpty()) {
            throw fail(KEY_GROUP_COLUMN, "must name the group column");
        }
        open(KEY_CONFIDENCE, confidence);
        open(KEY_ALPHA, alpha);
        open(KEY_CONTROL_SHARE, controlShare);
        open(KEY_SRM_ALPHA, srmAlpha);
        open(KEY_POWER, power);
        if (minGroupSize < 0) {
            throw fail(KEY_MIN_GROUP_SIZE, "must be at least 0, got " + minGroupSize);
        }
        if (!Double.isNaN(baseRate)) {
            open(KEY_BASE_RATE, baseRate);
        }
        if (!Double.isNaN(targetEffect)) {
            open(KEY_TARGET_EFFECT, targetEffect);
        }
        if (!outcomeColumn.isEmpty() && (outcomeColumn.equals(groupColumn) || outcomeColumn.equals(segmentColumn))) {
            throw fail(KEY_OUTCOME_COLUMN, "must differ from the group and segment columns, got '" + outcomeColumn
                    + "'");
        }
    }

    /** A readout of {@code outcomeColumn} by {@code group}, overall only, with every other default. */
    public static UpliftConfig of(String outcomeColumn) {
        return new UpliftConfig(Group.COLUMN, outcomeColumn, OutcomeType.AUTO, "", "", 0.95, 0.05, 0.1, 0.001, 30,
                Double.NaN, 0.8, Double.NaN);
    }

    /** This configuration with segments from {@code column} ({@code ""} for none). */
    public UpliftConfig withSegmentColumn(String column) {
        return new UpliftConfig(groupColumn, outcomeColumn, outcomeType, column, idColumn, confidence, alpha,
                controlShare, srmAlpha, minGroupSize, baseRate, power, targetEffect);
    }

    /** This configuration with another outcome type. */
    public UpliftConfig withOutcomeType(OutcomeType type) {
        return new UpliftConfig(groupColumn, outcomeColumn, type, segmentColumn, idColumn, confidence, alpha,
                controlShare, srmAlpha, minGroupSize, baseRate, power, targetEffect);
    }

    /** This configuration checking ids in {@code column} ({@code ""} for none). */
    public UpliftConfig withIdColumn(String column) {
        return new UpliftConfig(groupColumn, outcomeColumn, outcomeType, segmentColumn, column, confidence, alpha,
                controlShare, srmAlpha, minGroupSize, baseRate, power, targetEffect);
    }

    /** This configuration with another planned control share. */
    public UpliftConfig withControlShare(double share) {
        return new UpliftConfig(groupColumn, outcomeColumn, outcomeType, segmentColumn, idColumn, confidence, alpha,
                share, srmAlpha, minGroupSize, baseRate, power, targetEffect);
    }

    /** This configuration with planning inputs: base rate and target effect (NaN for none). */
    public UpliftConfig withPlanning(double newBaseRate, double newTargetEffect) {
        return new UpliftConfig(groupColumn, outcomeColumn, outcomeType, segmentColumn, idColumn, confidence, alpha,
                controlShare, srmAlpha, minGroupSize, newBaseRate, power, newTargetEffect);
    }

    /**
     * Reads a configuration from settings; unset keys take the defaults of {@link #SPECS}.
     *
     * @throws InputException for an unknown key or a bad value, naming the key
     */
    public static UpliftConfig fromSettings(Settings settings) {
        settings.requireKnown("uplift", SPECS);
        return new UpliftConfig(
                settings.getString(KEY_GROUP_COLUMN, Group.COLUMN),
                settings.getString(KEY_OUTCOME_COLUMN, ""),
                OutcomeType.ofKey(settings.getChoice(KEY_OUTCOME_TYPE, "auto", OutcomeType.KEYS)),
                settings.getString(KEY_SEGMENT_COLUMN, ""),
                settings.getString(KEY_ID_COLUMN, ""),
                settings.getDouble(KEY_CONFIDENCE, 0.95, 0, 1),
                settings.getDouble(KEY_ALPHA, 0.05, 0, 1),
                settings.getDouble(KEY_CONTROL_SHARE, 0.1, 0, 1),
                settings.getDouble(KEY_SRM_ALPHA, 0.001, 0, 1),
                settings.getInt(KEY_MIN_GROUP_SIZE, 30, 0, Integer.MAX_VALUE),
                optional(settings, KEY_BASE_RATE),
                settings.getDouble(KEY_POWER, 0.8, 0, 1),
                optional(settings, KEY_TARGET_EFFECT));
    }

    /** Every key, defaults included ({@code ""} for an unset base rate or target effect). */
    public Settings toSettings() {
        Map<String, String> m = new TreeMap<>();
        m.put(KEY_GROUP_COLUMN, groupColumn);
        m.put(KEY_OUTCOME_COLUMN, outcomeColumn);
        m.put(KEY_OUTCOME_TYPE, outcomeType.key());
        m.put(KEY_SEGMENT_COLUMN, segmentColumn);
        m.put(KEY_ID_COLUMN, idColumn);
        m.put(KEY_CONFIDENCE, Double.toString(confidence));
        m.put(KEY_ALPHA, Double.toString(alpha));
        m.put(KEY_CONTROL_SHARE, Double.toString(controlShare));
        m.put(KEY_SRM_ALPHA, Double.toString(srmAlpha));
        m.put(KEY_MIN_GROUP_SIZE, Integer.toString(minGroupSize));
        m.put(KEY_BASE_RATE, Double.isNaN(baseRate) ? "" : Double.toString(baseRate));
        m.put(KEY_POWER, Double.toString(power));
        m.put(KEY_TARGET_EFFECT, Double.isNaN(targetEffect) ? "" : Double.toString(targetEffect));
        return Settings.of(m);
    }

    private static double optional(Settings settings, String key) {
        if (settings.getString(key, "").isBlank()) {
            return Double.NaN;
        }
        return settings.getDouble(key, Double.NaN, 0, 1);
    }

    private static void open(String key, double v) {
        if (!(v > 0 && v < 1)) {
            throw fail(key, "must be greater than 0 and less than 1, got " + v);
        }
    }

    private static InputException fail(String key, String what) {
        return new InputException("uplift setting '" + key + "' " + what);
    }
}
