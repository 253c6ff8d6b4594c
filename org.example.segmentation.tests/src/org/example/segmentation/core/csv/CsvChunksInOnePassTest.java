package org.example.segmentation.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CsvReader#chunksInOnePass} guesses the types from the first chunk's rows and checks the guess against the
 * whole file as it reads. The oracle is the reader itself on two files: the whole file and a file of its header and
 * first rows. When both read with the same types and decimal mark, the one-pass chunks must be exactly the two-pass
 * chunks ({@link CsvReader#chunks}: every value's bits, every dictionary) with the same warnings, columns and row
 * count; when they do not, the read must say so ({@link CsvChunks.GuessFailed}) instead of giving other chunks, and
 * when it says so at the end of the file, the second pass it offers must be the two-pass read.
 */
class CsvChunksInOnePassTest {

    private static final int[] CHUNK_ROWS = {1, 7, 40, 100, 1 << 20};
    /** For the generated month of 3,000 rows (chunks of one row would take long). */
    private static final int[] MONTH_CHUNK_ROWS = {40, 1_000, 1 << 20};

    @Test
    void givesTheTwoPassChunksExactlyOrSaysTheGuessFailed(@TempDir Path dir) throws IOException {
        Map<String, String> files = CsvOnePassTest.tricky();
        Table month = CustomerGenerator.generate(new GeneratorConfig(3_000, 5L, 1, true, true), Progress.NONE);
        Path generated = dir.resolve("month.csv");
        CsvWriter.defaults().write(month, generated);
        files.put("month.csv", Files.readString(generated));
        // Integers, then a decimal comma in a text column only: the types hold, the decimal mark does not.
        files.put("late-comma.csv", "a;b\n" + "1;x\n".repeat(50) + "2;1,5\n" + "3;y\n".repeat(5));
        // A column empty in the first rows (text) and numeric in the whole file: the guess fails at the end.
        files.put("late-numbers.csv", "a,b\n" + "1,\n".repeat(50) + "2,5\n".repeat(10) + "3,\n");
        // Integers, then words, in a text column (its first rows' distinct values are counted only at the
        // end of the file: with them it passes the level limit), and more numbers with a decimal comma in another
        // text column after the first 40 rows: the mark fails at the end of the file.
        StringBuilder lateCommaText = new StringBuilder("a;b\n");
        for (int row = 1; row <= 100; row++) {
            String a = row <= 20 ? Integer.toString(row) : row == 21 ? "x" : row <= 55 ? "v" + row : "y";
            lateCommaText.append(a).append(';').append(row <= 40 ? "w" : "2,5").append('\n');
        }
        files.put("late-comma-text.csv", lateCommaText.toString());
        files.put("bom.csv", "\uFEFFa,b\n" + "1,x\n".repeat(30) + "\uFEFF2,y\n" + "3,z\n".repeat(30));
        List<CsvReadOptions> options = new ArrayList<>(CsvOnePassTest.OPTIONS);
        options.add(CsvReadOptions.defaults().withMissingTokens(List.of("", "NaN", "n/a")));
        options.add(CsvReadOptions.defaults().withDecimalMark(DecimalMark.POINT));
        int held = 0;
        int failed = 0;
        secondPasses = 0;
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = CsvTestFiles.write(dir, f.getKey(), f.getValue());
            for (CsvReadOptions option : options) {
                if (!CsvOnePassTest.appliesTo(option, f.getValue())) {
                    continue;
                }
                for (int chunkRows : f.getKey().equals("month.csv") ? MONTH_CHUNK_ROWS : CHUNK_ROWS) {
                    for (List<String> columns : columnChoices(file, option)) {
                        String what = f.getKey() + " in chunks of " + chunkRows + ", columns " + columns + ", "
                                + option;
                        Path head = CsvReader.read(file, option).rowCount() <= chunkRows ? file
                                : head(dir, f.getValue(), chunkRows);
                        if (head == null) {
                            continue; // a record spans lines: no head file by lines
                        }
                        boolean same = sameTypes(file, head, option, columns);
                        if (compare(file, option, columns, chunkRows, what, same)) {
                            held++;
                        } else {
                            failed++;
                        }
                    }
                }
            }
        }
        System.out.println("one pass: " + held + " guesses held, " + failed + " failed, " + secondPasses
                + " of them at the end of the file");
        assertTrue(held >= 100, "guesses that held: " + held);
        assertTrue(failed >= 20, "guesses that failed: " + failed);
        assertTrue(secondPasses >= 10, "guesses that failed at the end of the file: " + secondPasses);
    }

    /** Whether the whole file and its head read with the same types and decimal mark. */
    private static boolean sameTypes(Path file, Path head, CsvReadOptions options, List<String> columns) {
        CsvReadResult whole = columns == null ? CsvReader.read(file, options)
                : CsvReader.read(file, options, columns, Progress.NONE);
        CsvReadResult first = columns == null ? CsvReader.read(head, options)
                : CsvReader.read(head, options, columns, Progress.NONE);
        return whole.decimalComma() == first.decimalComma()
                && types(whole.columns()).equals(types(first.columns()));
    }

    private static List<ColumnType> types(List<ColumnInference> columns) {
        return columns.stream().map(ColumnInference::type).collect(Collectors.toList());
    }

    /**
     * Reads in one pass and in two; returns whether the guess held. {@code held}: what the oracle expects. A guess that
     * failed at the end of the file offers the second pass on the one pass's counts, which must be the two-pass read.
     */
    private static boolean compare(Path file, CsvReadOptions options, List<String> columns, int chunkRows,
            String what, boolean held) {
        List<String> one = new ArrayList<>();
        try (CsvChunks chunks = CsvReader.chunksInOnePass(file, options, columns, chunkRows, Progress.NONE)) {
            for (Table t = chunks.next(); t != null; t = chunks.next()) {
                one.add(CsvOnePassTest.describe(t));
            }
            assertTrue(held, what + ": the guess held where the whole file reads otherwise");
            assertNull(chunks.next(), what + ": stays at the end");
            assertTwoPass(file, options, columns, chunkRows, chunks, one, what);
            return true;
        } catch (CsvChunks.GuessFailed e) {
            if (held) {
                fail(what + ": the guess failed where the whole file reads as its first rows: " + e.getMessage());
            }
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            boolean atEnd = e.getMessage().matches("(?s).*' is (numeric|categorical|text) in the whole file but "
                    + "(numeric|categorical|text) in its first rows")
                    || e.getMessage().contains("the decimal mark of the whole file");
            try (CsvChunks second = e.secondPass()) {
                assertEquals(atEnd, second != null, what + ": a second pass exactly when the end was read: "
                        + e.getMessage());
                if (second != null) {
                    secondPasses++;
                    List<String> got = new ArrayList<>();
                    for (Table t = second.next(); t != null; t = second.next()) {
                        got.add(CsvOnePassTest.describe(t));
                    }
                    assertTwoPass(file, options, columns, chunkRows, second, got, what + ", second pass");
                }
            }
            return false;
        }
    }

    /** Guesses that failed at the end of the file, whose second pass {@link #compare} checked. */
    private static int secondPasses;

    /**
     * {@code chunks}, read to the end into {@code got}, are the two-pass read's in every respect, whose first pass in
     * one part or (all columns) in three.
     */
    private static void assertTwoPass(Path file, CsvReadOptions options, List<String> columns, int chunkRows,
            CsvChunks chunks, List<String> got, String what) {
        assertTwoPass(columns == null ? CsvReader.chunks(file, options, chunkRows, Progress.NONE)
                : CsvReader.chunks(file, options, columns, chunkRows, Progress.NONE), chunks, got, what);
        if (columns == null) {
            assertTwoPass(CsvReader.chunks(file, options, chunkRows, Progress.NONE, 3), chunks, got,
                    what + ", first pass in three parts");
        }
    }

    private static void assertTwoPass(CsvChunks opened, CsvChunks chunks, List<String> got, String what) {
        try (CsvChunks two = opened) {
            assertEquals(two.warnings(), chunks.warnings(), what);
            assertEquals(two.columns(), chunks.columns(), what);
            assertEquals(two.rowCount(), chunks.rowCount(), what);
            assertEquals(two.decimalComma(), chunks.decimalComma(), what);
            assertEquals(two.delimiter(), chunks.delimiter(), what);
            assertEquals(CsvOnePassTest.describe(two.emptyTable()), CsvOnePassTest.describe(chunks.emptyTable()),
                    what);
            List<String> expected = new ArrayList<>();
            for (Table t = two.next(); t != null; t = two.next()) {
                expected.add(CsvOnePassTest.describe(t));
            }
            assertEquals(expected, got, what);
        }
    }

    /** Every column, and a choice of some (the last and the first of the file), for the columns read. */
    private static List<List<String>> columnChoices(Path file, CsvReadOptions options) {
        List<String> names = CsvReader.header(file, options);
        List<List<String>> out = new ArrayList<>();
        out.add(null);
        if (names.size() > 2) {
            out.add(List.of(names.get(names.size() - 1), names.get(0)));
        }
        return out;
    }

    /**
     * The header and the first {@code rows} records of {@code content} (every non-empty line a record), or null when
     * a record spans lines (a quoted line break) within them.
     */
    private static Path head(Path dir, String content, int rows) throws IOException {
        List<String> lines = Arrays.asList(content.split("\r\n|\r|\n", -1));
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.chars().filter(c -> c == '"').count() % 2 != 0) {
                return null;
            }
            if (kept.size() == rows + 1) {
                break;
            }
            kept.add(line);
        }
        Path out = dir.resolve("head.csv");
        Files.writeString(out, String.join("\n", kept) + "\n");
        return out;
    }

    @Test
    void errorsAreThoseOfTheTwoPassReadWhenTheRowIsRead(@TempDir Path dir) {
        Path ragged = CsvTestFiles.write(dir, "ragged.csv", "a,b\n" + "1,2\n".repeat(50) + "3\n");
        InputException two = assertThrows(InputException.class,
                () -> CsvReader.chunks(ragged, CsvReadOptions.defaults(), 10, Progress.NONE));
        try (CsvChunks chunks = CsvReader.chunksInOnePass(ragged, CsvReadOptions.defaults(), null, 10,
                Progress.NONE)) {
            for (int i = 0; i < 5; i++) {
                assertEquals(10, chunks.next().rowCount(), "the rows before the fault are read");
            }
            InputException one = assertThrows(InputException.class, chunks::next);
            assertEquals(two.getMessage(), one.getMessage());
            assertTrue(one.getMessage().contains("line 52: 1 field but the header has 2"), one.getMessage());
        }
        Path unknown = CsvTestFiles.write(dir, "unknown.csv", "a,b\n1,2\n");
        InputException e = assertThrows(InputException.class, () -> CsvReader.chunksInOnePass(unknown,
                CsvReadOptions.defaults(), List.of("c"), 10, Progress.NONE));
        assertTrue(e.getMessage().contains("column 'c' is needed but the file does not have it"), e.getMessage());
    }

    @Test
    void theWarningsAndRowCountAreKnownAtTheEnd(@TempDir Path dir) {
        Path file = CsvTestFiles.write(dir, "almost.csv", "k,v\n" + "1,1\n".repeat(60) + "2,bad\n"
                + "3,3\n".repeat(20));
        try (CsvChunks chunks = CsvReader.chunksInOnePass(file, CsvReadOptions.defaults(), null, 100,
                Progress.NONE)) {
            assertThrows(IllegalStateException.class, chunks::warnings);
            assertThrows(IllegalStateException.class, chunks::rowCount);
            assertEquals(81, chunks.next().rowCount());
            assertNull(chunks.next());
            assertEquals(81, chunks.rowCount());
            assertEquals(1, chunks.warnings().size());
            assertTrue(chunks.warnings().get(0).startsWith("column 'v': 1 of 81 values is not a number (first at"
                    + " line 62: 'bad')"), chunks.warnings().get(0));
        }
        // In chunks of 10 rows, 'v' is numeric in the first rows: the value at line 62 ends the guess.
        try (CsvChunks chunks = CsvReader.chunksInOnePass(file, CsvReadOptions.defaults(), null, 10,
                Progress.NONE)) {
            for (int i = 0; i < 6; i++) {
                assertEquals(10, chunks.next().rowCount());
            }
            CsvChunks.GuessFailed e = assertThrows(CsvChunks.GuessFailed.class, chunks::next);
            assertEquals(file + ", line 62, column 'v': not a number, where the first rows had only numbers",
                    e.getMessage());
        }
    }

    @Test
    void aCategoricalGuessPastTheLevelLimitFailsAtOnceAndAFailedReadStaysFailed(@TempDir Path dir) {
        StringBuilder sb = new StringBuilder("k,city\n");
        for (int i = 0; i < 500; i++) {
            sb.append(i).append(",c").append(i < 100 ? i % 5 : i).append('\n'); // 5 levels, then a new one per row
        }
        Path file = CsvTestFiles.write(dir, "cities.csv", sb.toString());
        assertEquals(ColumnType.TEXT, CsvReader.read(file).table().column("city").type());
        try (CsvChunks chunks = CsvReader.chunksInOnePass(file, CsvReadOptions.defaults(), null, 100,
                Progress.NONE)) {
            assertEquals(ColumnType.CATEGORICAL, chunks.columns().get(1).type(), "the first 100 rows' guess");
            assertEquals(100, chunks.next().rowCount());
            // The second chunk brings 100 new levels.
            CsvChunks.GuessFailed e = assertThrows(CsvChunks.GuessFailed.class, chunks::next);
            assertEquals(file + ": column 'city' has more than 50 distinct values in the whole file but not in its"
                    + " first rows", e.getMessage());
            assertThrows(CsvChunks.GuessFailed.class, chunks::next, "not the end of the file");
            assertThrows(IllegalStateException.class, chunks::warnings);
        }
    }

    /**
     * A missing token that matches a number ignoring case without being a number (the Turkish dotless i): the value is
     * missing in every way of reading, the whole read, two passes and one.
     */
    @Test
    void aTokenThatMatchesANumberIgnoringCaseMakesItMissingInEveryRead(@TempDir Path dir) {
        Path file = CsvTestFiles.write(dir, "turkish.csv", "k,c\n1,x\n2,Infinity\n3,y\n4,x\n");
        CsvReadOptions options = CsvReadOptions.defaults().withMissingTokens(List.of("", "\u0131nf\u0131n\u0131ty"));
        String whole = CsvOnePassTest.describe(CsvReader.read(file, options, Progress.NONE, 1).table());
        assertTrue(whole.contains("c CATEGORICAL [x, y]: 0 ? 1 0"), whole);
        try (CsvChunks two = CsvReader.chunks(file, options, 10, Progress.NONE);
                CsvChunks one = CsvReader.chunksInOnePass(file, options, null, 10, Progress.NONE)) {
            assertEquals(whole, CsvOnePassTest.describe(two.next()));
            assertEquals(whole, CsvOnePassTest.describe(one.next()));
        }
    }
}
