package org.example.segmentation.core.segmentation;

import java.util.ArrayList;
import java.util.Objects;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cluster.Centroids;
import org.example.segmentation.core.cluster.KSelection;
import org.example.segmentation.core.cluster.Matrix;
import org.example.segmentation.core.weka.WekaBridge;

import weka.clusterers.EM;
import weka.clusterers.HierarchicalClusterer;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.EuclideanDistance;
import weka.core.Instances;
import weka.core.SelectedTag;

/**
 * Weka's EM (Gaussian mixture) and agglomerative hierarchical clustering (Ward) as {@link KSelection.Clusterer}s on
 * the feature-space matrix, so that they plug into the k selection and the model exactly like k-means.
 *
 * <p>Each fit converts the matrix to {@link Instances} (one numeric attribute per feature-space column, no class),
 * runs the Weka clusterer, takes each row's <em>hard</em> cluster ({@code clusterInstance}) and derives the
 * centroids as the means of the feature-space rows per cluster. The model then assigns rows to the nearest
 * centroid (not by EM posteriors, nor by the dendrogram). Weka models are never serialised.
 */
public final class WekaClusterers {

    /** A fit: the hard cluster of every row and the per-cluster means. */
    public record Fit(int[] assignments, Centroids centroids) {
    }

    private WekaClusterers() {
    }

    /**
     * Weka's {@link EM} with {@code k} clusters, seeded, at most {@code maxIterations} EM iterations, single
     * threaded.
     *
     * @throws InputException when EM fails or leaves a cluster without rows
     */
    public static KSelection.Clusterer<Fit> em(int maxIterations) {
        return new Adapter() {
            @Override
            public Fit fit(Matrix data, int k, long seed, int threads, Progress progress) {
                progress.checkCancelled();
                Instances instances = instances(data);
                EM em = newEm(seed, maxIterations);
                int[] labels;
                try {
                    em.setNumClusters(k);
                    em.buildClusterer(instances);
                    labels = new int[data.rows()];
                    for (int i = 0; i < labels.length; i++) {
                        labels[i] = em.clusterInstance(instances.instance(i));
                    }
                } catch (InputException e) {
                    throw e;
                } catch (Exception e) {
                    throw new InputException("EM with k=" + k + " failed: " + e.getMessage(), e);
                }
                progress.update(1, null);
                return fitOf(data, labels, k, "EM");
            }
        };
    }

    /**
     * The number of clusters Weka's EM chooses by 10-fold cross-validation of the log-likelihood
     * ({@code numClusters = -1}), with the given seed.
     *
     * @throws InputException when EM fails
     */
    public static int emChooseK(Matrix data, long seed, int maxIterations, int maxK) {
        Objects.requireNonNull(data, "data");
        Instances instances = instances(data);
        EM em = newEm(seed, maxIterations);
        try {
            em.setNumClusters(-1);
            em.setMaximumNumberOfClusters(maxK);
            em.buildClusterer(instances);
            return em.numberOfClusters();
        } catch (Exception e) {
            throw new InputException("EM choosing k by cross-validation failed: " + e.getMessage(), e);
        }
    }

    /**
     * Weka's {@link HierarchicalClusterer} with Ward linkage on the Euclidean distance without normalisation (the
     * feature space is already scaled), cut at {@code k} clusters.
     *
     * @throws InputException when the clustering fails
     */
    public static KSelection.Clusterer<Fit> ward() {
        return new Adapter() {
            @Override
            public Fit fit(Matrix data, int k, long seed, int threads, Progress progress) {
                progress.checkCancelled();
                Instances instances = instances(data);
                HierarchicalClusterer h = new HierarchicalClusterer();
                EuclideanDistance distance = new EuclideanDistance();
                distance.setDontNormalize(true);
                int[] labels;
                try {
                    h.setDistanceFunction(distance);
                    h.setLinkType(new SelectedTag("WARD", HierarchicalClusterer.TAGS_LINK_TYPE));
                    h.setNumClusters(k);
                    h.buildClusterer(instances);
                    progress.checkCancelled();
                    labels = new int[data.rows()];
                    for (int i = 0; i < labels.length; i++) {
                        labels[i] = h.clusterInstance(instances.instance(i));
                    }
                } catch (Exception e) {
                    throw new InputException("hierarchical clustering with k=" + k + " failed: " + e.getMessage(), e);
                }
                progress.update(1, null);
                return fitOf(data, labels, k, "hierarchical clustering");
            }
        };
    }

    private abstract static class Adapter implements KSelection.Clusterer<Fit> {
        @Override
        public int[] assignments(Fit fit) {
            return fit.assignments();
        }

        @Override
        public Centroids centroids(Fit fit) {
            return fit.centroids();
        }
    }

    private static EM newEm(long seed, int maxIterations) {
        WekaBridge.ensureInitialized();
        EM em = new EM();
        em.setSeed((int) (seed ^ (seed >>> 32)));
        em.setNumExecutionSlots(1);
        try {
            em.setMaxIterations(maxIterations);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        return em;
    }

    /** The matrix as instances: attributes {@code f0..f(d-1)}, no class. */
    static Instances instances(Matrix data) {
        WekaBridge.ensureInitialized();
        int d = data.columns();
        ArrayList<Attribute> attributes = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            attributes.add(new Attribute("f" + j));
        }
        Instances out = new Instances(WekaBridge.RELATION, attributes, data.rows());
        for (int i = 0; i < data.rows(); i++) {
            out.add(new DenseInstance(1, data.row(i)));
        }
        return out;
    }

    /** Per-cluster means of the rows; fails when a cluster has no row. */
    static Fit fitOf(Matrix data, int[] labels, int k, String what) {
        int d = data.columns();
        double[][] sums = new double[k][d];
        int[] counts = new int[k];
        double[] row = new double[d];
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            if (c < 0 || c >= k) {
                throw new InputException(what + " returned cluster " + c + " for k=" + k);
            }
            data.copyRow(i, row);
            counts[c]++;
            for (int j = 0; j < d; j++) {
                sums[c][j] += row[j];
            }
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                throw new InputException(what + " with k=" + k + " left a cluster without customers; set a lower '"
                        + SegmenterConfig.KEY_K + "'");
            }
            for (int j = 0; j < d; j++) {
                sums[c][j] /= counts[c];
            }
        }
        return new Fit(labels, Centroids.of(sums));
    }
}
