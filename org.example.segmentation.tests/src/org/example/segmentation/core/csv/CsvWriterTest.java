package org.example.segmentation.core.csv;

import static org.example.segmentation.core.csv.CsvTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

    @TempDir
    Path dir;

    private static Table customers() {
        return Table.of(
                TextColumn.of("id", "C1", "C2", "C3", "C4"),
                CategoricalColumn.of("Região", "São Paulo", "Łódź", null, "Köln"),
                NumericColumn.of("Возраст", new double[] { 34, 51, 0, -2.5 }, new boolean[] { false, false, true,
                        false }),
                NumericColumn.of("Ingreso mensual", new double[] { 1500.25, 0.1, 1e-300, 123456789.123 }),
                TextColumn.of("nota, \"livre\"", "a, b", "say \"hi\"", "two\nlines", " padded "));
    }

    @Test
    void writesRfc4180Utf8WithoutBomAndWithLf() throws Exception {
        Path f = dir.resolve("out.csv");
        CsvWriter.defaults().write(customers(), f);
        byte[] bytes = Files.readAllBytes(f);
        assertFalse(bytes.length >= 3 && bytes[0] == (byte) 0xEF, "no byte order mark");
        String expected = "id,Região,Возраст,Ingreso mensual,\"nota, \"\"livre\"\"\"\n"
                + "C1,São Paulo,34,1500.25,\"a, b\"\n"
                + "C2,Łódź,51,0.1,\"say \"\"hi\"\"\"\n"
                + "C3,,," + NumericColumn.of("x", new double[] { 1e-300 }).format(0) + ",\"two\nlines\"\n"
                + "C4,Köln,-2.5,123456789.123,\" padded \"\n";
        assertEquals(expected, new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void utf8NamesAndValuesRoundTripExactly() {
        Table original = customers();
        Path f = dir.resolve("round.csv");
        CsvWriter.defaults().write(original, f);
        Map<String, ColumnType> schema = original.columns().stream()
                .collect(Collectors.toMap(Column::name, Column::type));
        CsvReadResult back = CsvReader.read(f, CsvReadOptions.defaults().withSchema(schema));
        assertTablesEqual(original, back.table());
        assertTrue(back.warnings().isEmpty(), back.warnings().toString());
    }

    @Test
    void numbersRoundTripExactly() {
        SplittableRandom random = new SplittableRandom(7);
        double[] values = new double[2000];
        double[] fixed = { 0.1, 1e-300, 123456789.123, -0.5, 1e300, Double.MIN_VALUE, -Double.MAX_VALUE,
                1.0 / 3, 2.0 / 3, 1e15, 1e15 + 1, 9007199254740993.0, 4.35, 0.000001, 1e-7, 1e22, 1e23,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 100, -7 };
        System.arraycopy(fixed, 0, values, 0, fixed.length);
        for (int i = fixed.length; i < values.length; i++) {
            values[i] = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong())
                    : Math.round(random.nextDouble() * 1e8) / 100.0;
            if (Double.isNaN(values[i])) {
                values[i] = i;
            }
        }
        Table original = Table.of(NumericColumn.of("v", values));
        Path f = dir.resolve("numbers.csv");
        CsvWriter.defaults().write(original, f);
        CsvReadResult back = CsvReader.read(f);
        assertEquals(ColumnType.NUMERIC, back.typeOf("v"));
        NumericColumn v = back.table().numeric("v");
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToLongBits(values[i]), Double.doubleToLongBits(v.value(i)),
                    "row " + i + ": " + values[i] + " written as " + original.column(0).format(i));
        }
    }

    /**
     * The writer prints fields itself, for speed; Commons CSV's printer with the same format is the reference for
     * every quoting decision: random text from characters that matter to quoting (delimiters, quotes, line breaks,
     * spaces, controls, characters up to and around '#', non-ASCII), in text, categorical and numeric columns, the
     * first column included, with missing values, for seven delimiters (among them {@code .} and {@code -}, which
     * numbers hold, and a non-ASCII one), one column or several; numbers whole, fractional, tiny and huge. Every way of
     * writing (to a writer, a stream, in chunks) gives the same text.
     */
    @Test
    void printsWhatCommonsCsvPrints() throws IOException {
        char[] alphabet = {'a', 'Z', '0', '9', ' ', '\t', '\n', '\r', '"', ',', ';', '|', '#', '!', '$', '\'', '-', '.',
            '\u0001', '\u00e9', '\u4e2d', '\u00a0', '\u2028', '\\'};
        SplittableRandom random = new SplittableRandom(20261122L);
        int checked = 0;
        for (char delimiter : new char[] {',', ';', '|', '\t', '.', '-', '\u00a7'}) {
            for (int width : new int[] {1, 4}) {
                for (int round = 0; round < 25; round++) {
                    int rows = 40;
                    List<Column> columns = new java.util.ArrayList<>();
                    for (int j = 0; j < width; j++) {
                        String[] values = new String[rows];
                        for (int i = 0; i < rows; i++) {
                            if (random.nextInt(8) == 0) {
                                continue; // missing
                            }
                            StringBuilder v = new StringBuilder();
                            int len = random.nextInt(6);
                            for (int k = 0; k < len; k++) {
                                v.append(alphabet[random.nextInt(alphabet.length)]);
                            }
                            values[i] = v.toString();
                        }
                        String name = "c" + j + (random.nextBoolean() ? "" : alphabet[random.nextInt(alphabet.length)]);
                        columns.add(switch ((j + round) % 3) {
                            case 0 -> TextColumn.of(name, values);
                            case 1 -> CategoricalColumn.of(name, values);
                            default -> NumericColumn.of(name, random.doubles(rows, -1e6, 1e6)
                                    .map(x -> switch (random.nextInt(5)) {
                                        case 0 -> Math.rint(x);
                                        case 1 -> x * 1e-12;
                                        case 2 -> x * 1e20;
                                        default -> x;
                                    }).toArray());
                        });
                    }
                    Table t = Table.of(columns);
                    assertEquals(commonsCsv(t, delimiter), written(t, delimiter), "delimiter " + delimiter + ", round "
                            + round);
                    checked++;
                }
            }
        }
        assertEquals(350, checked);
    }

    /** More rows than one block: the blocks, formatted on two threads, come out in row order. */
    @Test
    void aLargeTableIsPrintedInRowOrder() throws IOException {
        int rows = 20_011;
        SplittableRandom random = new SplittableRandom(7L);
        String[] text = new String[rows];
        String[] levels = new String[rows];
        for (int i = 0; i < rows; i++) {
            text[i] = i % 97 == 0 ? null : "r" + i + (i % 13 == 0 ? ", \"quoted\"" : "");
            levels[i] = i % 31 == 0 ? null : "L" + random.nextInt(7);
        }
        Table t = Table.of(TextColumn.of("id", text), CategoricalColumn.of("level", levels),
                NumericColumn.of("x", random.doubles(rows).toArray()));
        String ours = written(t, ',');
        assertEquals(commonsCsv(t, ','), ours);
        assertEquals(rows + 1, ours.lines().count());
    }

    /**
     * The writer keeps the text of recently written numbers per column and copies it when a value repeats: values from
     * a small pool (with -0.0 and 0.0, NaN, whole, tiny and huge numbers), values that never repeat (the column stops
     * being cached), and a column that repeats at first and not later, with missing values, over more rows than one
     * block and in chunks, are written exactly as Commons CSV writes their formatted text.
     */
    @Test
    void repeatedNumbersAreWrittenAsTheyFormat() throws IOException {
        double[] pool = {0.0, -0.0, Double.NaN, 1, -1, 8.376785, 7.331650000000001, 1e20, 1.5e-7, -3.25, 0.1 + 0.2,
            123456789.123, Double.MIN_VALUE, Double.MAX_VALUE, 2.5, 1e15, 999999999999999.9};
        int rows = 20_011;
        SplittableRandom random = new SplittableRandom(11L);
        double[] pooled = new double[rows];
        double[] unique = new double[rows];
        double[] mixed = new double[rows];
        boolean[] missing = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            pooled[i] = pool[random.nextInt(pool.length)];
            unique[i] = random.nextDouble() * 1e4;
            mixed[i] = i < 6_000 ? pool[random.nextInt(pool.length)] : random.nextDouble();
            missing[i] = random.nextInt(10) == 0;
        }
        Table t = Table.of(NumericColumn.of("pooled", pooled, missing), NumericColumn.of("unique", unique),
                NumericColumn.of("mixed", mixed, missing), NumericColumn.of("again", pooled));
        assertEquals(commonsCsv(t, ','), written(t, ','));
        assertEquals(commonsCsv(t, ';'), written(t, ';'));
    }

    /**
     * The text written to a writer; checks that a stream, and a writer and a stream in chunks (split at a random row),
     * get the same text in UTF-8.
     */
    private static String written(Table t, char delimiter) throws IOException {
        CsvWriter writer = CsvWriter.defaults().withDelimiter(delimiter);
        StringWriter ours = new StringWriter();
        writer.write(t, ours);
        String text = ours.toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.write(t, bytes);
        assertEquals(text, bytes.toString(StandardCharsets.UTF_8), "to a stream");
        int split = new SplittableRandom(t.rowCount()).nextInt(t.rowCount() + 1);
        int[] head = java.util.stream.IntStream.range(0, split).toArray();
        int[] tail = java.util.stream.IntStream.range(split, t.rowCount()).toArray();
        StringWriter chunkedText = new StringWriter();
        CsvWriter.Chunked toWriter = writer.chunked(chunkedText);
        ByteArrayOutputStream chunkedBytes = new ByteArrayOutputStream();
        CsvWriter.Chunked toStream = writer.chunked(chunkedBytes);
        for (int[] rows : new int[][] {head, tail}) {
            toWriter.write(t.selectRows(rows));
            toStream.write(t.selectRows(rows));
        }
        toWriter.flush();
        toStream.flush();
        assertEquals(text, chunkedText.toString(), "to a writer in chunks");
        assertEquals(text, chunkedBytes.toString(StandardCharsets.UTF_8), "to a stream in chunks");
        return text;
    }

    /** UTF-8 cannot hold half of a character: the error names the column and row, on every way of writing. */
    @Test
    void anUnpairedSurrogateIsAnErrorNamingTheColumnAndRow() {
        Table t = Table.of(TextColumn.of("note", "fine", "caf\u00e9 \ud83d"));
        String expected = "CSV output: column 'note', row 2: the text holds half of a character (an unpaired "
                + "surrogate), which UTF-8 cannot hold";
        assertEquals(expected, assertThrows(InputException.class,
                () -> CsvWriter.defaults().write(t, new StringWriter())).getMessage());
        assertEquals(expected, assertThrows(InputException.class,
                () -> CsvWriter.defaults().write(t, new ByteArrayOutputStream())).getMessage());
        Path f = dir.resolve("surrogate.csv");
        assertThrows(InputException.class, () -> CsvWriter.defaults().write(t, f));
        assertFalse(Files.exists(f));
        assertTrue(assertThrows(InputException.class, () -> CsvWriter.defaults().withDelimiter('\ud800'))
                .getMessage().contains("half of a character"));
        Table level = Table.of(CategoricalColumn.of("city", "K\u00f6ln", "\udc00"));
        assertTrue(assertThrows(InputException.class, () -> CsvWriter.defaults().write(level, new StringWriter()))
                .getMessage().startsWith("CSV output: column 'city', level "));
    }

    /** The reference: Commons CSV's printer with the writer's format, field by field. */
    private static String commonsCsv(Table t, char delimiter) throws IOException {
        StringWriter reference = new StringWriter();
        try (org.apache.commons.csv.CSVPrinter p = new org.apache.commons.csv.CSVPrinter(reference,
                CsvWriter.format(delimiter))) {
            p.printRecord(t.columnNames());
            for (int i = 0; i < t.rowCount(); i++) {
                for (Column c : t.columns()) {
                    String v = c.format(i);
                    p.print(v == null && t.columnCount() == 1 ? "" : v);
                }
                p.println();
            }
        }
        return reference.toString();
    }

    @Test
    void oneColumnTableWithMissingValuesKeepsItsRows() throws Exception {
        Table t = Table.of(NumericColumn.of("x", new double[] { 1, Double.NaN, 3 }));
        Path f = dir.resolve("one.csv");
        CsvWriter.defaults().write(t, f);
        assertEquals("x\n1\n\"\"\n3\n", Files.readString(f));
        NumericColumn back = CsvReader.read(f).table().numeric("x");
        assertEquals(3, back.size());
        assertTrue(back.isMissing(1));
    }

    @Test
    void otherDelimiter() throws Exception {
        Table t = Table.of(NumericColumn.of("a", new double[] { 1.5 }), TextColumn.of("b;c", "x;y"));
        Path f = dir.resolve("semi.csv");
        CsvWriter.defaults().withDelimiter(';').write(t, f);
        assertEquals("a;\"b;c\"\n1.5;\"x;y\"\n", Files.readString(f));
        CsvReadResult back = CsvReader.read(f);
        assertEquals(';', back.delimiter());
        assertEquals("x;y", back.table().column("b;c").format(0));
    }

    @Test
    void writesToAWriterAndAStreamWithoutClosingThem() throws IOException {
        Table t = Table.of(CategoricalColumn.of("city", "Köln", "Łódź"));
        StringWriter sw = new StringWriter();
        CsvWriter.defaults().write(t, sw);
        assertEquals("city\nKöln\nŁódź\n", sw.toString());
        sw.write("still open");

        boolean[] closed = { false };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        CsvWriter.defaults().write(t, bytes);
        assertFalse(closed[0]);
        assertEquals("city\nKöln\nŁódź\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile() throws Exception {
        Path f = write(dir, "target.csv", "old content\n");
        CsvWriter.defaults().write(customers(), f);
        assertTrue(Files.readString(f).startsWith("id,Região"));
        assertEquals(List.of("target.csv"), listNames(dir));
    }

    @Test
    void failedWriteOntoADirectoryLeavesNothingBehind() throws Exception {
        Path target = Files.createDirectory(dir.resolve("out.csv"));
        write(target, "keep.txt", "precious");
        InputException e = assertThrows(InputException.class, () -> CsvWriter.defaults().write(customers(), target));
        assertEquals("cannot write " + target + ": it is a directory", e.getMessage());
        assertEquals(List.of("out.csv"), listNames(dir), "no temporary file left");
        assertEquals("precious", Files.readString(target.resolve("keep.txt")));
    }

    @Test
    void cancelledWriteLeavesThePreviousFileUnchanged() throws Exception {
        Path f = write(dir, "target.csv", "old content\n");
        double[] values = new double[50_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5;
        }
        Table big = Table.of(NumericColumn.of("v", values));
        int[] checks = { 0 };
        Progress cancelLater = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public void checkCancelled() {
                if (++checks[0] == 3) { // after about 12000 rows have gone to the temporary file
                    throw new CancelledException();
                }
            }
        };
        assertThrows(CancelledException.class, () -> CsvWriter.defaults().write(big, f, cancelLater));
        assertEquals("old content\n", Files.readString(f));
        assertEquals(List.of("target.csv"), listNames(dir), "no temporary file left");
    }

    @Test
    void missingDirectoryIsAnError() {
        Path f = dir.resolve("no/such/dir/out.csv");
        InputException e = assertThrows(InputException.class, () -> CsvWriter.defaults().write(customers(), f));
        assertTrue(e.getMessage().startsWith("cannot write " + f + ": directory "), e.getMessage());
        assertTrue(e.getMessage().endsWith("does not exist"), e.getMessage());
    }

    private static List<String> listNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** Same names, types and values (text compared exactly, numbers bit for bit). */
    static void assertTablesEqual(Table expected, Table actual) {
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        for (int j = 0; j < expected.columnCount(); j++) {
            Column e = expected.column(j);
            Column a = actual.column(j);
            assertEquals(e.type(), a.type(), e.name());
            if (e instanceof CategoricalColumn ec) {
                assertEquals(ec.levels(), ((CategoricalColumn) a).levels(), e.name());
            }
            for (int i = 0; i < e.size(); i++) {
                assertEquals(e.isMissing(i), a.isMissing(i), e.name() + " row " + i);
                if (e instanceof NumericColumn en && !e.isMissing(i)) {
                    assertEquals(Double.doubleToLongBits(en.value(i)),
                            Double.doubleToLongBits(((NumericColumn) a).value(i)), e.name() + " row " + i);
                } else {
                    assertEquals(e.format(i), a.format(i), e.name() + " row " + i);
                }
            }
        }
    }
}
