package org.example.segmentation.core.csv;

import static org.example.segmentation.core.csv.CsvTestFiles.concat;
import static org.example.segmentation.core.csv.CsvTestFiles.utf8;
import static org.example.segmentation.core.csv.CsvTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {

    @TempDir
    Path dir;

    // ---- delimiter ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { ",", ";", "\t", "|" })
    void detectsEachDelimiter(String d) {
        String csv = String.join(d, "id", "age", "city") + "\n"
                + String.join(d, "C1", "34", "Köln") + "\n"
                + String.join(d, "C2", "51", "Łódź") + "\n";
        CsvReadResult r = CsvReader.read(write(dir, "d.csv", csv));
        assertEquals(d.charAt(0), r.delimiter());
        assertEquals(List.of("id", "age", "city"), r.table().columnNames());
        assertEquals(51.0, r.table().numeric("age").value(1));
        assertEquals("Łódź", r.table().column("city").format(1));
    }

    @Test
    void detectionIgnoresDelimitersInsideQuotes() {
        String csv = "name;note\n\"Silva, Ana\";\"a|b,c,d\"\n\"Costa, Rui\";x\n";
        CsvReadResult r = CsvReader.read(write(dir, "q.csv", csv));
        assertEquals(';', r.delimiter());
        assertEquals("Silva, Ana", r.table().column("name").format(0));
    }

    @Test
    void detectionPrefersTheConsistentCandidate() {
        // With ',' the header has 3 fields but the rows 1; with ';' everything has 2.
        String csv = "a,b,c;d\n1;2\n3;4\n";
        assertEquals(';', CsvReader.read(write(dir, "c.csv", csv)).delimiter());
    }

    @Test
    void explicitDelimiterWins() {
        String csv = "a;b,c\n1;2,x\n";
        CsvReadResult r = CsvReader.read(write(dir, "e.csv", csv), CsvReadOptions.defaults().withDelimiter(';'));
        assertEquals(List.of("a", "b,c"), r.table().columnNames());
        assertEquals("2,x", r.table().column("b,c").format(0));
    }

    @Test
    void oneColumnFile() {
        CsvReadResult r = CsvReader.read(write(dir, "one.csv", "score\n1\n2\n\n3\n"));
        assertEquals(List.of("score"), r.table().columnNames());
        assertEquals(3, r.rowCount());
        assertEquals(ColumnType.NUMERIC, r.typeOf("score"));
    }

    @Test
    void aSetDelimiterReadsAGenuinelyOneColumnFile() {
        // no candidate splits the header
        CsvReadResult one = CsvReader.read(write(dir, "one.csv", "comment\nfine, thanks\nok\n"),
                CsvReadOptions.defaults().withDelimiter(';'));
        assertEquals(List.of("comment"), one.table().columnNames());
        assertEquals("fine, thanks", one.table().column("comment").format(0));
        // ',' splits the header but not the records consistently: one column of free text, as set
        CsvReadResult notes = CsvReader.read(write(dir, "notes.csv", "Notes, free text\nfine, thanks, really\nok\n"),
                CsvReadOptions.defaults().withDelimiter('\t'));
        assertEquals(List.of("Notes, free text"), notes.table().columnNames());
        assertEquals(2, notes.rowCount());
    }

    @Test
    void aFieldOfExactlyTheLimitIsRead() {
        String longest = "y".repeat(CsvLexer.MAX_FIELD);
        CsvReadResult r = CsvReader.read(write(dir, "long.csv", "id,note\n1,\"" + longest + "\"\n2," + longest + "\n"));
        assertEquals(longest, r.table().column("note").format(0));
        assertEquals(longest, r.table().column("note").format(1));
    }

    // ---- encoding ------------------------------------------------------------------------------------------

    @Test
    void byteOrderMarkIsDroppedAndGivesTheSameTable() {
        String csv = "Região,Возраст\nSão Paulo,34\nKöln,51\n";
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        CsvReadResult with = CsvReader.read(write(dir, "bom.csv", concat(bom, utf8(csv))));
        CsvReadResult without = CsvReader.read(write(dir, "nobom.csv", csv));
        assertEquals(List.of("Região", "Возраст"), with.table().columnNames());
        assertEquals(without.table().columnNames(), with.table().columnNames());
        assertEquals("São Paulo", with.table().column("Região").format(0));
        assertEquals(51.0, with.table().numeric("Возраст").value(1));
    }

    // ---- quoting ------------------------------------------------------------------------------------------

    @Test
    void quotedFieldsWithDelimitersQuotesAndNewlines() {
        String csv = "id,comment,city\r\n"
                + "1,\"likes a, b and c\",Köln\r\n"
                + "2,\"said \"\"hi\"\"\",\"São Paulo\"\r\n"
                + "3,\"two\nlines\",Łódź\r\n"
                + "4,\"crlf\r\ninside\", \"padded\" \r\n"
                + "5,  spaced  ,x\r\n";
        CsvReadResult r = CsvReader.read(write(dir, "quotes.csv", csv),
                CsvReadOptions.defaults().withColumnType("comment", ColumnType.TEXT));
        TextColumn comment = r.table().text("comment");
        assertEquals("likes a, b and c", comment.value(0));
        assertEquals("said \"hi\"", comment.value(1));
        assertEquals("two\nlines", comment.value(2));
        assertEquals("crlf\r\ninside", comment.value(3));
        assertEquals("spaced", comment.value(4));
        assertEquals("padded", r.table().column("city").format(3));
        assertEquals("São Paulo", r.table().column("city").format(1));
        assertEquals(5, r.rowCount());
    }

    @Test
    void quotedSpacesAreKept() {
        CsvReadResult r = CsvReader.read(write(dir, "sp.csv", "a,b\n\" x \",1\n\"y\",2\n"));
        assertEquals(" x ", r.table().column("a").format(0));
    }

    // ---- missing values -----------------------------------------------------------------------------------

    @Test
    void everyDefaultMissingTokenInAnyCaseAndPadding() {
        List<String> tokens = List.of("", "NA", "N/A", "null", "NaN", "?", "-", "na", "n/a", " NULL ", "nan", " ? ",
                "\" - \"");
        StringBuilder csv = new StringBuilder("x,level\n1,a\n");
        for (String t : tokens) {
            csv.append(t).append(',').append(t).append('\n');
        }
        csv.append("2.5,b\n");
        CsvReadResult r = CsvReader.read(write(dir, "missing.csv", csv.toString()));
        NumericColumn x = r.table().numeric("x");
        assertEquals(ColumnType.NUMERIC, r.typeOf("x"));
        assertEquals(tokens.size() + 2, x.size());
        assertEquals(tokens.size(), x.missingCount());
        assertEquals(2.5, x.value(x.size() - 1));
        CategoricalColumn level = r.table().categorical("level");
        assertEquals(tokens.size(), level.missingCount());
        assertEquals(List.of("a", "b"), level.levels());
    }

    @Test
    void customMissingTokens() {
        String csv = "income,segment\n100,A\n999,unknown\n,B\nNA,A\n";
        CsvReadOptions options = CsvReadOptions.defaults().withMissingTokens("", "999", "Unknown");
        CsvReadResult r = CsvReader.read(write(dir, "custom.csv", csv), options);
        // "NA" is no longer missing, so income is not numeric; 999 and "unknown" (case-insensitive) are missing.
        assertEquals(ColumnType.CATEGORICAL, r.typeOf("income"));
        assertEquals(2, r.table().column("income").missingCount());
        assertEquals("NA", r.table().column("income").format(3));
        assertEquals(1, r.table().column("segment").missingCount());
        assertTrue(r.table().column("segment").isMissing(1));
    }

    @Test
    void aMissingTokenThatIsANumberIsMissingInANumericColumn() {
        // the reader parses numbers before comparing tokens only when no token is a number: here one is
        CsvReadOptions options = CsvReadOptions.defaults().withMissingTokens("", "-999", "NA");
        CsvReadResult r = CsvReader.read(write(dir, "sentinel.csv", "a,b\n1.5,x\n-999,y\n -999 ,x\n-999.5,y\nNA,x\n"),
                options);
        assertEquals(ColumnType.NUMERIC, r.typeOf("a"));
        NumericColumn a = (NumericColumn) r.table().column("a");
        assertEquals(3, a.missingCount());
        assertTrue(a.isMissing(1) && a.isMissing(2) && a.isMissing(4));
        assertEquals(-999.5, a.value(3));
    }

    @Test
    void withoutTheEmptyTokenEmptyFieldsAreValues() {
        CsvReadOptions options = CsvReadOptions.defaults().withMissingTokens("NA");
        CsvReadResult r = CsvReader.read(write(dir, "empty.csv", "a,b\n,x\nNA,y\nz,\n"), options);
        CategoricalColumn a = r.table().categorical("a");
        assertEquals("", a.level(0));
        assertTrue(a.isMissing(1));
        assertEquals("", r.table().column("b").format(2));
    }

    // ---- numbers and decimal comma ------------------------------------------------------------------------

    @Test
    void numberFormsAreReadAsTheFileSays() {
        String csv = "v\n+5\n1e3\n-2.5E-3\nInfinity\n-Infinity\n  7  \n.5\n5.\n0.1\n-0\n";
        NumericColumn v = CsvReader.read(write(dir, "n.csv", csv)).table().numeric("v");
        double[] expected = { 5, 1000, -0.0025, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 7, 0.5, 5, 0.1,
                -0.0 };
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], v.value(i), "row " + i);
        }
        assertEquals(0, v.missingCount());
    }

    @Test
    void decimalCommaIsDetectedWithSemicolon() {
        String csv = "Ingreso mensual;edad;ciudad\n1234,56;34;Köln\n-0,5;51;Łódź\n1e3;20;x\n";
        CsvReadResult r = CsvReader.read(write(dir, "dc.csv", csv));
        assertEquals(';', r.delimiter());
        assertTrue(r.decimalComma());
        assertEquals(1234.56, r.table().numeric("Ingreso mensual").value(0));
        assertEquals(-0.5, r.table().numeric("Ingreso mensual").value(1));
        assertEquals(1000.0, r.table().numeric("Ingreso mensual").value(2));
        assertEquals(ColumnType.NUMERIC, r.typeOf("edad"));
    }

    @Test
    void semicolonFileWithDecimalPointsIsNotDecimalComma() {
        CsvReadResult r = CsvReader.read(write(dir, "dp.csv", "a;b\n1.5;2\n3;4\n"));
        assertFalse(r.decimalComma());
        assertEquals(1.5, r.table().numeric("a").value(0));
    }

    @Test
    void mixedDecimalMarksReadWithPointAndWarn() {
        CsvReadResult r = CsvReader.read(write(dir, "mixed.csv", "a;b\n1,5;2.5\n2;3\n"));
        assertFalse(r.decimalComma());
        assertEquals(ColumnType.NUMERIC, r.typeOf("b"));
        assertEquals(ColumnType.CATEGORICAL, r.typeOf("a"));
        String w = String.join("\n", r.warnings());
        assertTrue(w.contains("column 'a', line 2: '1,5'") && w.contains("column 'b', line 2: '2.5'"), w);
    }

    @Test
    void explicitDecimalMarks() {
        Path f = write(dir, "x.csv", "a;b\n1,5;x\n2,25;y\n");
        CsvReadResult comma = CsvReader.read(f, CsvReadOptions.defaults().withDecimalMark(DecimalMark.COMMA));
        assertEquals(2.25, comma.table().numeric("a").value(1));
        CsvReadResult point = CsvReader.read(f, CsvReadOptions.defaults().withDecimalMark(DecimalMark.POINT));
        assertFalse(point.decimalComma());
        assertEquals(ColumnType.CATEGORICAL, point.typeOf("a"));
        // Decimal comma with a tab delimiter when set explicitly.
        Path tab = write(dir, "t.tsv", "a\tb\n1,5\tx\n2\ty\n");
        assertEquals(1.5, CsvReader.read(tab, CsvReadOptions.defaults().withDecimalMark(DecimalMark.COMMA))
                .table().numeric("a").value(0));
        // Detection only with ';'.
        assertFalse(CsvReader.read(tab).decimalComma());
    }

    // ---- type inference -----------------------------------------------------------------------------------

    @Test
    void infersNumericCategoricalAndText() {
        StringBuilder csv = new StringBuilder("customer_id,age,region,comment,flag\n");
        String[] regions = { "Norte", "Sul", "Centro", "Região Autónoma" };
        for (int i = 0; i < 200; i++) {
            csv.append("C").append(1000 + i).append(',').append(18 + i % 60).append(',')
                    .append(regions[i % regions.length]).append(',').append("note ").append(i * 7919 % 1000)
                    .append(',').append(i % 2).append('\n');
        }
        CsvReadResult r = CsvReader.read(write(dir, "types.csv", csv.toString()));
        assertEquals(ColumnType.TEXT, r.typeOf("customer_id"));
        assertEquals(ColumnType.NUMERIC, r.typeOf("age"));
        assertEquals(ColumnType.CATEGORICAL, r.typeOf("region"));
        assertEquals(ColumnType.TEXT, r.typeOf("comment"));
        assertEquals(ColumnType.NUMERIC, r.typeOf("flag"));
        assertEquals("all 200 values are numbers", r.column("age").reason());
        assertEquals("4 distinct values among 200 (at most 50)", r.column("region").reason());
        assertTrue(r.column("customer_id").reason().contains("more than 50 distinct"), r.column("customer_id").reason());
        assertFalse(r.column("age").fromSchema());
        assertEquals(4, r.table().categorical("region").levelCount());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void identifierRuleNeedsTwentyValuesAndNinetyPercentDistinct() {
        StringBuilder small = new StringBuilder("id\n");
        StringBuilder large = new StringBuilder("id\n");
        for (int i = 0; i < 19; i++) {
            small.append("C").append(i).append('\n');
        }
        for (int i = 0; i < 30; i++) {
            large.append("C").append(i < 27 ? i : 0).append('\n'); // 27 distinct of 30 = 90%
        }
        assertEquals(ColumnType.CATEGORICAL, CsvReader.read(write(dir, "s.csv", small.toString())).typeOf("id"));
        CsvReadResult r = CsvReader.read(write(dir, "l.csv", large.toString()));
        assertEquals(ColumnType.TEXT, r.typeOf("id"));
        assertEquals("27 distinct values among 30 (at least 90% distinct): an identifier or free text",
                r.column("id").reason());
    }

    @Test
    void maxCategoricalLevelsIsConfigurable() {
        StringBuilder csv = new StringBuilder("city\n");
        for (int i = 0; i < 1000; i++) {
            csv.append("city").append(i % 60).append('\n');
        }
        Path f = write(dir, "cities.csv", csv.toString());
        assertEquals(ColumnType.TEXT, CsvReader.read(f).typeOf("city"));
        CsvReadResult r = CsvReader.read(f, CsvReadOptions.defaults().withMaxCategoricalLevels(100));
        assertEquals(ColumnType.CATEGORICAL, r.typeOf("city"));
        assertEquals(60, r.table().categorical("city").levelCount());
    }

    @Test
    void allMissingColumnIsText() {
        CsvReadResult r = CsvReader.read(write(dir, "am.csv", "a,b\n1,\n2,NA\n"));
        assertEquals(ColumnType.TEXT, r.typeOf("b"));
        assertEquals(2, r.table().column("b").missingCount());
        assertTrue(r.column("b").reason().contains("every value is missing"));
    }

    @Test
    void mostlyNumericColumnWarnsAndIsNotCoerced() {
        StringBuilder csv = new StringBuilder("id,note,income\n");
        for (int i = 1; i <= 100; i++) {
            String note = i == 5 ? "\"multi\nline\"" : "x"; // record 5 spans two lines
            String income = i == 37 ? "\"1 200\"" : i == 60 || i == 80 ? "abc" : Integer.toString(1000 + i);
            csv.append(i).append(',').append(note).append(',').append(income).append('\n');
        }
        // Record 37 starts on line 39: one header line, and record 5 took two.
        CsvReadResult r = CsvReader.read(write(dir, "mostly.csv", csv.toString()));
        assertEquals(ColumnType.TEXT, r.typeOf("income"));
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        String w = r.warnings().get(0);
        assertTrue(w.startsWith("column 'income': 3 of 100 values are not numbers (first at line 39: '1 200')"), w);
        assertTrue(w.contains("set its type to numeric"), w);
        assertEquals("abc", r.table().column("income").format(59));
    }

    @Test
    void columnWithFewerNumbersDoesNotWarn() {
        CsvReadResult r = CsvReader.read(write(dir, "few.csv", "a\n1\n2\nx\ny\n"));
        assertEquals(ColumnType.CATEGORICAL, r.typeOf("a"));
        assertTrue(r.warnings().isEmpty());
    }

    @Test
    void schemaOverridesInference() {
        String csv = "id,rating,income,note\n1,1,100,x\n2,5,abc,y\n3,\"multi\nline\",?,z\n4,3,n.a.,w\n";
        Map<String, ColumnType> schema = Map.of("id", ColumnType.TEXT, "income", ColumnType.NUMERIC,
                "note", ColumnType.CATEGORICAL);
        CsvReadResult r = CsvReader.read(write(dir, "schema.csv", csv), CsvReadOptions.defaults().withSchema(schema)
                .withColumnType("rating", ColumnType.CATEGORICAL));
        Table t = r.table();
        assertEquals(ColumnType.TEXT, r.typeOf("id"));
        assertEquals("1", t.text("id").value(0));
        assertEquals(ColumnType.CATEGORICAL, r.typeOf("rating"));
        assertEquals("multi\nline", t.categorical("rating").level(2));
        assertTrue(r.column("income").fromSchema());
        assertEquals("set by the schema", r.column("income").reason());
        NumericColumn income = t.numeric("income");
        assertEquals(100.0, income.value(0));
        assertEquals(3, income.missingCount());
        assertEquals(List.of("column 'income': 2 values are not numbers and were read as missing (first at line 3:"
                + " 'abc')"), r.warnings());
    }

    @Test
    void schemaNumericOnCleanColumnDoesNotWarn() {
        CsvReadResult r = CsvReader.read(write(dir, "clean.csv", "a\n1\n2\n"),
                CsvReadOptions.defaults().withColumnType("a", ColumnType.NUMERIC));
        assertTrue(r.warnings().isEmpty());
        assertEquals(ColumnType.NUMERIC, r.typeOf("a"));
    }

    // ---- header ---------------------------------------------------------------------------------------------

    @Test
    void utf8ColumnNamesAreKeptExactly() {
        String csv = "Região,Возраст,Ingreso mensual,\"a,b\"\nNorte,34,1500.5,1\n";
        CsvReadResult r = CsvReader.read(write(dir, "names.csv", csv));
        assertEquals(List.of("Região", "Возраст", "Ingreso mensual", "a,b"), r.table().columnNames());
    }

    @Test
    void trailingUnnamedColumnsAreDroppedWithWarning() {
        String csv = "a,b,,\n1,x,,\n2,y,,\n3,z,,9\n";
        CsvReadResult r = CsvReader.read(write(dir, "trailing.csv", csv));
        assertEquals(List.of("a", "b"), r.table().columnNames());
        assertEquals(3, r.rowCount());
        assertEquals(List.of("dropped the last 2 columns (columns 3..4) because the header gives them no name;"
                + " 1 non-empty value there was ignored (first at line 4)"), r.warnings());
        CsvReadResult one = CsvReader.read(write(dir, "trailing1.csv", "a,b,\n1,2,\n"));
        assertEquals(List.of("dropped the last column (column 3) because the header gives it no name"),
                one.warnings());
    }

    @Test
    void headerWithoutDataRowsGivesEmptyTable() {
        CsvReadResult r = CsvReader.read(write(dir, "header.csv", "id,age,region\n"),
                CsvReadOptions.defaults().withColumnType("age", ColumnType.NUMERIC));
        assertEquals(0, r.rowCount());
        assertEquals(0, r.table().rowCount());
        assertEquals(List.of("id", "age", "region"), r.table().columnNames());
        assertEquals(ColumnType.TEXT, r.typeOf("id"));
        assertEquals(ColumnType.NUMERIC, r.typeOf("age"));
        assertEquals(ColumnType.TEXT, r.table().column("region").type());
        assertEquals(List.of("the file has a header but no data rows"), r.warnings());
    }

    // ---- lines ------------------------------------------------------------------------------------------------

    @Test
    void lineNumbersCountPhysicalLinesAcrossQuotedNewlinesBlankLinesAndCrLf() {
        String csv = "\r\nid,note,v\r\n1,\"a\r\nb\r\nc\",1\r\n\r\n2,x,2\r\n3,\"d\ne\",oops\r\n4,y,4\r\n5,y,5\r\n6,y,6\r\n"
                + "7,y,7\r\n8,y,8\r\n9,y,9\r\n10,y,10\r\n";
        CsvReadResult r = CsvReader.read(write(dir, "lines.csv", csv));
        // Lines: 1 blank, 2 header, 3-5 record 1, 6 blank, 7 record 2, 8-9 record 3.
        assertEquals(List.of("column 'v': 1 of 10 values is not a number (first at line 8: 'oops'), so it is read as"
                + " categorical; to read it as numeric with that value missing, set its type to numeric (or add the"
                + " token to the missing tokens)"), r.warnings());
    }

    // ---- progress ----------------------------------------------------------------------------------------------

    @Test
    void reportsProgressAndHonoursCancellation() {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(",x").append(i % 3).append('\n');
        }
        Path f = write(dir, "progress.csv", csv.toString());
        List<Double> fractions = new ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void update(double fraction, String message) {
                fractions.add(fraction);
            }

            @Override
            public void checkCancelled() {
            }
        };
        assertEquals(20_000, CsvReader.read(f, CsvReadOptions.defaults(), recording).rowCount());
        assertEquals(0.0, fractions.get(0));
        assertEquals(1.0, fractions.get(fractions.size() - 1));
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), fractions.toString());
        }
        assertTrue(fractions.size() > 4, fractions.toString());

        Progress cancelling = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public void checkCancelled() {
                throw new CancelledException();
            }
        };
        assertThrows(CancelledException.class, () -> CsvReader.read(f, CsvReadOptions.defaults(), cancelling));
    }
}
