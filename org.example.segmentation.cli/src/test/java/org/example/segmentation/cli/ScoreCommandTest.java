package org.example.segmentation.cli;

import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.example.segmentation.core.scoring.ScoringModel;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code segment score}: fit and score, apply saved models streamed, bad input, and memory on a large file. */
class ScoreCommandTest {
    /** Rows of the large file scored in a child JVM with a 256 MB heap (1,000,000 measured by hand: docs/scoring.md). */
    static final int LARGE_ROWS = 300_000;

    @TempDir
    Path dir;

    private Path generate(String name, int rows, int snapshot) {
        Path file = dir.resolve(name);
        CliRun g = segment("generate", "--rows", Integer.toString(rows), "--seed", "11", "--snapshot",
                Integer.toString(snapshot), "--out", file.toString());
        assertEquals(0, g.exit(), g.err());
        return file;
    }

    private static String header(Path csv) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return r.readLine();
        }
    }

    private static long lines(Path csv) throws IOException {
        try (var s = Files.lines(csv, StandardCharsets.UTF_8)) {
            return s.count();
        }
    }

    @Test
    void fitsScoresAndThenScoresNextMonthWithSavedModels() throws IOException {
        Path month1 = generate("month1.csv", 1500, 1);
        Path month2 = generate("month2.csv", 1500, 2);
        Path fit = dir.resolve("score1");
        CliRun r = segment("score", "--input", month1.toString(), "--out", fit.toString(), "--set",
                "archetype.borderline_margin=3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("score: fitted on " + month1 + " (1500 rows; score indicators app_logins_30d,"),
                r.out());
        assertTrue(r.out().contains("archetypes: Analogs "), r.out());
        assertTrue(r.out().contains("wrote " + fit + ": " + ScoreCommand.SCORED + ", " + ScoringModel.FILE_NAME),
                r.out());
        assertTrue(r.err().contains("segment: warning: column 'monthly_income'"), "reader warnings are passed on");
        String scoredHeader = header(fit.resolve(ScoreCommand.SCORED));
        assertTrue(scoredHeader.startsWith("customer_id,digital_score,digital_score_status,points_app_logins_30d,"),
                scoredHeader);
        assertTrue(scoredHeader.endsWith(",channel_first,channel_second,lifecycle_stage,engagement_level,"
                + "product_depth,third_party_offer_allowed"), scoredHeader);
        assertEquals(1501, lines(fit.resolve(ScoreCommand.SCORED)));
        assertTrue(Files.readString(fit.resolve(ScoringModel.FILE_NAME)).contains(
                "\"archetype.borderline_margin\" : \"3.0\""), "settings are kept in the model");

        // Month 2 through the cleaning, segmentation and scoring models, in chunks of 400 rows.
        assertEquals(0, segment("clean", "--input", month1.toString(), "--out", dir.resolve("c1").toString(),
                "--set", "id.columns=customer_id").exit());
        CliRun f = segment("fit", "--input", dir.resolve("c1").resolve(CleanCommand.CLEANED).toString(), "--out",
                dir.resolve("f1").toString(), "--set", "k=4", "--set", "restarts=2");
        assertEquals(0, f.exit(), f.err());
        Path apply = dir.resolve("score2");
        CliRun a = segment("score", "--input", month2.toString(), "--out", apply.toString(), "--model",
                fit.toString(), "--cleaning-model", dir.resolve("c1").toString(), "--segmentation-model",
                dir.resolve("f1").resolve(SegmentationModel.FILE_NAME).toString(), "--chunk-rows", "400");
        assertEquals(0, a.exit(), a.err());
        long rows2 = lines(month2) - 1;
        assertTrue(a.out().startsWith("score: scored " + month2 + " with " + fit.resolve(ScoringModel.FILE_NAME) + " ("
                + rows2 + " rows in " + ((rows2 + 399) / 400) + " chunks)"), a.out());
        assertTrue(a.out().contains("\nout of range: "), a.out());
        assertEquals(rows2 + 1, lines(apply.resolve(ScoreCommand.SCORED)));
        assertTrue(header(apply.resolve(ScoreCommand.SCORED)).startsWith("customer_id,segment,segment_distance,"
                + "segment_second,segment_confidence,out_of_range,digital_score,"));
        assertFalse(Files.exists(apply.resolve(ScoringModel.FILE_NAME)), "applying writes no model");
    }

    @Test
    void badInputFailsWithOneClearLine() throws IOException {
        Path month = generate("m.csv", 200, 1);
        CliRun unknown = segment("score", "--input", month.toString(), "--out", dir.resolve("o").toString(), "--set",
                "score.indicators=app_logins_30d, nosuch_column");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().startsWith("segment: scoring: setting 'score.indicators' names column 'nosuch_column', "
                + "which the table does not have"), unknown.err());
        assertFalse(Files.exists(dir.resolve("o")), "a failed run leaves no output directory");
        CliRun zero = segment("score", "--input", month.toString(), "--out", dir.resolve("o").toString(), "--set",
                "score.indicators=app_logins_30d", "--set", "score.weight.app_logins_30d=0");
        assertEquals(1, zero.exit());
        assertTrue(zero.err().contains("sum to 0"), zero.err());
        CliRun overlap = segment("score", "--input", month.toString(), "--out", dir.resolve("o").toString(), "--set",
                "archetype.regions=A=0..60x0..100; B=50..100x0..100", "--set", "channel.rules=*=email");
        assertEquals(1, overlap.exit());
        assertTrue(overlap.err().contains("regions 'A=0..60x0..100' and 'B=50..100x0..100' overlap"), overlap.err());
        CliRun both = segment("score", "--input", month.toString(), "--out", dir.resolve("o").toString(), "--model",
                dir.toString(), "--set", "id_column=x");
        assertEquals(2, both.exit(), both.err());
        CliRun cleaningOnly = segment("score", "--input", month.toString(), "--out", dir.resolve("o").toString(),
                "--cleaning-model", dir.resolve("nope.json").toString());
        assertEquals(1, cleaningOnly.exit());
        assertTrue(cleaningOnly.err().contains("nope.json does not exist"), cleaningOnly.err());
    }

    /**
     * Scores a large generated file with a saved model in a child JVM limited to 256 MB of heap: the scoring streams,
     * so it succeeds and writes one row per input row. (The generator needs the whole table in memory, so the file is
     * generated in this JVM.)
     */
    @Test
    void scoresALargeFileInAChildJvmWithASmallHeap() throws Exception {
        Path small = generate("small.csv", 2000, 1);
        Path models = dir.resolve("models");
        assertEquals(0, segment("score", "--input", small.toString(), "--out", models.toString()).exit());
        Path large = generate("large.csv", LARGE_ROWS, 2);
        long rows = lines(large) - 1;
        Path out = dir.resolve("scored-large");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", CliRun.testClassPath(),
                SegmentCli.class.getName(), "score", "--quiet", "--input", large.toString(), "--out", out.toString(),
                "--model", models.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the child JVM finished");
        String log = Files.readString(dir.resolve("child.log"));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("(" + rows + " rows in "), log);
        assertEquals(rows + 1, lines(out.resolve(ScoreCommand.SCORED)));
    }
}
