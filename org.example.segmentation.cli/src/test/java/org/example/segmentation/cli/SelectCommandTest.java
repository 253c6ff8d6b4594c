package org.example.segmentation.cli;

import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.example.segmentation.core.selection.FeatureSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code segment select}, run in-process through {@link SegmentCli#run}. */
class SelectCommandTest {

    @TempDir
    Path dir;

    private Path generate(String name, int snapshot) {
        Path f = dir.resolve(name);
        CliRun r = segment("generate", "--rows", "800", "--seed", "23", "--snapshot", Integer.toString(snapshot), "--out",
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
        CliRun fit = segment("select", "--input", m1.toString(), "--out", fitDir.toString(), "--set", "max_features=8",
                "--set", "id.columns=customer_id");
        assertEquals(0, fit.exit(), fit.err());
        assertTrue(fit.out().startsWith("select: fitted on " + m1), fit.out());
        assertTrue(fit.out().contains("rows: 800; identifiers: customer_id"), fit.out());
        assertTrue(fit.out().contains("features: 8 selected of 24 candidates: "), fit.out());
        assertTrue(fit.out().lines().anyMatch(l -> l.startsWith("currency ") && l.contains("dominant_level")),
                fit.out());
        assertTrue(fit.out().contains("wrote " + fitDir + ": " + SelectCommand.SELECTED + ", "
                + FeatureSelection.FILE_NAME + ", " + SelectCommand.REPORT), fit.out());
        assertTrue(fit.err().contains("segment: warning: ") && fit.err().contains("monthly_income"),
                "the reader's warnings go to stderr: " + fit.err());
        assertEquals("feature,type,status,rule,value,other_feature,rank,score,missing_share,scaled_variance,"
                + "dominant_share", header(fitDir.resolve(SelectCommand.REPORT)));
        assertEquals(27, Files.readAllLines(fitDir.resolve(SelectCommand.REPORT)).size(),
                "header + one row per column");
        String selectedHeader = header(fitDir.resolve(SelectCommand.SELECTED));
        assertTrue(selectedHeader.startsWith("customer_id,"), selectedHeader);
        assertEquals(9, selectedHeader.split(",").length);
        JsonNode model = new ObjectMapper().readTree(fitDir.resolve(FeatureSelection.FILE_NAME).toFile());
        assertEquals("feature_selection", model.get("kind").asText());
        assertEquals("8", model.at("/model/settings/max_features").asText());

        Path applyDir = dir.resolve("apply");
        CliRun apply = segment("select", "--input", m2.toString(), "--out", applyDir.toString(), "--model",
                fitDir.toString());
        assertEquals(0, apply.exit(), apply.err());
        assertTrue(apply.out().startsWith(
                "select: applied " + fitDir.resolve(FeatureSelection.FILE_NAME) + " to " + m2), apply.out());
        assertEquals(selectedHeader, header(applyDir.resolve(SelectCommand.SELECTED)),
                "month 2 gets month 1's columns");
        try (var files = Files.list(applyDir)) {
            assertEquals(List.of(SelectCommand.SELECTED), files.map(p -> p.getFileName().toString()).toList());
        }

        // the model file itself works as --model too
        CliRun again = segment("select", "--input", m2.toString(), "--out", dir.resolve("again").toString(), "--model",
                fitDir.resolve(FeatureSelection.FILE_NAME).toString());
        assertEquals(0, again.exit(), again.err());
    }

    @Test
    void cleanThenSelectThenApplyBothToNextMonth() throws Exception {
        Path m1 = generate("month1.csv", 1);
        Path m2 = generate("month2.csv", 2);
        assertEquals(0, segment("clean", "--input", m1.toString(), "--out", dir.resolve("c1").toString()).exit());
        CliRun fit = segment("select", "--input", dir.resolve("c1").resolve(CleanCommand.CLEANED).toString(), "--out",
                dir.resolve("s1").toString(), "--set", "max_features=6");
        assertEquals(0, fit.exit(), fit.err());
        assertTrue(fit.out().contains("features: 6 selected of "), fit.out());

        assertEquals(0, segment("clean", "--input", m2.toString(), "--out", dir.resolve("c2").toString(), "--model",
                dir.resolve("c1").toString()).exit());
        CliRun apply = segment("select", "--input", dir.resolve("c2").resolve(CleanCommand.CLEANED).toString(), "--out",
                dir.resolve("s2").toString(), "--model", dir.resolve("s1").toString());
        assertEquals(0, apply.exit(), apply.err());
        assertEquals(header(dir.resolve("s1").resolve(SelectCommand.SELECTED)),
                header(dir.resolve("s2").resolve(SelectCommand.SELECTED)));
    }

    @Test
    void supervisedRankingNamesTheTarget() throws Exception {
        Path f = dir.resolve("campaign.csv");
        StringBuilder sb = new StringBuilder("id,plan,age,converted\n");
        for (int i = 0; i < 40; i++) {
            sb.append("C").append(i).append(',').append(i < 20 ? "gold" : "silver").append(',').append(20 + i % 20)
                    .append(',').append(i < 20 ? "yes" : "no").append('\n');
        }
        Files.writeString(f, sb.toString());
        CliRun r = segment("select", "--input", f.toString(), "--out", dir.resolve("s").toString(), "--set",
                "target=converted", "--set", "max_features=1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("features: 1 selected of 2 candidates, ranked against target 'converted': plan"),
                r.out());
        assertEquals("id,plan", header(dir.resolve("s").resolve(SelectCommand.SELECTED)));
    }

    @Test
    void badSettingIsOneLineNamingTheKeyAndNothingIsWritten() throws Exception {
        Path m1 = generate("month1.csv", 1);
        Path outDir = dir.resolve("out");
        CliRun r = segment("select", "--input", m1.toString(), "--out", outDir.toString(), "--set",
                "correlation.method=kendall");
        assertEquals(1, r.exit());
        assertEquals("segment: setting 'correlation.method' must be one of pearson, spearman, got 'kendall'",
                r.err().strip());
        assertFalse(Files.exists(outDir));

        CliRun unknown = segment("select", "--input", m1.toString(), "--out", outDir.toString(), "--set", "max_feature=3");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("did you mean 'max_features'"), unknown.err());

        CliRun absent = segment("select", "--input", m1.toString(), "--out", outDir.toString(), "--set", "include=agee");
        assertEquals(1, absent.exit());
        assertTrue(absent.err().startsWith("segment: setting 'include' names column 'agee', which the table does not "
                + "have"), absent.err());
        assertFalse(Files.exists(outDir), "a failed run leaves no output directory");
    }

    @Test
    void applyToATableWithoutTheFeaturesFails() throws Exception {
        Path m1 = generate("month1.csv", 1);
        assertEquals(0, segment("select", "--input", m1.toString(), "--out", dir.resolve("fit").toString()).exit());
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "customer_id,age\nC1,30\nC2,40\n");
        CliRun r = segment("select", "--input", other.toString(), "--out", dir.resolve("o").toString(), "--model",
                dir.resolve("fit").toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("segment: the table does not fit the feature selection: it lacks columns "),
                r.err());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertEquals(2, segment("select", "--out", dir.toString()).exit(), "--input is required");
        assertEquals(2, segment("select", "--input", "x.csv").exit(), "--out is required");
        CliRun mixed = segment("select", "--input", "x.csv", "--out", dir.resolve("o").toString(), "--model",
                dir.toString(), "--set", "max_features=3");
        assertEquals(2, mixed.exit());
        assertTrue(mixed.err().contains("--set and --config cannot be used with --model"), mixed.err());
    }

    @Test
    void missingModelFileIsBadInput() {
        CliRun r = segment("select", "--input", "x.csv", "--out", dir.resolve("o").toString(), "--model",
                dir.resolve("nowhere").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("does not exist"), r.err());
    }
}
