package org.example.segmentation.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole read loads every column in its first pass, on a guess of its type ({@link EagerColumn}), and scans a large
 * file in parts on several threads ({@link PartScan}). Both are shortcuts: this test holds them to the plain way, a
 * first pass that only decides and a second pass that loads every column in the decided type (what
 * {@link CsvReader#chunks} still does), in one part. Every column is compared exactly: names, types, every value's
 * bits, every missing flag, the categorical dictionary; and the warnings, with their line numbers.
 */
class CsvOnePassTest {

    /** Files whose columns defeat the guesses in every way the reader knows of. */
    static Map<String, String> tricky() {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder late = new StringBuilder("id,late_text,early_text,all_missing,specials,comeback,gap\n");
        for (int i = 0; i < 300; i++) {
            late.append("C").append(i).append(',')
                    .append(i == 250 ? "abc" : String.valueOf(i * 0.5)).append(',') // numbers, text at row 251
                    .append(i == 0 ? "x" : String.valueOf(i)).append(',') // text first, then numbers
                    .append(',') // every value missing
                    .append(switch (i % 5) {
                        case 0 -> "NaN";
                        case 1 -> "-Infinity";
                        case 2 -> "-0";
                        case 3 -> "1e5";
                        default -> "12345678901234567890.5";
                    }).append(',')
                    .append(i >= 100 && i < 110 ? "oops" : String.valueOf(i % 7)).append(',') // numbers, text, numbers
                    .append(i < 40 ? "" : i == 200 ? "n/a" : String.valueOf(i)).append('\n'); // missing, numbers
        }
        files.put("late.csv", late.toString());
        StringBuilder comma = new StringBuilder("a;b;c\n");
        for (int i = 0; i < 50; i++) {
            comma.append(i).append(',').append(i % 10).append(';').append(i).append(';')
                    .append(i % 3 == 0 ? "" : "x" + (i % 4)).append('\n');
        }
        files.put("comma.csv", comma.toString());
        StringBuilder levels = new StringBuilder("code,city,ident\n");
        for (int i = 0; i < 40; i++) {
            levels.append(i % 6).append(',').append("city").append(i % 9).append(',').append("ID-").append(i)
                    .append('\n');
        }
        files.put("levels.csv", levels.toString());
        files.put("quoted.csv", "name,note,v\r\n\"Smith, J\",\"line one\r\nline two\",1\r\n\r\n"
                + "\"O'Neil\",\"\"\"quoted\"\"\",2\r\n" + "\"Ünal\",plain,3\r\n\"Zoë\",\"a\nb\nc\",4\r\n");
        files.put("dropped.csv", "a,b,,\n1,2,,\n3,4,,\n5,6,,x\n7,8,y,\n9,10,,\n");
        files.put("almost.csv", "k,v\n" + "1,1\n".repeat(60) + "2,bad\n" + "3,3\n".repeat(20));
        files.put("empty-rows.csv", "a,b\n");
        return files;
    }

    static final List<CsvReadOptions> OPTIONS = List.of(CsvReadOptions.defaults(),
            CsvReadOptions.defaults().withMaxCategoricalLevels(3),
            CsvReadOptions.defaults().withMissingTokens(List.of("", "NA", "-0", "oops")),
            CsvReadOptions.defaults().withSchema(Map.of("late_text", ColumnType.NUMERIC, "comeback",
                    ColumnType.NUMERIC, "early_text", ColumnType.CATEGORICAL, "gap", ColumnType.TEXT)),
            CsvReadOptions.defaults().withSchema(Map.of("code", ColumnType.TEXT, "city", ColumnType.TEXT,
                    "ident", ColumnType.CATEGORICAL)),
            CsvReadOptions.defaults().withSchema(Map.of("a", ColumnType.CATEGORICAL, "b", ColumnType.TEXT)));

    @Test
    void theOnePassReadGivesWhatTwoPassesGive(@TempDir Path dir) throws IOException {
        int compared = 0;
        for (Map.Entry<String, String> f : tricky().entrySet()) {
            Path file = CsvTestFiles.write(dir, f.getKey(), f.getValue());
            for (CsvReadOptions options : OPTIONS) {
                if (!appliesTo(options, f.getValue())) {
                    continue;
                }
                CsvReadResult one = CsvReader.read(file, options, Progress.NONE, 1);
                assertEquals(describe(twoPasses(file, options)), describe(one.table()), f.getKey() + " " + options);
                compared++;
            }
        }
        assertTrue(compared >= 12, "compared " + compared);
    }

    @Test
    void partsOnSeveralThreadsGiveTheOnePartRead(@TempDir Path dir) throws IOException {
        Map<String, String> files = tricky();
        Table month = CustomerGenerator.generate(new GeneratorConfig(3_000, 5L, 1, true, true), Progress.NONE);
        Path generated = dir.resolve("month.csv");
        CsvWriter.defaults().write(month, generated);
        files.put("month.csv", java.nio.file.Files.readString(generated));
        files.put("bom.csv", "\uFEFFa,b\n" + "1,x\n".repeat(30) + "\uFEFF2,y\n" + "3,z\n".repeat(30));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = CsvTestFiles.write(dir, f.getKey(), f.getValue());
            for (CsvReadOptions options : OPTIONS) {
                if (!appliesTo(options, f.getValue())) {
                    continue;
                }
                CsvReadResult one = CsvReader.read(file, options, Progress.NONE, 1);
                for (int parts : new int[] {2, 3, 7}) {
                    String what = f.getKey() + " in " + parts + " parts, " + options;
                    CsvReadResult split = CsvReader.read(file, options, Progress.NONE, parts);
                    assertEquals(describe(one.table()), describe(split.table()), what);
                    assertEquals(one.warnings(), split.warnings(), what);
                    assertEquals(one.columns(), split.columns(), what);
                    try (CsvChunks chunks = CsvReader.chunks(file, options, 1 << 20, Progress.NONE, parts)) {
                        assertEquals(one.warnings(), chunks.warnings(), what);
                        assertEquals(one.columns(), chunks.columns(), what);
                        Table t = chunks.next();
                        if (t != null) {
                            assertEquals(describe(one.table()), describe(t), what);
                        }
                    }
                }
            }
        }
        assertTrue(CsvReader.read(generated).warnings().stream().anyMatch(w -> w.contains("line")),
                "the generated month has warnings with line numbers to compare");
    }

    @Test
    void readingSomeColumnsGivesThoseColumnsOfTheWholeRead(@TempDir Path dir) {
        int compared = 0;
        for (Map.Entry<String, String> f : tricky().entrySet()) {
            Path file = CsvTestFiles.write(dir, f.getKey(), f.getValue());
            Table whole = CsvReader.read(file).table();
            List<String> names = whole.columnNames();
            for (int skip = 0; skip < names.size(); skip++) {
                List<String> wanted = new ArrayList<>(names);
                String dropped = wanted.remove(skip);
                java.util.Collections.reverse(wanted); // any order asked; file order given
                Table some = CsvReader.read(file, CsvReadOptions.defaults(), wanted, Progress.NONE).table();
                List<String> expected = new ArrayList<>(names);
                expected.remove(dropped);
                assertEquals(expected, some.columnNames());
                assertEquals(describe(whole.select(expected)), describe(some), f.getKey() + " without " + dropped);
                try (CsvChunks chunks = CsvReader.chunks(file, CsvReadOptions.defaults(), wanted, 1 << 20,
                        Progress.NONE)) {
                    Table t = chunks.next();
                    assertEquals(expected, chunks.columns().stream().map(ColumnInference::name).toList());
                    if (t != null) {
                        assertEquals(describe(some), describe(t), f.getKey() + " in chunks without " + dropped);
                    }
                }
                compared++;
            }
        }
        assertTrue(compared > 20, "compared " + compared);
        Path file = CsvTestFiles.write(dir, "ab.csv", "a,b\n1,2\n");
        InputException e = assertThrows(InputException.class,
                () -> CsvReader.read(file, CsvReadOptions.defaults(), List.of("a", "c"), Progress.NONE));
        assertEquals(file + ": column 'c' is needed but the file does not have it; its columns are 'a', 'b'",
                e.getMessage());
    }

    /**
     * Distinct values are collected from a part's first non-number on and the rows before it read again when the column
     * is not numeric: the inferred type and its reason (the distinct count) must be those of counting every
     * non-missing value, done here with a set. Non-numbers come first, early, in the middle (in any part), last, or
     * never; numbers have several spellings ("1", "1.0", "01"); some columns pass the level limit only with the rows
     * before their first non-number.
     */
    @Test
    void distinctValuesCountEveryRowWhereverTheFirstNonNumberIs(@TempDir Path dir) {
        Random random = new Random(11);
        String[] spellings = {"1", "1.0", "01", "2", "2.5", "-3", "1e2", "NA", ""};
        int rows = 3_000;
        int[] firstWordAt = {0, 1, 5, rows / 3, rows / 2, rows / 2 + 1, rows - 2, rows - 1, -1};
        List<String> names = new ArrayList<>();
        List<List<String>> columns = new ArrayList<>();
        for (int c = 0; c < firstWordAt.length * 3; c++) {
            int at = firstWordAt[c % firstWordAt.length];
            int kind = c / firstWordAt.length; // 0: few numbers; 1: many numbers (past the limit); 2: words repeat
            List<String> values = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                if (at >= 0 && r >= at && (r == at || random.nextInt(4) == 0)) {
                    values.add(kind == 2 ? "w" + random.nextInt(3) : "word" + random.nextInt(kind == 1 ? 5 : 40));
                } else if (kind == 1) {
                    values.add(Integer.toString(random.nextInt(60)));
                } else {
                    values.add(spellings[random.nextInt(spellings.length)]);
                }
            }
            names.add("c" + c + "_at" + at + "_kind" + kind);
            columns.add(values);
        }
        StringBuilder csv = new StringBuilder(String.join(",", names)).append('\n');
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                csv.append(c == 0 ? "" : ",").append(columns.get(c).get(r));
            }
            csv.append('\n');
        }
        Path file = CsvTestFiles.write(dir, "late.csv", csv.toString());
        CsvReadOptions options = CsvReadOptions.defaults().withMaxCategoricalLevels(50);
        for (int parts : new int[] {1, 2, 3, 7}) {
            CsvReadResult read = CsvReader.read(file, options, Progress.NONE, parts);
            for (int c = 0; c < columns.size(); c++) {
                Set<String> distinct = new HashSet<>();
                int present = 0;
                boolean numeric = true;
                for (String v : columns.get(c)) {
                    if (!v.isEmpty() && !v.equals("NA")) {
                        distinct.add(v);
                        present++;
                        numeric &= !v.startsWith("w");
                    }
                }
                String expected = numeric ? "all " + present + " values are numbers"
                        : distinct.size() > 50 ? "more than 50 distinct values: an identifier or free text"
                        : distinct.size() + " distinct values among " + present + " (at most 50)";
                String what = names.get(c) + " in " + parts + " parts";
                assertEquals(expected, read.column(names.get(c)).reason(), what);
                try (CsvChunks chunks = CsvReader.chunks(file, options, 1000, Progress.NONE, parts)) {
                    assertEquals(expected, chunks.columns().get(c).reason(), what + ", in chunks");
                }
            }
        }
    }

    @Test
    void aFailureInAPartIsTheErrorOfTheOnePartRead(@TempDir Path dir) {
        String rows = "1,2\n".repeat(200);
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("width.csv", CsvTestFiles.utf8("a,b\n" + rows + "3,4,5\n" + rows));
        bad.put("quote.csv", CsvTestFiles.utf8("a,b\n" + rows + "\"open,4\n" + rows));
        bad.put("utf8.csv", CsvTestFiles.concat(CsvTestFiles.utf8("a,b\n" + rows + "x"),
                new byte[] {(byte) 0xC3, (byte) 0x28}, CsvTestFiles.utf8(",1\n" + rows)));
        bad.put("text-after-quote.csv", CsvTestFiles.utf8("a,b\n" + rows + rows + "\"x\"y,1\n"));
        for (Map.Entry<String, byte[]> f : bad.entrySet()) {
            Path file = CsvTestFiles.write(dir, f.getKey(), f.getValue());
            String expected = assertThrows(InputException.class,
                    () -> CsvReader.read(file, CsvReadOptions.defaults(), Progress.NONE, 1)).getMessage();
            assertTrue(expected.contains("line 20") || expected.contains("line 40"), expected);
            for (int parts : new int[] {2, 3, 7}) {
                assertEquals(expected, assertThrows(InputException.class,
                        () -> CsvReader.read(file, CsvReadOptions.defaults(), Progress.NONE, parts)).getMessage(),
                        f.getKey() + " in " + parts + " parts");
            }
        }
    }

    @Test
    void aQuotedLineBreakAtTheSplitFallsBackToOnePart(@TempDir Path dir) {
        // Every line break but the record ends is inside quotes, so most split points are: the parts before them
        // end inside a quoted field, and the read is the one-part read.
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 100; i++) {
            sb.append('"').append("x\n".repeat(20)).append("\",").append(i).append('\n');
        }
        Path file = CsvTestFiles.write(dir, "multiline.csv", sb.toString());
        String one = describe(CsvReader.read(file, CsvReadOptions.defaults(), Progress.NONE, 1).table());
        for (int parts : new int[] {2, 3, 7}) {
            assertEquals(one, describe(CsvReader.read(file, CsvReadOptions.defaults(), Progress.NONE, parts).table()));
        }
    }

    static boolean appliesTo(CsvReadOptions options, String content) {
        String header = content.substring(0, content.indexOf('\n'));
        for (String column : options.schema().keySet()) {
            if (!List.of(header.split("[,;]")).contains(column)) {
                return false;
            }
        }
        return true;
    }

    /** The plain way: a first pass that decides, then a second pass that loads (a read in one chunk). */
    private static Table twoPasses(Path file, CsvReadOptions options) {
        try (CsvChunks chunks = CsvReader.chunks(file, options, Integer.MAX_VALUE - 16, Progress.NONE, 1)) {
            Table t = chunks.next();
            if (t != null) {
                return t;
            }
            List<Column> empty = new ArrayList<>();
            for (ColumnInference c : chunks.columns()) {
                empty.add(ColumnSink.of(c, 0, chunks.decimalComma(), new MissingTokens(options.missingTokens()))
                        .build());
            }
            return Table.of(empty);
        }
    }

    /** Every column exactly: name, type, dictionary, and per row the missing flag and the value (bits, text). */
    static String describe(Table t) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < t.columnCount(); j++) {
            Column c = t.column(j);
            sb.append(c.name()).append(' ').append(c.type());
            if (c instanceof CategoricalColumn cat) {
                sb.append(' ').append(cat.levels());
            }
            sb.append(':');
            for (int i = 0; i < c.size(); i++) {
                sb.append(' ');
                if (c.isMissing(i)) {
                    sb.append('?');
                } else if (c instanceof NumericColumn n) {
                    sb.append(Long.toHexString(Double.doubleToRawLongBits(n.value(i))));
                } else if (c instanceof CategoricalColumn cat) {
                    sb.append(cat.code(i));
                } else {
                    sb.append('[').append(((TextColumn) c).value(i)).append(']');
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
