package org.example.segmentation.core.cluster;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;

/**
 * How {@link KSelection} chooses the number of segments: an immutable, validated configuration that
 * round-trips exactly through the flat settings map ({@link #fromSettings}, {@link #toSettings}).
 *
 * @param kMin                the smallest k tried, 2..{@value #MAX_K}
 * @param kMax                the largest k tried, {@code kMin}..{@value #MAX_K}
 * @param sampleSize          rows in the seeded sample on which the exact silhouette (and stability) is computed,
 *                            {@value #MIN_SAMPLE}..{@value #MAX_SAMPLE}; the exact silhouette costs
 *                            {@code O(sampleSize^2)}
 * @param bootstrapRuns       bootstrap refits per k for the stability score, 0..{@value #MAX_RUNS}; 0 = stability
 *                            is not measured and not required
 * @param bootstrapSampleSize rows drawn (with replacement) for each bootstrap refit; a table with fewer rows uses
 *                            its row count, {@value #MIN_SAMPLE}..{@value #MAX_BOOTSTRAP_SAMPLE}
 * @param minSegmentShare     a k qualifies only when its smallest segment holds at least this share of the rows,
 *                            0..0.5
 * @param minStability        a k qualifies only when its stability (mean adjusted Rand index of the refits) is at
 *                            least this, 0..1
 * @param seed                any long; every random choice derives from it
 * @param threads             threads for the fits and the scores, 1..{@value #MAX_THREADS}; results do not depend
 *                            on it
 * @param searchSampleSize    when a range of k is searched on a table with more rows than this, every k is fitted and
 *                            scored on a seeded sample of this many rows and only the chosen k is then fitted on all
 *                            rows ({@link KSelection}); 0 = always search on all rows; else
 *                            {@value #MIN_SEARCH_SAMPLE}..{@value #MAX_SEARCH_SAMPLE}
 * @param bootstrapRestarts   starts of each bootstrap refit ({@code stability.restarts}) for clusterers with
 *                            restarts (k-means, mini-batch, k-prototypes: the best of that many starts is kept);
 *                            0 = as many as the clusterer's own fits ({@code restarts}); else
 *                            1..{@value #MAX_BOOTSTRAP_RESTARTS}. Default {@value #DEFAULT_BOOTSTRAP_RESTARTS}: the
 *                            stability score asks whether the clustering method finds the same segments on another
 *                            sample, and the classic stability measures (Ben-Hur, Elisseeff and Guyon 2002; Lange,
 *                            Roth, Braun and Buhmann 2004) run the algorithm once per subsample; see {@link KSelection}
 */
public record KSelectionConfig(int kMin, int kMax, int sampleSize, int bootstrapRuns, int bootstrapSampleSize,
        double minSegmentShare, double minStability, long seed, int threads, int searchSampleSize,
        int bootstrapRestarts) {

    /** The largest k that can be tried. */
    public static final int MAX_K = 100;
    /** The smallest sample sizes. */
    public static final int MIN_SAMPLE = 100;
    /** The largest exact-silhouette sample: 50,000 rows take about 2.5 billion distances. */
    public static final int MAX_SAMPLE = 50_000;
    /** The largest bootstrap sample. */
    public static final int MAX_BOOTSTRAP_SAMPLE = 10_000_000;
    /** The most bootstrap refits per k. */
    public static final int MAX_RUNS = 100;
    /** The most threads. */
    public static final int MAX_THREADS = 1024;
    /** The smallest search sample (other than 0, all rows). */
    public static final int MIN_SEARCH_SAMPLE = 1_000;
    /** The largest search sample. */
    public static final int MAX_SEARCH_SAMPLE = 100_000_000;
    /** The most starts of a bootstrap refit. */
    public static final int MAX_BOOTSTRAP_RESTARTS = 10_000;

    public static final String KEY_K_MIN = "k.min";
    public static final String KEY_K_MAX = "k.max";
    public static final String KEY_SAMPLE_SIZE = "silhouette.sample_size";
    public static final String KEY_BOOTSTRAP_RUNS = "stability.runs";
    public static final String KEY_BOOTSTRAP_SAMPLE_SIZE = "stability.sample_size";
    public static final String KEY_MIN_SEGMENT_SHARE = "min_segment_share";
    public static final String KEY_MIN_STABILITY = "min_stability";
    public static final String KEY_SEED = "seed";
    public static final String KEY_THREADS = "threads";
    public static final String KEY_SEARCH_SAMPLE_SIZE = "k_search.sample_size";
    public static final String KEY_BOOTSTRAP_RESTARTS = "stability.restarts";

    static final int DEFAULT_K_MIN = 2;
    static final int DEFAULT_K_MAX = 10;
    static final int DEFAULT_SAMPLE_SIZE = 10_000;
    static final int DEFAULT_BOOTSTRAP_RUNS = 5;
    static final int DEFAULT_BOOTSTRAP_SAMPLE_SIZE = 50_000;
    static final double DEFAULT_MIN_SEGMENT_SHARE = 0.02;
    static final double DEFAULT_MIN_STABILITY = 0.8;
    static final long DEFAULT_SEED = 42;
    static final int DEFAULT_THREADS = 1;
    static final int DEFAULT_SEARCH_SAMPLE_SIZE = 100_000;
    static final int DEFAULT_BOOTSTRAP_RESTARTS = 3;

    /** Every setting key with its default and meaning. */
    public static final List<SettingSpec> SPECS = List.of(
            SettingSpec.of(KEY_K_MIN, DEFAULT_K_MIN, "the smallest number of segments tried, 2.." + MAX_K),
            SettingSpec.of(KEY_K_MAX, DEFAULT_K_MAX, "the largest number of segments tried, k.min.." + MAX_K
                    + " (when unset and k.min is larger than " + DEFAULT_K_MAX + ": k.min)"),
            SettingSpec.of(KEY_SAMPLE_SIZE, DEFAULT_SAMPLE_SIZE,
                    "rows in the seeded sample for the exact silhouette and the stability score, " + MIN_SAMPLE
                            + ".." + MAX_SAMPLE),
            SettingSpec.of(KEY_BOOTSTRAP_RUNS, DEFAULT_BOOTSTRAP_RUNS,
                    "bootstrap refits per k for the stability score, 0.." + MAX_RUNS
                            + " (0 = do not measure or require stability)"),
            SettingSpec.of(KEY_BOOTSTRAP_SAMPLE_SIZE, DEFAULT_BOOTSTRAP_SAMPLE_SIZE,
                    "rows drawn with replacement for each bootstrap refit (at most the table's rows), " + MIN_SAMPLE
                            + ".." + MAX_BOOTSTRAP_SAMPLE),
            SettingSpec.of(KEY_MIN_SEGMENT_SHARE, DEFAULT_MIN_SEGMENT_SHARE,
                    "a k qualifies only if its smallest segment holds at least this share of the rows, 0..0.5"),
            SettingSpec.of(KEY_MIN_STABILITY, DEFAULT_MIN_STABILITY,
                    "a k qualifies only if its stability (mean adjusted Rand index of the refits) is at least "
                            + "this, 0..1"),
            SettingSpec.of(KEY_SEED, DEFAULT_SEED, "random seed; the same settings always choose the same k"),
            SettingSpec.of(KEY_THREADS, DEFAULT_THREADS,
                    "threads to use, 1.." + MAX_THREADS + "; the result does not depend on it"),
            SettingSpec.of(KEY_SEARCH_SAMPLE_SIZE, DEFAULT_SEARCH_SAMPLE_SIZE,
                    "on a table with more rows, every k of k.min..k.max is fitted and scored on a seeded sample of "
                            + "this many rows and only the chosen k is fitted on all rows; 0 = search on all rows, "
                            + "else " + MIN_SEARCH_SAMPLE + ".." + MAX_SEARCH_SAMPLE),
            SettingSpec.of(KEY_BOOTSTRAP_RESTARTS, DEFAULT_BOOTSTRAP_RESTARTS,
                    "starts of each bootstrap refit of the stability score (k-means, mini-batch, k-prototypes: the "
                            + "best of that many k-means++ starts); 0 = as many as 'restarts', else 1.."
                            + MAX_BOOTSTRAP_RESTARTS));

    /**
     * Validates the configuration.
     *
     * @throws InputException naming the setting and its allowed range
     */
    public KSelectionConfig {
        checkInt(KEY_K_MIN, kMin, 2, MAX_K);
        if (kMax < kMin || kMax > MAX_K) {
            throw new InputException("k selection setting '" + KEY_K_MAX + "' must be an integer from k.min ("
                    + kMin + ") to " + MAX_K + ", got " + kMax);
        }
        checkInt(KEY_SAMPLE_SIZE, sampleSize, MIN_SAMPLE, MAX_SAMPLE);
        checkInt(KEY_BOOTSTRAP_RUNS, bootstrapRuns, 0, MAX_RUNS);
        checkInt(KEY_BOOTSTRAP_SAMPLE_SIZE, bootstrapSampleSize, MIN_SAMPLE, MAX_BOOTSTRAP_SAMPLE);
        checkShare(KEY_MIN_SEGMENT_SHARE, minSegmentShare, 0.5);
        checkShare(KEY_MIN_STABILITY, minStability, 1);
        checkInt(KEY_THREADS, threads, 1, MAX_THREADS);
        if (searchSampleSize != 0 && (searchSampleSize < MIN_SEARCH_SAMPLE || searchSampleSize > MAX_SEARCH_SAMPLE)) {
            throw new InputException("k selection setting '" + KEY_SEARCH_SAMPLE_SIZE + "' must be 0 (search on all "
                    + "rows) or an integer from " + MIN_SEARCH_SAMPLE + " to " + MAX_SEARCH_SAMPLE + ", got "
                    + searchSampleSize);
        }
        checkInt(KEY_BOOTSTRAP_RESTARTS, bootstrapRestarts, 0, MAX_BOOTSTRAP_RESTARTS);
    }

    /**
     * The configuration with the default {@code k_search.sample_size} ({@value #DEFAULT_SEARCH_SAMPLE_SIZE}) and
     * {@code stability.restarts} ({@value #DEFAULT_BOOTSTRAP_RESTARTS}).
     */
    public KSelectionConfig(int kMin, int kMax, int sampleSize, int bootstrapRuns, int bootstrapSampleSize,
            double minSegmentShare, double minStability, long seed, int threads) {
        this(kMin, kMax, sampleSize, bootstrapRuns, bootstrapSampleSize, minSegmentShare, minStability, seed, threads,
                DEFAULT_SEARCH_SAMPLE_SIZE);
    }

    /** The configuration with the default {@code stability.restarts} ({@value #DEFAULT_BOOTSTRAP_RESTARTS}). */
    public KSelectionConfig(int kMin, int kMax, int sampleSize, int bootstrapRuns, int bootstrapSampleSize,
            double minSegmentShare, double minStability, long seed, int threads, int searchSampleSize) {
        this(kMin, kMax, sampleSize, bootstrapRuns, bootstrapSampleSize, minSegmentShare, minStability, seed, threads,
                searchSampleSize, DEFAULT_BOOTSTRAP_RESTARTS);
    }

    /** The defaults of {@link #SPECS}. */
    public static KSelectionConfig defaults() {
        return fromSettings(Settings.empty());
    }

    /** This configuration with another k range. */
    public KSelectionConfig withK(int min, int max) {
        return new KSelectionConfig(min, max, sampleSize, bootstrapRuns, bootstrapSampleSize, minSegmentShare,
                minStability, seed, threads, searchSampleSize, bootstrapRestarts);
    }

    /** This configuration with another number of bootstrap runs. */
    public KSelectionConfig withRuns(int runs) {
        return new KSelectionConfig(kMin, kMax, sampleSize, runs, bootstrapSampleSize, minSegmentShare,
                minStability, seed, threads, searchSampleSize, bootstrapRestarts);
    }

    /** This configuration with another thread count. */
    public KSelectionConfig withThreads(int count) {
        return new KSelectionConfig(kMin, kMax, sampleSize, bootstrapRuns, bootstrapSampleSize, minSegmentShare,
                minStability, seed, count, searchSampleSize, bootstrapRestarts);
    }

    /** This configuration with another {@code stability.restarts} (0 = as many as the clusterer's fits). */
    public KSelectionConfig withBootstrapRestarts(int restarts) {
        return new KSelectionConfig(kMin, kMax, sampleSize, bootstrapRuns, bootstrapSampleSize, minSegmentShare,
                minStability, seed, threads, searchSampleSize, restarts);
    }

    /** This configuration with another {@code k_search.sample_size} (0 = search on all rows). */
    public KSelectionConfig withSearchSampleSize(int rows) {
        return new KSelectionConfig(kMin, kMax, sampleSize, bootstrapRuns, bootstrapSampleSize, minSegmentShare,
                minStability, seed, threads, rows, bootstrapRestarts);
    }

    /**
     * Reads a configuration; unset keys take the defaults of {@link #SPECS}.
     *
     * @throws InputException for an unknown key (naming the closest known one) or a bad value, naming the key
     */
    public static KSelectionConfig fromSettings(Settings settings) {
        settings.requireKnown("k selection", SPECS);
        int kMin = settings.getInt(KEY_K_MIN, DEFAULT_K_MIN, 2, MAX_K);
        return new KSelectionConfig(
                kMin,
                settings.getInt(KEY_K_MAX, Math.max(DEFAULT_K_MAX, kMin), kMin, MAX_K),
                settings.getInt(KEY_SAMPLE_SIZE, DEFAULT_SAMPLE_SIZE, MIN_SAMPLE, MAX_SAMPLE),
                settings.getInt(KEY_BOOTSTRAP_RUNS, DEFAULT_BOOTSTRAP_RUNS, 0, MAX_RUNS),
                settings.getInt(KEY_BOOTSTRAP_SAMPLE_SIZE, DEFAULT_BOOTSTRAP_SAMPLE_SIZE, MIN_SAMPLE,
                        MAX_BOOTSTRAP_SAMPLE),
                settings.getDouble(KEY_MIN_SEGMENT_SHARE, DEFAULT_MIN_SEGMENT_SHARE, 0, 0.5),
                settings.getDouble(KEY_MIN_STABILITY, DEFAULT_MIN_STABILITY, 0, 1),
                settings.getLong(KEY_SEED, DEFAULT_SEED),
                settings.getInt(KEY_THREADS, DEFAULT_THREADS, 1, MAX_THREADS),
                settings.getInt(KEY_SEARCH_SAMPLE_SIZE, DEFAULT_SEARCH_SAMPLE_SIZE, 0, MAX_SEARCH_SAMPLE),
                settings.getInt(KEY_BOOTSTRAP_RESTARTS, DEFAULT_BOOTSTRAP_RESTARTS, 0, MAX_BOOTSTRAP_RESTARTS));
    }

    /**
     * This configuration as settings, every key written; {@link #fromSettings} reads it back to an equal
     * configuration.
     */
    public Settings toSettings() {
        Map<String, String> m = new TreeMap<>();
        m.put(KEY_K_MIN, Integer.toString(kMin));
        m.put(KEY_K_MAX, Integer.toString(kMax));
        m.put(KEY_SAMPLE_SIZE, Integer.toString(sampleSize));
        m.put(KEY_BOOTSTRAP_RUNS, Integer.toString(bootstrapRuns));
        m.put(KEY_BOOTSTRAP_SAMPLE_SIZE, Integer.toString(bootstrapSampleSize));
        m.put(KEY_MIN_SEGMENT_SHARE, Double.toString(minSegmentShare));
        m.put(KEY_MIN_STABILITY, Double.toString(minStability));
        m.put(KEY_SEED, Long.toString(seed));
        m.put(KEY_THREADS, Integer.toString(threads));
        m.put(KEY_SEARCH_SAMPLE_SIZE, Integer.toString(searchSampleSize));
        m.put(KEY_BOOTSTRAP_RESTARTS, Integer.toString(bootstrapRestarts));
        return Settings.of(m);
    }

    private static void checkInt(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InputException("k selection setting '" + key + "' must be an integer from " + min + " to "
                    + max + ", got " + value);
        }
    }

    private static void checkShare(String key, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new InputException("k selection setting '" + key + "' must be a number from 0 to "
                    + (max == 1 ? "1" : Double.toString(max)) + ", got " + value);
        }
    }
}
