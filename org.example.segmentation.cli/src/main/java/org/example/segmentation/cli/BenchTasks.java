package org.example.segmentation.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cleaning.Cleaner;
import org.example.segmentation.core.cleaning.CleanerConfig;
import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.cluster.Centroids;
import org.example.segmentation.core.cluster.KMeans;
import org.example.segmentation.core.cluster.KMeansConfig;
import org.example.segmentation.core.cluster.KMeansResult;
import org.example.segmentation.core.cluster.KSelectionConfig;
import org.example.segmentation.core.cluster.Matrix;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.drift.DriftBaseline;
import org.example.segmentation.core.drift.DriftConfig;
import org.example.segmentation.core.drift.DriftMonitor;
import org.example.segmentation.core.drift.DriftReport;
import org.example.segmentation.core.drift.SegmentAssigner;
import org.example.segmentation.core.drift.SegmentationModelAssigner;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.segmentation.SegmentationResult;
import org.example.segmentation.core.segmentation.Segmenter;
import org.example.segmentation.core.segmentation.SegmenterConfig;
import org.example.segmentation.core.selection.FeatureSelection;
import org.example.segmentation.core.selection.FeatureSelector;
import org.example.segmentation.core.selection.SelectorConfig;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

import weka.core.Instances;

/**
 * The tasks of {@code segment bench}, in the order they run; each later task uses what the earlier ones shared. To add
 * a task (streaming scoring, the whole pipeline), add a {@link Bench.Task} to {@link #standard()}.
 */
final class BenchTasks {
    /** k of the k-means comparison, as in the issue. */
    static final int K = 6;
    /** Iterations of the k-means comparison at equal iterations. */
    static final int ITERATIONS = 20;
    /** Weka's execution slots, as in the issue. */
    static final int WEKA_SLOTS = 2;
    /** Seed of the shared k-means start (Weka's random initialisation). */
    static final int START_SEED = 1;
    /** Relative slack allowed when comparing inertias of different implementations (summation order). */
    static final double INERTIA_TOLERANCE = 1e-9;

    private BenchTasks() {
    }

    /** The standard tasks, in order. */
    static List<Bench.Task> standard() {
        return List.of(task("generate", BenchTasks::generate), task("csv", BenchTasks::csvRead),
                task("clean", BenchTasks::clean), task("select", BenchTasks::select),
                task("kmeans", BenchTasks::kMeans), task("weka", BenchTasks::weka),
                task("auto_k", BenchTasks::automaticK), task("drift", BenchTasks::drift),
                task("score", BenchEndToEnd::scoring), task("pipeline", BenchEndToEnd::pipeline),
                task("memory", BenchTasks::memory));
    }

    /** A body of a task. */
    @FunctionalInterface
    interface Step {
        void run(Bench bench) throws Exception;
    }

    static Bench.Task task(String name, Step step) {
        return new Bench.Task() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(Bench bench) throws Exception {
                step.run(bench);
            }
        };
    }

    /** Month 1 and month 2 (the generator's snapshot 2: planted drift) as CSV files in the work directory. */
    private static void generate(Bench b) throws Exception {
        GeneratorConfig month1 = GeneratorConfig.of(b.rows, b.seed);
        Path m1 = b.workDir.resolve("customers_month1.csv");
        Path m2 = b.workDir.resolve("customers_month2.csv");
        long t = System.nanoTime();
        CsvWriter.defaults().write(CustomerGenerator.generate(month1, Progress.NONE), m1);
        b.value("generate_month1_s", round((System.nanoTime() - t) / 1e9, 2));
        CsvWriter.defaults().write(CustomerGenerator.generate(month1.withSnapshot(2), Progress.NONE), m2);
        b.value("csv_file_mb", round(Files.size(m1) / 1e6, 1));
        b.put("month1.csv", m1);
        b.put("month2.csv", m2);
    }

    private static void csvRead(Bench b) throws Exception {
        Path file = b.get("month1.csv");
        double mb = Files.size(file) / 1e6;
        double[] ms = b.measure("csv.read", () -> CsvReader.read(file).table());
        Table table = b.lastResult();
        double[] warm = b.lastWarmupMs();
        if (warm.length > 0) {
            // The figures are those of a JVM that has compiled the reader (as KNIME's long-running one has); a
            // command-line run reads once, cold: that first run is reported beside them.
            b.value("csv_read_first_run_ms", round(warm[0], 0));
            b.value("csv_read_first_run_mb_per_s", round(mb / (warm[0] / 1000), 1));
        }
        b.derived("csv.read.mb_per_s", "MB/s", ms, x -> mb / (x / 1000), null);
        b.derived("csv.read.rows_per_s", "rows/s", ms, x -> table.rowCount() / (x / 1000), null);
        b.derived("csv.read.cpu_mb_per_s", "MB/s", b.lastCpuMs(), x -> mb / (x / 1000),
                "by the CPU time of the calling thread only: a large file's first pass also runs on "
                        + CsvReader.PARTS + " part threads");
        b.put("month1", table);
        double median = b.figure("csv.read.mb_per_s").median();
        b.target("csv_read_mb_per_s", ">= 70 MB/s", Bench.num(median) + " MB/s, wall clock", median >= 70);
    }

    private static void clean(Bench b) throws Exception {
        Table month1 = b.get("month1");
        CleanerConfig config = CleanerConfig.fromSettings(Settings.of(Map.of(CleanerConfig.KEY_ID_COLUMNS,
                "customer_id")));
        b.measure("clean.fit", () -> Cleaner.fit(month1, config, Progress.NONE));
        CleaningModel model = ((org.example.segmentation.core.cleaning.CleaningResult) b.lastResult()).model();
        b.measure("clean.apply", () -> model.apply(month1).table());
        b.put("cleaning", model);
        b.put("month1.clean", b.lastResult());
    }

    private static void select(Bench b) throws Exception {
        Table cleaned = b.get("month1.clean");
        b.measure("select.fit", () -> FeatureSelector.fit(cleaned, SelectorConfig.defaults(), Progress.NONE));
        FeatureSelection selection = b.lastResult();
        b.measure("select.apply", () -> selection.apply(cleaned));
        b.put("selection", selection);
        b.put("month1.selected", b.lastResult());
    }

    /**
     * k-means on the selected numeric features: ours at equal iterations (1 and N threads), the plain loop, ours to
     * convergence; all from Weka's random start with seed {@value #START_SEED}.
     */
    private static void kMeans(Bench b) throws Exception {
        Table selected = b.get("month1.selected");
        List<double[]> columns = new ArrayList<>();
        for (Column c : selected.columns()) {
            if (c instanceof NumericColumn n && n.missingCount() == 0) {
                columns.add(n.toArray());
            }
        }
        Matrix m = Matrix.ofColumns(columns.toArray(new double[0][]));
        int n = m.rows();
        int d = m.columns();
        b.value("kmeans_rows", n);
        b.value("kmeans_dimensions", d);
        double[][] start = KMeansReferences.wekaRandomStart(m, K, START_SEED);
        Centroids initial = Centroids.of(start);
        KMeansConfig fixed = KMeansConfig.of(K).withRestarts(1).withTolerance(0).withMaxIterations(ITERATIONS);

        KMeansConfig oursConfig = fixed.withThreads(b.threads);
        double[] ours = b.measure("kmeans.ours.20_iterations", () -> KMeans.fitFrom(m, initial, oursConfig,
                Progress.NONE));
        KMeansResult oursResult = b.lastResult();
        b.derived("kmeans.ours.per_iteration", "ms", ours, x -> x / oursResult.iterations(),
                b.threads + (b.threads == 1 ? " thread" : " threads"));
        double[] single = b.measure("kmeans.ours_1_thread.20_iterations", () -> KMeans.fitFrom(m, initial,
                fixed.withThreads(1), Progress.NONE));
        KMeansResult one = b.lastResult();
        b.derived("kmeans.ours_1_thread.per_iteration", "ms", single, x -> x / one.iterations(), "1 thread");
        b.derived("kmeans.ours_1_thread.per_iteration.cpu", "ms", b.lastCpuMs(), x -> x / one.iterations(),
                "CPU time");
        KMeansResult two = KMeans.fitFrom(m, initial, fixed.withThreads(2), Progress.NONE);
        boolean same = one.inertia() == two.inertia() && Arrays.equals(one.assignments(), two.assignments())
                && Arrays.deepEquals(one.centroidArray(), two.centroidArray());
        b.value("kmeans_same_result_1_and_2_threads", same);
        b.target("kmeans_same_result_1_and_2_threads", "identical", same ? "identical" : "different", same);

        double[] rowMajor = m.toRowMajor();
        double[] flatStart = flatten(start);
        double[] plain = b.measure("kmeans.plain_loop.20_iterations", () -> KMeansReferences.plainLloyd(rowMajor, n, d,
                flatStart.clone(), K, ITERATIONS));
        double plainInertia = b.lastResult();
        b.derived("kmeans.plain_loop.per_iteration", "ms", plain, x -> x / ITERATIONS, "1 thread, row-major");
        b.derived("kmeans.plain_loop.per_iteration.cpu", "ms", b.lastCpuMs(), x -> x / ITERATIONS, "CPU time");

        b.value("inertia_ours", oursResult.inertia());
        b.value("inertia_plain_loop", plainInertia);
        b.value("iterations_ours", oursResult.iterations());
        double ratio = b.figure("kmeans.plain_loop.per_iteration").median()
                / b.figure("kmeans.ours.per_iteration").median();
        b.value("speedup_vs_plain_loop", round(ratio, 2));
        b.target("kmeans_vs_plain_loop", ">= 2.5x faster", String.format(Locale.ROOT, "%.2fx", ratio), ratio >= 2.5);
        boolean lower = oursResult.inertia() <= plainInertia * (1 + INERTIA_TOLERANCE);
        b.target("kmeans_inertia_vs_plain_loop", "equal or lower", relative(oursResult.inertia(), plainInertia),
                lower);

        KMeansConfig converge = KMeansConfig.of(K).withRestarts(1).withThreads(b.threads);
        b.measureHeavy("kmeans.ours.to_convergence", () -> KMeans.fitFrom(m, initial, converge, Progress.NONE));
        KMeansResult converged = b.lastResult();
        b.value("kmeans_convergence_iterations", converged.iterations());
        b.value("inertia_ours_converged", converged.inertia());

        b.put("matrix", m);
        b.put("start", start);
        b.put("inertia.ours", oursResult.inertia());
    }

    /**
     * Weka's SimpleKMeans, same k, same start, same 20 iterations, 2 execution slots. Its cost per iteration is
     * {@code (time(20 iterations) - time(1 iteration)) / 19}, which removes its set-up (copying the data, computing
     * the attribute ranges). Skipped, with a note, when the heap cannot hold Weka's copy of the data.
     */
    private static void weka(Bench b) throws Exception {
        Matrix m = b.get("matrix");
        if (b.skipWeka) {
            b.note("Weka SimpleKMeans skipped (--skip-weka)");
            return;
        }
        // Weka keeps the data as one DenseInstance (a double[] and an object) per row, copied twice (its instances and
        // the preserved order): about 3 x (8 d + 80) bytes per row, plus the work of the run.
        long needed = 3L * m.rows() * (8L * m.columns() + 80) + (64L << 20);
        long free = Runtime.getRuntime().maxMemory() - Bench.usedAfterGc();
        if (needed > free) {
            b.note(String.format(Locale.ROOT, "Weka SimpleKMeans skipped: it needs about %,d MB of free heap for %,d "
                    + "rows and %,d MB are free; run with more heap (SEGMENT_JAVA_OPTS=-Xmx4g ./segment bench) or "
                    + "--skip-weka", needed >> 20, m.rows(), free >> 20));
            return;
        }
        Instances data = KMeansReferences.toInstances(m);
        double[][] start = b.get("start");
        int reps = b.heavyRepetitions();
        double[] perIteration = new double[reps];
        KMeansReferences.WekaKMeans twenty = null;
        for (int r = 0; r < reps; r++) {
            KMeansReferences.WekaKMeans one = new KMeansReferences.WekaKMeans(K, START_SEED, 1, WEKA_SLOTS);
            long s = System.nanoTime();
            one.buildClusterer(data);
            double t1 = (System.nanoTime() - s) / 1e6;
            twenty = new KMeansReferences.WekaKMeans(K, START_SEED, ITERATIONS, WEKA_SLOTS);
            s = System.nanoTime();
            twenty.buildClusterer(data);
            double t20 = (System.nanoTime() - s) / 1e6;
            perIteration[r] = (t20 - t1) / Math.max(1, twenty.iterations() - 1);
        }
        b.figure("kmeans.weka.per_iteration", "ms", perIteration, WEKA_SLOTS + " execution slots");
        boolean sameStart = Arrays.deepEquals(twenty.initialStart(), start);
        double wekaInertia = twenty.inertia(m);
        b.value("weka_same_start", sameStart);
        b.value("weka_iterations", twenty.iterations());
        b.value("inertia_weka", wekaInertia);
        double ours = b.figure("kmeans.ours.per_iteration").median();
        double ratio = b.figure("kmeans.weka.per_iteration").median() / ours;
        b.value("speedup_vs_weka", round(ratio, 2));
        b.target("kmeans_vs_weka", ">= 10x faster", String.format(Locale.ROOT, "%.1fx", ratio), ratio >= 10);
        double oursInertia = b.get("inertia.ours");
        b.target("kmeans_inertia_vs_weka", "equal or lower", relative(oursInertia, wekaInertia),
                oursInertia <= wekaInertia * (1 + INERTIA_TOLERANCE));
        if (twenty.iterations() < ITERATIONS) {
            b.note("Weka converged after " + twenty.iterations() + " iterations, before " + ITERATIONS);
        }
    }

    /** The segmenter with automatic k over 2..10 (silhouette on a sample, stability, the documented rule). */
    private static void automaticK(Bench b) throws Exception {
        Table selected = b.get("month1.selected");
        SegmenterConfig config = SegmenterConfig.fromSettings(Settings.of(Map.of(KSelectionConfig.KEY_K_MIN, "2",
                KSelectionConfig.KEY_K_MAX, "10", KSelectionConfig.KEY_THREADS, Integer.toString(b.threads),
                KSelectionConfig.KEY_SEED, Long.toString(b.seed))));
        double[] ms = b.measureHeavy("auto_k.fit_2_to_10", () -> Segmenter.fit(selected, config, Progress.NONE));
        SegmentationResult result = b.lastResult();
        b.value("auto_k_chosen", result.model().k());
        double seconds = new Bench.Figure("", "", ms, null).median() / 1000;
        b.target("auto_k_2_to_10_seconds", "<= 30 s at 1,000,000 rows", Bench.num(seconds) + " s at "
                + String.format(Locale.ROOT, "%,d", selected.rowCount()) + " rows", seconds <= 30);
        b.put("model", result.model());
    }

    /** Drift monitoring of month 2 against a baseline of month 1, through the saved cleaning and selection. */
    private static void drift(Bench b) throws Exception {
        Table month1 = b.get("month1.selected");
        SegmentationModel model = b.get("model");
        CleaningModel cleaning = b.get("cleaning");
        FeatureSelection selection = b.get("selection");
        Path m2 = b.get("month2.csv");
        Table month2 = selection.apply(cleaning.apply(CsvReader.read(m2).table()).table());
        SegmentAssigner assigner = SegmentationModelAssigner.of(model);
        DriftConfig config = DriftConfig.defaults();
        b.measure("drift.baseline_fit", () -> DriftBaseline.fit(month1, config, assigner, Progress.NONE));
        DriftBaseline baseline = b.lastResult();
        double[] ms = b.measure("drift.monitor_month2", () -> DriftMonitor.monitor(baseline, config, assigner, month2,
                null, Progress.NONE));
        DriftReport report = b.lastResult();
        b.derived("drift.monitor_month2.rows_per_s", "rows/s", ms, x -> month2.rowCount() / (x / 1000), null);
        b.value("drift_status_month2", report.status().toString());
    }

    /**
     * The memory of the tables month 1 is held in, against their raw primitive size: 8 bytes per numeric value, 4 per
     * categorical code, the UTF-8 bytes of text values; the feature matrix against 8 bytes per value.
     */
    private static void memory(Bench b) throws Exception {
        Path file = b.get("month1.csv");
        long before = Bench.usedAfterGc();
        Table table = CsvReader.read(file).table();
        long held = Bench.usedAfterGc() - before;
        long raw = rawSize(table);
        double ratio = (double) held / raw;
        b.value("table_heap_mb", round(held / 1e6, 1));
        b.value("table_raw_mb", round(raw / 1e6, 1));
        b.value("table_heap_over_raw", round(ratio, 2));
        b.target("table_memory", "<= 1.5x raw primitive size", String.format(Locale.ROOT, "%.2fx (%,.0f MB / %,.0f MB)",
                ratio, held / 1e6, raw / 1e6), ratio <= 1.5);
        if (table.rowCount() == 0) {
            b.note("no rows: memory not meaningful");
        }
    }

    static long rawSize(Table table) {
        long raw = 0;
        for (Column c : table.columns()) {
            if (c instanceof NumericColumn) {
                raw += 8L * c.size();
            } else if (c instanceof CategoricalColumn) {
                raw += 4L * c.size();
            } else if (c instanceof TextColumn t) {
                for (int i = 0; i < t.size(); i++) {
                    String v = t.value(i);
                    raw += v == null ? 0 : v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                }
            }
        }
        return raw;
    }

    private static double[] flatten(double[][] rows) {
        int d = rows[0].length;
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * d, d);
        }
        return out;
    }

    private static String relative(double ours, double other) {
        return String.format(Locale.ROOT, "%.9e vs %.9e (%+.2e relative)", ours, other, ours / other - 1);
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
