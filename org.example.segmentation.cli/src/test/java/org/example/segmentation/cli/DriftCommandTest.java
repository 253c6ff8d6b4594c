package org.example.segmentation.cli;

import static org.example.segmentation.cli.BaselineCommandTest.generate;
import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.example.segmentation.cli.CliRun;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvChunks;
import org.example.segmentation.core.csv.CsvReadOptions;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.drift.DriftBaseline;
import org.example.segmentation.core.drift.DriftConfig;
import org.example.segmentation.core.drift.DriftMonitor;
import org.example.segmentation.core.drift.DriftReport;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code segment drift}, run in-process: files, printed verdict and the exit codes 0 OK, 3 WARN, 4 ALERT; the month
 * streamed in chunks gives the report of the whole table, and a large month runs in a child JVM with a small heap.
 */
class DriftCommandTest {
    /** Rows of the month monitored in a child JVM with a 256 MB heap (1,000,000 measured by hand: docs/drift.md). */
    static final int LARGE_ROWS = 300_000;

    private static final List<String> FILES = List.of(DriftCommand.FEATURES, DriftCommand.SEGMENTS,
            DriftCommand.SEGMENT_FEATURES, DriftCommand.MIGRATION, DriftCommand.SUMMARY);

    @TempDir
    Path dir;

    private Path baseline(Path month1, String... settings) {
        Path out = dir.resolve("baseline");
        List<String> args = new java.util.ArrayList<>(List.of("baseline", "--input", month1.toString(), "--out",
                out.toString()));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        CliRun r = segment(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    private static String header(Path csv) throws Exception {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
    }

    @Test
    void monthTwoWarnsOnThePlantedFeaturesWithExitCodeThree() throws Exception {
        Path m1 = generate(dir, "month1.csv", 1, 42, false);
        Path m2 = generate(dir, "month2.csv", 2, 42, false);
        Path b = baseline(m1);
        Path out = dir.resolve("drift");
        CliRun r = segment("drift", "--baseline", b.toString(), "--input", m2.toString(), "--out", out.toString());
        assertEquals(DriftCommand.EXIT_WARN, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("drift: WARN (recommendation: watch)\nworst feature: app_logins_30d (PSI 0.2"),
                r.out());
        assertTrue(r.out().contains("features: 24 monitored, 4 moderate, 0 significant, 0 without data"), r.out());
        assertTrue(r.out().contains("reasons:\n  - feature 'app_logins_30d' (segmentation feature): moderate drift, "
                + "PSI 0.2"), r.out());
        for (String f : List.of(DriftCommand.FEATURES, DriftCommand.SEGMENTS, DriftCommand.SEGMENT_FEATURES,
                DriftCommand.MIGRATION, DriftCommand.SUMMARY)) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(String.join(",", DriftReport.FEATURE_COLUMNS), header(out.resolve(DriftCommand.FEATURES)));
        assertEquals(String.join(",", DriftReport.SEGMENT_COLUMNS), header(out.resolve(DriftCommand.SEGMENTS)));
        assertEquals(1, Files.readAllLines(out.resolve(DriftCommand.SEGMENTS)).size(), "no segments: header only");
        assertEquals(25, Files.readAllLines(out.resolve(DriftCommand.FEATURES)).size());
        JsonNode summary = new ObjectMapper().readTree(out.resolve(DriftCommand.SUMMARY).toFile());
        assertEquals("WARN", summary.get("status").asText());
        assertEquals("app_logins_30d", summary.get("worst_feature").asText());
        assertTrue(summary.get("worst_psi").asDouble() > 0.15);
        assertEquals("watch", summary.get("recommendation").asText());
        assertEquals(4, summary.get("reasons").size());
    }

    @Test
    void theSameMonthIsOkAndAStricterThresholdAlerts() throws Exception {
        Path m1 = generate(dir, "month1.csv", 1, 42, false);
        Path m2 = generate(dir, "month2.csv", 2, 42, false);
        Path b = baseline(m1);
        CliRun same = segment("drift", "--baseline", b.resolve(DriftBaseline.FILE_NAME).toString(), "--input",
                m1.toString(), "--out", dir.resolve("same").toString());
        assertEquals(DriftCommand.EXIT_OK, same.exit(), same.out() + same.err());
        assertTrue(same.out().startsWith("drift: OK (recommendation: keep)"), same.out());
        CliRun alert = segment("drift", "--baseline", b.toString(), "--input", m2.toString(), "--out",
                dir.resolve("alert").toString(), "--set", "psi.significant=0.15");
        assertEquals(DriftCommand.EXIT_ALERT, alert.exit(), alert.out() + alert.err());
        assertTrue(alert.out().startsWith("drift: ALERT (recommendation: refit)"), alert.out());
    }

    @Test
    void segmentsAndMigrationWithThePreviousMonth() throws Exception {
        Path m1 = generate(dir, "month1.csv", 1, 42, true);
        Path m2 = generate(dir, "month2.csv", 2, 42, true);
        Path b = baseline(m1, "segment.column=true_persona", "archetype.column=true_persona",
                "features=[\"app_logins_30d\",\"web_sessions_30d\",\"digital_payments_30d\",\"branch_visits_90d\","
                        + "\"whatsapp_opt_in\",\"age\",\"gender\"]");
        Path out = dir.resolve("drift");
        CliRun r = segment("drift", "--baseline", b.toString(), "--input", m2.toString(), "--out", out.toString(),
                "--previous", m1.toString());
        assertTrue(r.exit() == DriftCommand.EXIT_WARN || r.exit() == DriftCommand.EXIT_ALERT, r.out() + r.err());
        assertTrue(r.out().contains("segments: shares "), r.out());
        assertTrue(r.out().contains("customers matched"), r.out());
        List<String> segments = Files.readAllLines(out.resolve(DriftCommand.SEGMENTS));
        assertEquals(7, segments.size(), "six personas");
        assertTrue(segments.get(1).startsWith("analog,"), segments.get(1));
        List<String> migration = Files.readAllLines(out.resolve(DriftCommand.MIGRATION));
        assertEquals(String.join(",", DriftReport.MIGRATION_COLUMNS), migration.get(0));
        assertTrue(migration.stream().anyMatch(l -> l.startsWith("segment,analog,mainstreamer,")), "analogs move up");
        assertTrue(migration.stream().anyMatch(l -> l.startsWith("archetype,(new),nomad,")));
        assertTrue(migration.stream().anyMatch(l -> l.startsWith("segment,nomad,(gone),")));
        assertEquals(1 + 2 * (6 * 7 + 6), migration.size(), "per kind: 6 personas x (6 + gone), and the new x 6");
    }

    @Test
    void badInputIsOneLineAndExitCodeOne() throws Exception {
        Path m1 = generate(dir, "month1.csv", 1, 42, false);
        Path b = baseline(m1);
        Path out = dir.resolve("drift");
        CliRun key = segment("drift", "--baseline", b.toString(), "--input", m1.toString(), "--out", out.toString(),
                "--set", "bins=20");
        assertEquals(1, key.exit());
        assertEquals("segment: setting 'bins' is fixed when the baseline is fitted (the baseline has '10', got '20'); "
                + "fit a new baseline to change it", key.err().strip());
        // a month without two of the baseline's features
        List<String> lines = Files.readAllLines(m1, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            sb.append(f[0]);
            for (int i = 3; i < f.length; i++) {
                sb.append(',').append(f[i]);
            }
            sb.append('\n');
        }
        Path fewer = dir.resolve("fewer.csv");
        Files.writeString(fewer, sb.toString());
        CliRun columns = segment("drift", "--baseline", b.toString(), "--input", fewer.toString(), "--out",
                out.toString());
        assertEquals(1, columns.exit());
        assertTrue(columns.err().startsWith("segment: the current table lacks 2 baseline features: 'age', 'gender'; "),
                columns.err());
        assertEquals(1, columns.err().strip().lines().count());
        assertFalse(Files.exists(out), "nothing written");
        Path notABaseline = dir.resolve("x.json");
        Files.writeString(notABaseline, "{\"kind\": \"cleaning_model\", \"format_version\": 1}");
        CliRun kind = segment("drift", "--baseline", notABaseline.toString(), "--input", m1.toString(), "--out",
                out.toString());
        assertEquals(1, kind.exit());
        assertEquals("segment: model file " + notABaseline + " holds a cleaning_model; expected a drift_baseline",
                kind.err().strip());
    }

    @Test
    void withTheSegmentationModelMonthTwoIsAnAlert() throws Exception {
        Path m1 = dir.resolve("m1.csv");
        Path m2 = dir.resolve("m2.csv");
        assertEquals(0, segment("generate", "--rows", "4000", "--seed", "42", "--no-problems", "--out", m1.toString())
                .exit());
        assertEquals(0, segment("generate", "--rows", "4000", "--seed", "42", "--no-problems", "--snapshot", "2",
                "--out", m2.toString()).exit());
        Path fit = dir.resolve("fit");
        CliRun f = segment("fit", "--input", m1.toString(), "--out", fit.toString(), "--set", "k=6", "--set",
                "restarts=3", "--set", "features=" + org.example.segmentation.core.settings.Settings.formatList(
                        org.example.segmentation.core.generator.CustomerColumns.DIGITAL_BEHAVIOUR));
        assertEquals(0, f.exit(), f.err());
        Path b = dir.resolve("baseline");
        CliRun base = segment("baseline", "--input", m1.toString(), "--out", b.toString(), "--model", fit.toString());
        assertEquals(0, base.exit(), base.err());
        assertTrue(base.out().contains("segments: 6 from the model " + fit.resolve("segmentation_model.json")),
                base.out());
        assertTrue(base.out().contains("segmentation features: app_logins_30d, "), base.out());
        CliRun alert = segment("drift", "--baseline", b.toString(), "--model", fit.toString(), "--input", m2.toString(),
                "--out", dir.resolve("drift").toString());
        assertEquals(DriftCommand.EXIT_ALERT, alert.exit(), alert.out() + alert.err());
        assertTrue(alert.out().contains("  - segment shares: significant drift, "), alert.out());
        // the model assigns chunk by chunk: the same files in chunks of 333 rows
        CliRun chunked = segment("drift", "--baseline", b.toString(), "--model", fit.toString(), "--input",
                m2.toString(), "--out", dir.resolve("drift333").toString(), "--chunk-rows", "333");
        assertEquals(DriftCommand.EXIT_ALERT, chunked.exit(), chunked.out() + chunked.err());
        for (String file : FILES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("drift").resolve(file)),
                    Files.readAllBytes(dir.resolve("drift333").resolve(file)), file);
        }
        CliRun noModel = segment("drift", "--baseline", b.toString(), "--input", m2.toString(), "--out",
                dir.resolve("x").toString());
        assertEquals(1, noModel.exit());
        assertTrue(noModel.err().startsWith("segment: the baseline's segments come from model 'segmentation_model "),
                noModel.err());
    }

    /**
     * The month streamed in chunks of 97 rows (each chunk's categorical columns carry only the chunk's levels) gives
     * byte for byte the files of one chunk, and those are the report of the whole table read at once and monitored
     * by {@link DriftMonitor#monitor(DriftBaseline, DriftConfig, org.example.segmentation.core.drift.SegmentAssigner,
     * Table, Table, Progress)}: segments from a column, unseen levels, migration against the previous month.
     */
    @Test
    void streamedInChunksGivesExactlyTheReportOfTheWholeTable() throws Exception {
        Path m1 = generate(dir, "month1.csv", 1, 42, true);
        Path m2 = generate(dir, "month2.csv", 2, 42, true);
        Path b = baseline(m1, "segment.column=true_persona", "archetype.column=true_persona");
        Path small = dir.resolve("small");
        Path one = dir.resolve("one");
        CliRun r97 = segment("drift", "--baseline", b.toString(), "--input", m2.toString(), "--out", small.toString(),
                "--previous", m1.toString(), "--chunk-rows", "97");
        CliRun r1 = segment("drift", "--baseline", b.toString(), "--input", m2.toString(), "--out", one.toString(),
                "--previous", m1.toString());
        assertEquals(r1.exit(), r97.exit(), r97.out() + r97.err());
        assertEquals(r1.out().replace(one.toString(), "OUT"), r97.out().replace(small.toString(), "OUT"));
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(small.resolve(f)), f);
        }
        assertTrue(Files.readAllLines(small.resolve(DriftCommand.MIGRATION)).size() > 10, "migration is counted");
        // In chunks of 97 rows the first rows' types are not the month's (words among the incomes further down): the
        // month was read in one pass, then again in two; in one chunk, in one pass.
        assertThrows(CsvChunks.GuessFailed.class, () -> readInOnePass(m2, 97));
        readInOnePass(m2, 1 << 20);

        DriftBaseline baseline = DriftBaseline.load(b.resolve(DriftBaseline.FILE_NAME));
        Table current = CsvReader.read(m2, CsvReadOptions.defaults(), Progress.NONE).table();
        Table previous = CsvReader.read(m1, CsvReadOptions.defaults(), Progress.NONE).table();
        DriftReport whole = DriftMonitor.monitor(baseline, baseline.config(), null, current, previous,
                Progress.NONE);
        assertEquals(Files.readAllLines(m2).size() - 1, whole.summary().rowsCur());
        assertEquals(csv(whole.featureTable()), Files.readString(small.resolve(DriftCommand.FEATURES)));
        assertEquals(csv(whole.segmentTable()), Files.readString(small.resolve(DriftCommand.SEGMENTS)));
        assertEquals(csv(whole.segmentFeatureTable()), Files.readString(small.resolve(DriftCommand.SEGMENT_FEATURES)));
        assertEquals(csv(whole.migrationTable()), Files.readString(small.resolve(DriftCommand.MIGRATION)));
        assertArrayEquals(whole.summaryJson(), Files.readAllBytes(small.resolve(DriftCommand.SUMMARY)));

        CliRun zero = segment("drift", "--baseline", b.toString(), "--input", m2.toString(), "--out",
                dir.resolve("z").toString(), "--chunk-rows", "0");
        assertEquals(2, zero.exit(), zero.err());
        assertTrue(zero.err().contains("--chunk-rows must be at least 1, got 0"), zero.err());
    }

    /**
     * A column the baseline does not monitor, empty in the month's first rows and numbers further down, reads as text
     * in the first chunk and as numbers in the whole month, which only the end of the month tells: the month is read
     * again from the one pass's counts (its second pass only), and the files are those of one chunk.
     */
    @Test
    void aMonthWhoseOtherTypesShowAtItsEndGivesTheFilesOfOneChunk() throws Exception {
        Path m1 = dir.resolve("month1.csv");
        Path m2 = dir.resolve("month2.csv");
        for (Path m : List.of(m1, m2)) {
            CliRun g = segment("generate", "--rows", "2000", "--seed", "8", "--no-problems", "--snapshot",
                    m == m1 ? "1" : "2", "--out", m.toString());
            assertEquals(0, g.exit(), g.err());
        }
        Path b = baseline(m1);
        List<String> lines = Files.readAllLines(m2);
        List<String> withLate = new ArrayList<>();
        withLate.add(lines.get(0) + ",late_score");
        for (int row = 1; row < lines.size(); row++) {
            withLate.add(lines.get(row) + "," + (row <= 150 ? "" : Integer.toString(row % 17)));
        }
        Path late = dir.resolve("late.csv");
        Files.write(late, withLate);
        CsvChunks.GuessFailed failed = assertThrows(CsvChunks.GuessFailed.class, () -> readInOnePass(late, 97));
        assertTrue(failed.getMessage().contains("column 'late_score' is numeric in the whole file but text in its "
                + "first rows"), failed.getMessage());
        try (CsvChunks second = failed.secondPass()) {
            assertTrue(second != null, "the one pass got to the end of the month");
        }
        Path small = dir.resolve("small");
        Path one = dir.resolve("one");
        CliRun r97 = segment("drift", "--baseline", b.toString(), "--input", late.toString(), "--out",
                small.toString(), "--chunk-rows", "97");
        CliRun r1 = segment("drift", "--baseline", b.toString(), "--input", late.toString(), "--out",
                one.toString());
        assertEquals(r1.exit(), r97.exit(), r97.out() + r97.err());
        assertEquals(r1.out().replace(one.toString(), "OUT"), r97.out().replace(small.toString(), "OUT"));
        assertEquals(r1.err(), r97.err());
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(small.resolve(f)), f);
        }
    }

    /**
     * After a guess that failed at the end of the month, its second pass serves only when the one pass read the month
     * with the options as given: a one pass that was opened again with the baseline's type for a feature would give
     * that feature a set type, which a fresh read (with the baseline's types only where the whole month needs them)
     * may not.
     */
    @Test
    void theSecondPassServesOnlyWhenTheOnePassReadTheOptionsAsGiven() throws Exception {
        Path file = dir.resolve("late.csv");
        Files.writeString(file, "k,v,late\n" + "1,2,\n".repeat(50) + "3,4,5\n".repeat(20));
        CsvReadOptions given = CsvReadOptions.defaults();
        CsvChunks.GuessFailed plain = failedAtTheEnd(file, given);
        try (CsvChunks second = DriftCommand.secondPass(plain, given)) {
            assertTrue(second != null, "read as given");
            assertEquals(ColumnType.NUMERIC, second.columns().get(2).type());
        }
        CsvReadOptions typed = given.withSchema(Map.of("v", ColumnType.NUMERIC));
        CsvChunks.GuessFailed baselineTyped = failedAtTheEnd(file, typed);
        assertEquals(null, DriftCommand.secondPass(baselineTyped, given), "'v' read with a type the user did not set");
        try (CsvChunks second = DriftCommand.secondPass(baselineTyped, typed)) {
            assertTrue(second != null, "the type of 'v' set by the user (--type)");
        }
        assertEquals(null, DriftCommand.secondPass(new IllegalStateException("not a guess"), given));
    }

    private static CsvChunks.GuessFailed failedAtTheEnd(Path file, CsvReadOptions options) {
        CsvChunks.GuessFailed failed = assertThrows(CsvChunks.GuessFailed.class, () -> {
            try (CsvChunks chunks = CsvReader.chunksInOnePass(file, options, null, 10, Progress.NONE)) {
                while (chunks.next() != null) {
                    // read to the end
                }
            }
        });
        assertTrue(failed.getMessage().contains("column 'late' is numeric in the whole file but text in its first "
                + "rows"), failed.getMessage());
        return failed;
    }

    /**
     * A baseline feature that reads as text in the month (a stray 'unknown' among the incomes) is read again with the
     * baseline's type before any chunk is monitored: those values become missing, the rest is monitored as numbers.
     */
    @Test
    void aNumericFeatureWithAStrayWordIsReadAsTheBaselineSaysInChunks() throws Exception {
        Path m1 = dir.resolve("clean-month1.csv");
        assertEquals(0, segment("generate", "--rows", "2000", "--seed", "8", "--no-problems", "--out", m1.toString())
                .exit());
        Path m2 = dir.resolve("month2.csv");
        assertEquals(0, segment("generate", "--rows", "2000", "--seed", "8", "--snapshot", "2", "--out",
                m2.toString()).exit());
        assertEquals(org.example.segmentation.core.table.ColumnType.TEXT, CsvReader.read(m2).table()
                .column("monthly_income").type(), "month 2 has words among the incomes");
        Path b = baseline(m1);
        assertEquals("numeric", DriftBaseline.load(b.resolve(DriftBaseline.FILE_NAME)).type("monthly_income"));
        Path out = dir.resolve("drift");
        CliRun r = segment("drift", "--baseline", b.toString(), "--input", m2.toString(), "--out", out.toString(),
                "--chunk-rows", "300");
        assertTrue(List.of(DriftCommand.EXIT_OK, DriftCommand.EXIT_WARN, DriftCommand.EXIT_ALERT).contains(r.exit()),
                r.out() + r.err());
        List<String> header = List.of(header(out.resolve(DriftCommand.FEATURES)).split(","));
        String income = Files.readAllLines(out.resolve(DriftCommand.FEATURES)).stream()
                .filter(l -> l.startsWith("monthly_income,")).findFirst().orElseThrow();
        String[] cells = income.split(",", -1);
        assertEquals("numeric", cells[header.indexOf("type")], income);
        assertTrue(Double.parseDouble(cells[header.indexOf("missing_cur")]) > 0, "the words are missing: " + income);
        assertTrue(Double.parseDouble(cells[header.indexOf("mean_cur")]) > 100, income);
    }

    /** A header without rows still names the lacking features (the columns are checked before the rows). */
    @Test
    void aMonthWithoutRowsIsRefused() throws Exception {
        Path m1 = generate(dir, "month1.csv", 1, 42, false);
        Path b = baseline(m1);
        Path headerOnly = dir.resolve("header.csv");
        Files.writeString(headerOnly, header(m1) + "\n");
        CliRun r = segment("drift", "--baseline", b.toString(), "--input", headerOnly.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(1, r.exit());
        assertEquals("segment: the current table has no rows", r.err().lines().findFirst().orElse(""));
        Files.writeString(headerOnly, "customer_id,age\n");
        CliRun lacking = segment("drift", "--baseline", b.toString(), "--input", headerOnly.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(1, lacking.exit());
        assertTrue(lacking.err().startsWith("segment: the current table lacks "), lacking.err());
    }

    /**
     * Monitors a large generated month in a child JVM limited to 256 MB of heap: the month streams in chunks, so it
     * succeeds and counts every row. (The generator needs the whole table in memory, so the file is generated in this
     * JVM.)
     */
    @Test
    void monitorsALargeMonthInAChildJvmWithASmallHeap() throws Exception {
        Path m1 = dir.resolve("small.csv");
        assertEquals(0, segment("generate", "--rows", "2000", "--seed", "11", "--out", m1.toString()).exit());
        Path b = baseline(m1);
        Path large = dir.resolve("large.csv");
        CliRun g = segment("generate", "--rows", Integer.toString(LARGE_ROWS), "--seed", "11", "--snapshot", "2",
                "--out", large.toString());
        assertEquals(0, g.exit(), g.err());
        long rows;
        try (var lines = Files.lines(large)) {
            rows = lines.count() - 1; // the generator plants duplicate customers: more rows than asked for
        }
        Path out = dir.resolve("drift-large");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", CliRun.testClassPath(),
                SegmentCli.class.getName(), "drift", "--quiet", "--baseline", b.toString(), "--input",
                large.toString(), "--out", out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the child JVM finished");
        String log = Files.readString(dir.resolve("child.log"));
        assertTrue(List.of(DriftCommand.EXIT_OK, DriftCommand.EXIT_WARN, DriftCommand.EXIT_ALERT)
                .contains(p.exitValue()), p.exitValue() + ": " + log);
        assertTrue(log.contains(" reference, " + rows + " current;"), log);
        JsonNode summary = new ObjectMapper().readTree(out.resolve(DriftCommand.SUMMARY).toFile());
        assertEquals(rows, summary.get("rows_cur").asLong());
    }

    private static String csv(Table t) throws Exception {
        StringWriter w = new StringWriter();
        CsvWriter.defaults().write(t, w);
        return w.toString();
    }


    @Test
    void helpDocumentsTheExitCodes() {
        CliRun r = segment("drift", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Exit codes: 0 OK, 3 WARN, 4 ALERT, 1 bad input or failed run"), r.out());
        CliRun top = segment("--help");
        assertTrue(top.out().contains("baseline") && top.out().contains("drift"), top.out());
    }

    private static void readInOnePass(Path file, int chunkRows) {
        try (CsvChunks chunks = CsvReader.chunksInOnePass(file, CsvReadOptions.defaults(), null, chunkRows,
                Progress.NONE)) {
            while (chunks.next() != null) {
                // read to the end
            }
        }
    }
}
