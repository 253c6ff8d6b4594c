package org.example.segmentation.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Determinism of {@code segment run} (docs/pipeline.md, "Determinism"): the example pipelines 01 (fit) and 02 (apply
 * and drift) run in child JVMs with {@code SOURCE_DATE_EPOCH} set, so every timestamp is fixed. Two runs with one
 * thread and one with two threads write byte for byte the same files, every one of them (the segmentation model does
 * not record the thread count). With the input rows shuffled, what the
 * document claims: the cleaning report and removed rows are identical, the cleaning model and the feature selection
 * are the same up to floating-point summation order, and the segmentation, whose k-means++ seeding picks rows by
 * position, is not guaranteed to be the same (here it agrees almost everywhere).
 *
 * <p>Every run uses the same paths (pipeline file, input, output and previous directories), since {@code
 * summary.json} records them; a finished trial's directories are moved aside.
 */
class DeterminismTest {
    private static final Path WORKFLOWS = Path.of("..", "workflows");
    private static final String BUILD = "01-build-segmentation.yaml";
    private static final String MONTHLY = "02-monthly-scoring-and-drift.yaml";
    /** 2023-11-14T22:13:20Z. */
    private static final String EPOCH = "1700000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path work;
    static Path month1;
    static Path month2;

    @BeforeAll
    static void generate() throws Exception {
        work = dir.resolve("work");
        Files.createDirectories(work);
        month1 = dir.resolve("month1.csv");
        month2 = dir.resolve("month2.csv");
        CsvWriter.defaults().write(CustomerGenerator.generate(new GeneratorConfig(3000, 42L, 1, true, true),
                Progress.NONE), month1);
        CsvWriter.defaults().write(CustomerGenerator.generate(new GeneratorConfig(3000, 42L, 2, true, true),
                Progress.NONE), month2);
    }

    @Test
    void sameFilesRunAfterRunAndForOneOrTwoThreadsAndWhatRowOrderChanges() throws Exception {
        Path a = trial("one-thread-a", month1, 1, true);
        Path b = trial("one-thread-b", month1, 1, true);
        Path c = trial("two-threads", month1, 2, true);

        for (String month : List.of("month1", "month2")) {
            List<String> files = names(a.resolve(month));
            assertTrue(files.contains("report.html") && files.contains("summary.json")
                    && files.contains("segmentation_model.json") && files.contains("customers_scored.csv"), files
                    .toString());
            assertEquals(files, names(b.resolve(month)));
            assertEquals(files, names(c.resolve(month)));
            for (String f : files) {
                byte[] one = Files.readAllBytes(a.resolve(month).resolve(f));
                assertArrayEquals(one, Files.readAllBytes(b.resolve(month).resolve(f)), month + "/" + f
                        + " differs between two runs");
                // the model does not record the thread count (SegmenterConfig.toModelSettings): every byte agrees
                assertArrayEquals(one, Files.readAllBytes(c.resolve(month).resolve(f)), month + "/" + f
                        + " differs between one and two threads");
            }
        }
        // timestamps come from SOURCE_DATE_EPOCH
        for (String f : List.of("cleaning_model.json", "feature_selection.json", "segmentation_model.json",
                "drift_baseline.json")) {
            assertEquals("2023-11-14T22:13:20Z", json(a.resolve("month1").resolve(f)).at("/provenance/created_at")
                    .asText(), f);
        }
        assertTrue(Files.readString(a.resolve("month1").resolve("segmentation_model.pmml"))
                .contains("<Timestamp>2023-11-14T22:13:20Z</Timestamp>"));

        // Row order: the same customers, shuffled.
        Path shuffledInput = shuffle(month1, dir.resolve("month1-shuffled.csv"), 7);
        Path s = trial("shuffled", shuffledInput, 1, false).resolve("month1");
        Path m = a.resolve("month1");
        for (String f : List.of("cleaning_report.csv", "cleaning_rows_removed.csv")) {
            assertArrayEquals(Files.readAllBytes(m.resolve(f)), Files.readAllBytes(s.resolve(f)), f);
        }
        for (String f : List.of("cleaning_model.json", "feature_selection.json")) {
            List<String> differences = new ArrayList<>();
            compare(json(m.resolve(f)), json(s.resolve(f)), "", differences);
            assertEquals(List.of("/provenance/input/hash"), differences, f + ": only the input fingerprint's hash "
                    + "(it hashes the rows in order) differs beyond 1e-9 relative");
        }
        assertNotEquals(json(m.resolve("cleaning_model.json")).at("/provenance/input/hash"),
                json(s.resolve("cleaning_model.json")).at("/provenance/input/hash"));
        double ari = adjustedRandIndex(segments(m), segments(s));
        assertTrue(ari > 0.99, "the shuffled fit lands on nearly the same segments here, ARI " + ari);
    }

    /**
     * Runs pipeline 01 with {@code threads} on {@code input}, then (when asked) pipeline 02 on month 2 with it as the
     * previous run, at the same paths every time, and moves the two output directories to {@code name/month1} and
     * {@code name/month2}.
     */
    private static Path trial(String name, Path input, int threads, boolean monthly) throws Exception {
        Path pipeline = work.resolve(BUILD);
        String text = Files.readString(WORKFLOWS.resolve(BUILD), UTF_8);
        String marker = "\n  segment:\n";
        assertTrue(text.contains(marker), BUILD);
        Files.writeString(pipeline, text.replace(marker, marker + "    threads: " + threads + "\n"), UTF_8);
        Path in = work.resolve("input.csv");
        Files.copy(input, in, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path out1 = work.resolve("month1");
        Path out2 = work.resolve("month2");
        run(List.of("run", pipeline.toString(), "--input", in.toString(), "--out", out1.toString()), 0);
        if (monthly) {
            run(List.of("run", WORKFLOWS.resolve(MONTHLY).toAbsolutePath().normalize().toString(), "--input",
                    month2.toString(), "--previous", out1.toString(), "--out", out2.toString()), -1);
        }
        Path target = dir.resolve(name);
        Files.createDirectories(target);
        Files.move(out1, target.resolve("month1"));
        if (monthly) {
            Files.move(out2, target.resolve("month2"));
        }
        return target;
    }

    /** {@code segment ARGS} in a child JVM with SOURCE_DATE_EPOCH set; {@code exit} -1 accepts 0, 3 and 4. */
    private static void run(List<String> args, int exit) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", CliRun.testClassPath(), SegmentCli.class.getName(),
                "--quiet"));
        command.addAll(args);
        Path log = dir.resolve("child.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SOURCE_DATE_EPOCH", EPOCH);
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the child JVM finished");
        String output = Files.readString(log);
        if (exit >= 0) {
            assertEquals(exit, p.exitValue(), output);
        } else {
            assertTrue(List.of(0, 3, 4).contains(p.exitValue()), p.exitValue() + ": " + output);
        }
    }

    /** Every path where the two JSON trees differ: structure, text, or numbers by more than 1e-9 relative. */
    private static void compare(JsonNode x, JsonNode y, String path, List<String> out) {
        if (x.isNumber() && y.isNumber()) {
            double u = x.asDouble();
            double v = y.asDouble();
            if (u != v && Math.abs(u - v) > 1e-9 * Math.max(Math.abs(u), Math.abs(v))) {
                out.add(path);
            }
        } else if (x.isObject() && y.isObject()) {
            List<String> fx = fieldNames(x);
            if (!fx.equals(fieldNames(y))) {
                out.add(path + " (fields)");
                return;
            }
            for (String f : fx) {
                compare(x.get(f), y.get(f), path + "/" + f, out);
            }
        } else if (x.isArray() && y.isArray()) {
            if (x.size() != y.size()) {
                out.add(path + " (size)");
                return;
            }
            for (int i = 0; i < x.size(); i++) {
                compare(x.get(i), y.get(i), path + "/" + i, out);
            }
        } else if (!x.equals(y)) {
            out.add(path);
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            out.add(it.next());
        }
        return out;
    }

    /** customer_id to segment, from customers_scored.csv. */
    private static Map<String, String> segments(Path runDir) {
        Table t = CsvReader.read(runDir.resolve("customers_scored.csv")).table();
        Column id = t.column("customer_id");
        Column segment = t.column("segment");
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            out.put(id.format(i), segment.format(i));
        }
        return out;
    }

    /**
     * The adjusted Rand index (Hubert and Arabie 1985) of two labelings of the same customers, from the contingency
     * table: (sum C(n_ij,2) - E) / (mean of sum C(a_i,2) and sum C(b_j,2) - E), E = sum C(a_i,2) sum C(b_j,2) /
     * C(n,2).
     */
    static double adjustedRandIndex(Map<String, String> x, Map<String, String> y) {
        assertEquals(x.keySet(), y.keySet(), "the same customers");
        Map<String, Long> cells = new HashMap<>();
        Map<String, Long> rows = new HashMap<>();
        Map<String, Long> cols = new HashMap<>();
        for (Map.Entry<String, String> e : x.entrySet()) {
            String u = e.getValue();
            String v = y.get(e.getKey());
            cells.merge(u + "\u0000" + v, 1L, Long::sum);
            rows.merge(u, 1L, Long::sum);
            cols.merge(v, 1L, Long::sum);
        }
        double index = cells.values().stream().mapToDouble(DeterminismTest::pairs).sum();
        double a = rows.values().stream().mapToDouble(DeterminismTest::pairs).sum();
        double b = cols.values().stream().mapToDouble(DeterminismTest::pairs).sum();
        double expected = a * b / pairs(x.size());
        return (index - expected) / ((a + b) / 2 - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }

    /** The data rows of {@code in} in a seeded random order (Fisher-Yates), header first. */
    private static Path shuffle(Path in, Path out, long seed) throws Exception {
        List<String> lines = Files.readAllLines(in, UTF_8);
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String t = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, t);
        }
        assertFalse(rows.equals(lines.subList(1, lines.size())));
        List<String> all = new ArrayList<>();
        all.add(lines.get(0));
        all.addAll(rows);
        Files.write(out, all, UTF_8);
        return out;
    }

    private static JsonNode json(Path file) throws Exception {
        return JSON.readTree(file.toFile());
    }

    private static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
