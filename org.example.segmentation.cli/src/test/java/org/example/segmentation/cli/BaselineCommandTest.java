package org.example.segmentation.cli;

import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.example.segmentation.core.drift.DriftBaseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code segment baseline}, run in-process through {@link SegmentCli#run}. */
class BaselineCommandTest {

    @TempDir
    Path dir;

    static Path generate(Path dir, String name, int snapshot, long seed, boolean truth) {
        Path f = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--rows", "3000", "--seed", Long.toString(seed),
                "--snapshot", Integer.toString(snapshot), "--out", f.toString()));
        if (truth) {
            args.add("--with-truth");
        }
        CliRun r = segment(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.err());
        return f;
    }

    @Test
    void fitsAndWritesTheBaseline() throws Exception {
        Path m1 = generate(dir, "month1.csv", 1, 42, false);
        Path out = dir.resolve("baseline");
        CliRun r = segment("baseline", "--input", m1.toString(), "--out", out.toString(), "--set", "sample_size=1000");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("baseline: fitted on " + m1), r.out());
        assertTrue(r.out().contains("rows: 3000; features: 19 numeric, 5 categorical; segmentation features: all"),
                r.out());
        assertTrue(r.out().contains("segments: not monitored (no column 'segment')"), r.out());
        assertTrue(r.out().contains("wrote " + out + ": " + DriftBaseline.FILE_NAME), r.out());
        DriftBaseline b = DriftBaseline.load(out.resolve(DriftBaseline.FILE_NAME));
        assertEquals(3000, b.rows());
        assertEquals(1000, b.config().sampleSize());
        assertFalse(b.features().contains("customer_id"));
        assertFalse(b.features().contains("monthly_income"), "text with planted problems: not a feature");
        try (var s = Files.list(out)) {
            assertEquals(1, s.count(), "only the baseline, no staging directory");
        }
    }

    @Test
    void segmentColumnAndSegmentationFeatures() {
        Path m1 = generate(dir, "month1.csv", 1, 42, true);
        Path out = dir.resolve("baseline");
        CliRun r = segment("baseline", "--input", m1.toString(), "--out", out.toString(), "--set",
                "segment.column=true_persona", "--set", "segmentation.features=app_logins_30d,web_sessions_30d");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("segmentation features: app_logins_30d, web_sessions_30d"), r.out());
        assertTrue(r.out().contains("segments: 6 from column 'true_persona': analog, chameleon, mainstreamer, nomad, "
                + "paranoid, wannabe"), r.out());
    }

    @Test
    void badSettingsAndColumnsAreOneLine() {
        Path m1 = generate(dir, "month1.csv", 1, 42, false);
        Path out = dir.resolve("baseline");
        CliRun bins = segment("baseline", "--input", m1.toString(), "--out", out.toString(), "--set", "bins=1");
        assertEquals(1, bins.exit());
        assertEquals("segment: setting 'bins' must be an integer from 2 to 100, got '1'", bins.err().strip());
        assertFalse(Files.exists(out), "nothing written");
        CliRun missing = segment("baseline", "--input", m1.toString(), "--out", out.toString(), "--set",
                "features=age,Região");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().startsWith("segment: setting 'features' names column 'Região', which the reference "
                + "table does not have"), missing.err());
        assertEquals(1, missing.err().strip().lines().count());
        CliRun usage = segment("baseline", "--input", m1.toString());
        assertEquals(2, usage.exit());
        assertTrue(usage.err().contains("Missing required option: '--out=DIR'"), usage.err());
    }
}
