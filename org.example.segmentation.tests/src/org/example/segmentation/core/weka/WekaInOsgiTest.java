package org.example.segmentation.core.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import weka.attributeSelection.AttributeSelection;
import weka.attributeSelection.BestFirst;
import weka.attributeSelection.CfsSubsetEval;
import weka.attributeSelection.InfoGainAttributeEval;
import weka.attributeSelection.PrincipalComponents;
import weka.attributeSelection.Ranker;
import weka.clusterers.EM;
import weka.clusterers.HierarchicalClusterer;
import weka.clusterers.SimpleKMeans;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.InterquartileRange;
import weka.filters.unsupervised.attribute.Normalize;
import weka.filters.unsupervised.attribute.ReplaceMissingValues;
import weka.filters.unsupervised.attribute.Standardize;

/**
 * Runs the Weka algorithms the engine uses inside OSGi (Equinox, started by tycho-surefire), through the
 * wrapped Weka bundle of the target platform: proves the generated manifests wire Weka, MTJ and netlib at run
 * time, not only at compile time.
 */
class WekaInOsgiTest {

    static final String WEKA_BUNDLE = "wrapped.nz.ac.waikato.cms.weka.weka-stable";

    /** Two obvious groups: five customers near (1, 1) and five near (10, 10). */
    private static Table twoGroups() {
        return Table.of(
                NumericColumn.of("gasto", new double[] { 1.0, 1.2, 0.8, 1.1, 0.9, 10.0, 10.3, 9.7, 10.1, 9.9 }),
                NumericColumn.of("visitas", new double[] { 1.0, 0.9, 1.1, 1.2, 0.8, 10.0, 9.8, 10.2, 10.1, 9.9 }));
    }

    /** {@code n} points around (0, 0) then {@code n} around (8, 8), standard deviation 1, seeded. */
    private static Table blobs(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            double c = i < n ? 0 : 8;
            x[i] = c + r.nextGaussian();
            y[i] = c + r.nextGaussian();
        }
        return Table.of(NumericColumn.of("x", x), NumericColumn.of("y", y));
    }

    private static void assertSplitsHalves(int[] clusters, int n) {
        for (int i = 1; i < n; i++) {
            assertEquals(clusters[0], clusters[i], "first group, row " + i + ": " + Arrays.toString(clusters));
            assertEquals(clusters[n], clusters[n + i], "second group, row " + (n + i) + ": " + Arrays.toString(clusters));
        }
        assertNotEquals(clusters[0], clusters[n], Arrays.toString(clusters));
    }

    @Test
    void wekaAndMatrixLibrariesComeFromTheirWrappedBundles() throws Exception {
        assertBundle(WEKA_BUNDLE, SimpleKMeans.class);
        Bundle weka = FrameworkUtil.getBundle(SimpleKMeans.class);
        assertBundle("wrapped.com.googlecode.matrix-toolkits-java.mtj", weka.loadClass("no.uib.cipr.matrix.DenseMatrix"));
        assertBundle("wrapped.com.github.fommil.netlib.core", weka.loadClass("com.github.fommil.netlib.LAPACK"));
        assertBundle("edankert.com.bounce", weka.loadClass("org.bounce.net.DefaultAuthenticator"));
    }

    private static void assertBundle(String symbolicName, Class<?> type) {
        Bundle b = FrameworkUtil.getBundle(type);
        assertNotNull(b, type + " is not loaded from a bundle");
        assertEquals(symbolicName, b.getSymbolicName(), type.getName());
    }

    @Test
    void simpleKMeansWithKMeansPlusPlusSplitsTwoObviousGroups() throws Exception {
        Instances data = WekaBridge.toInstances(twoGroups());
        SimpleKMeans km = new SimpleKMeans();
        km.setNumClusters(2);
        km.setInitializationMethod(new SelectedTag(SimpleKMeans.KMEANS_PLUS_PLUS, SimpleKMeans.TAGS_SELECTION));
        km.setSeed(42);
        km.setPreserveInstancesOrder(true);
        km.buildClusterer(data);

        int[] clusters = WekaBridge.clusterAssignments(km, data);
        assertSplitsHalves(clusters, 5);
        assertArrayEquals(clusters, km.getAssignments(), "clusterInstance agrees with the training assignment");
        Instances centroids = km.getClusterCentroids();
        assertEquals(1.0, centroids.instance(clusters[0]).value(0), 1e-9);
        assertEquals(10.0, centroids.instance(clusters[5]).value(0), 1e-9);
    }

    @Test
    void emWithFixedClustersSeparatesTwoGaussianBlobs() throws Exception {
        Instances data = WekaBridge.toInstances(blobs(50, 7));
        EM em = new EM();
        em.setNumClusters(2);
        em.setSeed(1);
        em.buildClusterer(data);

        assertEquals(2, em.numberOfClusters());
        assertSplitsHalves(WekaBridge.clusterAssignments(em, data), 50);
    }

    @Test
    void hierarchicalClustererSplitsTwoObviousGroups() throws Exception {
        Instances data = WekaBridge.toInstances(twoGroups());
        HierarchicalClusterer hc = new HierarchicalClusterer();
        hc.setNumClusters(2);
        hc.setLinkType(new SelectedTag(5 /* WARD */, HierarchicalClusterer.TAGS_LINK_TYPE));
        hc.buildClusterer(data);

        assertSplitsHalves(WekaBridge.clusterAssignments(hc, data), 5);
    }

    @Test
    void principalComponentsSeeOneRedundantColumn() throws Exception {
        // z = 2x + 3 exactly: the standardised data has rank 2, so one eigenvalue of the correlation matrix is 0
        Random r = new Random(11);
        int n = 200;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = r.nextGaussian();
            z[i] = 2 * x[i] + 3;
        }
        Instances data = WekaBridge.toInstances(Table.of(NumericColumn.of("x", x), NumericColumn.of("y", y),
                NumericColumn.of("z", z)));

        PrincipalComponents pca = new PrincipalComponents(); // standardises (centerData=false), covers 95%
        AttributeSelection selection = new AttributeSelection();
        selection.setEvaluator(pca);
        selection.setSearch(new Ranker());
        selection.SelectAttributes(data);

        double[] eigen = pca.getEigenValues().clone();
        Arrays.sort(eigen);
        assertEquals(3, eigen.length);
        assertEquals(0.0, eigen[0], 1e-9, "the redundant direction has no variance: " + Arrays.toString(eigen));
        assertEquals(3.0, eigen[0] + eigen[1] + eigen[2], 1e-9, "trace of a 3x3 correlation matrix");
        assertEquals(2.0, eigen[2], 0.2, "x and z are one component: " + Arrays.toString(eigen));
        // Two components cover 100% of the variance (the first alone ~2/3 < the 95% asked for), so Ranker ranks
        // two; PCA's merit of a component is the variance left uncovered once it is included.
        // (numberAttributesSelected() is not used: it always subtracts one for a class attribute.)
        double[][] ranked = selection.rankedAttributes();
        assertEquals(2, ranked.length);
        assertEquals(1.0 / 3.0, ranked[0][1], 0.05, "left after the first component");
        assertEquals(0.0, ranked[1][1], 1e-9, "nothing left after the second");
        assertEquals(2, selection.reduceDimensionality(data).numAttributes());
    }

    /** 40 customers: "canal" decides the segment exactly; "ruído" is noise. */
    private static Table labelled() {
        Random r = new Random(3);
        int n = 40;
        String[] channel = new String[n];
        String[] segment = new String[n];
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            channel[i] = i % 2 == 0 ? "app" : "agência";
            segment[i] = i % 2 == 0 ? "digital" : "tradicional";
            noise[i] = r.nextDouble();
        }
        return Table.of(CategoricalColumn.of("canal", channel), NumericColumn.of("ruído", noise),
                CategoricalColumn.of("segmento", segment));
    }

    @Test
    void infoGainRanksThePerfectPredictorFirst() throws Exception {
        Instances data = WekaBridge.toInstances(labelled(), "segmento");
        InfoGainAttributeEval ig = new InfoGainAttributeEval();
        ig.buildEvaluator(data);

        double[] merits = WekaBridge.attributeMerits(ig, data);
        assertEquals(1.0, merits[0], 1e-12, "a perfect predictor of a balanced binary class gains 1 bit");
        assertTrue(merits[1] < 0.5, "noise: " + merits[1]);
        assertTrue(Double.isNaN(merits[2]), "the class itself");

        AttributeSelection selection = new AttributeSelection();
        selection.setEvaluator(ig);
        selection.setSearch(new Ranker());
        selection.SelectAttributes(data);
        assertEquals(0, (int) selection.rankedAttributes()[0][0]);
    }

    @Test
    void cfsWithBestFirstKeepsThePredictorOnly() throws Exception {
        Instances data = WekaBridge.toInstances(labelled(), "segmento");
        AttributeSelection selection = new AttributeSelection();
        selection.setEvaluator(new CfsSubsetEval());
        selection.setSearch(new BestFirst());
        selection.SelectAttributes(data);
        // selectedAttributes() lists the chosen attributes then the class index
        assertArrayEquals(new int[] { 0, 2 }, selection.selectedAttributes());
    }

    @Test
    void unsupervisedAttributeFiltersRun() throws Exception {
        Table t = Table.of(NumericColumn.of("saldo", new double[] { 1, 2, Double.NaN, 4, 5, 6, 7, 8, 9, 1000 }));
        Instances data = WekaBridge.toInstances(t);

        Instances filled = apply(new ReplaceMissingValues(), data);
        assertEquals((1 + 2 + 4 + 5 + 6 + 7 + 8 + 9 + 1000) / 9.0, filled.instance(2).value(0), 1e-9);

        Instances standard = apply(new Standardize(), filled);
        double[] s = standard.attributeToDoubleArray(0);
        assertEquals(0.0, Arrays.stream(s).average().orElseThrow(), 1e-9);

        Instances normal = apply(new Normalize(), filled);
        double[] u = normal.attributeToDoubleArray(0);
        assertEquals(0.0, Arrays.stream(u).min().orElseThrow(), 1e-12);
        assertEquals(1.0, Arrays.stream(u).max().orElseThrow(), 1e-12);

        Instances flagged = apply(new InterquartileRange(), filled);
        assertEquals("Outlier", flagged.attribute(1).name());
        assertEquals("ExtremeValue", flagged.attribute(2).name());
        assertEquals("yes", flagged.instance(9).stringValue(2), "1000 is an extreme value");
        assertEquals("no", flagged.instance(0).stringValue(1));
    }

    private static Instances apply(Filter filter, Instances data) throws Exception {
        filter.setInputFormat(data);
        return Filter.useFilter(data, filter);
    }
}
