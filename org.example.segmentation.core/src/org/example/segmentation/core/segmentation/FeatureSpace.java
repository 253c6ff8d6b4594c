package org.example.segmentation.core.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Names;
import org.example.segmentation.core.cleaning.CleanerConfig;
import org.example.segmentation.core.cleaning.FeatureScaling;
import org.example.segmentation.core.cluster.Matrix;
import org.example.segmentation.core.segmentation.SegmenterConfig.Scaled;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/**
 * The space the segments live in: every customer becomes a vector of {@link #dimensions()} numbers, and distances
 * are Euclidean in it. Fitted once on the fit table and stored in the model, so every later table is transformed
 * exactly the same way. Immutable.
 *
 * <p><b>Layout.</b> First the numeric features, one dimension each, in feature order ({@link NumericFeature}:
 * {@code (x - center) / scale}); then the categorical features, one block of dimensions per feature, one
 * dimension per level ({@link CategoricalFeature}: {@code weight} for the row's level, 0 for the others).
 *
 * <p><b>Numeric features</b> ({@code scaled}): with {@code auto}, a feature the cleaning model z-scored is used as
 * it is (the cleaned table is already on the common scale, and next month's table cleaned by the same model is on
 * the same scale); every other numeric feature is z-scored here with the mean and the standard deviation (n - 1) of
 * the fit table. With {@code yes} every feature is used as it is; with {@code no} every feature is z-scored here.
 *
 * <p><b>Categorical weight.</b> For two customers drawn at random, a z-scored numeric feature contributes
 * {@code E[(x_i - x_j)^2] = 2 Var(x) = 2} to the squared distance. A one-hot block with indicator value {@code w}
 * contributes {@code 2 w^2} when the two levels differ and 0 when they agree; they differ with probability
 * {@code 1 - sum_l p_l^2} (the Gini impurity of the level shares {@code p_l}), so the block contributes
 * {@code 2 w^2 (1 - sum_l p_l^2)} on average. Equating both gives {@link #autoWeight}
 * {@code w = 1 / sqrt(1 - sum_l p_l^2)}: every categorical feature then counts, on average, exactly as much as one
 * z-scored numeric feature. Equivalently, the block's total variance {@code w^2 sum_l p_l (1 - p_l)} is 1. Two
 * balanced levels give {@code w = sqrt 2}; six balanced levels {@code w = sqrt(6/5)}; a 95/5 split
 * {@code w = 3.24}.
 *
 * <p><b>Values</b> must be present and finite: a missing value, NaN or infinity in a feature fails, at fit and at
 * assign, naming every such column with its count (run the cleaner first; it fills missing values). At fit, a
 * numeric feature with one distinct value or a categorical feature with one level fails too: it cannot separate
 * segments. A level unseen at fit gives 0 in every dimension of its feature (it is equally far from every level).
 */
public final class FeatureSpace {
    private final List<NumericFeature> numeric;
    private final List<CategoricalFeature> categorical;
    private final int dimensions;
    private final double[] centers;
    private final double[] scales;
    private final double[] weights;
    private final int[] offsets;

    /**
     * A feature space of the given features.
     *
     * @throws IllegalArgumentException when there is no feature or a name repeats
     */
    public FeatureSpace(List<NumericFeature> numeric, List<CategoricalFeature> categorical) {
        this.numeric = List.copyOf(numeric);
        this.categorical = List.copyOf(categorical);
        if (this.numeric.isEmpty() && this.categorical.isEmpty()) {
            throw new IllegalArgumentException("a feature space needs at least one feature");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String n : featureNames()) {
            if (!names.add(n)) {
                throw new IllegalArgumentException("feature '" + n + "' appears twice");
            }
        }
        int p = this.numeric.size();
        centers = new double[p];
        scales = new double[p];
        for (int j = 0; j < p; j++) {
            centers[j] = this.numeric.get(j).center();
            scales[j] = this.numeric.get(j).scale();
        }
        int q = this.categorical.size();
        weights = new double[q];
        offsets = new int[q];
        int d = p;
        for (int j = 0; j < q; j++) {
            weights[j] = this.categorical.get(j).weight();
            offsets[j] = d;
            d += this.categorical.get(j).levels().size();
        }
        dimensions = d;
    }

    /**
     * The indicator value that makes a categorical feature with level shares {@code shares} count as much as one
     * z-scored numeric feature: {@code 1 / sqrt(1 - sum_l p_l^2)} (see the class comment).
     *
     * @throws IllegalArgumentException when the shares do not sum to 1 (within 1e-9) or one share is 1 (a single
     *                                  level: no weight makes it separate anything)
     */
    public static double autoWeight(double[] shares) {
        double sum = 0;
        double squares = 0;
        for (double p : shares) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a share must be from 0 to 1, got " + p);
            }
            sum += p;
            squares += p * p;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("the shares must sum to 1, got " + sum);
        }
        double gini = 1 - squares;
        if (!(gini > 1e-12)) {
            throw new IllegalArgumentException("a feature with a single level has no weight that separates anything");
        }
        return 1 / Math.sqrt(gini);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fit

    /**
     * Fits the feature space of {@code features} on {@code table}.
     *
     * @param scaling the cleaning model's scaling of numeric features (any subset; empty when unknown)
     * @param weight  the categorical indicator value, or {@code null} for {@link #autoWeight}
     * @throws InputException naming every feature with missing or non-finite values and their counts, a constant
     *                        numeric feature, a categorical feature with a single level, a text feature
     */
    static FeatureSpace fit(Table table, List<String> features, Scaled scaled, List<FeatureScaling> scaling,
            Double weight) {
        int n = table.rowCount();
        Map<String, FeatureScaling> cleaning = new HashMap<>();
        for (FeatureScaling s : scaling) {
            cleaning.put(s.feature(), s);
        }
        requireComplete(table, features, "cannot segment");
        List<NumericFeature> numeric = new ArrayList<>();
        List<CategoricalFeature> categorical = new ArrayList<>();
        List<String> useless = new ArrayList<>();
        for (String name : features) {
            Column c = table.column(name);
            if (c instanceof NumericColumn) {
                NumericFeature f = fitNumeric((NumericColumn) c, scaled, cleaning.get(name), useless);
                if (f != null) {
                    numeric.add(f);
                }
            } else if (c instanceof CategoricalColumn) {
                CategoricalFeature f = fitCategorical((CategoricalColumn) c, n, weight, useless);
                if (f != null) {
                    categorical.add(f);
                }
            } else {
                throw new InputException("feature '" + name + "' is a text column; features must be numeric or "
                        + "categorical (list identifiers in '" + SegmenterConfig.KEY_ID_COLUMNS + "')");
            }
        }
        if (!useless.isEmpty()) {
            throw new InputException("cannot segment: " + String.join("; ", useless)
                    + ". Such a feature cannot separate segments: leave it out with '" + SegmenterConfig.KEY_EXCLUDE
                    + "'");
        }
        return new FeatureSpace(numeric, categorical);
    }

    private static NumericFeature fitNumeric(NumericColumn c, Scaled scaled, FeatureScaling cleaning,
            List<String> useless) {
        int n = c.size();
        double mean = 0;
        double m2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = c.value(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
            // Welford's update
            double delta = v - mean;
            mean += delta / (i + 1);
            m2 += delta * (v - mean);
        }
        if (!(min < max)) {
            useless.add("feature '" + c.name() + "' is constant (every row holds " + c.format(0) + ")");
            return null;
        }
        double sd = Math.sqrt(m2 / (n - 1));
        Double cleaningCenter = cleaning == null ? null : cleaning.center();
        Double cleaningScale = cleaning == null ? null : cleaning.divisor();
        boolean zScoredByCleaner = cleaning != null && cleaning.method() == CleanerConfig.Scaling.ZSCORE;
        boolean asIs = scaled == Scaled.YES || (scaled == Scaled.AUTO && zScoredByCleaner);
        if (asIs) {
            return new NumericFeature(c.name(), scaled == Scaled.YES ? NumericFeature.INPUT : NumericFeature.CLEANING,
                    0, 1, cleaningCenter, cleaningScale);
        }
        if (!(sd > 0) || !Double.isFinite(sd) || !Double.isFinite(mean)) {
            useless.add("feature '" + c.name() + "' has a standard deviation of " + sd + " that cannot be scaled");
            return null;
        }
        return new NumericFeature(c.name(), NumericFeature.STANDARDIZED, mean, sd, cleaningCenter, cleaningScale);
    }

    private static CategoricalFeature fitCategorical(CategoricalColumn c, int n, Double weight, List<String> useless) {
        int[] counts = new int[c.levelCount()];
        for (int i = 0; i < n; i++) {
            counts[c.code(i)]++;
        }
        List<String> levels = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        double[] p = new double[counts.length];
        int seen = 0;
        for (int l = 0; l < counts.length; l++) {
            if (counts[l] > 0) {
                levels.add(c.levels().get(l));
                shares.add((double) counts[l] / n);
                p[seen++] = (double) counts[l] / n;
            }
        }
        if (levels.size() < 2) {
            useless.add("categorical feature '" + c.name() + "' has a single level ('" + levels.get(0) + "') in all "
                    + n + " rows");
            return null;
        }
        double w = weight != null ? weight : autoWeight(Arrays.copyOf(p, seen));
        return new CategoricalFeature(c.name(), levels, shares, w);
    }

    /**
     * Fails when a feature column is missing, has another kind than a feature may have, or holds missing or
     * non-finite values, naming all of them with counts.
     */
    static void requireComplete(Table table, List<String> features, String what) {
        List<String> problems = new ArrayList<>();
        for (String name : features) {
            Column c = table.column(name);
            int missing = c.missingCount();
            int nonFinite = 0;
            if (c instanceof NumericColumn) {
                NumericColumn nc = (NumericColumn) c;
                for (int i = 0, n = nc.size(); i < n; i++) {
                    double v = nc.value(i);
                    if (!Double.isFinite(v) && !nc.isMissing(i)) {
                        nonFinite++;
                    }
                }
            }
            if (missing > 0) {
                problems.add("feature '" + name + "' has " + missing + " missing "
                        + (missing == 1 ? "value" : "values"));
            }
            if (nonFinite > 0) {
                problems.add("feature '" + name + "' has " + nonFinite + (nonFinite == 1 ? " value that is" :
                        " values that are") + " not a finite number");
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(what + ": " + String.join(", ", problems) + " (of " + table.rowCount()
                    + " rows); segmentation needs complete features: clean the table first (the cleaner fills missing "
                    + "values) or leave the " + (problems.size() == 1 ? "feature" : "features") + " out");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Accessors

    /** The number of dimensions: numeric features plus the levels of every categorical feature. */
    public int dimensions() {
        return dimensions;
    }

    /** The numeric features, in layout order. */
    public List<NumericFeature> numericFeatures() {
        return numeric;
    }

    /** The categorical features, in layout order. */
    public List<CategoricalFeature> categoricalFeatures() {
        return categorical;
    }

    /** The feature names, in layout order: the numeric features, then the categorical ones. */
    public List<String> featureNames() {
        List<String> out = new ArrayList<>();
        for (NumericFeature f : numeric) {
            out.add(f.name());
        }
        for (CategoricalFeature f : categorical) {
            out.add(f.name());
        }
        return Collections.unmodifiableList(out);
    }

    /** A name per dimension: the numeric feature's name, or {@code feature=level} for a one-hot dimension. */
    public List<String> dimensionNames() {
        List<String> out = new ArrayList<>(dimensions);
        for (NumericFeature f : numeric) {
            out.add(f.name());
        }
        for (CategoricalFeature f : categorical) {
            for (String level : f.levels()) {
                out.add(f.name() + "=" + level);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The first dimension of categorical feature {@code index} (in {@link #categoricalFeatures()} order). */
    public int offset(int categoricalIndex) {
        return offsets[categoricalIndex];
    }

    /**
     * The rows of {@code table} in this space: a {@link Matrix} of {@code rows x dimensions()}.
     *
     * @throws InputException as {@link #bind}
     */
    public Matrix matrix(Table table) {
        Bound b = bind(table, "cannot transform the table");
        int n = table.rowCount();
        double[][] columns = new double[dimensions][n];
        double[] row = new double[dimensions];
        for (int i = 0; i < n; i++) {
            b.fill(i, row);
            for (int j = 0; j < dimensions; j++) {
                columns[j][i] = row[j];
            }
        }
        return Matrix.ofColumns(columns);
    }

    /**
     * Prepares {@code table} for transformation row by row: checks that every feature is there, of a usable type,
     * complete and finite, and converts the columns once to primitive arrays.
     *
     * @param what the start of an error message ({@code "cannot assign segments"})
     * @throws InputException naming every feature the table lacks, has as text when it must be numeric, or holds
     *                        missing or non-finite values in (with counts)
     */
    Bound bind(Table table, String what) {
        Objects.requireNonNull(table, "table");
        List<String> lacking = new ArrayList<>();
        for (String name : featureNames()) {
            if (!table.hasColumn(name)) {
                lacking.add(name);
            }
        }
        if (!lacking.isEmpty()) {
            throw new InputException(what + ": the table has no " + (lacking.size() == 1 ? "column " : "columns ")
                    + Names.quote(lacking) + "; the segmentation model needs " + Names.quote(featureNames()));
        }
        for (NumericFeature f : numeric) {
            Column c = table.column(f.name());
            if (c.type() != ColumnType.NUMERIC) {
                throw new InputException(what + ": feature '" + f.name() + "' is " + c.type().key()
                        + " in the table but numeric in the segmentation model");
            }
        }
        for (CategoricalFeature f : categorical) {
            Column c = table.column(f.name());
            if (c.type() == ColumnType.NUMERIC) {
                throw new InputException(what + ": feature '" + f.name()
                        + "' is numeric in the table but categorical in the segmentation model");
            }
        }
        requireComplete(table, featureNames(), what);
        int n = table.rowCount();
        double[][] values = new double[numeric.size()][];
        for (int j = 0; j < numeric.size(); j++) {
            values[j] = table.numeric(numeric.get(j).name()).toArray();
        }
        int[][] levels = new int[categorical.size()][];
        for (int j = 0; j < categorical.size(); j++) {
            levels[j] = levelIndexes(table.column(categorical.get(j).name()), categorical.get(j), n);
        }
        return new Bound(n, values, levels);
    }

    /** Per row, the index of the row's level in {@code f.levels()}, or -1 for a level unseen at fit. */
    private static int[] levelIndexes(Column c, CategoricalFeature f, int n) {
        int[] out = new int[n];
        if (c instanceof CategoricalColumn) {
            CategoricalColumn k = (CategoricalColumn) c;
            List<String> dictionary = k.levels();
            int[] map = new int[dictionary.size()];
            for (int l = 0; l < map.length; l++) {
                map[l] = f.indexOf(dictionary.get(l));
            }
            for (int i = 0; i < n; i++) {
                out[i] = map[k.code(i)];
            }
        } else {
            TextColumn t = (TextColumn) c;
            Map<String, Integer> index = new HashMap<>();
            for (int l = 0; l < f.levels().size(); l++) {
                index.put(f.levels().get(l), l);
            }
            for (int i = 0; i < n; i++) {
                out[i] = index.getOrDefault(t.value(i), -1);
            }
        }
        return out;
    }

    /** A table's features as primitive arrays, ready to be written row by row into the space. */
    final class Bound {
        private final int rows;
        private final double[][] values;
        private final int[][] levels;

        private Bound(int rows, double[][] values, int[][] levels) {
            this.rows = rows;
            this.values = values;
            this.levels = levels;
        }

        int rows() {
            return rows;
        }

        /** Writes row {@code row} in the space into {@code out[0..dimensions)}. */
        void fill(int row, double[] out) {
            int p = values.length;
            for (int j = 0; j < p; j++) {
                out[j] = (values[j][row] - centers[j]) / scales[j];
            }
            Arrays.fill(out, p, dimensions, 0.0);
            for (int j = 0; j < levels.length; j++) {
                int l = levels[j][row];
                if (l >= 0) {
                    out[offsets[j] + l] = weights[j];
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSpace f && f.numeric.equals(numeric) && f.categorical.equals(categorical);
    }

    @Override
    public int hashCode() {
        return numeric.hashCode() * 31 + categorical.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureSpace[" + numeric.size() + " numeric, " + categorical.size() + " categorical features, "
                + dimensions + " dimensions]";
    }
}
