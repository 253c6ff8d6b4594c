package org.example.segmentation.cli;

import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * Every command's {@code --help} renders cleanly: picocli reports a description it cannot format (a bare {@code %}
 * in a format string) as a {@code [picocli WARN]} on the process's standard error and then prints the raw text.
 */
class HelpTextTest {

    @Test
    void everyCommandsHelpFormatsWithoutWarnings() {
        List<String> commands = new ArrayList<>(new CommandLine(new SegmentCli()).getSubcommands().keySet());
        assertTrue(commands.contains("generate") && commands.contains("run"), commands.toString());
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (String c : commands) {
                CliRun r = segment(c, "--help");
                assertEquals(0, r.exit(), c + ": " + r.err());
                assertTrue(r.out().contains("Usage: segment " + c), c + ": " + r.out());
                assertFalse(r.out().contains("%n") || r.out().contains("${"), c + ": unformatted text: " + r.out());
            }
        } finally {
            System.setErr(saved);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        assertFalse(err.contains("picocli WARN"), err);
    }
}
