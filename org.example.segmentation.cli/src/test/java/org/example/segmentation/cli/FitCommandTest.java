package org.example.segmentation.cli;

import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.example.segmentation.core.segmentation.SegmentationModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code segment fit}, run in-process through {@link SegmentCli#run}. */
class FitCommandTest {

    /** Fast settings: a small k range, few refits. */
    private static final String[] FAST = {"--set", "k.max=4", "--set", "stability.runs=2", "--set", "restarts=3",
        "--set", "silhouette.sample_size=500"};

    @TempDir
    Path dir;

    /** {@code segment fit ARGS} with the {@link #FAST} settings. */
    static CliRun fit(String... args) {
        String[] all = new String[1 + args.length + FAST.length];
        all[0] = "fit";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(FAST, 0, all, 1 + args.length, FAST.length);
        return segment(all);
    }

    /** Generates month {@code snapshot} and cleans it (month 2 with month 1's cleaning model). */
    private Path cleaned(int snapshot) {
        Path raw = dir.resolve("month" + snapshot + ".csv");
        CliRun g = segment("generate", "--rows", "1200", "--seed", "5", "--snapshot", Integer.toString(snapshot),
                "--out", raw.toString());
        assertEquals(0, g.exit(), g.err());
        Path c = dir.resolve("c" + snapshot);
        CliRun clean = snapshot == 1 ? segment("clean", "--input", raw.toString(), "--out", c.toString(), "--set",
                "id.columns=customer_id")
                : segment("clean", "--input", raw.toString(), "--out", c.toString(), "--model", dir.resolve("c1")
                        .toString());
        assertEquals(0, clean.exit(), clean.err());
        return c.resolve(CleanCommand.CLEANED);
    }

    private static String header(Path csv) throws Exception {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
    }

    @Test
    void fitsAndThenCarriesIdsOverToTheNextMonth() throws Exception {
        Path month1 = cleaned(1);
        Path fit1 = dir.resolve("fit1");
        CliRun r = fit("--input", month1.toString(), "--out", fit1.toString(), "--cleaning",
                dir.resolve("c1").toString(), "--set", "name.S1=Biggest", "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("fit: segmented " + month1 + " (1194 rows; 23 features in "), r.out());
        assertTrue(r.out().contains("algorithm kmeans)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("k  silhouette  silhouette_simplified")), r.out());
        assertTrue(r.out().contains("\nchosen k = "), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("S1  Biggest ")), r.out());
        assertTrue(r.out().contains("wrote " + fit1 + ": " + FitCommand.SEGMENTED + ", " + SegmentationModel.FILE_NAME
                + ", " + FitCommand.K_SELECTION), r.out());
        assertEquals("customer_id,segment,segment_distance,segment_second,segment_confidence,out_of_range",
                header(fit1.resolve(FitCommand.SEGMENTED)));
        assertEquals(1195, Files.readAllLines(fit1.resolve(FitCommand.SEGMENTED)).size());
        assertEquals("k,inertia,silhouette,silhouette_simplified,calinski_harabasz,davies_bouldin,stability,"
                + "min_segment_share,chosen,reason", header(fit1.resolve(FitCommand.K_SELECTION)));
        assertEquals(4, Files.readAllLines(fit1.resolve(FitCommand.K_SELECTION)).size(), "header + k = 2, 3, 4");
        JsonNode model = new ObjectMapper().readTree(fit1.resolve(SegmentationModel.FILE_NAME).toFile());
        assertEquals("segmentation_model", model.get("kind").asText());
        assertTrue(model.at("/provenance/settings/threads").isMissingNode(), "--threads is taken, and a model does not "
                + "record it (same file whatever the thread count)");
        assertEquals("cleaning", model.at("/model/numeric_features/0/source").asText(),
                "--cleaning: the cleaner's z-scores are used as they are");
        int k = model.at("/model/segments").size();

        Path month2 = cleaned(2);
        Path fit2 = dir.resolve("fit2");
        CliRun r2 = fit("--input", month2.toString(), "--out", fit2.toString(), "--cleaning",
                dir.resolve("c1").toString(), "--previous", fit1.toString(), "--set", "k=" + k);
        assertEquals(0, r2.exit(), r2.err());
        assertTrue(r2.out().lines().anyMatch(l -> l.startsWith("S1  Biggest ") && l.contains("carried over (moved ")),
                r2.out());
        JsonNode model2 = new ObjectMapper().readTree(fit2.resolve(SegmentationModel.FILE_NAME).toFile());
        assertEquals("Biggest", model2.at("/model/segments/0/name").asText());
        assertEquals(k, model2.at("/model/carry_over/carried_ids").size());
        assertEquals(2, Files.readAllLines(fit2.resolve(FitCommand.K_SELECTION)).size(), "a fixed k: one row");
    }

    @Test
    void rawDataWithMissingValuesFailsWithOneLine() throws Exception {
        Path raw = dir.resolve("raw.csv");
        assertEquals(0, segment("generate", "--rows", "300", "--seed", "5", "--out", raw.toString()).exit());
        CliRun r = fit("--input", raw.toString(), "--out", dir.resolve("x").toString(),
                "--set", "id.columns=customer_id");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().startsWith("segment: cannot segment: "), r.err());
        assertTrue(r.err().contains("missing values"), r.err());
        assertFalse(Files.exists(dir.resolve("x").resolve(FitCommand.SEGMENTED)));
    }

    @Test
    void badSettingsAndUsage() throws Exception {
        Path month1 = cleaned(1);
        CliRun bad = segment("fit", "--input", month1.toString(), "--out", dir.resolve("y").toString(), "--set",
                "algorithm=dbscan");
        assertEquals(1, bad.exit());
        assertEquals("segment: setting 'algorithm' must be one of kmeans, minibatch, kprototypes, em, hierarchical, "
                + "got 'dbscan'",
                bad.err().strip());
        CliRun unknown = segment("fit", "--input", month1.toString(), "--out", dir.resolve("y").toString(), "--set",
                "kmax=8");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().startsWith("segment: unknown segmenter setting 'kmax'; did you mean 'k.max'?"),
                unknown.err());
        CliRun usage = segment("fit", "--out", dir.resolve("y").toString());
        assertEquals(2, usage.exit());
        assertTrue(usage.err().contains("Missing required option: '--input=FILE'"), usage.err());
        CliRun noPrevious = fit("--input", month1.toString(), "--out",
                dir.resolve("y").toString(), "--previous", dir.resolve("nowhere").toString());
        assertEquals(1, noPrevious.exit());
        assertTrue(noPrevious.err().contains("does not exist"), noPrevious.err());
        assertEquals(List.of(), List.of(dir.resolve("y").toFile().list() == null ? new String[0]
                : dir.resolve("y").toFile().list()));
    }
}
