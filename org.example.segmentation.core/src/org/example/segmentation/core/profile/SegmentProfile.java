package org.example.segmentation.core.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.example.segmentation.core.model.Provenance;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/**
 * The profile of a segmentation: per segment and feature the statistics of {@link NumericProfile} and
 * {@link CategoricalProfile}, the features that distinguish each segment most, a plain-language description, and
 * the information gain of every feature about the segment. Immutable.
 *
 * <p>Three tables (what the KNIME node outputs and the command line writes):
 * <ul>
 * <li>{@link #profileTable()}, long: {@code segment, feature, level, statistic, value}, every number of the
 * profile, population rows first (segment {@value #POPULATION});</li>
 * <li>{@link #summaryTable()}: one row per segment, {@code segment, size, share, top_features, description};</li>
 * <li>{@link #descriptionTable()}: one row per segment, {@code segment, text}, the lines of
 * {@link #descriptionText()}.</li>
 * </ul>
 * {@code docs/profiling.md} lists every statistic.
 */
public final class SegmentProfile {

    /** The segment name of the population rows of the profile table. */
    public static final String POPULATION = "(population)";

    /** How many features the text names as separating the segments best. */
    static final int TEXT_INFO_GAIN_FEATURES = 5;

    private final ProfilerConfig config;
    private final List<String> segments;
    private final int[] sizes;
    private final int populationSize;
    private final int withoutSegment;
    private final List<String> features;
    private final Map<String, Integer> featureIndex = new HashMap<>();
    private final ColumnType[] types;
    private final String[] labels;
    private final Map<String, NumericStatistics.Result> numeric;
    private final Map<String, CategoricalStatistics.Result> categorical;
    private final double[] infoGain;
    private final List<List<FeatureEffect>> ranked;
    private final List<SegmentSummary> summaries;
    private final List<String> warnings;
    private final Provenance provenance;

    SegmentProfile(ProfilerConfig config, Segments segs, List<String> features, Table table,
            Map<String, NumericStatistics.Result> numeric, Map<String, CategoricalStatistics.Result> categorical,
            double[] infoGain, List<String> warnings, Provenance provenance) {
        this.config = config;
        this.segments = segs.names();
        this.sizes = new int[segs.count()];
        for (int s = 0; s < sizes.length; s++) {
            sizes[s] = segs.size(s);
        }
        this.populationSize = segs.populationSize();
        this.withoutSegment = segs.withoutSegment();
        this.features = List.copyOf(features);
        this.types = new ColumnType[features.size()];
        this.labels = new String[features.size()];
        for (int f = 0; f < features.size(); f++) {
            featureIndex.put(features.get(f), f);
            types[f] = table.column(features.get(f)).type();
            labels[f] = FeatureLabels.of(features.get(f), config.labels());
        }
        this.numeric = Map.copyOf(numeric);
        this.categorical = Map.copyOf(categorical);
        this.infoGain = infoGain.clone();
        this.warnings = List.copyOf(warnings);
        this.provenance = provenance;

        List<List<FeatureEffect>> rankedAll = new ArrayList<>();
        List<SegmentSummary> summaryList = new ArrayList<>();
        for (int s = 0; s < sizes.length; s++) {
            List<FeatureEffect> effects = effects(s);
            effects.sort(FeatureEffect.RANKING);
            rankedAll.add(Collections.unmodifiableList(effects));
            double share = (double) sizes[s] / populationSize;
            if (sizes.length == 1) {
                summaryList.add(new SegmentSummary(segments.get(s), sizes[s], share, List.of(),
                        Descriptions.onlySegment()));
            } else if (sizes[s] < config.minSegmentSize()) {
                summaryList.add(new SegmentSummary(segments.get(s), sizes[s], share, List.of(),
                        Descriptions.tooSmall(sizes[s], config.minSegmentSize())));
            } else {
                List<String> top = new ArrayList<>();
                for (int i = 0; i < Math.min(config.topFeatures(), effects.size()); i++) {
                    top.add(effects.get(i).feature());
                }
                summaryList.add(new SegmentSummary(segments.get(s), sizes[s], share, top,
                        Descriptions.describe(effects, config)));
            }
        }
        this.ranked = List.copyOf(rankedAll);
        this.summaries = List.copyOf(summaryList);
    }

    /** The ranked effects of segment {@code s}, unsorted; features with a {@code NaN} effect left out. */
    private List<FeatureEffect> effects(int s) {
        List<FeatureEffect> out = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            String name = features.get(f);
            NumericStatistics.Result n = numeric.get(name);
            FeatureEffect e;
            if (n != null) {
                NumericProfile p = n.segments()[s];
                if (n.binary()) {
                    e = new FeatureEffect(name, labels[f], FeatureEffect.Kind.BINARY, p.cohensD(), p.index(), null,
                            p.mean(), n.population().mean(), infoGain[f], f);
                } else {
                    e = new FeatureEffect(name, labels[f], FeatureEffect.Kind.NUMERIC, p.cohensD(), p.index(), null,
                            Double.NaN, Double.NaN, infoGain[f], f);
                }
            } else {
                CategoricalStatistics.Result c = categorical.get(name);
                CategoricalProfile p = c.segments()[s];
                LevelProfile strongest = p.strongestLevel();
                if (strongest == null) {
                    continue;
                }
                double popShare = c.population().level(strongest.level()).share();
                e = new FeatureEffect(name, labels[f], FeatureEffect.Kind.CATEGORICAL, strongest.cohensH(), Double.NaN,
                        strongest.level(), strongest.share(), popShare, infoGain[f], f);
            }
            if (!Double.isNaN(e.effect())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The configuration the profile was made with. */
    public ProfilerConfig config() {
        return config;
    }

    /** Where the profile came from: settings, input fingerprint, engine version, time. */
    public Provenance provenance() {
        return provenance;
    }

    /** The segments' names, in order (numeric by value, else natural text order). */
    public List<String> segments() {
        return segments;
    }

    /** The rows with a segment. */
    public int populationSize() {
        return populationSize;
    }

    /** The rows without a segment, left out of the profile. */
    public int rowsWithoutSegment() {
        return withoutSegment;
    }

    /** The profiled features, in table order. */
    public List<String> features() {
        return features;
    }

    /** The type of a profiled feature: numeric or categorical. */
    public ColumnType featureType(String feature) {
        return types[feature(feature)];
    }

    /** The readable label of a profiled feature (from the {@code labels} setting or automatic). */
    public String label(String feature) {
        return labels[feature(feature)];
    }

    /** One row of the summary per segment, in segment order. */
    public List<SegmentSummary> summaries() {
        return summaries;
    }

    /** The summary of one segment. */
    public SegmentSummary summary(String segment) {
        return summaries.get(segment(segment));
    }

    /**
     * The features of a segment in ranking order (largest |Cohen's d| or |Cohen's h| first; ties by information
     * gain, then table order); features whose effect is undefined are left out.
     */
    public List<String> ranking(String segment) {
        List<String> out = new ArrayList<>();
        for (FeatureEffect e : ranked.get(segment(segment))) {
            out.add(e.feature());
        }
        return Collections.unmodifiableList(out);
    }

    /** The statistics of a numeric feature in a segment. */
    public NumericProfile numeric(String segment, String feature) {
        return numericResult(feature).segments()[segment(segment)];
    }

    /** The statistics of a numeric feature in the population. */
    public NumericProfile numericPopulation(String feature) {
        return numericResult(feature).population();
    }

    /** The levels of a categorical feature in a segment. */
    public CategoricalProfile categorical(String segment, String feature) {
        return categoricalResult(feature).segments()[segment(segment)];
    }

    /** The levels of a categorical feature in the population. */
    public CategoricalProfile categoricalPopulation(String feature) {
        return categoricalResult(feature).population();
    }

    /** The information gain of a feature about the segment, in bits; {@code NaN} when not computed. */
    public double infoGain(String feature) {
        return infoGain[feature(feature)];
    }

    /**
     * The features by information gain, largest first (ties in table order); empty when it was not computed
     * ({@code info_gain=false}, or a single segment).
     */
    public List<String> infoGainRanking() {
        List<Integer> order = infoGainOrder();
        List<String> out = new ArrayList<>(order.size());
        for (int f : order) {
            out.add(features.get(f));
        }
        return Collections.unmodifiableList(out);
    }

    /** Warnings for the user, one line each: skipped rows and values, undefined statistics, unused settings. */
    public List<String> warnings() {
        return warnings;
    }

    // ---------------------------------------------------------------------------------------------- tables

    /**
     * The long table of every number: {@code segment, feature, level, statistic, value}. Population rows come first
     * (segment {@value #POPULATION}), then each segment; within them features in table order. An undefined value is
     * missing. Statistics, with {@code level} missing unless said:
     * <ul>
     * <li>numeric, per segment: {@code count, missing, mean, median, std, index, cohens_d, welch_t, welch_df,
     * p_value, effect_rank}; population: {@code count, missing, mean, median, std}, and {@code info_gain,
     * info_gain_rank} when computed;</li>
     * <li>categorical, per segment: {@code count, missing, cohens_h} (of the strongest level), {@code effect_rank},
     * then per level (in {@code level}) {@code count, share, lift, cohens_h}; population: {@code count, missing},
     * {@code info_gain, info_gain_rank} when computed, then per level {@code count, share}.</li>
     * </ul>
     * {@code effect_rank} is the feature's place in the segment's ranking (1 = most distinguishing), missing when the
     * effect is undefined; {@code info_gain_rank} its place by information gain.
     */
    public Table profileTable() {
        LongTable t = new LongTable();
        boolean gain = !infoGainOrder().isEmpty();
        int[] gainRank = new int[features.size()];
        List<Integer> order = infoGainOrder();
        for (int r = 0; r < order.size(); r++) {
            gainRank[order.get(r)] = r + 1;
        }
        for (int f = 0; f < features.size(); f++) {
            String name = features.get(f);
            NumericStatistics.Result n = numeric.get(name);
            if (n != null) {
                NumericProfile p = n.population();
                t.add(POPULATION, name, null, "count", p.count());
                t.add(POPULATION, name, null, "missing", p.missing());
                t.add(POPULATION, name, null, "mean", p.mean());
                t.add(POPULATION, name, null, "median", p.median());
                t.add(POPULATION, name, null, "std", p.std());
            } else {
                CategoricalProfile p = categorical.get(name).population();
                t.add(POPULATION, name, null, "count", p.count());
                t.add(POPULATION, name, null, "missing", p.missing());
            }
            if (gain) {
                t.add(POPULATION, name, null, "info_gain", infoGain[f]);
                t.add(POPULATION, name, null, "info_gain_rank", gainRank[f]);
            }
            if (n == null) {
                for (LevelProfile l : categorical.get(name).population().levels()) {
                    t.add(POPULATION, name, l.level(), "count", l.count());
                    t.add(POPULATION, name, l.level(), "share", l.share());
                }
            }
        }
        for (int s = 0; s < segments.size(); s++) {
            String seg = segments.get(s);
            Map<String, Integer> rank = new HashMap<>();
            List<FeatureEffect> effects = ranked.get(s);
            for (int r = 0; r < effects.size(); r++) {
                rank.put(effects.get(r).feature(), r + 1);
            }
            for (String name : features) {
                Integer r = rank.get(name);
                double effectRank = r == null ? Double.NaN : r;
                NumericStatistics.Result n = numeric.get(name);
                if (n != null) {
                    NumericProfile p = n.segments()[s];
                    t.add(seg, name, null, "count", p.count());
                    t.add(seg, name, null, "missing", p.missing());
                    t.add(seg, name, null, "mean", p.mean());
                    t.add(seg, name, null, "median", p.median());
                    t.add(seg, name, null, "std", p.std());
                    t.add(seg, name, null, "index", p.index());
                    t.add(seg, name, null, "cohens_d", p.cohensD());
                    t.add(seg, name, null, "welch_t", p.welchT());
                    t.add(seg, name, null, "welch_df", p.welchDf());
                    t.add(seg, name, null, "p_value", p.pValue());
                    t.add(seg, name, null, "effect_rank", effectRank);
                } else {
                    CategoricalProfile p = categorical.get(name).segments()[s];
                    t.add(seg, name, null, "count", p.count());
                    t.add(seg, name, null, "missing", p.missing());
                    t.add(seg, name, null, "cohens_h", p.effect());
                    t.add(seg, name, null, "effect_rank", effectRank);
                    for (LevelProfile l : p.levels()) {
                        t.add(seg, name, l.level(), "count", l.count());
                        t.add(seg, name, l.level(), "share", l.share());
                        t.add(seg, name, l.level(), "lift", l.lift());
                        t.add(seg, name, l.level(), "cohens_h", l.cohensH());
                    }
                }
            }
        }
        return t.build();
    }

    /**
     * One row per segment: {@code segment} (text), {@code size}, {@code share}, {@code top_features} (column names
     * joined by ", ", largest effect first) and {@code description}.
     */
    public Table summaryTable() {
        int k = summaries.size();
        String[] segment = new String[k];
        double[] size = new double[k];
        double[] share = new double[k];
        String[] top = new String[k];
        String[] description = new String[k];
        for (int s = 0; s < k; s++) {
            SegmentSummary sum = summaries.get(s);
            segment[s] = sum.segment();
            size[s] = sum.size();
            share[s] = sum.share();
            top[s] = String.join(", ", sum.topFeatures());
            description[s] = sum.description();
        }
        return Table.of(TextColumn.of("segment", segment), NumericColumn.of("size", size),
                NumericColumn.of("share", share), TextColumn.of("top_features", top),
                TextColumn.of("description", description));
    }

    /** One row per segment: {@code segment} and {@code text}, the segment's line of {@link #descriptionText()}. */
    public Table descriptionTable() {
        String[] segment = new String[summaries.size()];
        String[] text = new String[summaries.size()];
        for (int s = 0; s < summaries.size(); s++) {
            segment[s] = summaries.get(s).segment();
            text[s] = line(summaries.get(s));
        }
        return Table.of(TextColumn.of("segment", segment), TextColumn.of("text", text));
    }

    /**
     * The profile as text: a heading line, one line per segment ({@code name (size customers, share): description}),
     * the features that separate the segments best by information gain, and the warnings. Lines end with
     * {@code \n}.
     */
    public String descriptionText() {
        return descriptionText(true);
    }

    /** As {@link #descriptionText()}, with or without the warnings at the end ("Notes:"). */
    public String descriptionText(boolean notes) {
        StringBuilder sb = new StringBuilder();
        sb.append("Segment profiles: ").append(populationSize).append(populationSize == 1 ? " customer" : " customers")
                .append(" in ").append(segments.size()).append(segments.size() == 1 ? " segment" : " segments")
                .append(" (segment column '").append(config.segmentColumn()).append("'), ").append(features.size())
                .append(features.size() == 1 ? " feature" : " features").append('\n').append('\n');
        for (SegmentSummary s : summaries) {
            sb.append(line(s)).append('\n');
        }
        List<Integer> order = infoGainOrder();
        if (!order.isEmpty()) {
            sb.append('\n').append("Features that separate the segments best (information gain, Weka): ");
            for (int r = 0; r < Math.min(TEXT_INFO_GAIN_FEATURES, order.size()); r++) {
                int f = order.get(r);
                sb.append(r == 0 ? "" : ", ").append(labels[f]).append(' ')
                        .append(String.format(Locale.ROOT, "%.2f", infoGain[f])).append(" bits");
            }
            sb.append('\n');
        }
        if (notes && !warnings.isEmpty()) {
            sb.append('\n').append("Notes:").append('\n');
            for (String w : warnings) {
                sb.append("- ").append(w).append('\n');
            }
        }
        return sb.toString();
    }

    private static String line(SegmentSummary s) {
        return s.segment() + " (" + s.size() + (s.size() == 1 ? " customer, " : " customers, ")
                + Descriptions.percentOneDecimal(s.share()) + "): " + s.description();
    }

    private List<Integer> infoGainOrder() {
        List<Integer> order = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            if (!Double.isNaN(infoGain[f])) {
                order.add(f);
            }
        }
        order.sort((a, b) -> {
            int c = Double.compare(infoGain[b], infoGain[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return order;
    }

    private int segment(String segment) {
        int s = segments.indexOf(segment);
        if (s < 0) {
            throw new IllegalArgumentException("no segment '" + segment + "'; the segments are "
                    + Profiler.quote(segments));
        }
        return s;
    }

    private int feature(String feature) {
        Integer f = featureIndex.get(feature);
        if (f == null) {
            throw new IllegalArgumentException("'" + feature + "' is not a profiled feature; they are "
                    + Profiler.quote(features));
        }
        return f;
    }

    private NumericStatistics.Result numericResult(String feature) {
        NumericStatistics.Result r = numeric.get(features.get(feature(feature)));
        if (r == null) {
            throw new IllegalArgumentException("feature '" + feature + "' is categorical, not numeric");
        }
        return r;
    }

    private CategoricalStatistics.Result categoricalResult(String feature) {
        CategoricalStatistics.Result r = categorical.get(features.get(feature(feature)));
        if (r == null) {
            throw new IllegalArgumentException("feature '" + feature + "' is numeric, not categorical");
        }
        return r;
    }

    /** Collects the rows of the long table. */
    private static final class LongTable {
        private final CategoricalColumn.Builder segment = CategoricalColumn.builder("segment");
        private final CategoricalColumn.Builder feature = CategoricalColumn.builder("feature");
        private final TextColumn.Builder level = TextColumn.builder("level");
        private final CategoricalColumn.Builder statistic = CategoricalColumn.builder("statistic");
        private final NumericColumn.Builder value = NumericColumn.builder("value");

        void add(String seg, String feat, String lvl, String stat, double v) {
            segment.add(seg);
            feature.add(feat);
            level.add(lvl);
            statistic.add(stat);
            if (Double.isNaN(v)) {
                value.addMissing();
            } else {
                value.add(v);
            }
        }

        Table build() {
            return Table.of(segment.build(), feature.build(), level.build(), statistic.build(), value.build());
        }
    }
}
