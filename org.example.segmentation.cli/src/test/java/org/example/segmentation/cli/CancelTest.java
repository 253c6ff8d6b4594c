package org.example.segmentation.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on the command line: a real child JVM gets SIGINT while it is writing a large file; it must stop,
 * say so, exit with 130 and leave nothing behind (no target file, no hidden temporary file).
 */
class CancelTest {

    @Test
    void ctrlCStopsTheRunAndLeavesNoPartialOutput(@TempDir Path dir) throws Exception {
        assumeTrue(new File("/bin/kill").canExecute() || new File("/usr/bin/kill").canExecute(),
                "needs kill(1) to send SIGINT");
        Path target = dir.resolve("big.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SegmentCli.class.getName(), "-q", "generate", "--rows", "3000000", "--out", target.toString())
                .redirectErrorStream(true).start();
        try {
            // Wait until the child is writing: its hidden temporary file appears next to the target.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && child.isAlive() && listing(dir).isEmpty()) {
                Thread.sleep(20);
            }
            assertTrue(child.isAlive(), "the child finished before it could be interrupted");
            assertEquals(1, listing(dir).size(), "the child's temporary file: " + listing(dir));
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not stop within 60 s of Ctrl-C");
            String output = new String(child.getInputStream().readAllBytes(), UTF_8);
            assertEquals(130, child.exitValue(), output);
            assertTrue(output.contains("segment: cancelled"), output);
            assertEquals(List.of(), listing(dir), "Ctrl-C must leave no partial output");
        } finally {
            child.destroyForcibly();
        }
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
