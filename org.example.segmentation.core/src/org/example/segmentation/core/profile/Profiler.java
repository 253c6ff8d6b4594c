package org.example.segmentation.core.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.model.Provenance;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

/**
 * Profiles the segments of a table: what each segment looks like, how it differs from the rest of the customers,
 * and a description in plain words. Works on any segmentation: the segment column may come from this engine, from
 * KNIME's k-Means, or be made by hand.
 *
 * <pre>{@code
 * SegmentProfile p = Profiler.profile(customers, ProfilerConfig.fromSettings(settings), progress);
 * p.profileTable();   // segment, feature, level, statistic, value
 * p.summaryTable();   // segment, size, share, top_features, description
 * p.descriptionText();
 * }</pre>
 *
 * <p>The statistics are only as meaningful as the table's units: profile the <b>original</b> values (the raw or
 * cleaned-but-unscaled table with the segment column joined on). On z-scores every population mean is about 0, so
 * the index is undefined, and means lose their units; Cohen's d and the p-values do not change under a linear
 * rescaling. The profiler takes whatever table it is given.
 */
public final class Profiler {

    private Profiler() {
    }

    /**
     * Profiles {@code table} by the segments in {@code config.segmentColumn()}. The table is not modified.
     *
     * <p>Features: {@code include} (empty = every numeric and categorical column but the segment column) minus
     * {@code exclude}, in table order. Text columns are identifiers or free text and are never profiled. Rows without
     * a segment are left out of everything (and counted in a warning).
     *
     * @throws InputException when the segment column does not exist (naming it and the setting), has no value or
     *                        holds a segment named {@value SegmentProfile#POPULATION}; when {@code include} or
     *                        {@code exclude} name columns the table lacks (all of them at once), or {@code include}
     *                        names a text column
     */
    public static SegmentProfile profile(Table table, ProfilerConfig config, Progress progress) {
        String segmentName = config.segmentColumn();
        if (!table.hasColumn(segmentName)) {
            throw new InputException("segment column '" + segmentName + "' (setting '"
                    + ProfilerConfig.KEY_SEGMENT_COLUMN + "') is not in the table; the table has "
                    + quote(table.columnNames()));
        }
        List<String> features = features(table, config);
        progress.update(0, "Profiling segments");
        Segments segments = Segments.of(table.column(segmentName));
        int k = segments.count();

        List<String> warnings = new ArrayList<>();
        if (segments.withoutSegment() > 0) {
            warnings.add(segments.withoutSegment() + (segments.withoutSegment() == 1 ? " row has" : " rows have")
                    + " no value in segment column '" + segmentName + "' and " + (segments.withoutSegment() == 1
                    ? "is" : "are") + " left out of the profile");
        }
        if (k == 1) {
            warnings.add("only one segment ('" + segments.names().get(0) + "'): there is no rest of the population to "
                    + "compare it with, so Cohen's d, Cohen's h, Welch's t and the p-values are missing");
        }

        Map<String, NumericStatistics.Result> numeric = new LinkedHashMap<>();
        Map<String, CategoricalStatistics.Result> categorical = new LinkedHashMap<>();
        Map<String, Integer> missing = new LinkedHashMap<>();
        Map<String, Integer> nonFinite = new LinkedHashMap<>();
        List<String> constant = new ArrayList<>();
        Progress stats = progress.range(0, config.infoGain() ? 0.6 : 0.95);
        for (int f = 0; f < features.size(); f++) {
            progress.checkCancelled();
            stats.update((double) f / Math.max(1, features.size()), null);
            String name = features.get(f);
            Column c = table.column(name);
            int missingCount;
            boolean isConstant;
            if (c instanceof NumericColumn n) {
                NumericStatistics.Result r = NumericStatistics.compute(n, segments);
                numeric.put(name, r);
                missingCount = r.population().missing() - r.nonFinite();
                isConstant = r.constant();
                if (r.nonFinite() > 0) {
                    nonFinite.put(name, r.nonFinite());
                }
            } else {
                CategoricalStatistics.Result r = CategoricalStatistics.compute((CategoricalColumn) c, segments);
                categorical.put(name, r);
                missingCount = r.population().missing();
                isConstant = r.constant();
            }
            if (missingCount > 0) {
                missing.put(name, missingCount);
            }
            if (isConstant) {
                constant.add(name);
            }
        }
        stats.update(1, null);

        double[] infoGain = new double[features.size()];
        Arrays.fill(infoGain, Double.NaN);
        if (config.infoGain() && k >= 2 && !features.isEmpty()) {
            progress.checkCancelled();
            progress.update(0.6, "Ranking features by information gain (Weka)");
            int[] rows = InfoGainRanking.rows(segments, config.infoGainMaxRows());
            infoGain = InfoGainRanking.compute(table, features, segments, segmentName, rows);
            if (rows.length < segments.populationSize()) {
                warnings.add("information gain was computed on an evenly spaced sample of " + rows.length + " of the "
                        + segments.populationSize() + " customers (setting '" + ProfilerConfig.KEY_INFO_GAIN_MAX_ROWS
                        + "')");
            }
        }
        progress.update(0.95, "Describing segments");

        if (!missing.isEmpty()) {
            warnings.add("missing values were skipped; the profile table counts them per segment: " + counts(missing));
        }
        if (!nonFinite.isEmpty()) {
            warnings.add("non-finite values (infinities) were treated as missing: " + counts(nonFinite));
        }
        if (!constant.isEmpty()) {
            warnings.add((constant.size() == 1 ? "feature " : "features ") + quote(constant)
                    + (constant.size() == 1 ? " is" : " are") + " constant (or without values) and cannot distinguish "
                    + "segments");
        }
        List<String> single = new ArrayList<>();
        List<String> small = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            if (segments.size(s) == 1) {
                single.add(segments.names().get(s));
            }
            if (segments.size(s) < config.minSegmentSize()) {
                small.add(segments.names().get(s) + " (" + segments.size(s) + ")");
            }
        }
        if (!single.isEmpty()) {
            warnings.add((single.size() == 1 ? "segment " : "segments ") + quote(single)
                    + (single.size() == 1 ? " has" : " have") + " a single customer: standard deviation, Welch's t "
                    + "and p-value are missing");
        }
        if (!small.isEmpty() && k > 1) {
            warnings.add((small.size() == 1 ? "segment " : "segments ") + String.join(", ", small)
                    + (small.size() == 1 ? " is" : " are") + " smaller than " + ProfilerConfig.KEY_MIN_SEGMENT_SIZE
                    + " " + config.minSegmentSize() + ": statistics only, no top features or description");
        }
        Set<String> unusedLabels = new TreeSet<>(config.labels().keySet());
        unusedLabels.removeAll(features);
        if (!unusedLabels.isEmpty()) {
            warnings.add("setting '" + ProfilerConfig.KEY_LABELS + "' labels columns that are not profiled: "
                    + quote(new ArrayList<>(unusedLabels)));
        }
        List<String> text = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c.type() == ColumnType.TEXT && !c.name().equals(segmentName)
                    && !config.exclude().contains(c.name())) {
                text.add(c.name());
            }
        }
        if (!text.isEmpty() && config.include().isEmpty()) {
            warnings.add("text " + (text.size() == 1 ? "column " : "columns ") + quote(text)
                    + " (identifiers or unconverted text) " + (text.size() == 1 ? "is" : "are") + " not profiled");
        }
        if (features.isEmpty()) {
            warnings.add("there are no features to profile: only segment sizes are reported");
        }

        SegmentProfile profile = new SegmentProfile(config, segments, features, table, numeric, categorical,
                infoGain, warnings, Provenance.of("profiler", config.toSettings(), table, null));
        progress.update(1, null);
        return profile;
    }

    /** The features: include (or every numeric and categorical column) minus exclude and the segment column. */
    static List<String> features(Table table, ProfilerConfig config) {
        List<String> absent = new ArrayList<>();
        for (List<String> list : List.of(config.include(), config.exclude())) {
            for (String n : list) {
                if (!table.hasColumn(n) && !absent.contains(n)) {
                    absent.add(n);
                }
            }
        }
        if (!absent.isEmpty()) {
            throw new InputException("profiler settings '" + ProfilerConfig.KEY_INCLUDE + "'/'"
                    + ProfilerConfig.KEY_EXCLUDE + "' name " + (absent.size() == 1 ? "column " : "columns ")
                    + quote(absent) + ", which the table does not have; the table has " + quote(table.columnNames()));
        }
        for (String n : config.include()) {
            if (table.column(n).type() == ColumnType.TEXT) {
                throw new InputException("profiler setting '" + ProfilerConfig.KEY_INCLUDE + "' names text column '"
                        + n + "'; text is never profiled (read it as numeric or categorical, e.g. --type " + n
                        + "=categorical)");
            }
        }
        List<String> out = new ArrayList<>();
        for (Column c : table.columns()) {
            String n = c.name();
            boolean wanted = config.include().isEmpty() ? c.type() != ColumnType.TEXT : config.include().contains(n);
            if (wanted && !n.equals(config.segmentColumn()) && !config.exclude().contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static String counts(Map<String, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(e.getKey()).append("' ").append(e.getValue());
        }
        return sb.toString();
    }

    static String quote(List<String> names) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(names.size(), 30);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : ", ").append('\'').append(names.get(i)).append('\'');
        }
        if (names.size() > shown) {
            sb.append(" and ").append(names.size() - shown).append(" more");
        }
        return sb.toString();
    }
}
