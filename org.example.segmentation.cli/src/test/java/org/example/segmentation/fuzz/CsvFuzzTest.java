package org.example.segmentation.fuzz;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvChunks;
import org.example.segmentation.core.csv.CsvReadOptions;
import org.example.segmentation.core.csv.CsvReadResult;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.table.Table;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the CSV reader: whatever bytes a file holds, reading it either gives a table or fails with an
 * {@link InputException} (a clear message for the user); any other exception is a bug. Read in chunks of 3 rows in one
 * pass ({@link CsvReader#chunksInOnePass}), it fails with the same message, or gives the rows and warnings of the whole
 * read, or says that its guess failed (which may come before a row that fails the whole read). In the normal test run
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
                String[] one;
                try {
                    one = inOnePass(file);
                } catch (InputException same) {
                    if (!same.getMessage().equals(expected.getMessage())) {
                        throw new AssertionError("in one pass: " + same.getMessage() + "; whole: "
                                + expected.getMessage(), same);
                    }
                    return;
                }
                if (one != null) { // null: the guess failed before the row at fault
                    throw new AssertionError("the whole read fails (" + expected.getMessage() + "), one pass does not");
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
            String whole = csv(t);
            String[] one = inOnePass(file);
            String types = result.columns().toString();
            if (one != null && !(one[0].equals(whole) && one[1].equals(result.warnings().toString())
                    && one[2].equals(types))) {
                throw new AssertionError("in one pass:\n" + one[0] + one[1] + one[2] + "\nwhole:\n" + whole
                        + result.warnings() + types);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The chunks of a read in one pass written as one CSV text, the warnings and the columns' inferences (each chunk's
     * column types checked against them); null when the guess failed.
     */
    private static String[] inOnePass(Path file) throws IOException {
        StringWriter w = new StringWriter();
        CsvWriter.Chunked out = CsvWriter.defaults().chunked(w);
        try (CsvChunks chunks = CsvReader.chunksInOnePass(file, CsvReadOptions.defaults(), null, 3, Progress.NONE)) {
            boolean any = false;
            List<Table> read = new ArrayList<>();
            for (Table c = chunks.next(); c != null; c = chunks.next()) {
                out.write(c);
                read.add(c);
                any = true;
            }
            for (Table c : read) {
                for (int j = 0; j < c.columnCount(); j++) {
                    if (c.column(j).type() != chunks.columns().get(j).type()) {
                        throw new AssertionError("a chunk's column " + j + " is " + c.column(j).type()
                                + ", the read says " + chunks.columns().get(j).type());
                    }
                }
            }
            if (!any) {
                out.write(chunks.emptyTable());
            }
            out.flush();
            return new String[] {w.toString(), chunks.warnings().toString(), chunks.columns().toString()};
        } catch (CsvChunks.GuessFailed e) {
            return null;
        }
    }

    private static String csv(Table t) throws IOException {
        StringWriter w = new StringWriter();
        CsvWriter.defaults().write(t, w);
        return w.toString();
    }
}
