package org.example.segmentation.cli;

import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.example.segmentation.cli.report.Chromium;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code segment run} end to end: each example pipeline of workflows/ on two generated months (3,000 customers,
 * planted problems and planted drift), outputs checked; a late failure leaves the output directory as it was.
 */
class RunCommandTest {
    private static final Path WORKFLOWS = Path.of("..", "workflows");
    private static final int ROWS = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path month1;
    static Path month2;

    @BeforeAll
    static void generate() {
        month1 = dir.resolve("month1.csv");
        month2 = dir.resolve("month2.csv");
        CsvWriter.defaults().write(CustomerGenerator.generate(new GeneratorConfig(ROWS, 42L, 1, true, true),
                Progress.NONE), month1);
        CsvWriter.defaults().write(CustomerGenerator.generate(new GeneratorConfig(ROWS, 42L, 2, true, true),
                Progress.NONE), month2);
    }

    private static JsonNode json(Path file) throws Exception {
        return JSON.readTree(file.toFile());
    }

    private static Set<String> files(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return new HashSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static Path build() throws Exception {
        Path out = dir.resolve("build");
        if (!Files.isRegularFile(out.resolve("summary.json"))) {
            CliRun r = segment("run", WORKFLOWS.resolve("01-build-segmentation.yaml").toString(), "--input",
                    month1.toString(), "--out", out.toString());
            assertEquals(0, r.exit(), r.err() + r.out());
            assertFalse(r.err().contains("'monthly_income'"), "the cleaner converts it; no warning: " + r.err());
        }
        return out;
    }

    @Test
    void buildPipelineWritesEveryOutput() throws Exception {
        Path out = build();
        assertEquals(Set.of("customers_scored.csv", "cleaning_model.json", "cleaning_report.csv",
                "cleaning_rows_removed.csv", "feature_selection.json", "selection_report.csv", "segmentation_model.json",
                "segmentation_model.pmml", "k_selection.csv", "profile_long.csv", "segment_summary.csv",
                "segment_descriptions.txt", "scoring_model.json", "drift_baseline.json", "summary.json", "report.html"),
                files(out),
                "every output, and no staging directory");
        assertEquals("cleaning_model", json(out.resolve("cleaning_model.json")).get("kind").asText());
        assertEquals("feature_selection", json(out.resolve("feature_selection.json")).get("kind").asText());
        assertEquals("segmentation_model", json(out.resolve("segmentation_model.json")).get("kind").asText());
        assertEquals("drift_baseline", json(out.resolve("drift_baseline.json")).get("kind").asText());
        assertTrue(Files.readString(out.resolve("segmentation_model.pmml")).contains("<ClusteringModel"));

        // the generator plants floor(rows / 200) exact duplicate rows, which the cleaner removes
        int expectedRows = ROWS - ROWS / 200;
        Table customers = CsvReader.read(out.resolve("customers_scored.csv")).table();
        assertEquals(expectedRows, customers.rowCount());
        assertEquals("customer_id", customers.columnNames().get(0));
        for (String c : List.of("segment", "segment_distance", "segment_confidence", "age", "app_logins_30d")) {
            assertTrue(customers.hasColumn(c), c);
        }
        // counts are back in their own units: non-negative whole numbers of logins (log1p undone)
        var logins = customers.numeric("app_logins_30d");
        for (int i = 0; i < customers.rowCount(); i++) {
            assertTrue(logins.value(i) >= -1e-9, "row " + i);
        }

        // 0/1 flags the cleaner kept come back exactly as read, not as 2.8e-17 after un-scaling (which the scorer's
        // consent check refuses)
        for (String flag : List.of("marketing_consent", "third_party_consent", "whatsapp_opt_in")) {
            var f = customers.numeric(flag);
            for (int i = 0; i < customers.rowCount(); i++) {
                assertTrue(f.isMissing(i) || f.value(i) == 0 || f.value(i) == 1, flag + " row " + i + ": " + f.value(i));
            }
        }
        // the score step: every customer has an archetype, and it mostly matches the generator's planted persona
        var archetype = customers.categorical("archetype");
        var persona = customers.categorical("true_persona");
        int agree = 0;
        for (int i = 0; i < customers.rowCount(); i++) {
            String a = archetype.level(i);
            agree += (a.substring(0, a.length() - 1).toLowerCase(java.util.Locale.ROOT)).equals(persona.level(i)) ? 1
                    : 0;
        }
        assertTrue(agree > 0.8 * customers.rowCount(), "archetype = planted persona for " + agree + " rows");

        JsonNode s = json(out.resolve("summary.json"));
        assertEquals("build-segmentation", s.get("pipeline").asText());
        assertEquals(ROWS, s.get("rows_in").asInt());
        assertEquals(expectedRows, s.get("rows_out").asInt());
        assertEquals(0, s.get("exit_code").asInt());
        JsonNode seg = s.get("segmentation");
        assertEquals(6, seg.get("k").asInt(), "the pipeline fixes k = 6");
        assertTrue(seg.get("fitted").asBoolean());
        assertEquals(11, seg.get("features").size(), "the eleven digital-behaviour features");
        int sum = 0;
        for (JsonNode x : seg.get("segments")) {
            sum += x.get("customers").asInt();
        }
        assertEquals(expectedRows, sum, "every customer in one segment");
        List<String> steps = new ArrayList<>();
        s.get("steps").forEach(x -> steps.add(x.get("step").asText()));
        assertEquals(List.of("transform", "clean", "select", "segment", "profile", "score", "baseline"), steps);
        assertEquals(null, s.get("drift"), "no drift step, no drift section");
        assertEquals(6, Files.readAllLines(out.resolve("segment_summary.csv")).size() - 1, "six profiled segments");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("no drift check in this run"));
        assertFalse(html.contains("no digital profile scores in this run"));
    }

    @Test
    void sameSeedSameCustomersWhateverTheThreadCount() throws Exception {
        Path one = build();
        String yaml = Files.readString(WORKFLOWS.resolve("01-build-segmentation.yaml"))
                .replace("    seed: 42\n", "    seed: 42\n    threads: 2\n");
        assertTrue(yaml.contains("threads: 2"));
        Path pipeline = dir.resolve("two-threads.yaml");
        Files.writeString(pipeline, yaml);
        Path two = dir.resolve("two-threads");
        CliRun r = segment("run", pipeline.toString(), "--input", month1.toString(), "--out", two.toString());
        assertEquals(0, r.exit(), r.err());
        for (String f : List.of("customers_scored.csv", "k_selection.csv", "profile_long.csv", "segment_summary.csv",
                "cleaning_report.csv")) {
            assertEquals(Files.readString(one.resolve(f)), Files.readString(two.resolve(f)), f);
        }
    }

    @Test
    void previousOnTheCommandLineSatisfiesADriftStepOfAFileWithoutOne() throws Exception {
        Path m1 = build();
        String yaml = Files.readString(WORKFLOWS.resolve("02-monthly-scoring-and-drift.yaml"))
                .replaceAll("(?m)^previous:.*\n", "");
        assertFalse(yaml.contains("previous:"));
        Path pipeline = dir.resolve("no-previous.yaml");
        Files.writeString(pipeline, yaml);
        CliRun without = segment("run", pipeline.toString(), "--input", month2.toString(), "--out",
                dir.resolve("none").toString());
        assertEquals(1, without.exit());
        assertTrue(without.err().contains("--previous DIR"), without.err());
        CliRun with = segment("run", pipeline.toString(), "--input", month2.toString(), "--previous", m1.toString(),
                "--out", dir.resolve("with-previous").toString());
        assertTrue(with.exit() == 0 || with.exit() == 3 || with.exit() == 4, with.err());
        assertTrue(Files.isRegularFile(dir.resolve("with-previous").resolve("feature_drift.csv")));
    }

    @Test
    void monthlyPipelineAppliesTheModelsAndExitsWithTheDriftStatus() throws Exception {
        Path m1 = build();
        Path out = dir.resolve("month2");
        CliRun r = segment("run", WORKFLOWS.resolve("02-monthly-scoring-and-drift.yaml").toString(), "--input",
                month2.toString(), "--previous", m1.toString(), "--out", out.toString());
        JsonNode s = json(out.resolve("summary.json"));
        String status = s.get("drift").get("status").asText();
        int expected = switch (status) {
            case "ALERT" -> 4;
            case "WARN" -> 3;
            default -> 0;
        };
        assertEquals(expected, r.exit(), r.err());
        assertEquals(expected, s.get("exit_code").asInt());
        // the generator plants drift in month 2: app logins x2, payments x1.76, branch visits x0.51
        assertFalse(status.equals("OK"), "planted drift found: " + s.get("drift"));
        assertTrue(r.out().contains("drift: " + status), r.out());
        assertTrue(s.get("reuse_models").asBoolean());
        assertFalse(s.get("segmentation").get("fitted").asBoolean(), "month 1's model applied");
        assertEquals(json(m1.resolve("segmentation_model.json")).get("provenance"),
                json(out.resolve("segmentation_model.json")).get("provenance"), "the same model carried forward");
        assertEquals(json(m1.resolve("drift_baseline.json")).get("provenance"),
                json(out.resolve("drift_baseline.json")).get("provenance"), "the same baseline carried forward");
        for (String f : List.of("feature_drift.csv", "segment_drift.csv", "segment_feature_drift.csv", "migration.csv",
                "drift_summary.json", "report.html", "customers_scored.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        List<String> drifted = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("feature_drift.csv")).subList(1,
                Files.readAllLines(out.resolve("feature_drift.csv")).size())) {
            if (!line.contains(",stable,")) {
                drifted.add(line.substring(0, line.indexOf(',')));
            }
        }
        assertTrue(drifted.contains("app_logins_30d"), "drifted: " + drifted);
        assertTrue(Files.readAllLines(out.resolve("migration.csv")).size() > 6, "customers matched month to month");

        Path png = Path.of("target", "report-screenshot.png");
        Chromium.require();
        String dom = Chromium.dumpDom(out.resolve("report.html"), dir);
        assertEquals(List.of("kselection", "heatmap", "projection", "grid", "scores", "psi", "shares", "migration"),
                Chromium.assertChartsRendered(dom));
        Chromium.screenshot(out.resolve("report.html"), dir, png, 5600);
    }

    @Test
    void refittingWithAPreviousRunCarriesTheSegmentIdsOver() throws Exception {
        Path m1 = build();
        Path out = dir.resolve("refit");
        CliRun r = segment("run", WORKFLOWS.resolve("01-build-segmentation.yaml").toString(), "--input",
                month2.toString(), "--previous", m1.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("ids carried over from the previous run"), r.out());
        JsonNode model = json(out.resolve("segmentation_model.json")).get("model");
        assertFalse(model.get("carry_over").isNull(), "the model records the carry-over");
        JsonNode s = json(out.resolve("summary.json"));
        assertTrue(s.get("segmentation").get("fitted").asBoolean());
        List<String> ids = new ArrayList<>();
        s.get("segmentation").get("segments").forEach(x -> ids.add(x.get("id").asText()));
        List<String> before = new ArrayList<>();
        json(m1.resolve("summary.json")).get("segmentation").get("segments").forEach(x -> before.add(x.get("id").asText()));
        assertTrue(ids.stream().filter(before::contains).count() >= 5, "most segments keep their ids: " + ids);
    }

    @Test
    void controlPipelineHoldsOutAControlGroupPerSegment() throws Exception {
        Path out = dir.resolve("campaign");
        CliRun r = segment("run", WORKFLOWS.resolve("03-control-group-uplift.yaml").toString(), "--input",
                month1.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Table customers = CsvReader.read(out.resolve("customers_scored.csv")).table();
        assertTrue(customers.hasColumn("group"));
        var group = customers.categorical("group");
        int control = 0;
        for (int i = 0; i < customers.rowCount(); i++) {
            control += group.level(i).equals("control") ? 1 : 0;
        }
        // exact share per stratum: 10% of each segment, rounded per segment
        assertEquals(0.1, (double) control / customers.rowCount(), 0.01);
        JsonNode s = json(out.resolve("summary.json"));
        assertEquals(control, s.get("control").get("control").asInt());
        assertTrue(Files.isRegularFile(out.resolve("control_plan.csv")));
        assertTrue(Files.isRegularFile(out.resolve("control_plan.json")));
    }

    @Test
    void aFailingLateStepLeavesTheOutputDirectoryAsItWas() throws Exception {
        Path pipeline = dir.resolve("late-failure.yaml");
        Files.writeString(pipeline, """
                steps:
                  clean: {id.columns: [customer_id]}
                  segment: {k: 3, exclude: [true_persona, true_life_stage, true_engagement]}
                  profile: {}
                  control: {salt: s, id.column: customer_id, stratify.by: no_such_column}
                """);
        Path out = dir.resolve("kept");
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.json"), "last month's");
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliRun r = segment("run", pipeline.toString(), "--input", month1.toString(), "--out", out.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("pipeline step 'control' failed"), r.err());
        assertTrue(r.err().contains("no_such_column"), r.err());
        assertEquals(Set.of("summary.json", "notes.txt"), files(out), "nothing added, no staging left");
        assertEquals("last month's", Files.readString(out.resolve("summary.json")));

        Path fresh = dir.resolve("fresh");
        assertEquals(1, segment("run", pipeline.toString(), "--input", month1.toString(), "--out", fresh.toString())
                .exit());
        assertFalse(Files.exists(fresh), "a directory the run created is removed again");
    }

    @Test
    void badPipelineFailsBeforeReadingWithExitCode1AndUsageWithExitCode2() throws Exception {
        Path pipeline = dir.resolve("bad.yaml");
        Files.writeString(pipeline, "steps:\n  clean: {scalling: robust}\n");
        CliRun r = segment("run", pipeline.toString(), "--input", dir.resolve("missing.csv").toString(), "--out",
                dir.resolve("x").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("step 'clean'") && r.err().contains("'scalling'") && r.err().contains("'scaling'"),
                "names the key and the closest known one: " + r.err());
        assertEquals(2, segment("run", pipeline.toString()).exit(), "--input and --out are required");
    }
}
