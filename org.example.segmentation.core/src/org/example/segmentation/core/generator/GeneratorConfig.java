package org.example.segmentation.core.generator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;

/**
 * What to generate: an immutable, validated configuration of {@link CustomerGenerator}.
 *
 * <p>The same configuration always gives the same table, value for value. {@code rows} and {@code seed}
 * define the customer base; {@code snapshot} picks the month: snapshot 2 is the same base one month later
 * (about 5% of the customers gone, about 6% new, planted drift; see {@link PlantedDrift}), so a snapshot-2
 * table has a different row count than {@code rows} ({@link CustomerGenerator#rowCount()}).
 *
 * @param rows          rows of the snapshot-1 table (customers plus duplicate rows), 1..{@value #MAX_ROWS}
 * @param seed          any long; every random value derives from it
 * @param snapshot      1 (first month) or 2 (the same customers a month later)
 * @param withTruth     whether to add the truth columns ({@link CustomerColumns#TRUTH})
 * @param plantProblems whether to plant the data-quality problems of {@link PlantedProblems}; without them
 *                      the table has no duplicates, no missing values, no outliers, a numeric
 *                      {@code monthly_income}, and no {@code currency} or {@code secondary_phone_type}
 */
public record GeneratorConfig(int rows, long seed, int snapshot, boolean withTruth, boolean plantProblems) {

    /** The largest allowed {@link #rows()} (snapshot 2 adds about 1% more). */
    public static final int MAX_ROWS = 100_000_000;

    public static final String KEY_ROWS = "rows";
    public static final String KEY_SEED = "seed";
    public static final String KEY_SNAPSHOT = "snapshot";
    public static final String KEY_WITH_TRUTH = "with_truth";
    public static final String KEY_PLANT_PROBLEMS = "plant_problems";

    /** The settings keys with their defaults, for help texts and dialogs. */
    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of(KEY_ROWS, 10_000, "rows of the snapshot-1 table, 1.." + MAX_ROWS),
            SettingSpec.of(KEY_SEED, 42, "random seed; the same settings always give the same table"),
            SettingSpec.choice(KEY_SNAPSHOT, "1", List.of("1", "2"),
                    "1 = first month; 2 = the same customers a month later, with planted drift"),
            SettingSpec.of(KEY_WITH_TRUTH, false,
                    "add the truth columns true_persona, true_life_stage, true_capability, true_trust, "
                            + "true_engagement"),
            SettingSpec.of(KEY_PLANT_PROBLEMS, true,
                    "plant missing values, outliers, duplicates, invalid text, a constant and a mostly-missing "
                            + "column"));

    /**
     * Validates the configuration.
     *
     * @throws InputException naming the setting: {@code rows} outside 1..{@value #MAX_ROWS}, {@code snapshot}
     *                        not 1 or 2
     */
    public GeneratorConfig {
        if (rows < 1) {
            throw new InputException("generator setting 'rows' must be at least 1, got " + rows);
        }
        if (rows > MAX_ROWS) {
            throw new InputException("generator setting 'rows' must be at most " + MAX_ROWS + ", got " + rows);
        }
        if (snapshot != 1 && snapshot != 2) {
            throw new InputException("generator setting 'snapshot' must be 1 or 2, got " + snapshot);
        }
    }

    /** Snapshot 1 of {@code rows} rows with planted problems and without truth columns. */
    public static GeneratorConfig of(int rows, long seed) {
        return new GeneratorConfig(rows, seed, 1, false, true);
    }

    /** This configuration for another snapshot (1 or 2). */
    public GeneratorConfig withSnapshot(int newSnapshot) {
        return new GeneratorConfig(rows, seed, newSnapshot, withTruth, plantProblems);
    }

    /** This configuration with or without the truth columns. */
    public GeneratorConfig withTruthColumns(boolean truth) {
        return new GeneratorConfig(rows, seed, snapshot, truth, plantProblems);
    }

    /** This configuration with or without planted problems. */
    public GeneratorConfig withPlantedProblems(boolean plant) {
        return new GeneratorConfig(rows, seed, snapshot, withTruth, plant);
    }

    /**
     * Reads a configuration from settings; unset keys take the defaults of {@link #SPECS}.
     *
     * @throws InputException for an unknown key or a value out of range, naming the key
     */
    public static GeneratorConfig fromSettings(Settings settings) {
        settings.requireKnown("generator", SPECS);
        return new GeneratorConfig(
                settings.getInt(KEY_ROWS, 10_000, 1, MAX_ROWS),
                settings.getLong(KEY_SEED, 42),
                Integer.parseInt(settings.getChoice(KEY_SNAPSHOT, "1", List.of("1", "2"))),
                settings.getBoolean(KEY_WITH_TRUTH, false),
                settings.getBoolean(KEY_PLANT_PROBLEMS, true));
    }

    /** This configuration as settings; {@link #fromSettings} reads it back to an equal configuration. */
    public Settings toSettings() {
        Map<String, String> m = new TreeMap<>();
        m.put(KEY_ROWS, Integer.toString(rows));
        m.put(KEY_SEED, Long.toString(seed));
        m.put(KEY_SNAPSHOT, Integer.toString(snapshot));
        m.put(KEY_WITH_TRUTH, Boolean.toString(withTruth));
        m.put(KEY_PLANT_PROBLEMS, Boolean.toString(plantProblems));
        return Settings.of(m);
    }
}
