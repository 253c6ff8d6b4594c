package org.example.segmentation.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

    @TempDir
    Path dir;

    private List<String> list(Path d) throws Exception {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void filesAppearOnlyAtCommit() throws Exception {
        Path out = dir.resolve("run/out");
        try (OutputDirectory o = OutputDirectory.open(out)) {
            Files.writeString(o.file("a.csv"), "a");
            AtomicFile.write(o.file("b.json"), s -> s.write('{'));
            assertEquals(List.of(), list(out).stream().filter(n -> !n.startsWith(".")).toList());
            o.commit();
        }
        assertEquals(List.of("a.csv", "b.json"), list(out));
        assertEquals("a", Files.readString(out.resolve("a.csv")));
    }

    @Test
    void failureLeavesAnExistingDirectoryAsItWas() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "old");
        assertThrows(CancelledException.class, () -> {
            try (OutputDirectory o = OutputDirectory.open(dir)) {
                Files.writeString(o.file("a.csv"), "new");
                Files.writeString(o.file("b.csv"), "new");
                throw new CancelledException();
            }
        });
        assertEquals(List.of("a.csv"), list(dir));
        assertEquals("old", Files.readString(dir.resolve("a.csv")));
    }

    @Test
    void failureRemovesADirectoryItCreated() throws Exception {
        Path out = dir.resolve("new");
        assertThrows(IllegalStateException.class, () -> {
            try (OutputDirectory o = OutputDirectory.open(out)) {
                Files.writeString(o.file("a.csv"), "x");
                throw new IllegalStateException("step failed");
            }
        });
        assertFalse(Files.exists(out));
    }

    @Test
    void anExistingFileIsNotADirectory() throws Exception {
        Path f = dir.resolve("f");
        Files.writeString(f, "x");
        InputException e = assertThrows(InputException.class, () -> OutputDirectory.open(f));
        assertEquals("output directory " + f + " is an existing file", e.getMessage());
        assertEquals("x", Files.readString(f));
    }

    @Test
    void namesMustBePlain() {
        try (OutputDirectory o = OutputDirectory.open(dir)) {
            assertThrows(IllegalArgumentException.class, () -> o.file("../x"));
            assertThrows(IllegalArgumentException.class, () -> o.file(".hidden"));
            assertTrue(o.file("ok.csv").startsWith(dir));
        }
    }
}
