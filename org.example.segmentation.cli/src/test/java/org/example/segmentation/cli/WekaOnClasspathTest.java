package org.example.segmentation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.weka.WekaBridge;
import org.junit.jupiter.api.Test;

import weka.attributeSelection.AttributeSelection;
import weka.attributeSelection.PrincipalComponents;
import weka.attributeSelection.Ranker;
import weka.clusterers.SimpleKMeans;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.core.WekaPackageManager;

/**
 * Runs Weka through the engine's bridge on the command line's class path, the one the shaded jar is made of:
 * proves the dependencies the CLI pom leaves out of weka-stable are not needed (k-means needs bounce at Weka's
 * class initialisation, PCA needs MTJ and netlib), and that Weka keeps out of the user's home directory.
 */
class WekaOnClasspathTest {

    @Test
    void simpleKMeansRunsThroughTheBridge() throws Exception {
        Table t = Table.of(
                NumericColumn.of("gasto", new double[] { 1.0, 1.2, 0.8, 10.0, 10.3, 9.7 }),
                CategoricalColumn.of("Região", "Norte", "Norte", "Norte", "São Paulo", "São Paulo", "São Paulo"));
        Instances data = WekaBridge.toInstances(t);
        SimpleKMeans km = new SimpleKMeans();
        km.setNumClusters(2);
        km.setInitializationMethod(new SelectedTag(SimpleKMeans.KMEANS_PLUS_PLUS, SimpleKMeans.TAGS_SELECTION));
        km.setSeed(1);
        km.buildClusterer(data);

        int[] c = WekaBridge.clusterAssignments(km, data);
        assertEquals(c[0], c[1], Arrays.toString(c));
        assertEquals(c[0], c[2], Arrays.toString(c));
        assertEquals(c[3], c[4], Arrays.toString(c));
        assertEquals(c[3], c[5], Arrays.toString(c));
        assertNotEquals(c[0], c[3], Arrays.toString(c));
    }

    @Test
    void principalComponentsFindMatrixLibraries() throws Exception {
        Instances data = WekaBridge.toInstances(Table.of(
                NumericColumn.of("x", new double[] { 1, 2, 3, 4, 5, 6 }),
                NumericColumn.of("y", new double[] { 2, 1, 4, 3, 6, 5 }),
                NumericColumn.of("z", new double[] { 3, 5, 7, 9, 11, 13 })));
        PrincipalComponents pca = new PrincipalComponents();
        AttributeSelection selection = new AttributeSelection();
        selection.setEvaluator(pca);
        selection.setSearch(new Ranker());
        selection.SelectAttributes(data);

        double[] eigen = pca.getEigenValues().clone();
        Arrays.sort(eigen);
        assertEquals(0.0, eigen[0], 1e-9, "z = 2x + 1 is redundant: " + Arrays.toString(eigen));
    }

    @Test
    void wekaHomeIsNotInTheUsersHome() {
        WekaBridge.ensureInitialized();
        Path home = WekaPackageManager.WEKA_HOME.toPath().toAbsolutePath();
        assertNotEquals(Path.of(System.getProperty("user.home"), "wekafiles").toAbsolutePath(), home);
        if (System.getenv("WEKA_HOME") == null && System.getProperty("WEKA_HOME") == null) {
            assertTrue(home.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()), home.toString());
        }
    }
}
