package org.example.segmentation.core.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.cleaning.Cleaner;
import org.example.segmentation.core.cleaning.CleanerConfig;
import org.example.segmentation.core.cleaning.CleaningResult;
import org.example.segmentation.core.cleaning.FeatureScaling;
import org.example.segmentation.core.cluster.Matrix;
import org.example.segmentation.core.segmentation.SegmenterConfig.Scaled;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;

class FeatureSpaceTest {

    private static final double EPS = 1e-12;

    @Test
    void autoWeightByHand() {
        // w = 1 / sqrt(1 - sum p^2)
        assertEquals(Math.sqrt(2), FeatureSpace.autoWeight(new double[] {0.5, 0.5}), EPS);
        // 0.7^2 + 0.2^2 + 0.1^2 = 0.54 -> 1 / sqrt(0.46)
        assertEquals(1 / Math.sqrt(0.46), FeatureSpace.autoWeight(new double[] {0.7, 0.2, 0.1}), EPS);
        assertEquals(Math.sqrt(6.0 / 5), FeatureSpace.autoWeight(new double[] {1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0,
            1 / 6.0, 1 / 6.0}), EPS);
        // 0.95^2 + 0.05^2 = 0.905 -> 1 / sqrt(0.095) = 3.244
        assertEquals(3.2444, FeatureSpace.autoWeight(new double[] {0.95, 0.05}), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> FeatureSpace.autoWeight(new double[] {1.0}));
        assertThrows(IllegalArgumentException.class, () -> FeatureSpace.autoWeight(new double[] {0.5, 0.4}));
    }

    /**
     * The point of the weight: over all pairs of rows, the mean squared distance contributed by a one-hot block
     * equals that of a z-scored numeric feature: 2 (up to a factor n / (n - 1): the numeric feature is scaled by the
     * sample standard deviation, the level shares are counts over n).
     */
    @Test
    void aCategoricalFeatureCountsLikeOneNumericFeature() {
        int n = 3000;
        SplittableRandom random = new SplittableRandom(5);
        String[] level = new String[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            level[i] = u < 0.6 ? "a" : u < 0.9 ? "b" : "c";
            x[i] = Math.exp(SegmentationFixtures.gaussian(random));
        }
        Table t = Table.of(NumericColumn.of("x", x), CategoricalColumn.of("level", level));
        FeatureSpace space = FeatureSpace.fit(t, List.of("x", "level"), Scaled.AUTO, List.of(), null);
        assertEquals(4, space.dimensions());
        assertEquals(List.of("x", "level=a", "level=b", "level=c"), space.dimensionNames());
        Matrix m = space.matrix(t);
        // mean over all pairs i != j of the squared difference = 2 * population variance * n / (n - 1)
        double numeric = meanPairSquaredDistance(m, 0, 1, n);
        double categorical = meanPairSquaredDistance(m, 1, 4, n);
        assertEquals(2.0, numeric, 1e-9, "a z-scored number (sample variance 1)");
        // the block's variance is 1 with shares = counts / n (population), so its pair mean is 2 n / (n - 1)
        assertEquals(2.0 * n / (n - 1), categorical, 1e-9, "the one-hot block");
        // and by hand: the block's weight from the level shares
        CategoricalFeature f = space.categoricalFeatures().get(0);
        double[] p = f.shares().stream().mapToDouble(Double::doubleValue).toArray();
        double sumSquares = p[0] * p[0] + p[1] * p[1] + p[2] * p[2];
        assertEquals(1 / Math.sqrt(1 - sumSquares), f.weight(), EPS);
        assertEquals(1.0, p[0] + p[1] + p[2], EPS);
    }

    /** Mean over ordered pairs i != j of the squared distance on dimensions from..to-1, by sums (O(n d)). */
    private static double meanPairSquaredDistance(Matrix m, int from, int to, int n) {
        double total = 0;
        for (int j = from; j < to; j++) {
            double[] c = m.column(j);
            double s = 0;
            double s2 = 0;
            for (double v : c) {
                s += v;
                s2 += v * v;
            }
            // sum_{i,j} (a_i - a_j)^2 = 2 n sum a^2 - 2 (sum a)^2
            total += 2 * n * s2 - 2 * s * s;
        }
        return total / ((double) n * (n - 1));
    }

    @Test
    void numericFeaturesAreStandardizedUnlessTheCleanerZScoredThem() {
        double[] raw = {1, 2, 3, 4, 10};
        Table t = Table.of(NumericColumn.of("a", raw), NumericColumn.of("b", raw));
        // b is declared z-scored by the cleaning model with center 3, divisor 2: used as it is
        List<FeatureScaling> scaling = List.of(new FeatureScaling("b", CleanerConfig.Scaling.ZSCORE, 3, 2),
                new FeatureScaling("a", CleanerConfig.Scaling.ROBUST, 3, 2));
        FeatureSpace auto = FeatureSpace.fit(t, List.of("a", "b"), Scaled.AUTO, scaling, null);
        NumericFeature a = auto.numericFeatures().get(0);
        NumericFeature b = auto.numericFeatures().get(1);
        assertEquals(NumericFeature.STANDARDIZED, a.source(), "robust scaling is re-standardized under auto");
        assertEquals(4.0, a.center(), EPS);
        assertEquals(Math.sqrt((9 + 4 + 1 + 0 + 36) / 4.0), a.scale(), EPS);
        assertEquals(NumericFeature.CLEANING, b.source());
        assertEquals(0, b.center());
        assertEquals(1, b.scale());
        // original units go through the cleaning scaling: x * 2 + 3
        assertEquals(2 * 1.5 + 3, b.toOriginal(1.5), EPS);
        assertEquals((4 + 0.5 * a.scale()) * 2 + 3, a.toOriginal(0.5), EPS);
        double[] first = auto.matrix(t).row(0);
        assertArrayEquals(new double[] {(1 - 4) / a.scale(), 1}, first, EPS);

        FeatureSpace yes = FeatureSpace.fit(t, List.of("a", "b"), Scaled.YES, List.of(), null);
        assertEquals(NumericFeature.INPUT, yes.numericFeatures().get(0).source());
        assertArrayEquals(new double[] {1, 1}, yes.matrix(t).row(0), 0);
        FeatureSpace no = FeatureSpace.fit(t, List.of("a", "b"), Scaled.NO, scaling, null);
        assertEquals(NumericFeature.STANDARDIZED, no.numericFeatures().get(1).source());
    }

    @Test
    void withTheCleaningModelTheCleanedTableIsUsedAsItIs() {
        Table raw = SegmentationFixtures.blobs(new int[] {50, 50}, 2, 10, 3);
        CleaningResult cleaned = Cleaner.fit(raw, CleanerConfig.fromSettings(Settings.of(Map.of("id.columns", "id"))));
        FitContext context = FitContext.none().withCleaning(cleaned.model());
        FeatureSpace space = FeatureSpace.fit(cleaned.table(), List.of("x0", "x1"), Scaled.AUTO, context.scaling(),
                null);
        for (NumericFeature f : space.numericFeatures()) {
            assertEquals(NumericFeature.CLEANING, f.source());
            assertTrue(f.cleaningKnown());
        }
        // original units = the raw table's (after the cleaner's clipping)
        double scaled = cleaned.table().numeric("x0").value(7);
        assertEquals(raw.numeric("x0").value(7), space.numericFeatures().get(0).toOriginal(scaled), 1e-9);
    }

    @Test
    void anUnseenLevelIsZeroInEveryDimensionOfItsFeature() {
        Table fit = Table.of(CategoricalColumn.of("c", "a", "b", "a", "b"), NumericColumn.of("x",
                new double[] {1, 2, 3, 4}));
        FeatureSpace space = FeatureSpace.fit(fit, List.of("c", "x"), Scaled.AUTO, List.of(), null);
        assertEquals(List.of("x", "c=a", "c=b"), space.dimensionNames(), "numeric features first");
        Table later = Table.of(TextColumn.of("c", "b", "z"), NumericColumn.of("x", new double[] {2.5, 2.5}));
        Matrix m = space.matrix(later);
        double w = Math.sqrt(2);
        assertArrayEquals(new double[] {0, 0, w}, m.row(0), EPS);
        assertArrayEquals(new double[] {0, 0, 0}, m.row(1), EPS);
    }

    @Test
    void aFixedWeightIsUsedAsGiven() {
        Table t = Table.of(CategoricalColumn.of("c", "a", "b", "b", "b"));
        FeatureSpace space = FeatureSpace.fit(t, List.of("c"), Scaled.AUTO, List.of(), 1.0);
        assertArrayEquals(new double[] {1, 0}, space.matrix(t).row(0), 0);
        assertEquals(List.of(0.25, 0.75), space.categoricalFeatures().get(0).shares());
    }

    // ---- bad input: one assertThrows per kind ----

    @Test
    void missingValuesNameTheColumnAndTheCount() {
        Table t = Table.of(NumericColumn.of("age", new double[] {1, Double.NaN, 3, Double.NaN}),
                CategoricalColumn.of("region", "a", null, "b", "a"), NumericColumn.of("ok", new double[] {1, 2, 3, 4}));
        InputException e = assertThrows(InputException.class,
                () -> FeatureSpace.fit(t, List.of("age", "region", "ok"), Scaled.AUTO, List.of(), null));
        assertTrue(e.getMessage().startsWith("cannot segment: feature 'age' has 2 missing values, feature 'region' "
                + "has 1 missing value (of 4 rows); segmentation needs complete features: clean the table first"),
                e.getMessage());
    }

    @Test
    void infiniteValuesAreRefused() {
        Table t = Table.of(NumericColumn.of("x", new double[] {1, Double.POSITIVE_INFINITY, 3}, new boolean[3]));
        InputException e = assertThrows(InputException.class,
                () -> FeatureSpace.fit(t, List.of("x"), Scaled.AUTO, List.of(), null));
        assertTrue(e.getMessage().contains("feature 'x' has 1 value that is not a finite number"), e.getMessage());
    }

    @Test
    void aConstantFeatureIsRefused() {
        Table t = Table.of(NumericColumn.of("rate", new double[] {1.5, 1.5, 1.5}), NumericColumn.of("x",
                new double[] {1, 2, 3}));
        InputException e = assertThrows(InputException.class,
                () -> FeatureSpace.fit(t, List.of("rate", "x"), Scaled.AUTO, List.of(), null));
        assertTrue(e.getMessage().startsWith("cannot segment: feature 'rate' is constant (every row holds 1.5). Such "
                + "a feature cannot separate segments: leave it out with 'exclude'"), e.getMessage());
    }

    @Test
    void aCategoricalFeatureWithOneLevelIsRefused() {
        // the dictionary may hold more levels than the rows use: what counts is the levels seen
        Table t = Table.of(CategoricalColumn.of("currency", new int[] {0, 0, 0}, List.of("EUR", "USD")),
                NumericColumn.of("x", new double[] {1, 2, 3}));
        InputException e = assertThrows(InputException.class,
                () -> FeatureSpace.fit(t, List.of("currency", "x"), Scaled.AUTO, List.of(), null));
        assertTrue(e.getMessage().startsWith("cannot segment: categorical feature 'currency' has a single level "
                + "('EUR') in all 3 rows"), e.getMessage());
    }

    @Test
    void aTableLackingFeaturesIsRefusedAtTransform() {
        Table fit = Table.of(NumericColumn.of("x", new double[] {1, 2}), NumericColumn.of("y", new double[] {1, 3}));
        FeatureSpace space = FeatureSpace.fit(fit, List.of("x", "y"), Scaled.AUTO, List.of(), null);
        InputException e = assertThrows(InputException.class,
                () -> space.matrix(Table.of(NumericColumn.of("z", new double[] {1}))));
        assertTrue(e.getMessage().contains("the table has no columns 'x', 'y'"), e.getMessage());
        InputException typed = assertThrows(InputException.class,
                () -> space.matrix(Table.of(TextColumn.of("x", "1"), NumericColumn.of("y", new double[] {1}))));
        assertTrue(typed.getMessage().contains("feature 'x' is text in the table but numeric"), typed.getMessage());
    }
}
