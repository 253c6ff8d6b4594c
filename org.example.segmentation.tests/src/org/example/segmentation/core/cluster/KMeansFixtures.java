package org.example.segmentation.core.cluster;

import java.util.SplittableRandom;

import org.example.segmentation.core.weka.WekaBridge;

import weka.clusterers.SimpleKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.EuclideanDistance;
import weka.core.Instances;
import weka.core.SelectedTag;

/** Seeded synthetic data and a Weka reference for the k-means tests and the benchmark. */
final class KMeansFixtures {

    private KMeansFixtures() {
    }

    /**
     * {@code n} rows of {@code d} columns from {@code clusters} Gaussian blobs (standard deviation 1) whose
     * centres are drawn uniformly in {@code [-spread, spread]^d}; the rows' blob is drawn uniformly. Row-major.
     * A large {@code spread} (10 and more in 8 dimensions) gives well-separated blobs, a small one (2 or 3)
     * overlapping ones.
     */
    static double[] blobs(int n, int d, int clusters, double spread, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] centres = new double[clusters * d];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = (rnd.nextDouble() * 2 - 1) * spread;
        }
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(clusters);
            for (int j = 0; j < d; j++) {
                out[i * d + j] = centres[c * d + j] + gaussian(rnd);
            }
        }
        return out;
    }

    /** The blob of every row of {@link #blobs} with the same arguments. */
    static int[] blobLabels(int n, int d, int clusters, double spread, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < clusters * d; i++) {
            rnd.nextDouble();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(clusters);
            for (int j = 0; j < d; j++) {
                gaussian(rnd);
            }
        }
        return labels;
    }

    /** A standard normal draw (Box-Muller, one of the pair). */
    static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** The same rows as Weka instances, attributes {@code x0..x(d-1)}, no class. */
    static Instances toInstances(double[] rowMajor, int n, int d) {
        WekaBridge.ensureInitialized();
        java.util.ArrayList<Attribute> attributes = new java.util.ArrayList<>();
        for (int j = 0; j < d; j++) {
            attributes.add(new Attribute("x" + j));
        }
        Instances data = new Instances("blobs", attributes, n);
        for (int i = 0; i < n; i++) {
            double[] row = new double[d];
            System.arraycopy(rowMajor, i * d, row, 0, d);
            data.add(new DenseInstance(1.0, row));
        }
        return data;
    }

    /** Weka's SimpleKMeans exposing its iteration count. */
    static final class WekaKMeans extends SimpleKMeans {
        private static final long serialVersionUID = 1L;

        /** k clusters, k-means++ ({@code -init 1}), raw Euclidean distance (no normalisation), no missing-value filter. */
        WekaKMeans(int k, int seed, int maxIterations, int slots) throws Exception {
            setNumClusters(k);
            setSeed(seed);
            setMaxIterations(maxIterations);
            setInitializationMethod(new SelectedTag(SimpleKMeans.KMEANS_PLUS_PLUS, SimpleKMeans.TAGS_SELECTION));
            setDontReplaceMissingValues(true);
            EuclideanDistance distance = new EuclideanDistance();
            distance.setDontNormalize(true);
            setDistanceFunction(distance);
            setPreserveInstancesOrder(true);
            setNumExecutionSlots(slots);
        }

        int iterations() {
            return m_Iterations;
        }
    }

    /**
     * The inertia of Weka's clustering measured on the raw rows: the sum of squared distances of every row to
     * the centroid Weka assigned it to.
     */
    static double wekaInertia(WekaKMeans weka, double[] rowMajor, int n, int d) throws Exception {
        int[] assignments = weka.getAssignments();
        Instances centroids = weka.getClusterCentroids();
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] c = centroids.instance(assignments[i]).toDoubleArray();
            double s = 0;
            for (int j = 0; j < d; j++) {
                double t = rowMajor[i * d + j] - c[j];
                s += t * t;
            }
            total += s;
        }
        return total;
    }

    /** Sum of squared distances of the rows to the given row-major centroids under the given assignment. */
    static double inertia(double[] rowMajor, int n, int d, double[][] centroids, int[] assignments) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double t = rowMajor[i * d + j] - centroids[assignments[i]][j];
                s += t * t;
            }
            total += s;
        }
        return total;
    }
}
