package org.example.segmentation.core.segmentation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.cluster.KMeansConfig;
import org.example.segmentation.core.cluster.KSelectionConfig;
import org.example.segmentation.core.cluster.MiniBatchKMeansConfig;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;

/**
 * What the {@link Segmenter} does: an immutable, validated configuration. Every component has a setting key
 * ({@link #SPECS}, documented with defaults in {@code docs/segmentation.md}); {@link #fromSettings} and
 * {@link #toSettings} convert exactly both ways.
 *
 * <p>The automatic choice of k is configured with the keys of {@link KSelectionConfig} ({@code k.min},
 * {@code k.max}, {@code silhouette.sample_size}, {@code stability.runs}, {@code stability.sample_size},
 * {@code min_segment_share}, {@code min_stability}, {@code seed}, {@code threads}, {@code k_search.sample_size},
 * {@code stability.restarts}), held in {@link #selection()};
 * the seed and the thread count there are also those of the clustering.
 *
 * <p>Segment names use keys with a prefix: {@code name.<id>=<name>} ({@code name.S3=Digital nomads}); the rest of
 * the key after {@value #KEY_NAME_PREFIX} is a segment id. Whether the id exists is checked by {@link Segmenter#fit},
 * which knows the segments.
 *
 * @param features          {@code features}: the feature columns; empty = every numeric and categorical column that
 *                          is not an identifier
 * @param exclude           {@code exclude}: columns never used as features (wins over {@code features})
 * @param idColumns         {@code id.columns}: identifier columns, copied to the assignment output; empty = every
 *                          text column
 * @param algorithm         {@code algorithm}
 * @param k                 {@code k}: the number of segments; 0 = choose it automatically from {@code k.min..k.max}
 * @param selection         the automatic choice of k, the seed and the threads (keys of {@link KSelectionConfig})
 * @param restarts          {@code restarts}: runs from fresh k-means++ initialisations per fit, the best is kept
 * @param maxIterations     {@code max_iterations}: iterations of one k-means run at most
 * @param tolerance         {@code tolerance}: a k-means run stops when the centroids move less than this (relative to
 *                          the mean column variance); 0 = until no row changes segment
 * @param batchSize         {@code minibatch.batch_size}: rows per mini-batch step
 * @param batchIterations   {@code minibatch.iterations}: mini-batch steps per run
 * @param scaled            {@code scaled}: whether numeric features arrive scaled
 * @param categoricalWeight {@code categorical.weight}: the value of a one-hot indicator, or {@code null} for
 *                          {@code auto} ({@link FeatureSpace#autoWeight})
 * @param matchMaxDistance  {@code match.max_distance}: with a previous model, a segment farther than this from its
 *                          matched previous segment gets a new id; 0 = no limit
 * @param names             {@code name.<id>}: segment names by id, sorted by id
 * @param emMaxRows         {@code em.max_rows}: {@code algorithm=em} fails on tables with more rows
 * @param hierarchicalMaxRows {@code hierarchical.max_rows}: {@code algorithm=hierarchical} fails on tables with more
 *                          rows
 * @param kprototypesGamma  {@code kprototypes.gamma}: the weight of a categorical mismatch in k-prototypes, or
 *                          {@code null} for {@code auto} (half the mean standard deviation of the numeric features)
 */
public record SegmenterConfig(List<String> features, List<String> exclude, List<String> idColumns, Algorithm algorithm,
        int k, KSelectionConfig selection, int restarts, int maxIterations, double tolerance, int batchSize,
        int batchIterations, Scaled scaled, Double categoricalWeight, double matchMaxDistance,
        Map<String, String> names, int emMaxRows, int hierarchicalMaxRows, Double kprototypesGamma) {

    public static final String KEY_FEATURES = "features";
    public static final String KEY_EXCLUDE = "exclude";
    public static final String KEY_ID_COLUMNS = "id.columns";
    public static final String KEY_ALGORITHM = "algorithm";
    public static final String KEY_K = "k";
    public static final String KEY_RESTARTS = "restarts";
    public static final String KEY_MAX_ITERATIONS = "max_iterations";
    public static final String KEY_TOLERANCE = "tolerance";
    public static final String KEY_BATCH_SIZE = "minibatch.batch_size";
    public static final String KEY_BATCH_ITERATIONS = "minibatch.iterations";
    public static final String KEY_SCALED = "scaled";
    public static final String KEY_CATEGORICAL_WEIGHT = "categorical.weight";
    public static final String KEY_MATCH_MAX_DISTANCE = "match.max_distance";
    public static final String KEY_EM_MAX_ROWS = "em.max_rows";
    public static final String KEY_HIERARCHICAL_MAX_ROWS = "hierarchical.max_rows";
    public static final String KEY_KPROTOTYPES_GAMMA = "kprototypes.gamma";
    /** The largest {@code kprototypes.gamma} accepted (a one-hot value of 100). */
    public static final double MAX_KPROTOTYPES_GAMMA = 20_000;
    /** The default of {@code em.max_rows}. */
    public static final int DEFAULT_EM_MAX_ROWS = 50_000;
    /** The default of {@code hierarchical.max_rows}. */
    public static final int DEFAULT_HIERARCHICAL_MAX_ROWS = 1_000;
    /** The largest {@code em.max_rows} accepted. */
    public static final int MAX_EM_MAX_ROWS = 10_000_000;
    /** The largest {@code hierarchical.max_rows} accepted (memory grows with its square). */
    public static final int MAX_HIERARCHICAL_MAX_ROWS = 50_000;
    /** Prefix of the segment-name keys: {@code name.S1=Digital nomads}. */
    public static final String KEY_NAME_PREFIX = "name.";

    /** The largest k (fixed or searched). */
    public static final int MAX_K = KSelectionConfig.MAX_K;
    /** The most restarts. */
    public static final int MAX_RESTARTS = 1000;
    /** The largest categorical weight accepted. */
    public static final double MAX_CATEGORICAL_WEIGHT = 100;

    static final String AUTO = "auto";

    /** How the segments are found. */
    public enum Algorithm {
        /** k-means: k-means++ initialisation, {@code restarts} runs, Hamerly's exact acceleration. The default. */
        KMEANS(true),
        /**
         * Mini-batch k-means: for very large tables (millions of rows), where a full k-means pass per iteration and
         * restart is too slow; a few per cent more inertia.
         */
        MINIBATCH(true),
        /**
         * k-prototypes (Huang): numeric features by squared Euclidean distance, categorical features by simple
         * matching times {@code kprototypes.gamma}, with modes as categorical prototypes.
         */
        KPROTOTYPES(true),
        /**
         * Gaussian mixture by EM (Weka), for small and medium tables (at most {@code em.max_rows}); with {@code k=0}
         * EM chooses k by cross-validation.
         */
        EM(true),
        /** Agglomerative hierarchical clustering with Ward linkage (Weka), for small tables. */
        HIERARCHICAL(true);

        private final boolean available;

        Algorithm(boolean available) {
            this.available = available;
        }

        /** The setting value: {@code kmeans}, {@code minibatch}, ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether this engine can fit it. */
        public boolean available() {
            return available;
        }

        /** Parses a setting value. */
        public static Algorithm parse(String value) {
            for (Algorithm a : values()) {
                if (a.key().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("algorithm '" + value + "' is not known");
        }

        static List<String> availableKeys() {
            List<String> out = new ArrayList<>();
            for (Algorithm a : values()) {
                if (a.available) {
                    out.add(a.key());
                }
            }
            return out;
        }
    }

    /** Whether numeric features arrive scaled; see {@link FeatureSpace}. */
    public enum Scaled {
        /**
         * Features the cleaning model z-scored are used as they are; every other numeric feature is z-scored by the
         * segmenter. The default.
         */
        AUTO,
        /** Every numeric feature is used as it is (the user scaled them). */
        YES,
        /** Every numeric feature is z-scored by the segmenter. */
        NO;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final List<String> SELECTION_KEYS = keysOf(KSelectionConfig.SPECS);

    /** The setting keys with their defaults and allowed values, for help texts, dialogs and the docs. */
    public static final List<SettingSpec> SPECS = specs();

    private static List<SettingSpec> specs() {
        List<SettingSpec> s = new ArrayList<>();
        s.add(SettingSpec.of(KEY_FEATURES, "[]",
                "the feature columns; empty = every numeric and categorical column that is not an identifier"));
        s.add(SettingSpec.of(KEY_EXCLUDE, "[]", "columns never used as features (wins over features)"));
        s.add(SettingSpec.of(KEY_ID_COLUMNS, "[]",
                "identifier columns, copied first into the assignment output; empty = every text column"));
        s.add(SettingSpec.choice(KEY_ALGORITHM, Algorithm.KMEANS.key(), Algorithm.availableKeys(),
                "kmeans (exact k-means, best of restarts), minibatch (mini-batch k-means for tables of millions of "
                        + "rows), kprototypes (k-prototypes for mixed numeric and categorical features), em (Gaussian mixture by EM, Weka; k=0 lets EM choose k by cross-validation) or "
                        + "hierarchical (agglomerative, Ward linkage, Weka; small tables)"));
        s.add(SettingSpec.of(KEY_K, 0, "the number of segments, 2.." + MAX_K + "; 0 = choose it from k.min..k.max"));
        s.addAll(KSelectionConfig.SPECS);
        s.add(SettingSpec.of(KEY_RESTARTS, KMeansConfig.DEFAULT_RESTARTS,
                "k-means runs from fresh k-means++ starts per fit, the lowest inertia is kept, 1.." + MAX_RESTARTS));
        s.add(SettingSpec.of(KEY_MAX_ITERATIONS, KMeansConfig.DEFAULT_MAX_ITERATIONS,
                "iterations of one k-means (or EM) run at most, 1..100000"));
        s.add(SettingSpec.of(KEY_TOLERANCE, KMeansConfig.DEFAULT_TOLERANCE,
                "a k-means run stops when the centroids move less than this, relative to the mean column variance, "
                        + "0..1 (0 = until no customer changes segment)"));
        s.add(SettingSpec.of(KEY_BATCH_SIZE, MiniBatchKMeansConfig.DEFAULT_BATCH_SIZE,
                "minibatch: rows per mini-batch step, 1..10000000"));
        s.add(SettingSpec.of(KEY_BATCH_ITERATIONS, MiniBatchKMeansConfig.DEFAULT_ITERATIONS,
                "minibatch: mini-batch steps per run, 1..1000000"));
        s.add(SettingSpec.choice(KEY_SCALED, Scaled.AUTO.key(), keys(Scaled.values()),
                "auto: use the features the cleaning model z-scored as they are and z-score the others; yes: use every "
                        + "numeric feature as it is; no: z-score every numeric feature"));
        s.add(SettingSpec.of(KEY_CATEGORICAL_WEIGHT, AUTO,
                "the value of a one-hot indicator: auto (1 / sqrt(1 - sum of squared level shares), so that a "
                        + "categorical feature counts as much as one z-scored number) or a number above 0 up to "
                        + "100"));
        s.add(SettingSpec.of(KEY_MATCH_MAX_DISTANCE, 0,
                "with a previous model: a segment farther than this from its matched previous segment gets a new id; "
                        + "0 = no limit"));
        s.add(SettingSpec.of(KEY_EM_MAX_ROWS, DEFAULT_EM_MAX_ROWS,
                "em: the most rows algorithm=em accepts (a larger table fails with an error), 1.." + MAX_EM_MAX_ROWS));
        s.add(SettingSpec.of(KEY_HIERARCHICAL_MAX_ROWS, DEFAULT_HIERARCHICAL_MAX_ROWS,
                "hierarchical: the most rows algorithm=hierarchical accepts (memory grows with the square and time "
                        + "with the cube of the rows; a larger table fails with an error), 1.."
                        + MAX_HIERARCHICAL_MAX_ROWS));
        s.add(SettingSpec.of(KEY_KPROTOTYPES_GAMMA, AUTO,
                "kprototypes: the cost of a categorical mismatch against squared numeric distances: auto (half the "
                        + "mean standard deviation of the numeric features) or a number above 0 up to "
                        + (int) MAX_KPROTOTYPES_GAMMA));
        s.add(new SettingSpec(KEY_NAME_PREFIX + "<id>", "", List.of(),
                "the name of a segment, e.g. name.S3=Digital nomads; default: the id"));
        return List.copyOf(s);
    }

    private static final SegmenterConfig DEFAULTS = fromSettings(Settings.empty());

    /**
     * Validates the configuration.
     *
     * @throws InputException naming the setting and what is allowed
     */
    public SegmenterConfig {
        features = names(KEY_FEATURES, features);
        exclude = names(KEY_EXCLUDE, exclude);
        idColumns = names(KEY_ID_COLUMNS, idColumns);
        Objects.requireNonNull(algorithm, KEY_ALGORITHM);
        if (!algorithm.available()) {
            throw new InputException("setting '" + KEY_ALGORITHM + "': " + algorithm.key()
                    + " is not available yet; use one of " + String.join(", ", Algorithm.availableKeys()));
        }
        if (k != 0 && (k < 2 || k > MAX_K)) {
            throw new InputException("setting '" + KEY_K + "' must be 0 (automatic) or an integer from 2 to " + MAX_K
                    + ", got '" + k + "'");
        }
        Objects.requireNonNull(selection, "selection");
        requireInt(KEY_RESTARTS, restarts, 1, MAX_RESTARTS);
        requireInt(KEY_MAX_ITERATIONS, maxIterations, 1, 100_000);
        if (!(tolerance >= 0 && tolerance <= 1)) {
            throw new InputException("setting '" + KEY_TOLERANCE + "' must be a number from 0 to 1, got '" + tolerance
                    + "'");
        }
        requireInt(KEY_BATCH_SIZE, batchSize, 1, 10_000_000);
        requireInt(KEY_BATCH_ITERATIONS, batchIterations, 1, 1_000_000);
        Objects.requireNonNull(scaled, KEY_SCALED);
        if (categoricalWeight != null && !(categoricalWeight > 0 && categoricalWeight <= MAX_CATEGORICAL_WEIGHT)) {
            throw new InputException("setting '" + KEY_CATEGORICAL_WEIGHT + "' must be auto or a number above 0 up to "
                    + (int) MAX_CATEGORICAL_WEIGHT + ", got '" + categoricalWeight + "'");
        }
        if (!(matchMaxDistance >= 0) || Double.isInfinite(matchMaxDistance)) {
            throw new InputException("setting '" + KEY_MATCH_MAX_DISTANCE + "' must be a finite number >= 0, got '"
                    + matchMaxDistance + "'");
        }
        requireInt(KEY_EM_MAX_ROWS, emMaxRows, 1, MAX_EM_MAX_ROWS);
        requireInt(KEY_HIERARCHICAL_MAX_ROWS, hierarchicalMaxRows, 1, MAX_HIERARCHICAL_MAX_ROWS);
        if (kprototypesGamma != null && !(kprototypesGamma > 0 && kprototypesGamma <= MAX_KPROTOTYPES_GAMMA)) {
            throw gammaError(Double.toString(kprototypesGamma));
        }
        Map<String, String> sorted = new TreeMap<>(SegmentIds.BY_NUMBER);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            String id = Objects.requireNonNull(e.getKey(), "segment id");
            String name = e.getValue() == null ? "" : e.getValue().strip();
            if (!SegmentIds.isId(id)) {
                throw new InputException("setting '" + KEY_NAME_PREFIX + id + "': '" + id
                        + "' is not a segment id; ids are S1, S2, ...");
            }
            if (name.isEmpty()) {
                throw new InputException("setting '" + KEY_NAME_PREFIX + id + "' must be a non-blank name");
            }
            if (!seen.add(name)) {
                throw new InputException("setting '" + KEY_NAME_PREFIX + id + "': the name '" + name
                        + "' is given to two segments; names must be distinct");
            }
            sorted.put(id, name);
        }
        names = Collections.unmodifiableMap(sorted);
    }

    /** The defaults of every setting. */
    public static SegmenterConfig defaults() {
        return DEFAULTS;
    }

    /**
     * Reads a configuration; unset keys take their defaults ({@link #SPECS}).
     *
     * @throws InputException for an unknown key (naming the closest known one) or a bad value, naming the key and
     *                        the allowed values
     */
    public static SegmenterConfig fromSettings(Settings settings) {
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> selection = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (Map.Entry<String, String> e : settings.asMap().entrySet()) {
            String key = e.getKey();
            if (key.startsWith(KEY_NAME_PREFIX)) {
                String id = key.substring(KEY_NAME_PREFIX.length());
                if (id.isEmpty()) {
                    throw new InputException("setting '" + key + "' must name a segment id after '" + KEY_NAME_PREFIX
                            + "', e.g. name.S1=Digital nomads");
                }
                names.put(id, e.getValue());
            } else if (SELECTION_KEYS.contains(key)) {
                selection.put(key, e.getValue());
            } else {
                plain.put(key, e.getValue());
            }
        }
        Map<String, String> known = new TreeMap<>(plain);
        known.putAll(selection);
        Settings.of(known).requireKnown("segmenter", SPECS);
        Settings s = Settings.of(plain);
        String algorithmKey = s.getString(KEY_ALGORITHM, Algorithm.KMEANS.key()).trim();
        if (!keys(Algorithm.values()).contains(algorithmKey.toLowerCase(Locale.ROOT))) {
            throw new InputException("setting '" + KEY_ALGORITHM + "' must be one of "
                    + String.join(", ", Algorithm.availableKeys()) + ", got '" + algorithmKey + "'");
        }
        return new SegmenterConfig(
                s.getList(KEY_FEATURES, List.of()),
                s.getList(KEY_EXCLUDE, List.of()),
                s.getList(KEY_ID_COLUMNS, List.of()),
                Algorithm.parse(algorithmKey),
                s.getInt(KEY_K, 0, 0, MAX_K),
                KSelectionConfig.fromSettings(Settings.of(selection)),
                s.getInt(KEY_RESTARTS, KMeansConfig.DEFAULT_RESTARTS, 1, MAX_RESTARTS),
                s.getInt(KEY_MAX_ITERATIONS, KMeansConfig.DEFAULT_MAX_ITERATIONS, 1, 100_000),
                s.getDouble(KEY_TOLERANCE, KMeansConfig.DEFAULT_TOLERANCE, 0, 1),
                s.getInt(KEY_BATCH_SIZE, MiniBatchKMeansConfig.DEFAULT_BATCH_SIZE, 1, 10_000_000),
                s.getInt(KEY_BATCH_ITERATIONS, MiniBatchKMeansConfig.DEFAULT_ITERATIONS, 1, 1_000_000),
                Scaled.valueOf(s.getChoice(KEY_SCALED, Scaled.AUTO.key(), keys(Scaled.values()))
                        .toUpperCase(Locale.ROOT)),
                categoricalWeight(s),
                s.getDouble(KEY_MATCH_MAX_DISTANCE, 0, 0, Double.MAX_VALUE),
                names,
                s.getInt(KEY_EM_MAX_ROWS, DEFAULT_EM_MAX_ROWS, 1, MAX_EM_MAX_ROWS),
                s.getInt(KEY_HIERARCHICAL_MAX_ROWS, DEFAULT_HIERARCHICAL_MAX_ROWS, 1, MAX_HIERARCHICAL_MAX_ROWS),
                gamma(s));
    }

    /**
     * The settings a saved model records: {@link #toSettings} without {@code threads}, which changes how fast a fit
     * runs but never its result, so the same seed writes the same model file whatever the thread count. A loaded
     * model's configuration has the default thread count.
     */
    public Settings toModelSettings() {
        Map<String, String> m = new TreeMap<>(toSettings().asMap());
        m.remove(KSelectionConfig.KEY_THREADS);
        return Settings.of(m);
    }

    /**
     * Every setting, defaults included, with lists as JSON arrays; {@link #fromSettings} reads it back to an equal
     * configuration.
     */
    public Settings toSettings() {
        Map<String, String> m = new TreeMap<>(selection.toSettings().asMap());
        m.put(KEY_FEATURES, Settings.formatList(features));
        m.put(KEY_EXCLUDE, Settings.formatList(exclude));
        m.put(KEY_ID_COLUMNS, Settings.formatList(idColumns));
        m.put(KEY_ALGORITHM, algorithm.key());
        m.put(KEY_K, Integer.toString(k));
        m.put(KEY_RESTARTS, Integer.toString(restarts));
        m.put(KEY_MAX_ITERATIONS, Integer.toString(maxIterations));
        m.put(KEY_TOLERANCE, Double.toString(tolerance));
        m.put(KEY_BATCH_SIZE, Integer.toString(batchSize));
        m.put(KEY_BATCH_ITERATIONS, Integer.toString(batchIterations));
        m.put(KEY_SCALED, scaled.key());
        m.put(KEY_CATEGORICAL_WEIGHT, categoricalWeight == null ? AUTO : Double.toString(categoricalWeight));
        m.put(KEY_MATCH_MAX_DISTANCE, Double.toString(matchMaxDistance));
        m.put(KEY_EM_MAX_ROWS, Integer.toString(emMaxRows));
        m.put(KEY_HIERARCHICAL_MAX_ROWS, Integer.toString(hierarchicalMaxRows));
        m.put(KEY_KPROTOTYPES_GAMMA, kprototypesGamma == null ? AUTO : Double.toString(kprototypesGamma));
        names.forEach((id, name) -> m.put(KEY_NAME_PREFIX + id, name));
        return Settings.of(m);
    }

    /** Whether k is chosen automatically ({@code k = 0}). */
    public boolean automaticK() {
        return k == 0;
    }

    /** The seed of every random choice (the k-selection key {@code seed}). */
    public long seed() {
        return selection.seed();
    }

    /** Threads for the fits ({@code threads}); results do not depend on it. */
    public int threads() {
        return selection.threads();
    }

    /** This configuration with other settings on top: {@code fromSettings(toSettings().withAll(changes))}. */
    public SegmenterConfig with(Settings changes) {
        return fromSettings(toSettings().withAll(changes));
    }

    /** The k-means configuration of one fit with {@code clusters} segments. */
    KMeansConfig kMeans(int clusters) {
        return new KMeansConfig(clusters, restarts, maxIterations, tolerance, seed(), threads(),
                KMeansConfig.Init.KMEANS_PLUS_PLUS, KMeansConfig.Algorithm.HAMERLY);
    }

    /** The mini-batch configuration of one fit with {@code clusters} segments. */
    MiniBatchKMeansConfig miniBatch(int clusters) {
        return new MiniBatchKMeansConfig(clusters, batchSize, batchIterations, restarts, seed(), threads());
    }

    /** The k-selection configuration actually searched: {@code k..k} for a fixed k. */
    KSelectionConfig searched() {
        return automaticK() ? selection : selection.withK(k, k);
    }

    @Override
    public String toString() {
        return "SegmenterConfig" + toSettings().asMap();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Double categoricalWeight(Settings s) {
        String v = s.getString(KEY_CATEGORICAL_WEIGHT, AUTO).trim();
        if (v.equalsIgnoreCase(AUTO)) {
            return null;
        }
        try {
            double w = Double.parseDouble(v);
            if (w > 0 && w <= MAX_CATEGORICAL_WEIGHT) {
                return w;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new InputException("setting '" + KEY_CATEGORICAL_WEIGHT + "' must be auto or a number above 0 up to "
                + (int) MAX_CATEGORICAL_WEIGHT + ", got '" + v + "'");
    }

    private static Double gamma(Settings s) {
        String v = s.getString(KEY_KPROTOTYPES_GAMMA, AUTO).trim();
        if (v.equalsIgnoreCase(AUTO)) {
            return null;
        }
        try {
            double g = Double.parseDouble(v);
            if (g > 0 && g <= MAX_KPROTOTYPES_GAMMA) {
                return g;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw gammaError(v);
    }

    private static InputException gammaError(String value) {
        return new InputException("setting '" + KEY_KPROTOTYPES_GAMMA + "' must be auto or a number above 0 up to "
                + (int) MAX_KPROTOTYPES_GAMMA + ", got '" + value + "'");
    }

    private static List<String> names(String key, List<String> names) {
        Objects.requireNonNull(names, key);
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new InputException("setting '" + key + "' must not hold an empty column name");
            }
            if (!set.add(n)) {
                throw new InputException("setting '" + key + "' names column '" + n + "' twice");
            }
        }
        return List.copyOf(set);
    }

    private static void requireInt(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InputException("setting '" + key + "' must be an integer from " + min + " to " + max + ", got '"
                    + value + "'");
        }
    }

    private static List<String> keysOf(List<SettingSpec> specs) {
        List<String> out = new ArrayList<>();
        for (SettingSpec s : specs) {
            out.add(s.key());
        }
        return out;
    }

    private static List<String> keys(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> v : values) {
            out.add(v.name().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
