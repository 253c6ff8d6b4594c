package org.example.segmentation.core.cluster;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

import org.example.segmentation.core.Progress;

import weka.core.Instances;

/**
 * Benchmark (a {@code main}, not a test): the cost of one k-means iteration on 1,000,000 rows x 16 columns,
 * k = 6, for our {@link KMeans} (Hamerly and Lloyd, 1 and 2 threads), a plain single-threaded Lloyd loop over a
 * flat row-major {@code double[]}, and Weka's SimpleKMeans (2 execution slots). Prints medians, ratios and
 * inertias. Run with {@code -Xmx4g}; it takes two to three minutes.
 *
 * <p><b>Method.</b> The data are 6 strongly overlapping Gaussian blobs, so that no algorithm converges within
 * the 20 iterations measured. Ours and the plain loop start from the same centroids (greedy k-means++, seed 1)
 * and run exactly 20 iterations ({@link KMeans#fitFrom}, tolerance 0; its time includes the final assignment
 * pass, the plain loop's includes a final inertia pass). Weka cannot be given start centroids, so its cost per
 * iteration is measured as {@code (time(20 iterations) - time(1 iteration)) / 19}, which removes its
 * initialisation and set-up; its inertia is computed here from its assignments and centroids, like ours. Every
 * figure is the median of {@value #REPS} runs (the first run of each kind also warms the JIT up); our runs and
 * the plain loop's are interleaved. Single-threaded variants also report the CPU time of their thread, which
 * other processes on a busy machine do not inflate.
 *
 * <p>Command line, from a standalone build: {@code java -Xmx4g -cp <classes>:<weka jar and its dependencies>
 * org.example.segmentation.core.cluster.KMeansBench [rows]}.
 */
public final class KMeansBench {

    private static final int D = 16;
    private static final int K = 6;
    private static final int ITERATIONS = 20;
    private static final int REPS = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private KMeansBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.printf(Locale.ROOT, "k-means benchmark: %,d rows x %d columns, k = %d, %d iterations, %d cores, %s%n",
                n, D, K, ITERATIONS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        double[] rows = KMeansFixtures.blobs(n, D, K, 1.0, 1);
        long t0 = System.nanoTime();
        Matrix m = Matrix.ofRowMajor(rows, n, D);
        System.out.printf(Locale.ROOT, "matrix built in %.0f ms%n", ms(System.nanoTime() - t0));

        double[] start;
        try (KMeansExecutor exec = new KMeansExecutor(1)) {
            start = KMeansInit.greedyPlusPlus(m, K, KMeans.restartRandom(1, 0), exec, new double[n], Progress.NONE);
        }
        Centroids initial = Centroids.adopt(K, D, start.clone());
        KMeansConfig fixed = KMeansConfig.of(K).withRestarts(1).withTolerance(0).withMaxIterations(ITERATIONS);
        KMeansConfig lloyd = fixed.withAlgorithm(KMeansConfig.Algorithm.LLOYD);

        // Variant 0 is the plain loop; the others are ours. Runs are interleaved (rep by rep) so that a change in
        // the machine's load affects every variant alike.
        String[] names = { "plain Lloyd loop, 1 thread", "ours Hamerly, 1 thread", "ours Hamerly, 2 threads",
            "ours Lloyd, 1 thread", "ours Lloyd, 2 threads" };
        KMeansConfig[] configs = { null, fixed.withThreads(1), fixed.withThreads(2), lloyd.withThreads(1),
            lloyd.withThreads(2) };
        double[][] wall = new double[names.length][REPS];
        double[][] cpu = new double[names.length][REPS];
        double[] inertia = new double[names.length];
        int[] iterations = new int[names.length];
        for (int r = 0; r < REPS; r++) {
            for (int v = 0; v < names.length; v++) {
                long s = System.nanoTime();
                long c = THREADS.getCurrentThreadCpuTime();
                if (v == 0) {
                    inertia[v] = plainLloyd(rows, n, start.clone(), ITERATIONS);
                    iterations[v] = ITERATIONS;
                } else {
                    KMeansResult result = KMeans.fitFrom(m, initial, configs[v], Progress.NONE);
                    inertia[v] = result.inertia();
                    iterations[v] = result.iterations();
                }
                wall[v][r] = ms(System.nanoTime() - s) / iterations[v];
                cpu[v][r] = ms(THREADS.getCurrentThreadCpuTime() - c) / iterations[v];
            }
        }

        Instances data = KMeansFixtures.toInstances(rows, n, D);
        double[] wekaTimes = new double[REPS];
        double wekaInertia = 0;
        int wekaIterations = 0;
        for (int r = 0; r < REPS; r++) {
            KMeansFixtures.WekaKMeans one = new KMeansFixtures.WekaKMeans(K, 1, 1, 2);
            long s = System.nanoTime();
            one.buildClusterer(data);
            double t1 = ms(System.nanoTime() - s);
            KMeansFixtures.WekaKMeans twenty = new KMeansFixtures.WekaKMeans(K, 1, ITERATIONS, 2);
            s = System.nanoTime();
            twenty.buildClusterer(data);
            double t20 = ms(System.nanoTime() - s);
            wekaIterations = twenty.iterations();
            wekaTimes[r] = (t20 - t1) / (wekaIterations - 1);
            wekaInertia = KMeansFixtures.wekaInertia(twenty, rows, n, D);
        }
        double weka = median(wekaTimes);
        data = null;

        System.out.println();
        System.out.printf(Locale.ROOT, "%-30s %10s %10s %14s %6s%n", "per iteration (median)", "wall ms", "CPU ms *",
                "inertia", "iter.");
        for (int v = 0; v < names.length; v++) {
            boolean multi = v > 0 && configs[v].threads() > 1;
            System.out.printf(Locale.ROOT, "%-30s %10.1f %10s %14.6e %6d%n", names[v], median(wall[v]),
                    multi ? "-" : String.format(Locale.ROOT, "%.1f", median(cpu[v])), inertia[v], iterations[v]);
        }
        System.out.printf(Locale.ROOT, "%-30s %10.1f %10s %14.6e %6d  (own k-means++ start)%n",
                "Weka SimpleKMeans, 2 slots", weka, "-", wekaInertia, wekaIterations);
        System.out.println("* CPU time of the calling thread: about what the run takes on an idle machine");

        System.out.println();
        System.out.println("speed-up per iteration (higher is better):");
        double plain = median(wall[0]);
        for (int v = 1; v < names.length; v++) {
            boolean multi = configs[v].threads() > 1;
            System.out.printf(Locale.ROOT, "  %-26s wall: %5.1fx vs Weka, %4.1fx vs plain loop%s%n", names[v],
                    weka / median(wall[v]), plain / median(wall[v]), multi ? ""
                            : String.format(Locale.ROOT, "   CPU: %4.1fx vs plain loop", median(cpu[0]) / median(cpu[v])));
        }

        // A whole default fit, for scale: 10 greedy k-means++ restarts, tolerance 1e-4, 2 threads.
        long s = System.nanoTime();
        KMeansResult full = KMeans.fit(m, KMeansConfig.of(K).withThreads(2));
        System.out.printf(Locale.ROOT, "%nfull default fit (10 restarts, 2 threads): %.1f s, inertia %.6e, winner ran %d"
                + " iterations%n", ms(System.nanoTime() - s) / 1000, full.inertia(), full.iterations());
        s = System.nanoTime();
        KMeansResult mini = MiniBatchKMeans.fit(m, MiniBatchKMeansConfig.of(K).withThreads(2));
        System.out.printf(Locale.ROOT, "mini-batch default fit (3 restarts, 2 threads): %.1f s, inertia %.6e (%+.2f %%)%n",
                ms(System.nanoTime() - s) / 1000, mini.inertia(), 100 * (mini.inertia() / full.inertia() - 1));
    }

    /**
     * The plain loop: every row against every centroid with one running sum per distance, row-major data; then the
     * means. The shape a straightforward implementation has. Returns the inertia of the final assignment.
     */
    static double plainLloyd(double[] x, int n, double[] centroids, int iterations) {
        int[] assign = new int[n];
        double[] sums = new double[K * D];
        int[] counts = new int[K];
        for (int it = 0; it < iterations; it++) {
            assignPlain(x, n, centroids, assign);
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                int a = assign[i];
                counts[a]++;
                for (int j = 0; j < D; j++) {
                    sums[a * D + j] += x[i * D + j];
                }
            }
            for (int c = 0; c < K; c++) {
                for (int j = 0; j < D; j++) {
                    centroids[c * D + j] = counts[c] == 0 ? centroids[c * D + j] : sums[c * D + j] / counts[c];
                }
            }
        }
        return assignPlain(x, n, centroids, assign);
    }

    private static double assignPlain(double[] x, int n, double[] centroids, int[] assign) {
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestSq = Double.POSITIVE_INFINITY;
            for (int c = 0; c < K; c++) {
                double s = 0;
                for (int j = 0; j < D; j++) {
                    double t = x[i * D + j] - centroids[c * D + j];
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

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
