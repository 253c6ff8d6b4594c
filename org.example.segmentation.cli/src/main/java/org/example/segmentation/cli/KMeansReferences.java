package org.example.segmentation.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;

import org.example.segmentation.core.cluster.Matrix;
import org.example.segmentation.core.weka.WekaBridge;

import weka.clusterers.SimpleKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.EuclideanDistance;
import weka.core.Instances;
import weka.core.SelectedTag;

/**
 * The references {@code segment bench} measures our k-means against, on the same data and from the same start: a plain
 * single-threaded Lloyd loop over a flat row-major {@code double[]}, and Weka 3.8.6's SimpleKMeans.
 */
final class KMeansReferences {

    private KMeansReferences() {
    }

    /**
     * The plain loop: every row against every centroid with one running sum per distance, over row-major data; then
     * the means (an emptied cluster keeps its centroid). The shape a straightforward implementation has: the
     * {@code s += t * t} chain is one dependency chain per distance, which the JIT does not vectorise. Runs exactly
     * {@code iterations} iterations, updating {@code centroids} (row-major, k x d) in place, and returns the inertia
     * of the final assignment.
     */
    static double plainLloyd(double[] x, int n, int d, double[] centroids, int k, int iterations) {
        int[] assign = new int[n];
        double[] sums = new double[k * d];
        int[] counts = new int[k];
        for (int it = 0; it < iterations; it++) {
            assignPlain(x, n, d, centroids, k, assign);
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                int a = assign[i];
                counts[a]++;
                for (int j = 0; j < d; j++) {
                    sums[a * d + j] += x[i * d + j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < d; j++) {
                        centroids[c * d + j] = sums[c * d + j] / counts[c];
                    }
                }
            }
        }
        return assignPlain(x, n, d, centroids, k, assign);
    }

    private static double assignPlain(double[] x, int n, int d, double[] centroids, int k, int[] assign) {
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestSq = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double t = x[i * d + j] - centroids[c * d + j];
                    s += t * t;
                }
                if (s < bestSq) {
                    bestSq = s;
                    best = c;
                }
            }
            assign[i] = best;
            inertia += bestSq;
        }
        return inertia;
    }

    /**
     * The rows Weka's SimpleKMeans picks as its start with random initialisation ({@code -init 0}) and seed
     * {@code seed}, on data without duplicate rows among those picked: Weka draws {@code java.util.Random(seed)
     * .nextInt(j + 1)} for j from n-1 down, takes the row at that position of its working copy and swaps it to position
     * j, skipping rows equal to one already taken, until it has k. Replaying it lets ours and the plain loop start
     * where Weka starts; {@link WekaKMeans#initialStart()} confirms it.
     */
    static double[][] wekaRandomStart(Matrix data, int k, int seed) {
        int n = data.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        ArrayList<double[]> picked = new ArrayList<>();
        for (int j = n - 1; j >= 0 && picked.size() < k; j--) {
            int at = random.nextInt(j + 1);
            double[] row = data.row(order[at]);
            if (picked.stream().noneMatch(p -> Arrays.equals(p, row))) {
                picked.add(row);
            }
            int swap = order[j];
            order[j] = order[at];
            order[at] = swap;
        }
        return picked.toArray(new double[0][]);
    }

    /** The rows as Weka instances, attributes {@code f0..f(d-1)}, no class. */
    static Instances toInstances(Matrix data) {
        WekaBridge.ensureInitialized();
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (int j = 0; j < data.columns(); j++) {
            attributes.add(new Attribute("f" + j));
        }
        Instances out = new Instances("bench", attributes, data.rows());
        for (int i = 0; i < data.rows(); i++) {
            out.add(new DenseInstance(1.0, data.row(i)));
        }
        return out;
    }

    /** Weka's SimpleKMeans as the bench runs it, exposing its start and iteration count. */
    static final class WekaKMeans extends SimpleKMeans {
        private static final long serialVersionUID = 1L;

        /**
         * k clusters, random initialisation with the given seed, raw Euclidean distance (Weka normalises by default;
         * ours does not), no missing-value filter (there are none), at most {@code maxIterations}, {@code slots}
         * execution slots.
         */
        WekaKMeans(int k, int seed, int maxIterations, int slots) throws Exception {
            setNumClusters(k);
            setSeed(seed);
            setMaxIterations(maxIterations);
            setInitializationMethod(new SelectedTag(SimpleKMeans.RANDOM, SimpleKMeans.TAGS_SELECTION));
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

        double[][] initialStart() {
            double[][] out = new double[m_initialStartPoints.numInstances()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = m_initialStartPoints.instance(i).toDoubleArray();
            }
            return out;
        }

        /** The inertia of Weka's clustering measured on the rows: squared distances to the assigned centroids. */
        double inertia(Matrix data) throws Exception {
            int[] assignments = getAssignments();
            Instances centroids = getClusterCentroids();
            double[][] c = new double[centroids.numInstances()][];
            for (int i = 0; i < c.length; i++) {
                c[i] = centroids.instance(i).toDoubleArray();
            }
            double total = 0;
            double[] row = new double[data.columns()];
            for (int i = 0; i < data.rows(); i++) {
                data.copyRow(i, row);
                double s = 0;
                for (int j = 0; j < row.length; j++) {
                    double t = row[j] - c[assignments[i]][j];
                    s += t * t;
                }
                total += s;
            }
            return total;
        }
    }
}
