package org.example.segmentation.core.segmentation;

import static org.example.segmentation.core.segmentation.SegmentationFixtures.assertSameTable;
import static org.example.segmentation.core.segmentation.SegmentationFixtures.fit;
import static org.example.segmentation.core.segmentation.SegmentationFixtures.gaussian;
import static org.example.segmentation.core.segmentation.SegmentationFixtures.segments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cluster.AdjustedRandIndex;
import org.example.segmentation.core.cluster.KPrototypes;
import org.example.segmentation.core.cluster.Matrix;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;

/** {@code algorithm=kprototypes} through the {@link Segmenter}, and {@link KPrototypes} itself. */
class KPrototypesSegmenterTest {

    private static final int PER_GROUP = 150;
    private static final String[][] LEVELS = {{"a", "b", "c"}, {"x", "y", "z"}};

    /**
     * Three planted groups: groups 0 and 1 share their numeric distribution and differ only in the two
     * categorical features (95% their own level); group 2 is apart numerically.
     */
    private static Table mixed(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 3 * PER_GROUP;
        String[] ids = new String[n];
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        String[] c0 = new String[n];
        String[] c1 = new String[n];
        for (int i = 0; i < n; i++) {
            int g = i / PER_GROUP;
            ids[i] = "C" + i;
            x0[i] = (g == 2 ? 8 : 0) + gaussian(random);
            x1[i] = (g == 2 ? -6 : 0) + gaussian(random);
            c0[i] = LEVELS[0][random.nextDouble() < 0.95 ? g : random.nextInt(3)];
            c1[i] = LEVELS[1][random.nextDouble() < 0.95 ? g : random.nextInt(3)];
        }
        return Table.of(List.<Column>of(TextColumn.of("id", ids), NumericColumn.of("x0", x0), NumericColumn.of("x1", x1),
                CategoricalColumn.of("c0", c0), CategoricalColumn.of("c1", c1)));
    }

    private static int[] planted() {
        int[] out = new int[3 * PER_GROUP];
        for (int i = 0; i < out.length; i++) {
            out[i] = i / PER_GROUP;
        }
        return out;
    }

    @Test
    void recoversThreePlantedMixedGroups() {
        SegmentationResult r = fit(mixed(3), "algorithm=kprototypes", "k=3");
        SegmentationModel m = r.model();
        assertEquals(SegmenterConfig.Algorithm.KPROTOTYPES, m.algorithm());
        double ari = AdjustedRandIndex.of(planted(), segments(r.segmented()));
        assertTrue(ari > 0.9, "ARI " + ari);
        // default gamma: half the mean (population) sd of the z-scored numeric features (about 1) -> one-hot value
        // about sqrt(0.25) = 0.5
        for (CategoricalFeature f : m.featureSpace().categoricalFeatures()) {
            assertEquals(0.5, f.weight(), 1e-3, f.name());
        }
        // categorical prototypes are modes: level shares are 0 or 1, one 1 per feature
        for (Segment s : m.segments()) {
            for (List<Double> shares : s.levelShares()) {
                double sum = 0;
                for (double v : shares) {
                    assertTrue(v == 0.0 || Math.abs(v - 1) < 1e-12, s.id() + " " + shares);
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-12);
            }
        }
    }

    @Test
    void automaticKFindsThree() {
        // with the default gamma (0.5) the two groups that differ only in their levels are close in the silhouette's
        // Euclidean terms, and k=2 wins; a mismatch cost of 4 separates them
        SegmentationResult r = fit(mixed(3), "algorithm=kprototypes", "k=0", "k.max=6", "kprototypes.gamma=4");
        assertEquals(3, r.model().k(), r.model().kSelection().reason());
        double ari = AdjustedRandIndex.of(planted(), segments(r.segmented()));
        assertTrue(ari > 0.9, "ARI " + ari);
    }

    @Test
    void gammaSettingSetsTheOneHotValue() {
        SegmentationModel m = fit(mixed(3), "algorithm=kprototypes", "k=3", "kprototypes.gamma=2").model();
        for (CategoricalFeature f : m.featureSpace().categoricalFeatures()) {
            assertEquals(1.0, f.weight(), 1e-12, f.name());
        }
    }

    @Test
    void deterministic() {
        SegmentationResult a = fit(mixed(4), "algorithm=kprototypes", "k=3", "seed=9");
        SegmentationResult b = fit(mixed(4), "algorithm=kprototypes", "k=3", "seed=9", "threads=4");
        assertSameTable(a.segmented(), b.segmented());
        assertEquals(a.model().segments(), b.model().segments());
    }

    @Test
    void huangDissimilarityIsTheSquaredDistanceInTheSpace() {
        // one numeric column, one categorical block of 2 levels with w = sqrt(gamma / 2), gamma = 2 -> w = 1
        Matrix data = Matrix.ofRows(new double[][] {
            {0.0, 1, 0}, {0.1, 1, 0}, {0.2, 1, 0}, {0.0, 0, 1}, {0.1, 0, 1}, {0.2, 0, 1}});
        KPrototypes.Layout layout = new KPrototypes.Layout(1, new int[] {1}, new int[] {2}, new double[] {1});
        KPrototypes.Result r = KPrototypes.fit(data, layout, 2, 3, 100, 1, Progress.NONE);
        int[] a = r.assignments();
        assertEquals(a[0], a[1]);
        assertEquals(a[0], a[2]);
        assertEquals(a[3], a[4]);
        assertTrue(a[0] != a[3]);
        // cost: numeric spread only (0.02 per group), no mismatches
        assertEquals(0.04, r.cost(), 1e-12);
    }
}
