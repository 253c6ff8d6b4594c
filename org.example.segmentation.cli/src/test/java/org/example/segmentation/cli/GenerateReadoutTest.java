package org.example.segmentation.cli;

import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code segment generate --readout-for}: a campaign readout whose planted uplift the readout recovers. */
class GenerateReadoutTest {
    private static final int ROWS = 60_000;

    @TempDir
    Path dir;

    /**
     * Row i: id C(i + 1); control and treatment alternately; segment S1..S6 for each pair in turn; every tenth block
     * of twelve rows holdout. So each segment has as many control as treated customers.
     */
    private static Table customers(boolean reversed) {
        String[] ids = new String[ROWS];
        String[] groups = new String[ROWS];
        String[] segments = new String[ROWS];
        for (int k = 0; k < ROWS; k++) {
            int i = reversed ? ROWS - 1 - k : k;
            ids[k] = String.format("C%07d", i + 1);
            groups[k] = i / 12 % 10 == 9 ? "holdout" : i % 2 == 0 ? "control" : "treatment";
            segments[k] = "S" + (1 + i / 2 % 6);
        }
        return Table.of(TextColumn.of("customer_id", ids), CategoricalColumn.of("group", groups),
                CategoricalColumn.of("segment", segments));
    }

    @Test
    void theReadoutRecoversThePlantedUplift() throws Exception {
        Path in = dir.resolve("customers.csv");
        CsvWriter.defaults().write(customers(false), in);
        Path readout = dir.resolve("readout.csv");
        CliRun g = segment("generate", "--readout-for", in.toString(), "--out", readout.toString(), "--seed", "7");
        assertEquals(0, g.exit(), g.err());
        Table r = CsvReader.read(readout).table();
        assertEquals(List.of("customer_id", "group", "segment", "converted"), r.columnNames());
        assertEquals(ROWS - ROWS / 10, r.rowCount(), "holdout customers are not in the readout");

        CliRun u = segment("uplift", "--input", readout.toString(), "--out", dir.resolve("uplift").toString(), "--set",
                "outcome.column=converted", "--set", "segment.column=segment", "--set", "control.share=0.5");
        assertEquals(0, u.exit(), u.err());
        Table lift = CsvReader.read(dir.resolve("uplift").resolve("uplift.csv")).table();
        // docs/generator.md: control converts at 0.04 + 0.01 (j - 1) in segment Sj; treatment adds 0.06, 0.03, 0, 0.02,
        // 0, 0 points. Each group here holds ROWS x 0.9 / 2 / 6 = 4500 customers per segment; the estimate's standard
        // error is sqrt(p1 (1 - p1) / n + p0 (1 - p0) / n), and it must lie within 4 of them of the planted uplift.
        double[] planted = {0.06, 0.03, 0, 0.02, 0, 0};
        int n = ROWS * 9 / 10 / 2 / 6;
        for (int j = 1; j <= 6; j++) {
            int row = rowOf(lift, "S" + j);
            assertEquals(n, (int) lift.numeric("treated_n").value(row));
            assertEquals(n, (int) lift.numeric("control_n").value(row));
            double p0 = 0.04 + 0.01 * (j - 1);
            double p1 = p0 + planted[j - 1];
            double se = Math.sqrt(p1 * (1 - p1) / n + p0 * (1 - p0) / n);
            double estimate = lift.numeric("abs_lift").value(row);
            assertTrue(Math.abs(estimate - planted[j - 1]) < 4 * se,
                    "S" + j + ": estimate " + estimate + ", planted " + planted[j - 1] + ", se " + se);
        }
        // S1's six points are far beyond chance at this size
        assertEquals("true", lift.column("significant").format(rowOf(lift, "S1")));

        // a customer's outcome depends on the seed and the id only: reversing the rows changes nothing per id
        Path reversedIn = dir.resolve("reversed.csv");
        CsvWriter.defaults().write(customers(true), reversedIn);
        Path again = dir.resolve("again.csv");
        assertEquals(0, segment("generate", "--readout-for", reversedIn.toString(), "--out", again.toString(),
                "--seed", "7").exit());
        assertArrayEquals(byId(r), byId(CsvReader.read(again).table()));
    }

    @Test
    void theShippedReadoutIsWhatTheReadmeCommandsGive() throws Exception {
        // README, Sample data: run pipeline 03 on month 1, then generate the readout from its scored customers
        Path workflows = Path.of("..", "workflows");
        Path campaign = dir.resolve("campaign");
        CliRun run = segment("run", workflows.resolve("03-control-group-uplift.yaml").toString(), "--input",
                workflows.resolve("data").resolve("customers_month1.csv").toString(), "--out", campaign.toString());
        assertEquals(0, run.exit(), run.err());
        Path readout = dir.resolve("campaign_readout.csv");
        CliRun g = segment("generate", "--readout-for", campaign.resolve("customers_scored.csv").toString(), "--out",
                readout.toString());
        assertEquals(0, g.exit(), g.err());
        assertArrayEquals(Files.readAllBytes(workflows.resolve("data").resolve("campaign_readout.csv")),
                Files.readAllBytes(readout), "workflows/data/campaign_readout.csv is out of date");
    }

    @Test
    void badInputNamesTheProblem() throws Exception {
        Path in = dir.resolve("customers.csv");
        Files.writeString(in, "customer_id,group,segment\nC1,control,S1\nC2,test,S2\n");
        CliRun r = segment("generate", "--readout-for", in.toString(), "--out", dir.resolve("r.csv").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("row 2") && r.err().contains("'test'") && r.err().contains("treatment, control"),
                r.err());
        CliRun rows = segment("generate", "--readout-for", in.toString(), "--rows", "10");
        assertEquals(1, rows.exit());
        assertTrue(rows.err().contains("--rows does not apply to --readout-for"), rows.err());
        Files.writeString(in, "customer_id,segment\nC1,S1\n");
        CliRun missing = segment("generate", "--readout-for", in.toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no column 'group'"), missing.err());
        assertTrue(Files.notExists(dir.resolve("r.csv")), "no output on error");
    }

    private static int rowOf(Table t, String segment) {
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.column("segment").format(i).equals(segment)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + segment);
    }

    /** The converted flag of C0000001..C<ROWS> (-1 for customers not in the readout). */
    private static double[] byId(Table readout) {
        Map<String, Double> m = new HashMap<>();
        NumericColumn c = readout.numeric("converted");
        for (int i = 0; i < readout.rowCount(); i++) {
            m.put(readout.column("customer_id").format(i), c.value(i));
        }
        double[] out = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            out[i] = m.getOrDefault(String.format("C%07d", i + 1), -1.0);
        }
        return out;
    }
}
