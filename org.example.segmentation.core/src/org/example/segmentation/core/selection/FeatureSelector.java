package org.example.segmentation.core.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.example.segmentation.core.Names;
import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.model.Provenance;
import org.example.segmentation.core.selection.SelectionReport.Row;
import org.example.segmentation.core.selection.SelectionReport.Rule;
import org.example.segmentation.core.selection.SelectionReport.Status;
import org.example.segmentation.core.selection.SelectorConfig.CorrelationMethod;
import org.example.segmentation.core.selection.SelectorConfig.TargetMethod;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;

/**
 * Fits a {@link FeatureSelection}: which numeric and categorical columns to keep as features, and why every other
 * column was dropped.
 *
 * <p>The steps, in order (each sees only what the previous ones kept; {@code docs/feature-selection.md} has the
 * same list with examples):
 * <ol>
 * <li><b>Roles.</b> Identifier columns ({@code id.columns}, or every text column when that is empty) are passed
 * through; the target is set aside; other text columns are never features; {@code exclude} and a non-empty
 * {@code include} restrict the candidates.</li>
 * <li><b>Missing values</b>: a candidate whose share of missing (or non-finite) values is above
 * {@code max_missing_share}, or that has no value at all, is dropped.</li>
 * <li><b>Near-zero variance</b> (numeric): the sample variance of the values rescaled to [0,1] by the column's own
 * min and max is at most {@code min_variance} (a constant column scores 0). Rescaling makes the test the same
 * whatever linear scaling the cleaner applied. <b>Dominant level</b> (categorical): the most frequent level's
 * share of the non-missing values is above {@code max_dominant_share}, or only one level occurs.</li>
 * <li><b>Redundancy</b>: numeric pairs with |Pearson| (or |Spearman|) above {@code correlation.threshold} and
 * categorical pairs with Cramér's V above {@code cramers_v.threshold}, resolved by a greedy rule: strongest pair
 * first, drop the one with the higher mean association to the other kept features (then the one with more missing
 * values, then the later column). Numeric-categorical pairs are not compared.</li>
 * <li><b>Ranking</b>. Supervised (a {@code target} is set): every remaining feature is ranked against the target
 * (information gain, CFS forward search, or |correlation|); the best {@code max_features} are kept (CFS keeps its
 * best subset, at most {@code max_features}). Unsupervised with {@code max_features > 0}: ranked by contribution
 * to the principal components explaining {@code pca.variance} (Weka's PrincipalComponents), the best
 * {@code max_features} kept. Equal scores (to 10 decimal places) rank in table order.</li>
 * </ol>
 * The result depends only on the table and the configuration: the same input gives the same selection.
 */
public final class FeatureSelector {

    private FeatureSelector() {
    }

    /**
     * Fits a selection on {@code table}, which is not changed.
     *
     * @param table    the customer table, typically the cleaner's output (scaled numbers, grouped levels)
     * @param config   the configuration
     * @param progress receives progress; cancellation is checked between steps and inside long loops
     * @throws InputException     for settings that do not fit the table, naming the setting: a column named in
     *                            {@code include}, {@code exclude}, {@code id.columns} or {@code target} that does not
     *                            exist (all named at once), a text column in {@code include}, a text target, a target
     *                            with fewer than two distinct values, a {@code target.method} that does not fit the
     *                            target's type
     * @throws CancelledException when {@code progress} says so
     */
    public static FeatureSelection fit(Table table, SelectorConfig config, Progress progress) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        progress.update(0, "Selecting features");
        checkNames(table, config);
        Candidate target = config.supervised() ? target(table, config) : null;
        TargetMethod method = target == null ? null : method(config, target);

        List<String> ids = idColumns(table, config);
        Map<String, Row> rows = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        Set<String> include = Set.copyOf(config.include());
        Set<String> exclude = Set.copyOf(config.exclude());
        for (Column c : table.columns()) {
            String name = c.name();
            if (ids.contains(name)) {
                rows.put(name, plain(c, Status.IDENTIFIER, Rule.IDENTIFIER));
            } else if (name.equals(config.target())) {
                rows.put(name, plain(c, Status.DROPPED, Rule.TARGET));
            } else if (c.type() == ColumnType.TEXT) {
                rows.put(name, plain(c, Status.DROPPED, Rule.TEXT));
            } else if (exclude.contains(name) || (!include.isEmpty() && !include.contains(name))) {
                rows.put(name, plain(c, Status.DROPPED, Rule.EXCLUDED));
            } else {
                candidates.add(Candidate.of(c));
            }
        }
        progress.checkCancelled();
        progress.update(0.1, "Selecting features: missing values and variance");

        List<Candidate> survivors = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.empty() || c.missingShare > config.maxMissingShare()) {
                rows.put(c.name, dropped(c, Rule.MISSING, c.missingShare, null));
            } else if (c.type == ColumnType.NUMERIC && c.scaledVariance <= config.minVariance()) {
                rows.put(c.name, dropped(c, Rule.NEAR_ZERO_VARIANCE, c.scaledVariance, null));
            } else if (c.type == ColumnType.CATEGORICAL
                    && (c.levelsPresent < 2 || c.dominantShare > config.maxDominantShare())) {
                rows.put(c.name, dropped(c, Rule.DOMINANT_LEVEL, c.dominantShare, null));
            } else {
                survivors.add(c);
            }
        }
        progress.checkCancelled();

        survivors = removeRedundant(survivors, config, rows, progress.range(0.15, 0.6));
        progress.checkCancelled();

        Set<String> kept = new LinkedHashSet<>();
        if (target != null) {
            rankAgainstTarget(survivors, target, method, config, rows, kept, progress.range(0.6, 0.98));
        } else if (config.maxFeatures() > 0 && !survivors.isEmpty()) {
            double[] scores = PcaRanking.rank(survivors, config.pcaVariance(), progress.range(0.6, 0.98)).scores();
            keepBest(survivors, scores, config.maxFeatures(), Rule.PCA_RANK, rows, kept);
        } else {
            for (Candidate c : survivors) {
                rows.put(c.name, row(c, Status.KEPT, null, Double.NaN, null, 0, Double.NaN));
                kept.add(c.name);
            }
        }
        progress.checkCancelled();

        List<Row> report = new ArrayList<>();
        List<FeatureSelection.Feature> features = new ArrayList<>();
        for (Column c : table.columns()) {
            report.add(rows.get(c.name()));
            if (kept.contains(c.name())) {
                features.add(new FeatureSelection.Feature(c.name(), c.type()));
            }
        }
        Provenance provenance = Provenance.of("selector", config.toSettings(), table, null);
        progress.update(1, "Selected " + features.size() + " of " + candidates.size() + " candidate features");
        return new FeatureSelection(config, ids, features, new SelectionReport(report), provenance);
    }

    /** Fails naming every column the settings name that the table lacks, and a text column in include. */
    private static void checkNames(Table table, SelectorConfig config) {
        List<String> problems = new ArrayList<>();
        String[] keys = {SelectorConfig.KEY_INCLUDE, SelectorConfig.KEY_EXCLUDE, SelectorConfig.KEY_ID_COLUMNS,
            SelectorConfig.KEY_TARGET};
        List<List<String>> lists = List.of(config.include(), config.exclude(), config.idColumns(),
                config.supervised() ? List.of(config.target()) : List.of());
        for (int k = 0; k < keys.length; k++) {
            List<String> absent = new ArrayList<>();
            for (String n : lists.get(k)) {
                if (!table.hasColumn(n)) {
                    absent.add("'" + n + "'");
                }
            }
            if (!absent.isEmpty()) {
                problems.add("setting '" + keys[k] + "' names " + (absent.size() == 1 ? "column " : "columns ")
                        + String.join(", ", absent));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(String.join("; ", problems) + ", which the table does not have; it has "
                    + Names.quote(table.columnNames()));
        }
        List<String> text = new ArrayList<>();
        for (String n : config.include()) {
            if (table.column(n).type() == ColumnType.TEXT && !config.idColumns().contains(n)) {
                text.add("'" + n + "'");
            }
        }
        if (!text.isEmpty()) {
            throw new InputException("setting '" + SelectorConfig.KEY_INCLUDE + "' names text "
                    + (text.size() == 1 ? "column " : "columns ") + String.join(", ", text)
                    + "; a feature must be numeric or categorical (read the column with another type, e.g. "
                    + "--type NAME=numeric)");
        }
    }

    private static Candidate target(Table table, SelectorConfig config) {
        Column c = table.column(config.target());
        if (c.type() == ColumnType.TEXT) {
            throw new InputException("setting '" + SelectorConfig.KEY_TARGET + "': column '" + c.name()
                    + "' is text; a target must be numeric or categorical (read it with --type "
                    + c.name() + "=categorical)");
        }
        Candidate t = Candidate.of(c);
        boolean varies = t.type == ColumnType.NUMERIC ? t.scaledVariance > 0 : t.levelsPresent >= 2;
        if (!varies) {
            throw new InputException("setting '" + SelectorConfig.KEY_TARGET + "': column '" + c.name()
                    + "' has fewer than two distinct values; a target must vary to rank features against it");
        }
        return t;
    }

    private static TargetMethod method(SelectorConfig config, Candidate target) {
        TargetMethod m = config.targetMethod();
        boolean nominal = target.type == ColumnType.CATEGORICAL;
        if (m == TargetMethod.AUTO) {
            return nominal ? TargetMethod.INFOGAIN : TargetMethod.CORRELATION;
        }
        if ((m == TargetMethod.INFOGAIN || m == TargetMethod.CFS) && !nominal) {
            throw new InputException("setting '" + SelectorConfig.KEY_TARGET_METHOD + "' is " + m.key()
                    + ", which needs a categorical target, but '" + target.name + "' is numeric; use correlation or "
                    + "auto, or read the target as categorical (--type " + target.name + "=categorical)");
        }
        if (m == TargetMethod.CORRELATION && nominal) {
            throw new InputException("setting '" + SelectorConfig.KEY_TARGET_METHOD
                    + "' is correlation, which needs a numeric target, but '" + target.name
                    + "' is categorical; use infogain, cfs or auto");
        }
        return m;
    }

    private static List<String> idColumns(Table table, SelectorConfig config) {
        List<String> ids = new ArrayList<>();
        for (Column c : table.columns()) {
            boolean id = config.idColumns().isEmpty() ? c.type() == ColumnType.TEXT
                    : config.idColumns().contains(c.name());
            if (id) {
                ids.add(c.name());
            }
        }
        return ids;
    }

    /** The redundancy step: numeric pairs by correlation, categorical pairs by Cramér's V. */
    private static List<Candidate> removeRedundant(List<Candidate> survivors, SelectorConfig config,
            Map<String, Row> rows, Progress progress) {
        List<Candidate> numeric = new ArrayList<>();
        List<Candidate> categorical = new ArrayList<>();
        for (Candidate c : survivors) {
            (c.type == ColumnType.NUMERIC ? numeric : categorical).add(c);
        }
        long pairs = (long) numeric.size() * (numeric.size() - 1) / 2
                + (long) categorical.size() * (categorical.size() - 1) / 2;
        double split = pairs == 0 ? 0.5 : (double) numeric.size() * (numeric.size() - 1) / 2 / pairs;
        progress.update(0, "Selecting features: redundant pairs");
        Set<String> dropped = new HashSet<>();

        double[][] r = correlations(numeric, config.correlationMethod(), progress.range(0, 0.9 * split));
        for (Redundancy.Drop d : Redundancy.resolve(r, config.correlationThreshold(), missing(numeric),
                progress.range(0.9 * split, split))) {
            Candidate c = numeric.get(d.dropped());
            rows.put(c.name, dropped(c, Rule.CORRELATED_WITH, d.value(), numeric.get(d.partner()).name));
            dropped.add(c.name);
        }
        double[][] v = cramersV(categorical, progress.range(split, split + 0.9 * (1 - split)));
        for (Redundancy.Drop d : Redundancy.resolve(v, config.cramersVThreshold(), missing(categorical),
                progress.range(split + 0.9 * (1 - split), 1))) {
            Candidate c = categorical.get(d.dropped());
            rows.put(c.name, dropped(c, Rule.CRAMERS_V_WITH, d.value(), categorical.get(d.partner()).name));
            dropped.add(c.name);
        }
        return survivors.stream().filter(c -> !dropped.contains(c.name)).toList();
    }

    /** The correlation matrix of numeric candidates (NaN where undefined; diagonal 1). */
    static double[][] correlations(List<Candidate> numeric, CorrelationMethod method, Progress progress) {
        int m = numeric.size();
        double[][] ranks = new double[m][];
        if (method == CorrelationMethod.SPEARMAN) {
            for (int i = 0; i < m; i++) {
                ranks[i] = numeric.get(i).complete() ? Associations.ranks(numeric.get(i).values) : null;
            }
        }
        double[][] r = new double[m][m];
        long total = (long) m * (m - 1) / 2;
        long done = 0;
        for (int i = 0; i < m; i++) {
            r[i][i] = 1;
            for (int j = i + 1; j < m; j++) {
                double[] x = numeric.get(i).values;
                double[] y = numeric.get(j).values;
                double c = method == CorrelationMethod.PEARSON ? Associations.pearson(x, y)
                        : Associations.spearman(x, y, ranks[i], ranks[j]);
                r[i][j] = c;
                r[j][i] = c;
                done++;
            }
            progress.checkCancelled();
            progress.update(total == 0 ? 1 : (double) done / total, null);
        }
        return r;
    }

    private static double[][] cramersV(List<Candidate> categorical, Progress progress) {
        int m = categorical.size();
        double[][] v = new double[m][m];
        for (int i = 0; i < m; i++) {
            v[i][i] = 1;
            for (int j = i + 1; j < m; j++) {
                Candidate a = categorical.get(i);
                Candidate b = categorical.get(j);
                double x = Associations.cramersV(a.codes, a.levels, b.codes, b.levels);
                v[i][j] = x;
                v[j][i] = x;
            }
            progress.checkCancelled();
            progress.update((double) (i + 1) / m, null);
        }
        return v;
    }

    private static int[] missing(List<Candidate> candidates) {
        int[] out = new int[candidates.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = candidates.get(i).missing;
        }
        return out;
    }

    private static void rankAgainstTarget(List<Candidate> survivors, Candidate target, TargetMethod method,
            SelectorConfig config, Map<String, Row> rows, Set<String> kept, Progress progress) {
        if (survivors.isEmpty()) {
            return;
        }
        int limit = config.maxFeatures() > 0 ? config.maxFeatures() : Integer.MAX_VALUE;
        switch (method) {
            case INFOGAIN -> keepBest(survivors, WekaTargetRanking.infoGain(survivors, target, progress), limit,
                    Rule.TARGET_RANK, rows, kept);
            case CORRELATION -> keepBest(survivors, targetCorrelations(survivors, target,
                    config.correlationMethod()), limit, Rule.TARGET_RANK, rows, kept);
            case CFS -> {
                WekaTargetRanking.CfsResult cfs = WekaTargetRanking.cfs(survivors, target, progress);
                int keep = Math.min(cfs.best(), limit);
                for (int k = 0; k < cfs.order().length; k++) {
                    Candidate c = survivors.get(cfs.order()[k]);
                    double merit = cfs.merits()[k];
                    boolean in = k < keep;
                    rows.put(c.name, row(c, in ? Status.KEPT : Status.DROPPED, Rule.TARGET_RANK, merit, null, k + 1,
                            merit));
                    if (in) {
                        kept.add(c.name);
                    }
                }
            }
            default -> throw new IllegalStateException("unresolved target method " + method);
        }
    }

    /**
     * |correlation| of each numeric feature with the numeric target (Pearson, or Spearman on the pairwise-complete
     * rows), and the correlation ratio of each categorical feature (on the target's values, or, for Spearman, on its
     * ranks among all rows where it is present); undefined scores count as 0.
     */
    static double[] targetCorrelations(List<Candidate> features, Candidate target, CorrelationMethod method) {
        double[] y = target.values;
        double[] targetRanks = null;
        if (method == CorrelationMethod.SPEARMAN) {
            int n = 0;
            for (double v : y) {
                n += Double.isNaN(v) ? 0 : 1;
            }
            double[] present = new double[n];
            int k = 0;
            for (double v : y) {
                if (!Double.isNaN(v)) {
                    present[k++] = v;
                }
            }
            double[] r = Associations.ranks(present);
            targetRanks = new double[y.length];
            k = 0;
            for (int i = 0; i < y.length; i++) {
                targetRanks[i] = Double.isNaN(y[i]) ? Double.NaN : r[k++];
            }
        }
        double[] scores = new double[features.size()];
        for (int f = 0; f < scores.length; f++) {
            Candidate c = features.get(f);
            double s;
            if (c.type == ColumnType.NUMERIC) {
                s = method == CorrelationMethod.PEARSON ? Associations.pearson(c.values, y)
                        : Associations.spearman(c.values, y, null, null);
                s = Math.abs(s);
            } else {
                s = Associations.correlationRatio(c.codes, c.levels, targetRanks != null ? targetRanks : y);
            }
            scores[f] = Double.isNaN(s) ? 0 : s;
        }
        return scores;
    }

    /** Ranks by score (higher first; equal to 10 decimal places in table order) and keeps the best {@code limit}. */
    private static void keepBest(List<Candidate> survivors, double[] scores, int limit, Rule rule,
            Map<String, Row> rows, Set<String> kept) {
        Integer[] order = new Integer[survivors.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -Redundancy.rounded(scores[i]))
                .thenComparingInt(i -> i));
        for (int k = 0; k < order.length; k++) {
            Candidate c = survivors.get(order[k]);
            boolean in = k < limit;
            rows.put(c.name, row(c, in ? Status.KEPT : Status.DROPPED, rule, scores[order[k]], null, k + 1,
                    scores[order[k]]));
            if (in) {
                kept.add(c.name);
            }
        }
    }

    private static Row plain(Column c, Status status, Rule rule) {
        return new Row(c.name(), c.type(), status, rule, Double.NaN, null, 0, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }

    private static Row dropped(Candidate c, Rule rule, double value, String other) {
        return row(c, Status.DROPPED, rule, value, other, 0, Double.NaN);
    }

    private static Row row(Candidate c, Status status, Rule rule, double value, String other, int rank,
            double score) {
        return new Row(c.name, c.type, status, rule, value, other, rank, score, c.missingShare, c.scaledVariance,
                c.dominantShare);
    }
}
