package org.example.segmentation.cli;

import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code segment bench} on a tiny table, once: the table, the JSON and the inertias. Times are not asserted (a unit test
 * on a shared machine cannot time anything); the targets are the bench's to report.
 */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void measuresEveryTaskAndWritesTheJson() throws Exception {
        Path json = dir.resolve("bench.json");
        Path work = dir.resolve("work");
        CliRun run = segment("bench", "--rows", "4000", "--repetitions", "1", "--warmup", "1", "--threads", "2",
                "--json", json.toString(), "--work-dir", work.toString());
        assertEquals(0, run.exit(), run.err());
        for (String figure : new String[] {"csv.read.mb_per_s", "csv.read.rows_per_s", "clean.fit", "clean.apply",
            "select.fit", "kmeans.ours.per_iteration", "kmeans.plain_loop.per_iteration", "kmeans.weka.per_iteration",
            "kmeans.ours.to_convergence", "auto_k.fit_2_to_10", "drift.monitor_month2.rows_per_s",
            "score.stream_month2_256mb.rows_per_s", "score.in_process.read.rows_per_s",
            "score.in_process.read_score.rows_per_s", "score.in_process.read_score_write.rows_per_s",
            "pipeline.month2_with_drift_2gb"}) {
            assertTrue(run.out().contains(figure), figure + " missing from the table:\n" + run.out());
        }
        assertTrue(run.out().contains("kmeans_vs_weka"), run.out());

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(4000, root.path("settings").path("rows").asInt());
        Set<String> names = new HashSet<>();
        for (JsonNode f : root.path("figures")) {
            names.add(f.path("name").asText());
            assertTrue(f.path("median").isNumber(), f.toString());
            assertEquals(1, f.path("values").size(), f.toString());
        }
        assertTrue(names.contains("csv.read.mb_per_s"), names.toString());
        assertTrue(names.contains("kmeans.weka.per_iteration"), names.toString());

        JsonNode values = root.path("values");
        double ours = values.path("inertia_ours").asDouble(Double.NaN);
        double plain = values.path("inertia_plain_loop").asDouble(Double.NaN);
        double weka = values.path("inertia_weka").asDouble(Double.NaN);
        assertTrue(Double.isFinite(ours) && ours > 0, values.toString());
        assertTrue(Double.isFinite(plain) && plain > 0, values.toString());
        assertTrue(Double.isFinite(weka) && weka > 0, values.toString());
        // Same start, same 20 iterations: Lloyd's algorithm done right reaches the plain loop's inertia.
        assertTrue(ours <= plain * (1 + 1e-9), ours + " > " + plain);
        assertTrue(values.path("weka_same_start").asBoolean(), "Weka started elsewhere: " + values);
        assertTrue(values.path("kmeans_same_result_1_and_2_threads").asBoolean(), values.toString());
        assertTrue(values.path("peak_heap_mb").asLong() > 0, values.toString());
        // the first (warm-up) read in the JVM is reported beside the warm figures
        assertTrue(values.path("csv_read_first_run_ms").asDouble() > 0, values.toString());

        boolean sawTarget = false;
        for (JsonNode t : root.path("targets")) {
            sawTarget |= t.path("name").asText().equals("csv_read_mb_per_s");
            assertFalse(t.path("measured").asText().isEmpty(), t.toString());
        }
        assertTrue(sawTarget, root.path("targets").toString());
        // the generated files stay in --work-dir
        assertTrue(Files.exists(work.resolve("customers_month1.csv")));
    }

    @Test
    void refusesTooFewRows() {
        CliRun run = segment("bench", "--rows", "10", "--json", dir.resolve("b.json").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("--rows 10"), run.err());
        assertFalse(Files.exists(dir.resolve("b.json")));
    }
}
