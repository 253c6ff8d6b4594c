package org.example.segmentation.core.scoring;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Names;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.model.ModelFile;
import org.example.segmentation.core.model.Provenance;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

/**
 * A fitted profile scorer: the configuration, the percentile sketch of every indicator on the reference table and
 * the engagement tertiles. Immutable and thread-safe; its size does not depend on the reference table's rows.
 *
 * <p>{@link #score} appends {@link #outputColumns()} to a table (see {@code docs/scoring.md} for each rule). Every
 * output row depends only on the model and the input row, and every categorical output column has the same
 * dictionary in every call, so scoring consecutive chunks and concatenating gives exactly the output of scoring the
 * whole table.
 *
 * <p>Saved as a {@link ModelFile} of kind {@value #KIND}, format version {@value #FORMAT_VERSION}.
 */
public final class ScoringModel {
    /** The model file kind. */
    public static final String KIND = "scoring_model";
    /** The format version written; files of newer versions are refused. */
    public static final int FORMAT_VERSION = 1;
    /** The usual file name of a saved model, as the command line writes it. */
    public static final String FILE_NAME = "scoring_model.json";

    public static final String DIGITAL_SCORE = "digital_score";
    public static final String DIGITAL_SCORE_STATUS = "digital_score_status";
    public static final String POINTS_PREFIX = "points_";
    public static final List<String> TOP_CONTRIBUTORS = List.of("top_contributor_1", "top_contributor_2",
            "top_contributor_3");
    public static final String CAPABILITY_SCORE = "capability_score";
    public static final String TRUST_SCORE = "trust_score";
    public static final String ARCHETYPE = "archetype";
    public static final String ARCHETYPE_MARGIN = "archetype_margin";
    public static final String ARCHETYPE_BORDERLINE = "archetype_borderline";
    public static final String CHANNEL_FIRST = "channel_first";
    public static final String CHANNEL_SECOND = "channel_second";
    public static final String LIFECYCLE_STAGE = "lifecycle_stage";
    public static final String ENGAGEMENT_LEVEL = "engagement_level";
    public static final String PRODUCT_DEPTH = "product_depth";
    /** Extra column, last: {@code yes} when a third-party-data offer is allowed (both consents), else {@code no}. */
    public static final String THIRD_PARTY_OFFER_ALLOWED = "third_party_offer_allowed";

    /** Status levels of {@link #DIGITAL_SCORE_STATUS}. */
    public static final List<String> STATUS = List.of("ok", "insufficient_data");
    static final List<String> YES_NO = List.of("yes", "no");
    /** Levels of {@link #ENGAGEMENT_LEVEL}. */
    public static final List<String> ENGAGEMENT_LEVELS = List.of("low", "medium", "high");
    /** Levels of {@link #PRODUCT_DEPTH}. */
    public static final List<String> PRODUCT_DEPTHS = List.of("single", "dual", "multi");

    private static final int CHECK_EVERY = 8192;

    /** The model file body. */
    record Body(Map<String, String> settings, Map<String, PercentileSketch> sketches, List<Double> engagementTertiles,
            int referenceRows) {
        Body {
            settings = Collections.unmodifiableMap(new TreeMap<>(settings));
            sketches = Collections.unmodifiableMap(new TreeMap<>(sketches));
            engagementTertiles = List.copyOf(engagementTertiles);
        }
    }

    private final ScoringConfig config;
    private final Provenance provenance;
    private final Body body;
    private final ArchetypeGrid grid;
    private final Map<String, PercentileSketch.Mapper> mappers = new HashMap<>();
    private final double tertileLow;
    private final double tertileHigh;
    private final List<String> outputColumns;

    ScoringModel(ScoringConfig config, Provenance provenance, Body body) {
        this.config = Objects.requireNonNull(config, "config");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.body = Objects.requireNonNull(body, "body");
        this.grid = new ArchetypeGrid(config.regions());
        for (Scorecard card : config.scorecards()) {
            for (String c : card.indicators()) {
                PercentileSketch sketch = body.sketches().get(c);
                if (sketch == null) {
                    throw new InputException("the model has no percentile sketch of indicator '" + c + "'");
                }
                sketch.validate(c);
                mappers.put(c, sketch.mapper());
            }
        }
        if (body.engagementTertiles().size() != 2 || !(body.engagementTertiles().get(0)
                <= body.engagementTertiles().get(1))) {
            throw new InputException("the model's engagement tertiles must be two increasing numbers");
        }
        this.tertileLow = body.engagementTertiles().get(0);
        this.tertileHigh = body.engagementTertiles().get(1);
        this.outputColumns = outputColumns(config);
    }

    /**
     * The names of the columns a model fitted with {@code config} appends, in order (as {@link #outputColumns()}),
     * known before any fit: for a learner node's output spec.
     */
    public static List<String> outputColumns(ScoringConfig config) {
        List<String> out = new ArrayList<>();
        out.add(DIGITAL_SCORE);
        out.add(DIGITAL_SCORE_STATUS);
        for (String c : config.score().indicators()) {
            out.add(POINTS_PREFIX + c);
        }
        out.addAll(TOP_CONTRIBUTORS);
        out.addAll(List.of(CAPABILITY_SCORE, TRUST_SCORE, ARCHETYPE, ARCHETYPE_MARGIN, ARCHETYPE_BORDERLINE,
                CHANNEL_FIRST, CHANNEL_SECOND, LIFECYCLE_STAGE, ENGAGEMENT_LEVEL, PRODUCT_DEPTH,
                THIRD_PARTY_OFFER_ALLOWED));
        return List.copyOf(out);
    }

    /** The configuration the model was fitted with. */
    public ScoringConfig config() {
        return config;
    }

    /** Where the model came from: settings, reference table fingerprint, engine version, time. */
    public Provenance provenance() {
        return provenance;
    }

    /** The archetype regions (rectangles; an archetype may own several), in settings order. */
    public List<ArchetypeRegion> archetypeRegions() {
        return config.regions();
    }

    /** The distinct archetype names in region order: the levels of the {@value #ARCHETYPE} column. */
    public List<String> archetypes() {
        return grid.names();
    }

    /** The engagement measure's tertiles on the reference table: below the first low, below the second medium. */
    public List<Double> engagementTertiles() {
        return body.engagementTertiles();
    }

    /** The number of rows of the reference table. */
    public int referenceRows() {
        return body.referenceRows();
    }

    /**
     * The percentile (0..1) of {@code value} in the named indicator's reference distribution, NaN for a non-finite
     * value.
     *
     * @throws IllegalArgumentException when the column is no indicator
     */
    public double percentile(String indicator, double value) {
        PercentileSketch.Mapper m = mappers.get(indicator);
        if (m == null) {
            throw new IllegalArgumentException("'" + indicator + "' is not an indicator of this model");
        }
        return m.percentile(value);
    }

    /**
     * The names of the columns {@link #score} appends, in order: {@code digital_score}, {@code digital_score_status},
     * {@code points_<indicator>} per score indicator, {@code top_contributor_1..3}, {@code capability_score},
     * {@code trust_score}, {@code archetype}, {@code archetype_margin}, {@code archetype_borderline},
     * {@code channel_first}, {@code channel_second}, {@code lifecycle_stage}, {@code engagement_level},
     * {@code product_depth}, {@code third_party_offer_allowed}.
     */
    public List<String> outputColumns() {
        return outputColumns;
    }

    /** As {@link #score(Table, Progress)} without progress. */
    public Table score(Table table) {
        return score(table, Progress.NONE);
    }

    /**
     * {@code table} with {@link #outputColumns()} appended. The table needs every column the settings name (extra
     * columns are kept); missing values are allowed everywhere and handled as {@code docs/scoring.md} says.
     *
     * @throws InputException     naming the setting and each column the table lacks, or a column the output would add
     *                            that the table already has
     * @throws CancelledException when {@code progress} says so
     */
    public Table score(Table table, Progress progress) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(progress, "progress");
        ProfileScorer.checkColumns(table, config);
        List<String> clash = new ArrayList<>();
        for (String c : outputColumns) {
            if (table.hasColumn(c)) {
                clash.add(c);
            }
        }
        if (!clash.isEmpty()) {
            throw new InputException("cannot score: the table already has the output " + (clash.size() == 1
                    ? "column " : "columns ") + Names.quote(clash) + "; drop or rename them (a table scored before?)");
        }
        int n = table.rowCount();
        Scorecard sc = config.score();
        int ns = sc.indicators().size();
        // An indicator shared by several scorecards (the defaults share most) is mapped once; the scorecards only
        // read the arrays.
        Map<String, double[]> mapped = new HashMap<>();
        double[][] scoreP = percentiles(table, sc, mappers, mapped);
        double[][] capP = percentiles(table, config.capability(), mappers, mapped);
        double[][] trustP = percentiles(table, config.trust(), mappers, mapped);
        double[][] engP = percentiles(table, config.engagement(), mappers, mapped);
        ChannelRules ch = config.channels();
        boolean[] whatsapp = Columns.consent(table, ch.whatsappOptInColumn(), n);
        boolean[] marketing = Columns.consent(table, ch.marketingConsentColumn(), n);
        boolean[] thirdParty = Columns.consent(table, ch.thirdPartyConsentColumn(), n);
        Column preference = ch.usePreference() && !ch.preferenceColumn().isEmpty()
                ? table.column(ch.preferenceColumn()) : null;
        double[][] points = new double[ns][n];

        // The scorecards column by column (Scorecard.scoreColumns: the bits of Scorecard.score row by row).
        progress.checkCancelled();
        double[] score = sc.scoreColumns(scoreP, n, points);
        double[] capability = config.capability().scoreColumns(capP, n, null);
        double[] trust = config.trust().scoreColumns(trustP, n, null);
        double[] engagementMeasure = config.engagement().scoreColumns(engP, n, null);
        // Then the rules, one loop over the rows each. Why not one loop: a method with one long row loop is compiled
        // by the JIT several times over (on-stack replacement at each of its loops, then whole, then again after a
        // deoptimisation), about a second of compiler time on every streamed run; small loops compile quickly.
        int[] status = new int[n];
        int[][] top = new int[3][n];
        statusAndTopThree(score, points, status, top, progress.range(0, 0.25));
        int[] archetype = new int[n];
        double[] margin = new double[n];
        int[] borderline = new int[n];
        archetypes(capability, trust, archetype, margin, borderline, progress.range(0.25, 0.5));
        int[] first = new int[n];
        int[] second = new int[n];
        channels(ch, preference, archetype, whatsapp, marketing, first, second, progress.range(0.5, 0.75));
        int[] stage = new int[n];
        int[] engagement = new int[n];
        int[] depth = new int[n];
        LifecycleRules lc = config.lifecycle();
        lifecycle(Columns.numbers(table, lc.tenureColumn()), Columns.numbers(table, lc.inactiveColumn()),
                Columns.numbers(table, lc.trendColumn()), engagementMeasure,
                Columns.numbers(table, config.productColumn()), stage, engagement, depth, progress.range(0.75, 1));
        int[] offer = thirdPartyOffers(thirdParty, marketing);
        progress.update(1, null);

        Table out = table;
        out = out.append(NumericColumn.of(DIGITAL_SCORE, score, missing(score)));
        out = out.append(CategoricalColumn.of(DIGITAL_SCORE_STATUS, status, STATUS));
        for (int j = 0; j < ns; j++) {
            out = out.append(NumericColumn.of(POINTS_PREFIX + sc.indicators().get(j), points[j], missing(points[j])));
        }
        for (int k = 0; k < 3; k++) {
            out = out.append(CategoricalColumn.of(TOP_CONTRIBUTORS.get(k), top[k], sc.indicators()));
        }
        out = out.append(NumericColumn.of(CAPABILITY_SCORE, capability, missing(capability)));
        out = out.append(NumericColumn.of(TRUST_SCORE, trust, missing(trust)));
        out = out.append(CategoricalColumn.of(ARCHETYPE, archetype, grid.names()));
        out = out.append(NumericColumn.of(ARCHETYPE_MARGIN, margin, missing(margin)));
        out = out.append(CategoricalColumn.of(ARCHETYPE_BORDERLINE, borderline, YES_NO));
        out = out.append(CategoricalColumn.of(CHANNEL_FIRST, first, ChannelRules.CHANNELS));
        out = out.append(CategoricalColumn.of(CHANNEL_SECOND, second, ChannelRules.CHANNELS));
        out = out.append(CategoricalColumn.of(LIFECYCLE_STAGE, stage, LifecycleRules.STAGES));
        out = out.append(CategoricalColumn.of(ENGAGEMENT_LEVEL, engagement, ENGAGEMENT_LEVELS));
        out = out.append(CategoricalColumn.of(PRODUCT_DEPTH, depth, PRODUCT_DEPTHS));
        out = out.append(CategoricalColumn.of(THIRD_PARTY_OFFER_ALLOWED, offer, YES_NO));
        return out;
    }

    /**
     * Per row: the digital score's status (1 where the score is missing: too little indicator weight) and the three
     * indicators with the most points.
     */
    private static void statusAndTopThree(double[] score, double[][] points, int[] status, int[][] top,
            Progress progress) {
        int n = score.length;
        int ns = points.length;
        double[] pts = new double[Math.max(ns, 1)];
        for (int i = 0; i < n; i++) {
            if (i % CHECK_EVERY == 0) {
                progress.checkCancelled();
                progress.update((double) i / n, null);
            }
            double s = score[i];
            status[i] = Double.isNaN(s) ? 1 : 0;
            for (int j = 0; j < ns; j++) {
                pts[j] = points[j][i];
            }
            topThree(pts, ns, Double.isNaN(s), top, i);
        }
    }

    /** Per row: the archetype (-1 without both scores), the margin to its border and whether it is borderline. */
    private void archetypes(double[] capability, double[] trust, int[] archetype, double[] margin, int[] borderline,
            Progress progress) {
        for (int i = 0; i < capability.length; i++) {
            if (i % CHECK_EVERY == 0) {
                progress.checkCancelled();
                progress.update((double) i / capability.length, null);
            }
            double c = capability[i];
            double t = trust[i];
            int a = -1;
            if (!Double.isNaN(c) && !Double.isNaN(t)) {
                a = grid.classify(c, t);
                double m = grid.margin(c, t, a);
                margin[i] = Double.isInfinite(m) ? Double.NaN : m;
                borderline[i] = Double.isInfinite(m) ? 1 : m < config.borderlineMargin() ? 0 : 1;
            } else {
                margin[i] = Double.NaN;
                borderline[i] = -1;
            }
            archetype[i] = a;
        }
    }

    /**
     * Per row: the first and second channel (-1 for none): the stated preference first, then the archetype's rule, in
     * order; WhatsApp only with the opt-in, the marketing channels only with marketing consent.
     */
    private void channels(ChannelRules ch, Column preference, int[] archetype, boolean[] whatsapp,
            boolean[] marketing, int[] first, int[] second, Progress progress) {
        int[][] ruleOf = ruleTable();
        boolean[] needsMarketing = new boolean[ChannelRules.CHANNELS.size()];
        for (String c : ch.marketingConsentRequired()) {
            needsMarketing[ChannelRules.CHANNELS.indexOf(c)] = true;
        }
        int whatsappIndex = ChannelRules.CHANNELS.indexOf("whatsapp");
        int[] preferenceOfCode = preference instanceof CategoricalColumn cat ? preferenceCodes(cat) : null;
        for (int i = 0; i < archetype.length; i++) {
            if (i % CHECK_EVERY == 0) {
                progress.checkCancelled();
                progress.update((double) i / archetype.length, null);
            }
            int preferred = -1;
            if (preference != null && !preference.isMissing(i)) {
                preferred = preferenceOfCode != null ? preferenceOfCode[((CategoricalColumn) preference).code(i)]
                        : ChannelRules.preferenceChannel(preference.format(i));
            }
            int a = archetype[i];
            int[] rule = ruleOf[a < 0 ? ruleOf.length - 1 : a];
            int got = 0;
            first[i] = -1;
            second[i] = -1;
            for (int k = -1; k < rule.length && got < 2; k++) {
                int candidate = k < 0 ? preferred : rule[k];
                if (candidate < 0 || got == 1 && candidate == first[i]) {
                    continue;
                }
                if (candidate == whatsappIndex && !whatsapp[i] || needsMarketing[candidate] && !marketing[i]) {
                    continue;
                }
                if (got == 0) {
                    first[i] = candidate;
                } else {
                    second[i] = candidate;
                }
                got++;
            }
        }
    }

    /** Per row: 0 (yes) where a third-party offer is allowed (third-party and marketing consent), else 1 (no). */
    private static int[] thirdPartyOffers(boolean[] thirdParty, boolean[] marketing) {
        int[] offer = new int[thirdParty.length];
        for (int i = 0; i < offer.length; i++) {
            offer[i] = thirdParty[i] && marketing[i] ? 0 : 1;
        }
        return offer;
    }

    /** Per row: the lifecycle stage, the engagement level (by the tertiles) and the product depth; -1 where unknown. */
    private void lifecycle(double[] tenure, double[] inactive, double[] trend, double[] engagementMeasure,
            double[] products, int[] stage, int[] engagement, int[] depth, Progress progress) {
        LifecycleRules lc = config.lifecycle();
        for (int i = 0; i < stage.length; i++) {
            if (i % CHECK_EVERY == 0) {
                progress.checkCancelled();
                progress.update((double) i / stage.length, null);
            }
            stage[i] = lc.stage(tenure[i], inactive[i], trend[i]);
            double e = engagementMeasure[i];
            engagement[i] = Double.isNaN(e) ? -1 : e < tertileLow ? 0 : e < tertileHigh ? 1 : 2;
            double pr = products[i];
            depth[i] = Double.isNaN(pr) ? -1 : pr <= 1 ? 0 : pr < config.productMultiFrom() ? 1 : 2;
        }
    }

    /** Only the output columns of {@link #score}, for callers that keep the input elsewhere. */
    public Table scoreColumns(Table table, Progress progress) {
        return score(table, progress).select(outputColumns);
    }

    /** Per archetype (in {@link ArchetypeGrid#names()} order) then {@code *} last: channel indices in order. */
    private int[][] ruleTable() {
        List<String> names = grid.names();
        int[][] out = new int[names.size() + 1][];
        Map<String, List<String>> rules = config.channels().rules();
        for (int a = 0; a <= names.size(); a++) {
            List<String> list = a < names.size() && rules.containsKey(names.get(a)) ? rules.get(names.get(a))
                    : rules.get(ChannelRules.ANY);
            out[a] = new int[list.size()];
            for (int k = 0; k < list.size(); k++) {
                out[a][k] = ChannelRules.CHANNELS.indexOf(list.get(k));
            }
        }
        return out;
    }

    private static int[] preferenceCodes(CategoricalColumn c) {
        int[] out = new int[c.levelCount()];
        for (int k = 0; k < out.length; k++) {
            out[k] = ChannelRules.preferenceChannel(c.levels().get(k));
        }
        return out;
    }

    /** The three indicators with the most points (ties: the earlier indicator), -1 where there are fewer. */
    private static void topThree(double[] pts, int ns, boolean none, int[][] top, int row) {
        int[] best = {-1, -1, -1};
        if (!none) {
            for (int j = 0; j < ns; j++) {
                if (Double.isNaN(pts[j])) {
                    continue;
                }
                for (int k = 0; k < 3; k++) {
                    if (best[k] < 0 || pts[j] > pts[best[k]]) {
                        for (int m = 2; m > k; m--) {
                            best[m] = best[m - 1];
                        }
                        best[k] = j;
                        break;
                    }
                }
            }
        }
        for (int k = 0; k < 3; k++) {
            top[k][row] = best[k];
        }
    }

    /**
     * Per indicator of {@code card}, in order, the percentile of every row; an indicator already in {@code mapped} (by
     * another scorecard of the same call) is not mapped again: its array is shared, so callers only read the arrays.
     */
    private static double[][] percentiles(Table table, Scorecard card, Map<String, PercentileSketch.Mapper> mappers,
            Map<String, double[]> mapped) {
        int k = card.indicators().size();
        double[][] out = new double[k][];
        for (int j = 0; j < k; j++) {
            out[j] = mapped.computeIfAbsent(card.indicators().get(j), c -> percentiles(table, c, mappers.get(c)));
        }
        return out;
    }

    /** The percentile of every row's value of column {@code c}, NaN where missing or not finite. */
    private static double[] percentiles(Table table, String c, PercentileSketch.Mapper m) {
        double[] x = Columns.numbers(table, c);
        for (int i = 0; i < x.length; i++) {
            x[i] = m.percentile(x[i]);
        }
        return x;
    }

    /** The engagement measure of every row, from sketches being fitted. */
    static double[] engagementMeasure(Table table, Scorecard card, Map<String, PercentileSketch> sketches) {
        Map<String, PercentileSketch.Mapper> m = new HashMap<>();
        for (String c : card.indicators()) {
            m.put(c, sketches.get(c).mapper());
        }
        double[][] p = percentiles(table, card, m, new HashMap<>());
        return card.scoreColumns(p, table.rowCount(), null);
    }

    private static boolean[] missing(double[] values) {
        boolean[] m = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            m[i] = Double.isNaN(values[i]);
        }
        return m;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Files

    /**
     * Writes the model atomically as a {@link ModelFile}.
     *
     * @throws InputException when the file cannot be written
     */
    public void save(Path file) {
        ModelFile.save(file, KIND, FORMAT_VERSION, provenance, body);
    }

    /** The bytes {@link #save} writes. */
    public byte[] toBytes() {
        return ModelFile.toBytes(KIND, FORMAT_VERSION, provenance, body);
    }

    /**
     * Reads a model saved by {@link #save}.
     *
     * @throws InputException naming the file: missing, not a scoring model, a newer format version, a field that does
     *                        not fit, a setting out of range, a sketch that is not increasing
     */
    public static ScoringModel load(Path file) {
        return from(ModelFile.load(file, KIND, FORMAT_VERSION), file);
    }

    /** As {@link #load}, from bytes already read. */
    public static ScoringModel parse(byte[] bytes) {
        Path source = Path.of("(scoring model bytes)");
        return from(ModelFile.parse(bytes, source, KIND, FORMAT_VERSION), source);
    }

    /** As {@link #load}, from the JSON text. */
    public static ScoringModel parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static ScoringModel from(ModelFile.Loaded loaded, Path file) {
        Body body = loaded.bodyAs(Body.class);
        try {
            ScoringConfig config = ScoringConfig.fromSettings(Settings.of(body.settings()));
            Set<String> expected = new LinkedHashSet<>();
            for (Scorecard card : config.scorecards()) {
                expected.addAll(card.indicators());
            }
            if (!expected.equals(body.sketches().keySet())) {
                throw new InputException("the percentile sketches are of " + Names.quote(body.sketches().keySet())
                        + " but the indicators are " + Names.quote(expected));
            }
            return new ScoringModel(config, loaded.provenance(), body);
        } catch (InputException | IllegalArgumentException | NullPointerException e) {
            throw new InputException("model file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoringModel m && m.body.equals(body);
    }

    @Override
    public int hashCode() {
        return body.hashCode();
    }

    @Override
    public String toString() {
        return "ScoringModel[" + config.score().indicators().size() + " score indicators, archetypes "
                + grid.names() + ", fitted on " + body.referenceRows() + " rows]";
    }
}
