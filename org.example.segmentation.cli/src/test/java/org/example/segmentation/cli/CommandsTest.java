package org.example.segmentation.cli;

import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The generate and inspect subcommands, run in-process through {@link SegmentCli#run}. */
class CommandsTest {

    @TempDir
    Path dir;

    @Test
    void generateIsDeterministicAndInspectReadsItBack() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        assertEquals(0, segment("generate", "--rows", "500", "--seed", "3", "--out", a.toString()).exit());
        assertEquals(0, segment("generate", "--rows", "500", "--seed", "3", "--out", b.toString()).exit());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "same seed, same bytes");
        CliRun toStdout = segment("generate", "--rows", "500", "--seed", "3");
        assertEquals(new String(Files.readAllBytes(a), StandardCharsets.UTF_8), toStdout.out(),
                "stdout gets the same bytes as the file");

        CliRun inspect = segment("inspect", a.toString());
        assertEquals(0, inspect.exit(), inspect.err());
        assertTrue(inspect.out().contains("rows: 500"), inspect.out());
        assertTrue(inspect.out().lines().anyMatch(l -> l.startsWith("customer_id") && l.contains("text")),
                inspect.out());
        assertTrue(inspect.out().contains("column 'monthly_income'"), "warns of the planted text: " + inspect.out());
    }

    @Test
    void inspectJsonHonoursTypeOverride() throws Exception {
        Path a = dir.resolve("a.csv");
        assertEquals(0, segment("generate", "--rows", "300", "--out", a.toString()).exit());
        CliRun r = segment("inspect", a.toString(), "--json", "--type", "monthly_income=numeric");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(300, root.get("rows").asInt());
        JsonNode income = null;
        for (JsonNode c : root.get("columns")) {
            if (c.get("name").asText().equals("monthly_income")) {
                income = c;
            }
        }
        assertEquals("numeric", income.get("type").asText());
        assertEquals("schema", income.get("type_from").asText());
    }

    @Test
    void utf8ColumnNamesAndValuesSurviveInspect() throws Exception {
        Path f = dir.resolve("utf8.csv");
        Files.writeString(f, "Região;Ingreso mensual\nSão Paulo;1,5\nŁódź;2,5\n", StandardCharsets.UTF_8);
        CliRun r = segment("inspect", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("delimiter: ';'"), r.out());
        assertTrue(r.out().contains("decimal mark: comma"), r.out());
        assertTrue(r.out().contains("Região"), r.out());
        assertTrue(r.out().contains("São Paulo (1)"), r.out());
    }

    @Test
    void badInputIsOneLineAndExitOne() throws Exception {
        CliRun missing = segment("inspect", dir.resolve("nope.csv").toString());
        assertEquals(1, missing.exit());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("segment: ") && missing.err().contains("nope.csv"), missing.err());

        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "a,b\n1,2\n3\n");
        CliRun r = segment("inspect", ragged.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("line 3"), r.err());
        assertFalse(r.err().contains("at org."), "no stack trace without --debug: " + r.err());

        CliRun debug = segment("inspect", "--debug", ragged.toString());
        assertEquals(1, debug.exit());
        assertTrue(debug.err().contains("at org."), "stack trace with --debug: " + debug.err());
    }

    @Test
    void badSettingsNameTheOption() {
        CliRun rows = segment("generate", "--rows", "0");
        assertEquals(1, rows.exit());
        assertTrue(rows.err().contains("'rows'"), rows.err());
        CliRun snap = segment("generate", "--snapshot", "3");
        assertEquals(1, snap.exit());
        assertTrue(snap.err().contains("'snapshot'"), snap.err());
        CliRun type = segment("inspect", "x.csv", "--type", "age=date");
        assertEquals(1, type.exit());
        assertTrue(type.err().contains("--type") && type.err().contains("'date'"), type.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, segment().exit());
        assertEquals(2, segment("frobnicate").exit());
        assertEquals(2, segment("inspect").exit(), "FILE is required");
        assertEquals(2, segment("generate", "--bogus").exit());
    }

    @Test
    void generateToAnUnwritablePlaceLeavesNothing() throws Exception {
        Path target = dir.resolve("existing-dir");
        Files.createDirectory(target);
        CliRun r = segment("generate", "--rows", "50", "--out", target.toString());
        assertEquals(1, r.exit());
        assertTrue(Files.isDirectory(target), "the directory is untouched");
        try (var s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList(), "no temporary file left behind");
        }
    }

    @Test
    void shippedSampleMonthsAreWhatTheReadmeCommandRegenerates() throws Exception {
        // The README documents: segment generate --rows 20000 --seed 42 --snapshot S --with-truth --out ...
        Path data = Path.of("..", "workflows", "data");
        for (String snapshot : List.of("1", "2")) {
            Path fresh = dir.resolve("month" + snapshot + ".csv");
            CliRun r = segment("generate", "--rows", "20000", "--seed", "42", "--snapshot", snapshot, "--with-truth",
                    "--out", fresh.toString());
            assertEquals(0, r.exit(), r.err());
            assertArrayEquals(Files.readAllBytes(data.resolve("customers_month" + snapshot + ".csv")),
                    Files.readAllBytes(fresh), "workflows/data/customers_month" + snapshot + ".csv is stale");
        }
    }
}
