package org.example.segmentation.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.cluster.KMeansConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code segment bench}: generates customers with the generator, then measures on the same data, in one run, with a
 * warm-up and several repetitions: CSV reading, cleaning, feature selection, k-means against Weka's SimpleKMeans and a
 * plain loop, automatic k, drift monitoring, the tables' memory and the peak heap. Prints one table (median and
 * min-max per figure), the inertias and the targets (met or not), and writes everything as JSON.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks the engine on generated customers (month 1 and month 2 of the generator): CSV read "
                + "(MB/s, rows/s), cleaning fit and apply, feature selection, k-means at k=6 for 20 iterations against "
                + "Weka SimpleKMeans (2 execution slots) and a plain single-threaded Lloyd loop from the same start, "
                + "k-means to convergence, 1 versus 2 threads, automatic k over 2..10, drift monitoring of month 2, "
                + "streaming scoring of month 2 in a 256 MB child JVM (and taken apart in this JVM: read; read and "
                + "score; read, score and write), the whole pipeline (automatic k 2..8, score, drift, report) in a "
                + "2 GB child JVM, the table's memory against its raw size, peak heap.",
                "Prints one table (median, min, max per figure), the inertias and the targets; writes the same as "
                        + "JSON. Takes several minutes at 1,000,000 rows; give the JVM 4 GB for Weka "
                        + "(SEGMENT_JAVA_OPTS=-Xmx4g)."},
        footer = {"", "Exit codes: 0 success (targets missed are reported, not failed), 1 failed run, 2 usage error."})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    private SegmentCli parent;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000000",
            description = "Customers to generate (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the generator and of the fits (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "5",
            description = "Measured runs per figure (default: ${DEFAULT-VALUE}; whole fits and Weka use at most 3).")
    private int repetitions;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3",
            description = "Unmeasured runs before the measured ones, so that the JIT has compiled the code "
                    + "(default: ${DEFAULT-VALUE}; on 2 cores the CSV reader takes about three reads to compile).")
    private int warmup;

    @Option(names = "--threads", paramLabel = "N", description = "Threads of our k-means and automatic k "
            + "(default: the number of cores).")
    private Integer threads;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench.json",
            description = "Where to write the results as JSON (default: ${DEFAULT-VALUE}).")
    private Path json;

    @Option(names = "--skip-weka", description = "Do not run Weka's SimpleKMeans (it needs about 2 GB of heap at "
            + "1,000,000 rows).")
    private boolean skipWeka;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where to write the generated CSV files (default: a temporary directory, deleted at the "
                    + "end).")
    private Path workDir;

    @Override
    public Integer call() throws Exception {
        if (rows < 1000 || rows > 100_000_000) {
            throw new InputException("--rows " + rows + ": expected 1000..100000000");
        }
        if (repetitions < 1 || warmup < 0) {
            throw new InputException("--repetitions must be at least 1 and --warmup at least 0");
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1 || n > KMeansConfig.MAX_THREADS) {
            throw new InputException("--threads " + n + ": expected 1.." + KMeansConfig.MAX_THREADS);
        }
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("segment-bench");
        PrintWriter out = parent.out();
        PrintWriter err = parent.err();
        out.printf(Locale.ROOT, "bench: %,d customers, seed %d, %d repetitions after %d warm-up, %d threads; %d cores, "
                + "%s %s, max heap %,d MB%n", rows, seed, repetitions, warmup, n,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
        Bench bench = new Bench(rows, seed, repetitions, warmup, n, skipWeka, dir, err);
        Bench.resetPeakHeap();
        long start = System.nanoTime();
        try {
            for (Bench.Task task : BenchTasks.standard()) {
                err.println("bench: " + task.name() + " ...");
                err.flush();
                task.run(bench);
            }
        } finally {
            if (workDir == null) {
                deleteTree(dir);
            }
        }
        long peak = Bench.peakHeap();
        bench.value("peak_heap_mb", peak >> 20);
        bench.value("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        bench.value("bench_total_s", BenchTasks.round((System.nanoTime() - start) / 1e9, 1));
        bench.note("peak heap is the sum of the heap pools' peaks since the start, an upper bound");
        out.println();
        bench.print(out);
        List<String> command = new ArrayList<>(List.of("segment", "bench", "--rows", Integer.toString(rows), "--seed",
                Long.toString(seed), "--repetitions", Integer.toString(repetitions), "--warmup",
                Integer.toString(warmup), "--threads", Integer.toString(n)));
        if (skipWeka) {
            command.add("--skip-weka");
        }
        bench.writeJson(json, command);
        out.println();
        out.println("wrote " + json);
        out.flush();
        return 0;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind loses nothing
        }
    }
}
