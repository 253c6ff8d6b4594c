package org.example.segmentation.cli;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.example.segmentation.core.io.AtomicFile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One run of {@code segment bench}: the settings, the state the tasks share (the generated files, the tables read,
 * the models fitted), and what they measured: figures (a value per repetition, reported as median and min-max),
 * single values (inertias, iteration counts), targets (target, measured, met) and notes.
 *
 * <p>A figure's repetitions follow {@link #warmup} unmeasured runs of the same body, so the JIT has compiled the code
 * before the first measured run (on 2 cores it takes about three reads of the million-row file to finish compiling the
 * CSV reader: the default is 3; the first run's time is kept, {@link #lastWarmupMs()}). Heavy tasks (whole fits that
 * take seconds) use {@link #heavyRepetitions()} and no warm-up: by the time they run, the code they share with earlier
 * tasks is compiled.
 */
final class Bench {

    /** A task of the benchmark: named, run once in order, records its figures into the bench. */
    interface Task {
        /** A short name: the prefix of its figures. */
        String name();

        /** Runs the task; may read and put shared state. */
        void run(Bench bench) throws Exception;
    }

    /** Something measured once per repetition. */
    @FunctionalInterface
    interface Body {
        /** Runs once; the returned value is kept by {@link #measure} callers that want it (an inertia, a count). */
        Object run() throws Exception;
    }

    /** A measured figure: one value per repetition. */
    record Figure(String name, String unit, double[] values, String note) {
        double median() {
            double[] s = values.clone();
            Arrays.sort(s);
            int n = s.length;
            return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        double min() {
            return Arrays.stream(values).min().orElse(Double.NaN);
        }

        double max() {
            return Arrays.stream(values).max().orElse(Double.NaN);
        }
    }

    /** A target of the issue, with what this run measured. */
    record Target(String name, String target, String measured, Boolean met) {
    }

    final int rows;
    final long seed;
    final int repetitions;
    final int warmup;
    final int threads;
    final boolean skipWeka;
    final Path workDir;
    final PrintWriter log;

    private final Map<String, Object> state = new HashMap<>();
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Instant started = Instant.now();
    private Object last;
    private double[] lastCpuMs = new double[0];
    private double[] lastWarmupMs = new double[0];
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    Bench(int rows, long seed, int repetitions, int warmup, int threads, boolean skipWeka, Path workDir,
            PrintWriter log) {
        this.rows = rows;
        this.seed = seed;
        this.repetitions = repetitions;
        this.warmup = warmup;
        this.threads = threads;
        this.skipWeka = skipWeka;
        this.workDir = workDir;
        this.log = log;
    }

    /** Repetitions of heavy tasks: at most 3. */
    int heavyRepetitions() {
        return Math.min(repetitions, 3);
    }

    /** Shares a value with later tasks. */
    void put(String key, Object value) {
        state.put(key, value);
    }

    /** A value an earlier task shared. */
    @SuppressWarnings("unchecked")
    <T> T get(String key) {
        Object v = state.get(key);
        if (v == null) {
            throw new IllegalStateException("bench: no '" + key + "' (the task that makes it did not run)");
        }
        return (T) v;
    }

    /**
     * Runs {@code body} {@code warmup} times unmeasured, then {@code reps} times measured, and records the wall time
     * of each measured run, in milliseconds, as figure {@code name}. Returns the milliseconds per run; the body's
     * last result is in {@link #lastResult()}.
     */
    double[] measure(String name, int warm, int reps, Body body) throws Exception {
        lastWarmupMs = new double[warm];
        for (int i = 0; i < warm; i++) {
            long t = System.nanoTime();
            last = body.run();
            lastWarmupMs[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] ms = new double[reps];
        lastCpuMs = new double[reps];
        for (int r = 0; r < reps; r++) {
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            last = body.run();
            ms[r] = (System.nanoTime() - t) / 1e6;
            lastCpuMs[r] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
        }
        figure(name, "ms", ms, null);
        log.printf(Locale.ROOT, "bench: %-34s %s%n", name, describe(ms, "ms"));
        log.flush();
        return ms;
    }

    /** {@link #measure(String, int, int, Body)} with the run's warm-up and repetitions. */
    double[] measure(String name, Body body) throws Exception {
        return measure(name, warmup, repetitions, body);
    }

    /** {@link #measure(String, int, int, Body)} for heavy tasks: {@link #heavyRepetitions()}, no warm-up. */
    double[] measureHeavy(String name, Body body) throws Exception {
        return measure(name, 0, heavyRepetitions(), body);
    }

    /**
     * The CPU time of the calling thread in each measured run of the last {@link #measure}, in milliseconds: for a
     * single-threaded body, about what the run takes on an idle machine, which other processes do not inflate.
     */
    double[] lastCpuMs() {
        return lastCpuMs.clone();
    }

    /**
     * The wall time of each warm-up run of the last {@link #measure}, in milliseconds, in order: the first is the
     * first run in the JVM when nothing before ran the same code.
     */
    double[] lastWarmupMs() {
        return lastWarmupMs.clone();
    }

    /** The result of the last run of the last {@link #measure} body. */
    @SuppressWarnings("unchecked")
    <T> T lastResult() {
        return (T) last;
    }

    /** Records a figure derived from measured times, one value per repetition. */
    void derived(String name, String unit, double[] ms, DoubleUnaryOperator fromMs, String note) {
        double[] v = new double[ms.length];
        for (int i = 0; i < ms.length; i++) {
            v[i] = fromMs.applyAsDouble(ms[i]);
        }
        figure(name, unit, v, note);
    }

    void figure(String name, String unit, double[] v, String note) {
        figures.add(new Figure(name, unit, v.clone(), note));
    }

    /** Records a single value (an inertia, an iteration count, a size). */
    void value(String name, Object value) {
        values.put(name, value);
    }

    void target(String name, String target, String measured, Boolean met) {
        targets.add(new Target(name, target, measured, met));
    }

    void note(String note) {
        notes.add(note);
        log.println("bench: note: " + note);
        log.flush();
    }

    Figure figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("bench: no figure '" + name + "'"));
    }

    boolean hasFigure(String name) {
        return figures.stream().anyMatch(f -> f.name().equals(name));
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    List<Target> targets() {
        return List.copyOf(targets);
    }

    /** Resets the peak usage of the heap's memory pools. */
    static void resetPeakHeap() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peak usage since the last reset, in bytes (an upper bound of the true peak). */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Used heap after a full collection, in bytes. */
    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // Two collections: the second catches what the first only finalised; keep the smaller reading.
        for (int i = 0; i < 2; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    static String describe(double[] v, String unit) {
        Figure f = new Figure("", unit, v, null);
        return String.format(Locale.ROOT, "median %s %s (min %s, max %s, n=%d)", num(f.median()), unit, num(f.min()),
                num(f.max()), v.length);
    }

    /** A number with 3 significant digits (more for large integers), plain notation. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** Prints the figures, the single values and the targets as plain-text tables. */
    void print(PrintWriter w) {
        TextTable t = new TextTable(List.of("figure", "unit", "median", "min", "max", "n", "note"), false, false, true,
                true, true, true, false);
        for (Figure f : figures) {
            t.add(List.of(f.name(), f.unit(), num(f.median()), num(f.min()), num(f.max()),
                    Integer.toString(f.values().length), f.note() == null ? "" : f.note()));
        }
        t.print(w);
        w.println();
        TextTable v = new TextTable(List.of("value", "measured"), false, true);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            v.add(List.of(e.getKey(), e.getValue() instanceof Double d ? String.format(Locale.ROOT, "%.9e", d)
                    : String.valueOf(e.getValue())));
        }
        v.print(w);
        w.println();
        TextTable g = new TextTable(List.of("target", "wanted", "measured", "met"), false, false, true, false);
        for (Target x : targets) {
            g.add(List.of(x.name(), x.target(), x.measured(), x.met() == null ? "n/a" : x.met() ? "yes" : "NO"));
        }
        g.print(w);
        if (!notes.isEmpty()) {
            w.println();
            for (String n : notes) {
                w.println("note: " + n);
            }
        }
        w.flush();
    }

    /** Writes everything measured as JSON, atomically. */
    void writeJson(Path file, List<String> commandLine) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", "segment_bench");
        root.put("started", started.toString());
        root.put("command", String.join(" ", commandLine));
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1 << 20));
        root.put("machine", machine);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("rows", rows);
        settings.put("seed", seed);
        settings.put("repetitions", repetitions);
        settings.put("warmup", warmup);
        settings.put("threads", threads);
        settings.put("skip_weka", skipWeka);
        root.put("settings", settings);
        List<Map<String, Object>> fs = new ArrayList<>();
        for (Figure f : figures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("unit", f.unit());
            m.put("median", f.median());
            m.put("min", f.min());
            m.put("max", f.max());
            m.put("values", f.values());
            if (f.note() != null) {
                m.put("note", f.note());
            }
            fs.add(m);
        }
        root.put("figures", fs);
        root.put("values", values);
        List<Map<String, Object>> ts = new ArrayList<>();
        for (Target x : targets) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", x.name());
            m.put("target", x.target());
            m.put("measured", x.measured());
            m.put("met", x.met());
            ts.add(m);
        }
        root.put("targets", ts);
        root.put("notes", notes);
        List<Map<String, Object>> gcs = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.add(Map.of("name", gc.getName(), "collections", gc.getCollectionCount(), "time_ms",
                    gc.getCollectionTime()));
        }
        root.put("garbage_collectors", gcs);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFile.write(file, out -> mapper.writeValue(new NonClosing(out), root));
    }

    /** Jackson closes the stream it writes to; AtomicFile wants to close it itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws java.io.IOException {
            out.flush();
        }
    }
}
