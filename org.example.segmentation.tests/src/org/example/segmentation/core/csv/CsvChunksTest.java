package org.example.segmentation.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading in chunks gives the rows of the whole read; writing in chunks gives the bytes of one write. */
class CsvChunksTest {

    private static String csv(Table t) throws IOException {
        StringWriter w = new StringWriter();
        CsvWriter.defaults().write(t, w);
        return w.toString();
    }

    @Test
    void chunksConcatenateToTheWholeRead(@TempDir Path dir) throws IOException {
        Table month = CustomerGenerator.generate(new GeneratorConfig(2_500, 3L, 1, true, true), Progress.NONE);
        Path file = dir.resolve("month.csv");
        CsvWriter.defaults().write(month, file);
        CsvReadResult whole = CsvReader.read(file);
        List<Integer> sizes = new ArrayList<>();
        StringWriter w = new StringWriter();
        CsvWriter.Chunked out = CsvWriter.defaults().chunked(w);
        try (CsvChunks chunks = CsvReader.chunks(file, CsvReadOptions.defaults(), 1000, Progress.NONE)) {
            assertEquals(whole.rowCount(), chunks.rowCount());
            assertEquals(whole.columns(), chunks.columns(), "types decided on the whole file");
            assertEquals(whole.warnings(), chunks.warnings());
            for (Table c = chunks.next(); c != null; c = chunks.next()) {
                sizes.add(c.rowCount());
                assertEquals(whole.table().columnNames(), c.columnNames());
                for (int j = 0; j < c.columnCount(); j++) {
                    assertEquals(whole.table().column(j).type(), c.column(j).type());
                }
                out.write(c);
            }
            assertNull(chunks.next(), "stays at the end");
        }
        out.flush();
        assertEquals(List.of(1000, 1000, 500), sizes);
        assertEquals(csv(whole.table()), w.toString(), "the chunks hold the values of the whole read, in order");
        assertTrue(whole.warnings().stream().anyMatch(x -> x.contains("monthly_income")), "warnings are kept");
    }

    @Test
    void aHeaderOnlyFileHasNoChunksAndErrorsComeFromTheFirstPass(@TempDir Path dir) {
        Path empty = CsvTestFiles.write(dir, "empty.csv", "a,b\n");
        try (CsvChunks chunks = CsvReader.chunks(empty, CsvReadOptions.defaults(), 10, Progress.NONE)) {
            assertEquals(0, chunks.rowCount());
            assertNull(chunks.next());
        }
        Path ragged = CsvTestFiles.write(dir, "ragged.csv", "a,b\n1,2\n3\n");
        InputException e = assertThrows(InputException.class,
                () -> CsvReader.chunks(ragged, CsvReadOptions.defaults(), 10, Progress.NONE));
        assertTrue(e.getMessage().contains("line 3: 1 field but the header has 2"), e.getMessage());
    }
}
