package org.example.segmentation.cli;

import static org.example.segmentation.cli.BaselineCommandTest.generate;
import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.example.segmentation.cli.CliRun;
import org.example.segmentation.core.drift.DriftBaseline;
import org.example.segmentation.core.drift.DriftReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code segment drift}, run in-process: files, printed verdict and the exit codes 0 OK, 3 WARN, 4 ALERT. */
class DriftCommandTest {

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
        CliRun noModel = segment("drift", "--baseline", b.toString(), "--input", m2.toString(), "--out",
                dir.resolve("x").toString());
        assertEquals(1, noModel.exit());
        assertTrue(noModel.err().startsWith("segment: the baseline's segments come from model 'segmentation_model "),
                noModel.err());
    }

    @Test
    void helpDocumentsTheExitCodes() {
        CliRun r = segment("drift", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Exit codes: 0 OK, 3 WARN, 4 ALERT, 1 bad input or failed run"), r.out());
        CliRun top = segment("--help");
        assertTrue(top.out().contains("baseline") && top.out().contains("drift"), top.out());
    }
}
