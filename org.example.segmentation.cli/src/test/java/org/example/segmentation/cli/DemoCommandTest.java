package org.example.segmentation.cli;

import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code segment demo}: the two example pipelines on two months, with smaller generated months than the shipped. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoBuildsOnMonthOneMonitorsMonthTwoAndSaysWhereTheReportsAre() throws Exception {
        Path workflows = dir.resolve("workflows");
        Files.createDirectories(workflows.resolve("data"));
        for (String f : new String[] {DemoCommand.BUILD, DemoCommand.MONITOR}) {
            Files.copy(Path.of("..", "workflows", f), workflows.resolve(f));
        }
        for (int month = 1; month <= 2; month++) {
            CsvWriter.defaults().write(CustomerGenerator.generate(new GeneratorConfig(1500, 42L, month, true, true),
                    Progress.NONE), workflows.resolve("data").resolve("customers_month" + month + ".csv"));
        }
        Path out = dir.resolve("out");
        CliRun r = segment("demo", "--out", out.toString(), "--workflows", workflows.toString());
        assertEquals(0, r.exit(), "the demo exits 0 whatever the drift verdict: " + r.err());
        for (String month : new String[] {"month1", "month2"}) {
            assertTrue(Files.isRegularFile(out.resolve(month).resolve("report.html")), month);
            assertTrue(r.out().contains(out.resolve(month).resolve("report.html").toAbsolutePath().toString()),
                    "says where the report is: " + r.out());
        }
        assertTrue(Files.isRegularFile(out.resolve("month2").resolve("drift_summary.json")));
        assertTrue(r.out().contains("== month 1") && r.out().contains("== month 2"), r.out());
        assertTrue(r.out().contains("drift: "), "the month-2 verdict is printed: " + r.out());
        assertTrue(r.out().contains("segment  name"), "the summary table: " + r.out());

        CliRun missing = segment("demo", "--out", out.toString(), "--workflows", dir.resolve("nowhere").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("is missing"), missing.err());
    }
}
