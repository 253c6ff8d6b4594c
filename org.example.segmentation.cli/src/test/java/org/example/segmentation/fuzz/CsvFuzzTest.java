package org.example.segmentation.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.csv.CsvReadOptions;
import org.example.segmentation.core.csv.CsvReadResult;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.table.Table;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the CSV reader: whatever bytes a file holds, reading it either gives a table or fails with an
 * {@link InputException} (a clear message for the user); any other exception is a bug. In the normal test run
 * this replays the seed corpus and past findings (src/test/resources/.../CsvFuzzTestInputs); the {@code fuzz-csv}
 * execution of the build fuzzes for a bounded time (see the module pom).
 */
class CsvFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readAnyBytes(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz", ".csv");
        try {
            Files.write(file, bytes);
            CsvReadResult result;
            try {
                result = CsvReader.read(file, CsvReadOptions.defaults());
            } catch (InputException expected) {
                if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                    throw new AssertionError("an InputException without a message", expected);
                }
                return;
            }
            Table t = result.table();
            // What was read is self-consistent: every column has the table's row count.
            for (int c = 0; c < t.columnCount(); c++) {
                if (t.columns().get(c).size() != t.rowCount()) {
                    throw new AssertionError("column " + c + " has " + t.columns().get(c).size() + " rows, the table "
                            + t.rowCount());
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
