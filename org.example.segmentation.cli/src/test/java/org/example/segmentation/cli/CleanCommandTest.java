package org.example.segmentation.cli;

import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.cleaning.CleaningReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code segment clean}, run in-process through {@link SegmentCli#run}. */
class CleanCommandTest {

    @TempDir
    Path dir;

    private Path generate(String name, int snapshot) {
        Path f = dir.resolve(name);
        CliRun r = segment("generate", "--rows", "600", "--seed", "17", "--snapshot", Integer.toString(snapshot), "--out",
                f.toString());
        assertEquals(0, r.exit(), r.err());
        return f;
    }

    private static String header(Path csv) throws Exception {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
    }

    @Test
    void fitOnMonthOneThenApplyToMonthTwo() throws Exception {
        Path m1 = generate("month1.csv", 1);
        Path m2 = generate("month2.csv", 2);
        Path fitDir = dir.resolve("fit");
        CliRun fit = segment("clean", "--input", m1.toString(), "--out", fitDir.toString());
        assertEquals(0, fit.exit(), fit.err());
        assertTrue(fit.out().contains("clean: fitted on " + m1), fit.out());
        assertTrue(fit.out().contains("rows: 600 in, 597 out (removed: 3 duplicate)"), fit.out());
        assertTrue(fit.out().contains("dropped: 'currency' (constant: one distinct value), 'secondary_phone_type'"),
                fit.out());
        for (String f : List.of(CleanCommand.CLEANED, CleaningModel.FILE_NAME, CleanCommand.REPORT,
                CleanCommand.ROWS_REMOVED)) {
            assertTrue(Files.isRegularFile(fitDir.resolve(f)), f);
        }
        assertEquals(String.join(",", CleaningReport.COLUMNS), header(fitDir.resolve(CleanCommand.REPORT)));
        assertEquals(List.of("reason,feature,rows", "duplicate,,3"),
                Files.readAllLines(fitDir.resolve(CleanCommand.ROWS_REMOVED)));
        assertTrue(header(fitDir.resolve(CleanCommand.CLEANED)).startsWith("customer_id,age,"));

        Path applyDir = dir.resolve("apply");
        CliRun apply = segment("clean", "--input", m2.toString(), "--out", applyDir.toString(), "--model",
                fitDir.toString());
        assertEquals(0, apply.exit(), apply.err());
        assertTrue(apply.out().startsWith("clean: applied " + fitDir.resolve(CleaningModel.FILE_NAME)), apply.out());
        assertEquals(header(fitDir.resolve(CleanCommand.CLEANED)), header(applyDir.resolve(CleanCommand.CLEANED)),
                "month 2 gets the columns of month 1");
        assertFalse(Files.exists(applyDir.resolve(CleaningModel.FILE_NAME)), "apply writes no model");
        assertTrue(Files.isRegularFile(applyDir.resolve(CleanCommand.REPORT)));

        // the model file itself works as --model too
        CliRun again = segment("clean", "--input", m2.toString(), "--out", dir.resolve("again").toString(), "--model",
                fitDir.resolve(CleaningModel.FILE_NAME).toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(Files.readString(applyDir.resolve(CleanCommand.CLEANED)),
                Files.readString(dir.resolve("again").resolve(CleanCommand.CLEANED)));
    }

    @Test
    void settingsComeFromSetAndConfigAndLandInTheModel() throws Exception {
        Path m1 = generate("month1.csv", 1);
        Path cfg = dir.resolve("clean.json");
        Files.writeString(cfg, "{\"scaling\": \"robust\", \"missing.indicators\": true, \"id.columns\": "
                + "[\"customer_id\"]}");
        Path out = dir.resolve("out");
        CliRun r = segment("clean", "--input", m1.toString(), "--out", out.toString(), "--config", cfg.toString(),
                "--set", "scaling=minmax", "--set", "pseudonymise.columns=customer_id", "--set",
                "pseudonymise.salt=pepper");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("scaling: minmax"), "--set wins over --config: " + r.out());
        JsonNode model = new ObjectMapper().readTree(out.resolve(CleaningModel.FILE_NAME).toFile());
        assertEquals("minmax", model.get("model").get("settings").get("scaling").asText());
        assertEquals("true", model.get("model").get("settings").get("missing.indicators").asText());
        assertTrue(header(out.resolve(CleanCommand.CLEANED)).contains("age_missing"));
        String cleaned = Files.readString(out.resolve(CleanCommand.CLEANED));
        assertFalse(cleaned.contains("C0000001"), "identifiers are pseudonymised");
        assertFalse(r.out().contains("C0000001") || r.err().contains("C0000001"), "and never printed");
    }

    @Test
    void aBadSettingIsOneLineNamingTheKeyAndWritesNothing() throws Exception {
        Path m1 = generate("month1.csv", 1);
        Path out = dir.resolve("out");
        CliRun r = segment("clean", "--input", m1.toString(), "--out", out.toString(), "--set", "scaling=log");
        assertEquals(1, r.exit());
        assertEquals("segment: setting 'scaling' must be one of zscore, robust, minmax, none, got 'log'",
                r.err().strip());
        assertFalse(Files.exists(out));
        CliRun unknown = segment("clean", "--input", m1.toString(), "--out", out.toString(), "--set", "scalling=none");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("did you mean 'scaling'?"), unknown.err());
    }

    @Test
    void applyToATableWithoutANeededColumnFailsAndLeavesTheOutputAsItWas() throws Exception {
        Path m1 = generate("month1.csv", 1);
        Path fitDir = dir.resolve("fit");
        assertEquals(0, segment("clean", "--input", m1.toString(), "--out", fitDir.toString()).exit());
        Path noAge = dir.resolve("no_age.csv");
        List<String> lines = Files.readAllLines(m1);
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            int a = line.indexOf(',');
            int b = line.indexOf(',', a + 1);
            sb.append(line, 0, a).append(line.substring(b)).append('\n');
        }
        Files.writeString(noAge, sb.toString());
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve(CleanCommand.CLEANED), "old");
        CliRun r = segment("clean", "--input", noAge.toString(), "--out", out.toString(), "--model", fitDir.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("segment: cannot apply the cleaning model: the table has no column 'age'"),
                r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("old", Files.readString(out.resolve(CleanCommand.CLEANED)), "nothing replaced");
        try (var s = Files.list(out)) {
            assertEquals(1, s.count(), "no staging directory left behind");
        }
    }

    @Test
    void aMissingModelIsOneLine() throws Exception {
        Path m1 = generate("month1.csv", 1);
        CliRun r = segment("clean", "--input", m1.toString(), "--out", dir.resolve("o").toString(), "--model",
                dir.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(CleaningModel.FILE_NAME) && r.err().contains("does not exist"), r.err());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertEquals(2, segment("clean").exit());
        assertEquals(2, segment("clean", "--input", "x.csv").exit(), "--out is required");
        Path m1 = generate("month1.csv", 1);
        CliRun r = segment("clean", "--input", m1.toString(), "--out", dir.resolve("o").toString(), "--model",
                dir.toString(), "--set", "scaling=none");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--set and --config cannot be used with --model"), r.err());
    }
}
