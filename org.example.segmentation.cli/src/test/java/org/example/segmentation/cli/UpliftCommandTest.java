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

/** {@code segment uplift}, run in-process through {@link SegmentCli#run}. */
class UpliftCommandTest {

    @TempDir
    Path dir;

    /**
     * Newcombe's examples as two segments: A 56/70 treated vs 48/80 control converted, B 9/10 vs 3/10; plus two
     * holdout customers.
     */
    private Path campaign() throws Exception {
        StringBuilder sb = new StringBuilder("customer_id,segment,group,converted\n");
        int id = 0;
        id = rows(sb, id, "A", "treatment", 56, 70);
        id = rows(sb, id, "A", "control", 48, 80);
        id = rows(sb, id, "B", "treatment", 9, 10);
        id = rows(sb, id, "B", "control", 3, 10);
        sb.append("H1,A,holdout,\nH2,B,holdout,1\n");
        Path f = dir.resolve("campaign.csv");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        return f;
    }

    private static int rows(StringBuilder sb, int id, String segment, String group, int converted, int n) {
        for (int i = 0; i < n; i++) {
            sb.append("C").append(id++).append(',').append(segment).append(',').append(group).append(',')
                    .append(i < converted ? 1 : 0).append('\n');
        }
        return id;
    }

    @Test
    void readoutWritesUpliftCsvAndPrintsASummary() throws Exception {
        Path out = dir.resolve("out");
        CliRun r = segment("uplift", "--input", campaign().toString(), "--out", out.toString(), "--set",
                "outcome.column=converted", "--set", "segment.column=segment", "--set", "control.share=0.5",
                "--set", "id.column=customer_id");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("uplift: binary outcome 'converted' by 'segment' from "), r.out());
        assertTrue(r.out().contains("90 control, 2 holdout left out"), r.out());
        assertTrue(r.out().contains("[0.052431, 0.33387]"), r.out());
        assertTrue(r.out().contains("Benjamini-Hochberg across 2 segments"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("uplift.csv"), StandardCharsets.UTF_8);
        assertEquals("segment,treated_n,control_n,treated_rate,control_rate,abs_lift,rel_lift,ci_low,ci_high,"
                + "incremental,test_statistic,p_value,p_adjusted,significant,srm_p_value,warning", csv.get(0));
        assertEquals(4, csv.size());
        assertTrue(csv.get(1).startsWith("A,70,80,0.8,0.6,"), csv.get(1));
        assertTrue(csv.get(3).startsWith("(all),80,90,"), csv.get(3));
        assertTrue(r.err().contains("segment: warning: segment 'B': small sample"), r.err());
    }

    @Test
    void notZeroOneOutcomeFailsNamingRowAndValue() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "group,converted\ntreatment,1\ncontrol,0\ntreatment,2\n", StandardCharsets.UTF_8);
        CliRun r = segment("uplift", "--input", f.toString(), "--out", dir.resolve("o").toString(), "--set",
                "outcome.column=converted", "--set", "outcome.type=binary");
        assertEquals(1, r.exit());
        assertEquals("segment: column 'converted', row 3: outcome '2' is not 0 or 1; a binary outcome (conversion) "
                + "must be 0 or 1 (set outcome.type=numeric for amounts)", r.err().strip());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void missingOutcomeSettingFails() throws Exception {
        CliRun r = segment("uplift", "--input", campaign().toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("segment: uplift setting 'outcome.column' is required for a readout"), r.err());
    }

    @Test
    void planWritesMinimumDetectableEffects() throws Exception {
        StringBuilder sb = new StringBuilder("customer_id,segment\n");
        for (int i = 0; i < 10_050; i++) {
            sb.append("C").append(i).append(',').append(i < 10_000 ? "big" : "small").append('\n');
        }
        Path f = dir.resolve("customers.csv");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        Path out = dir.resolve("plan");
        CliRun r = segment("uplift", "--plan", "--input", f.toString(), "--out", out.toString(), "--set",
                "segment.column=segment", "--set", "base_rate=0.05", "--set", "target_effect=0.01");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("plan: base rate 0.05, alpha 0.05 (two-sided), power 0.8; group sizes from "
                + "control share 0.1; target lift 0.01"), r.out());
        assertTrue(r.out().contains("impossible"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("uplift_plan.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.get(1).startsWith("big,10000,9000,1000,0.1,0.05,0.05,0.8,0.0203530447"), csv.get(1));
        assertTrue(r.err().contains("segment: warning: segment 'big': impossible: even a 50/50 split of 10000 "
                + "customers cannot detect a lift of 0.01; that needs at least 14913 customers"), r.err());
    }

    @Test
    void planNeedsABaseRate() throws Exception {
        CliRun r = segment("uplift", "--plan", "--input", campaign().toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("segment: uplift setting 'base_rate' is required for planning"), r.err());
    }

    @Test
    void controlThenUpliftEndToEnd() throws Exception {
        Path customers = dir.resolve("customers.csv");
        assertEquals(0, segment("generate", "--rows", "3000", "--seed", "9", "--no-problems", "--out",
                customers.toString()).exit());
        Path assigned = dir.resolve("assigned");
        assertEquals(0, segment("control", "--input", customers.toString(), "--out", assigned.toString(), "--set",
                "salt=e2e", "--set", "stratify.by=preferred_channel", "--quiet").exit());
        // a campaign outcome: revenue from the row's balance, plus 5 for treated customers
        List<String> lines = Files.readAllLines(assigned.resolve("groups.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int balance = header.indexOf("balance");
        StringBuilder sb = new StringBuilder(lines.get(0)).append(",revenue\n");
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            double revenue = Math.abs(Double.parseDouble(c[balance])) % 97
                    + (c[c.length - 1].equals("treatment") ? 5 : 0);
            sb.append(line).append(',').append(revenue).append('\n');
        }
        Path withOutcome = dir.resolve("with_outcome.csv");
        Files.writeString(withOutcome, sb.toString(), StandardCharsets.UTF_8);
        CliRun r = segment("uplift", "--input", withOutcome.toString(), "--out", dir.resolve("uplift").toString(),
                "--set", "outcome.column=revenue", "--set", "segment.column=preferred_channel");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("uplift: numeric outcome 'revenue' by 'preferred_channel'"), r.out());
        assertTrue(r.out().contains("Welch t interval and test"), r.out());
        assertFalse(r.err().contains("sample ratio mismatch"), "stratified split: " + r.err());
    }
}
