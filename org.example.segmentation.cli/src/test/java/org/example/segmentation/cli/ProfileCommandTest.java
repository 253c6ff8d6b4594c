package org.example.segmentation.cli;

import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code segment profile}, run in-process through {@link SegmentCli#run}. */
class ProfileCommandTest {

    @TempDir
    Path dir;

    private Path generate() {
        Path f = dir.resolve("customers.csv");
        CliRun r = segment("generate", "--rows", "3000", "--seed", "5", "--with-truth", "--no-problems", "--out",
                f.toString());
        assertEquals(0, r.exit(), r.err());
        return f;
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void profilesThePlantedPersonas() throws Exception {
        Path input = generate();
        Path outDir = dir.resolve("profile");
        CliRun r = segment("profile", "--input", input.toString(), "--out", outDir.toString(), "--set",
                "segment.column=true_persona", "--set",
                "exclude=true_life_stage,true_capability,true_trust,true_engagement", "--set",
                "labels={\"app_logins_30d\":\"app use\"}");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Segment profiles: 3000 customers in 6 segments (segment column "
                + "'true_persona'), 23 features\n\nanalog ("), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("nomad (") && l.contains("): Very high app use (index ")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("analog (")
                && l.contains("): Very high branch visits (90 days, index ")), r.out());
        assertTrue(r.out().contains("wrote " + outDir + ": " + ProfileCommand.PROFILE + ", " + ProfileCommand.SUMMARY
                + ", " + ProfileCommand.DESCRIPTIONS), r.out());
        assertFalse(r.out().contains("Notes:"), "warnings go to stderr");
        assertEquals("segment: warning: text column 'customer_id' (identifiers or unconverted text) is not profiled",
                r.err().strip());

        List<String> summary = lines(outDir.resolve(ProfileCommand.SUMMARY));
        assertEquals("segment,size,share,top_features,description", summary.get(0));
        assertEquals(7, summary.size());
        assertTrue(summary.get(4).startsWith("nomad,"), summary.get(4));
        List<String> profile = lines(outDir.resolve(ProfileCommand.PROFILE));
        assertEquals("segment,feature,level,statistic,value", profile.get(0));
        assertTrue(profile.get(1).startsWith("(population),age,,count,3000"), profile.get(1));
        assertTrue(profile.stream().anyMatch(l -> l.startsWith("nomad,app_logins_30d,,p_value,")));
        assertTrue(profile.stream().anyMatch(l -> l.startsWith("paranoid,preferred_channel,web,lift,")));
        String text = Files.readString(outDir.resolve(ProfileCommand.DESCRIPTIONS), StandardCharsets.UTF_8);
        assertTrue(text.startsWith(r.out().substring(0, r.out().indexOf("\nwrote "))), text);
        assertTrue(text.endsWith("Notes:\n- text column 'customer_id' (identifiers or unconverted text) is not "
                + "profiled\n"), text);
        try (var files = Files.list(outDir)) {
            assertEquals(3, files.count(), "no staging directory left behind");
        }
    }

    @Test
    void profilesAHandMadeSegmentation() throws Exception {
        Path input = dir.resolve("kmeans.csv");
        StringBuilder sb = new StringBuilder("id,Cluster,visits,plan\n");
        for (int i = 0; i < 40; i++) {
            boolean first = i < 20;
            sb.append("C").append(i).append(',').append(first ? "cluster_10" : "cluster_2").append(',')
                    .append(first ? 10 + i % 3 : 1 + i % 2).append(',').append(first == (i % 5 != 0) ? "gold" : "basic")
                    .append('\n');
        }
        Files.writeString(input, sb.toString());
        CliRun r = segment("profile", "--input", input.toString(), "--out", dir.resolve("o").toString(), "--set",
                "segment.column=Cluster");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(2).startsWith("cluster_2 (20 customers, 50.0%): Very low visits (index "), r.out());
        assertTrue(lines.get(3).startsWith("cluster_10 (20 customers, 50.0%): Very high visits (index "), r.out());
    }

    @Test
    void missingSegmentColumnIsOneLineNamingItAndNothingIsWritten() throws Exception {
        Path input = generate();
        Path outDir = dir.resolve("out");
        CliRun r = segment("profile", "--input", input.toString(), "--out", outDir.toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("segment: segment column 'segment' (setting 'segment.column') is not in the "
                + "table; the table has 'customer_id', "), r.err());
        assertFalse(Files.exists(outDir));
    }

    @Test
    void badSettingIsOneLineNamingTheKey() throws Exception {
        Path outDir = dir.resolve("out");
        CliRun r = segment("profile", "--input", dir.resolve("never-read.csv").toString(), "--out", outDir.toString(),
                "--set", "effect.high=big");
        assertEquals(1, r.exit());
        assertEquals("segment: setting 'effect.high' must be a number from 0 to 10, got 'big'", r.err().strip());
        CliRun unknown = segment("profile", "--input", "x.csv", "--out", outDir.toString(), "--set", "top_feature=2");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("did you mean 'top_features'"), unknown.err());
        assertFalse(Files.exists(outDir));
    }

    @Test
    void missingInputFileIsBadInput() {
        CliRun r = segment("profile", "--input", dir.resolve("nowhere.csv").toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, segment("profile", "--out", dir.toString()).exit(), "--input is required");
        assertEquals(2, segment("profile", "--input", "x.csv").exit(), "--out is required");
        assertEquals(2, segment("profile", "--input", "x.csv", "--out", "o", "--bogus").exit());
    }

    @Test
    void helpListsTheCommand() {
        CliRun r = segment("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("profile"), r.out());
        CliRun help = segment("profile", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--set=KEY=VALUE") && help.out().contains("docs/profiling.md"), help.out());
    }
}
