package org.example.segmentation.core.cleaning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.example.segmentation.core.csv.CsvNumbers;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cleaning.CleanerConfig.Duplicates;
import org.example.segmentation.core.cleaning.CleanerConfig.Keep;
import org.example.segmentation.core.cleaning.CleanerConfig.MissingStrategy;
import org.example.segmentation.core.cleaning.CleanerConfig.OutlierAction;
import org.example.segmentation.core.cleaning.CleanerConfig.OutlierMethod;
import org.example.segmentation.core.cleaning.CleanerConfig.Scaling;
import org.example.segmentation.core.cleaning.CleanerConfig.Unseen;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/**
 * One pass of the cleaning stages over one table, for fit (each stage first fits its parameters on the rows
 * that are left, then transforms them) or for apply (each stage only transforms, with the model's
 * parameters). Both use the same transformation code, so a model applied to its own fit table gives the fit
 * output.
 *
 * <p>Every transformation but duplicate removal depends only on the row and the parameters: that is what
 * makes a chunked apply equal to one apply over the whole table.
 */
final class Pipeline {
    /** The reason of rows removed as duplicates. */
    static final String DUPLICATE = "duplicate";
    /** The reason of rows removed for a missing value (strategy drop_row). */
    static final String MISSING_VALUE = "missing_value";
    /** The reason of rows removed for an outlier (action drop_row). */
    static final String OUTLIER = "outlier";

    private final Table input;
    private final CleanerConfig config;
    private final boolean fitting;
    private final Progress progress;
    private final int rows;
    private final List<Slot> slots = new ArrayList<>();
    private final boolean[] removed;
    private final Map<String, Integer> removedBy = new LinkedHashMap<>();

    /** The working state of one kept column. */
    static final class Slot {
        FittedColumn plan;
        final Column source;
        double[] num;
        String[] cat;
        String[] ids;
        boolean[] wasMissing;
        boolean[] outlier;
        int missingBefore;
        int invalid;
        /** Values below the plan's valid minimum (counted in {@link #invalid} too). */
        int belowMin;
        int outliers;
        int imputed;
        int valuesGrouped;
        int unseen;

        Slot(FittedColumn plan, Column source) {
            this.plan = plan;
            this.source = source;
        }
    }

    Pipeline(Table input, CleanerConfig config, List<FittedColumn> plans, boolean fitting, Progress progress) {
        this.input = input;
        this.config = config;
        this.fitting = fitting;
        this.progress = progress;
        this.rows = input.rowCount();
        this.removed = new boolean[rows];
        for (FittedColumn p : plans) {
            slots.add(new Slot(p, input.column(p.name())));
        }
    }

    List<Slot> slots() {
        return slots;
    }

    List<FittedColumn> plans() {
        List<FittedColumn> out = new ArrayList<>(slots.size());
        for (Slot s : slots) {
            out.add(s.plan);
        }
        return out;
    }

    /** Rows removed by reason and column, in the order found ({@code reason} or {@code reason\tcolumn}). */
    Map<String, Integer> removedBy() {
        return removedBy;
    }

    /** Forgets the columns fit decided to drop after {@link #load()}. */
    void dropSlots(Set<String> names) {
        slots.removeIf(s -> names.contains(s.plan.name()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stage 1 and 2: identifiers and invalid values

    /** Reads every kept column into its working array: pseudonyms, numbers (invalid ones missing), levels. */
    void load() {
        Pseudonymiser pseudonymiser = null;
        for (Slot s : slots) {
            progress.checkCancelled();
            Column c = s.source;
            s.missingBefore = c.missingCount();
            FittedColumn p = s.plan;
            if (p.identifierRole()) {
                if (p.pseudonymise()) {
                    if (pseudonymiser == null) {
                        pseudonymiser = new Pseudonymiser(config.pseudonymiseSalt());
                    }
                    s.ids = new String[rows];
                    for (int r = 0; r < rows; r++) {
                        s.ids[r] = pseudonymiser.pseudonym(c.format(r));
                    }
                }
            } else if (p.numericRole()) {
                double min = p.validMin() == null ? Double.NEGATIVE_INFINITY : p.validMin();
                double[] v = new double[rows];
                if (c instanceof NumericColumn n) {
                    for (int r = 0; r < rows; r++) {
                        double x = n.value(r);
                        if (n.isMissing(r)) {
                            v[r] = Double.NaN;
                        } else if (!Double.isFinite(x)) {
                            v[r] = Double.NaN;
                            s.invalid++;
                        } else if (x < min) {
                            v[r] = Double.NaN;
                            s.invalid++;
                            s.belowMin++;
                        } else {
                            v[r] = x;
                        }
                    }
                } else {
                    for (int r = 0; r < rows; r++) {
                        String t = c.format(r);
                        if (t == null) {
                            v[r] = Double.NaN;
                        } else {
                            v[r] = CsvNumbers.parseFinite(t, false);
                            if (Double.isNaN(v[r])) {
                                s.invalid++;
                            } else if (v[r] < min) {
                                v[r] = Double.NaN;
                                s.invalid++;
                                s.belowMin++;
                            }
                        }
                    }
                }
                s.num = v;
            } else {
                String[] v = new String[rows];
                if (c instanceof CategoricalColumn k) {
                    for (int r = 0; r < rows; r++) {
                        v[r] = k.level(r);
                    }
                } else {
                    for (int r = 0; r < rows; r++) {
                        v[r] = c.format(r);
                    }
                }
                s.cat = v;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stage 4: duplicates

    /** Removes duplicate rows; compares the whole input row, or the key columns. */
    void removeDuplicates() {
        if (config.duplicates() == Duplicates.NONE) {
            return;
        }
        List<Column> compared = config.duplicates() == Duplicates.EXACT ? input.columns()
                : keyColumns(config.duplicatesKey());
        boolean[] dup = DuplicateRows.find(compared, rows, removed, config.duplicatesKeep() == Keep.LAST,
                config.duplicates() == Duplicates.KEY, progress);
        int n = 0;
        for (int r = 0; r < rows; r++) {
            if (dup[r]) {
                removed[r] = true;
                n++;
            }
        }
        if (n > 0) {
            removedBy.merge(DUPLICATE, n, Integer::sum);
        }
    }

    private List<Column> keyColumns(List<String> names) {
        List<Column> out = new ArrayList<>();
        for (String n : names) {
            out.add(input.column(n));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stage 5: outliers

    void treatOutliers() {
        OutlierAction action = config.outlierAction();
        boolean[] drop = new boolean[rows];
        for (Slot s : slots) {
            if (!s.plan.numericRole()) {
                continue;
            }
            progress.checkCancelled();
            if (fitting) {
                s.plan = fitFences(s);
            }
            if (s.plan.outlierFlag()) {
                s.outlier = new boolean[rows];
            }
            if (!s.plan.hasFences()) {
                continue;
            }
            double lo = s.plan.outlierLower();
            double hi = s.plan.outlierUpper();
            double[] v = s.num;
            for (int r = 0; r < rows; r++) {
                double x = v[r];
                if (removed[r] || Double.isNaN(x) || (x >= lo && x <= hi)) {
                    continue;
                }
                s.outliers++;
                switch (action) {
                    case CLIP -> v[r] = x < lo ? lo : hi;
                    case MISSING -> v[r] = Double.NaN;
                    case DROP_ROW -> {
                        if (!drop[r]) {
                            drop[r] = true;
                            removedBy.merge(OUTLIER + "\t" + s.plan.name(), 1, Integer::sum);
                        }
                    }
                    case FLAG -> s.outlier[r] = true;
                    default -> throw new IllegalStateException(action.toString());
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            removed[r] |= drop[r];
        }
    }

    private FittedColumn fitFences(Slot s) {
        OutlierMethod method = config.outlierMethod();
        if (method == OutlierMethod.NONE) {
            return s.plan.withOutliers(null, null, false, "");
        }
        double[] inRowOrder = aliveValues(s.num);
        int n = inRowOrder.length;
        double[] values = inRowOrder.clone();
        Arrays.sort(values);
        if (Stats.distinct(values, n, 3) <= 2) {
            return s.plan.withOutliers(null, null, false, n == 0 ? "no values" : "at most two distinct values");
        }
        double lo;
        double hi;
        String degenerate;
        switch (method) {
            case IQR -> {
                double[] q = Stats.quartiles(values, n);
                double iqr = q[1] - q[0];
                lo = q[0] - config.outlierIqrFactor() * iqr;
                hi = q[1] + config.outlierIqrFactor() * iqr;
                degenerate = iqr > 0 ? null : "interquartile range is 0";
            }
            case ZSCORE -> {
                double mean = Stats.mean(inRowOrder, n);
                double std = Stats.std(inRowOrder, n);
                lo = mean - config.outlierZ() * std;
                hi = mean + config.outlierZ() * std;
                degenerate = std > 0 ? null : "standard deviation is 0";
            }
            case PERCENTILE -> {
                lo = Stats.percentile(values, n, config.outlierLowerPercentile());
                hi = Stats.percentile(values, n, config.outlierUpperPercentile());
                degenerate = hi > lo ? null : "the percentile caps are equal";
            }
            default -> throw new IllegalStateException(method.toString());
        }
        if (degenerate != null) {
            return s.plan.withOutliers(null, null, false, degenerate);
        }
        return s.plan.withOutliers(lo, hi, config.outlierAction() == OutlierAction.FLAG, "");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stage 6: missing values

    void treatMissing() {
        boolean[] drop = new boolean[rows];
        for (Slot s : slots) {
            if (s.plan.identifierRole()) {
                continue;
            }
            progress.checkCancelled();
            if (fitting) {
                s.plan = fitMissing(s);
            }
            MissingStrategy strategy = MissingStrategy.parse(s.plan.missing());
            if (s.plan.missingIndicator()) {
                s.wasMissing = new boolean[rows];
            }
            boolean numeric = s.plan.numericRole();
            for (int r = 0; r < rows; r++) {
                if (removed[r] || !(numeric ? Double.isNaN(s.num[r]) : s.cat[r] == null)) {
                    continue;
                }
                if (s.wasMissing != null) {
                    s.wasMissing[r] = true;
                }
                switch (strategy) {
                    case DROP_ROW -> {
                        if (!drop[r]) {
                            drop[r] = true;
                            removedBy.merge(MISSING_VALUE + "\t" + s.plan.name(), 1, Integer::sum);
                        }
                    }
                    case NONE -> {
                    }
                    default -> {
                        if (numeric) {
                            s.num[r] = s.plan.fillNumber();
                        } else {
                            s.cat[r] = s.plan.fillLevel();
                        }
                        s.imputed++;
                    }
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            removed[r] |= drop[r];
        }
    }

    private FittedColumn fitMissing(Slot s) {
        boolean numeric = s.plan.numericRole();
        MissingStrategy strategy = config.missingStrategy(s.plan.name(), numeric);
        boolean anyMissing = false;
        for (int r = 0; r < rows && !anyMissing; r++) {
            anyMissing = !removed[r] && (numeric ? Double.isNaN(s.num[r]) : s.cat[r] == null);
        }
        boolean indicator = config.missingIndicators() && anyMissing && strategy != MissingStrategy.DROP_ROW;
        Double number = null;
        String level = null;
        if (numeric) {
            double[] values = aliveValues(s.num);
            int n = values.length;
            switch (strategy) {
                case MEAN -> number = n == 0 ? 0.0 : Stats.mean(values, n);
                case MEDIAN -> {
                    Arrays.sort(values);
                    number = n == 0 ? 0.0 : Stats.median(values, n);
                }
                case MOST_FREQUENT -> {
                    Arrays.sort(values);
                    number = n == 0 ? 0.0 : Stats.mostFrequent(values, n);
                }
                case CONSTANT -> number = CleanerConfig.requireNumericConstant(config.missingConstant(),
                        strategyKey(s.plan.name(), true));
                default -> {
                }
            }
        } else {
            switch (strategy) {
                case MOST_FREQUENT -> level = mostFrequentLevel(s.cat);
                case CONSTANT -> level = CleanerConfig.requireLevelConstant(config.missingConstant(),
                        strategyKey(s.plan.name(), false));
                case UNKNOWN -> level = CleanerConfig.UNKNOWN;
                default -> {
                }
            }
        }
        return s.plan.withMissing(strategy.key(), number, level, indicator);
    }

    private String strategyKey(String column, boolean numeric) {
        if (config.missingColumns().containsKey(column)) {
            return CleanerConfig.KEY_MISSING_COLUMN_PREFIX + column;
        }
        return numeric ? CleanerConfig.KEY_MISSING_NUMERIC : CleanerConfig.KEY_MISSING_CATEGORICAL;
    }

    /** The most frequent level among the rows left; ties to the first in text order; "Unknown" if none. */
    private String mostFrequentLevel(String[] levels) {
        Map<String, Integer> counts = levelCounts(levels);
        String best = null;
        int bestCount = -1;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int c = e.getValue();
            if (c > bestCount || (c == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = c;
            }
        }
        return best == null ? CleanerConfig.UNKNOWN : best;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stage 7: rare and unseen levels

    void groupLevels() {
        String other = CleanerConfig.OTHER;
        for (Slot s : slots) {
            if (!s.plan.categoricalRole()) {
                continue;
            }
            progress.checkCancelled();
            if (fitting) {
                s.plan = fitLevels(s);
            }
            Set<String> grouped = new HashSet<>(s.plan.grouped());
            Set<String> levels = new HashSet<>(s.plan.levels());
            boolean unseenOther = config.unseen() == Unseen.OTHER;
            String[] v = s.cat;
            for (int r = 0; r < rows; r++) {
                String x = v[r];
                if (removed[r] || x == null || (levels.contains(x) && !grouped.contains(x))) {
                    continue;
                }
                if (grouped.contains(x)) {
                    v[r] = other;
                    s.valuesGrouped++;
                } else {
                    s.unseen++;
                    if (unseenOther) {
                        v[r] = other;
                        s.valuesGrouped++;
                    } else {
                        v[r] = null;
                    }
                }
            }
        }
    }

    private FittedColumn fitLevels(Slot s) {
        String other = CleanerConfig.OTHER;
        Map<String, Integer> counts = levelCounts(s.cat);
        if (s.plan.fillLevel() != null) {
            counts.putIfAbsent(s.plan.fillLevel(), 0);
        }
        long n = 0;
        for (int c : counts.values()) {
            n += c;
        }
        List<String> ordered = new ArrayList<>(counts.keySet());
        ordered.sort(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(Comparator.naturalOrder()));
        List<String> kept = new ArrayList<>();
        List<String> grouped = new ArrayList<>();
        double minCount = config.rareMinShare() * n;
        for (String level : ordered) {
            if (level.equals(other)) {
                continue;
            }
            (counts.get(level) >= minCount ? kept : grouped).add(level);
        }
        boolean needOther = !grouped.isEmpty() || counts.containsKey(other) || config.unseen() == Unseen.OTHER;
        int limit = needOther ? config.rareMaxLevels() - 1 : config.rareMaxLevels();
        if (kept.size() > limit) {
            limit = config.rareMaxLevels() - 1;
            grouped.addAll(kept.subList(limit, kept.size()));
            kept = new ArrayList<>(kept.subList(0, limit));
            needOther = true;
        }
        TreeSet<String> levels = new TreeSet<>(kept);
        if (needOther) {
            levels.add(other);
        }
        return s.plan.withLevels(new ArrayList<>(levels), new ArrayList<>(new TreeSet<>(grouped)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stage 8: scaling

    void scale() {
        for (Slot s : slots) {
            if (!s.plan.numericRole()) {
                continue;
            }
            progress.checkCancelled();
            if (fitting) {
                s.plan = fitScaling(s);
            }
            if (!s.plan.scaled()) {
                continue;
            }
            double c = s.plan.center();
            double d = s.plan.divisor();
            double[] v = s.num;
            for (int r = 0; r < rows; r++) {
                if (!removed[r] && !Double.isNaN(v[r])) {
                    v[r] = (v[r] - c) / d;
                }
            }
        }
    }

    private FittedColumn fitScaling(Slot s) {
        Scaling scaling = config.scaling();
        if (scaling == Scaling.NONE) {
            return s.plan.withScaling(null, null);
        }
        double[] values = aliveValues(s.num);
        int n = values.length;
        if (n == 0) {
            return s.plan.withScaling(0.0, 1.0);
        }
        double center;
        double divisor;
        switch (scaling) {
            case ZSCORE -> {
                center = Stats.mean(values, n);
                divisor = Stats.std(values, n);
            }
            case ROBUST -> {
                double std = Stats.std(values, n);
                Arrays.sort(values);
                center = Stats.median(values, n);
                if (n >= 2) {
                    double[] q = Stats.quartiles(values, n);
                    divisor = q[1] - q[0];
                } else {
                    divisor = 0;
                }
                if (!(divisor > 0)) {
                    divisor = std;
                }
            }
            case MINMAX -> {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double x : values) {
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
                center = min;
                divisor = max - min;
            }
            default -> throw new IllegalStateException(scaling.toString());
        }
        return s.plan.withScaling(center, divisor > 0 ? divisor : 1.0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Output

    /** The rows still in the table, in input order. */
    int[] keptRows() {
        int n = 0;
        for (boolean b : removed) {
            if (!b) {
                n++;
            }
        }
        int[] out = new int[n];
        int i = 0;
        for (int r = 0; r < rows; r++) {
            if (!removed[r]) {
                out[i++] = r;
            }
        }
        return out;
    }

    /**
     * The cleaned table: identifiers and features in plan order, then the indicator columns (per feature
     * {@code _missing} then {@code _outlier}), then {@code extras} unchanged.
     */
    Table output(List<Column> extras) {
        progress.checkCancelled();
        int[] keep = keptRows();
        List<Column> out = new ArrayList<>();
        List<Column> indicators = new ArrayList<>();
        for (Slot s : slots) {
            FittedColumn p = s.plan;
            if (p.identifierRole()) {
                out.add(s.ids != null ? TextColumn.of(p.name(), select(s.ids, keep)) : s.source.selectRows(keep));
            } else if (p.numericRole()) {
                out.add(NumericColumn.of(p.name(), select(s.num, keep)));
            } else {
                out.add(categorical(p, s.cat, keep));
            }
            if (p.missingIndicator()) {
                indicators.add(NumericColumn.of(p.missingIndicatorName(), flags(s.wasMissing, keep)));
            }
            if (p.outlierFlag()) {
                indicators.add(NumericColumn.of(p.outlierFlagName(), flags(s.outlier, keep)));
            }
        }
        out.addAll(indicators);
        for (Column c : extras) {
            out.add(c.selectRows(keep));
        }
        return Table.of(out);
    }

    private static CategoricalColumn categorical(FittedColumn p, String[] values, int[] keep) {
        Map<String, Integer> code = new HashMap<>();
        List<String> levels = p.levels();
        for (int i = 0; i < levels.size(); i++) {
            code.put(levels.get(i), i);
        }
        int[] codes = new int[keep.length];
        for (int i = 0; i < keep.length; i++) {
            String v = values[keep[i]];
            if (v == null) {
                codes[i] = CategoricalColumn.MISSING;
            } else {
                Integer c = code.get(v);
                if (c == null) {
                    throw new IllegalStateException("column '" + p.name() + "': a level is not in the dictionary");
                }
                codes[i] = c;
            }
        }
        return CategoricalColumn.of(p.name(), codes, levels);
    }

    private static double[] flags(boolean[] marks, int[] keep) {
        double[] out = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = marks != null && marks[keep[i]] ? 1 : 0;
        }
        return out;
    }

    private static String[] select(String[] values, int[] keep) {
        String[] out = new String[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = values[keep[i]];
        }
        return out;
    }

    private static double[] select(double[] values, int[] keep) {
        double[] out = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = values[keep[i]];
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The non-missing values of the rows left, in row order. */
    private double[] aliveValues(double[] v) {
        double[] out = new double[rows];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            if (!removed[r] && !Double.isNaN(v[r])) {
                out[n++] = v[r];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Counts of the levels of the rows left, missing not counted. */
    private Map<String, Integer> levelCounts(String[] v) {
        Map<String, Integer> counts = new HashMap<>();
        for (int r = 0; r < rows; r++) {
            if (!removed[r] && v[r] != null) {
                counts.merge(v[r], 1, Integer::sum);
            }
        }
        return counts;
    }
}
