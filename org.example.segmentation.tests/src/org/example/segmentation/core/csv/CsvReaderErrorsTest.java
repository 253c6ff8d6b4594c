package org.example.segmentation.core.csv;

import static org.example.segmentation.core.csv.CsvTestFiles.concat;
import static org.example.segmentation.core.csv.CsvTestFiles.utf8;
import static org.example.segmentation.core.csv.CsvTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad input; each checks that the message names the file and the line or column. */
class CsvReaderErrorsTest {

    @TempDir
    Path dir;

    private InputException fails(Path file) {
        return fails(file, CsvReadOptions.defaults());
    }

    private InputException fails(Path file, CsvReadOptions options) {
        InputException e = assertThrows(InputException.class, () -> CsvReader.read(file, options));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void raggedRowNamesItsLine() {
        Path f = write(dir, "ragged.csv", "id,age,city\n1,34,Köln\n2,51\n3,20,x\n");
        assertEquals(f + ", line 3: 2 fields but the header has 3 (delimiter ',')", fails(f).getMessage());
    }

    @Test
    void raggedRowAfterAnEmbeddedNewlineNamesThePhysicalLine() {
        // Record 3 (the ragged one) is on physical line 6: record 1's note spans lines 2-4.
        Path f = write(dir, "ragged.csv", "id;note;v\n1;\"first\nsecond\nthird\";1\n2;x;2\n3;y;3;4\n");
        assertEquals(f + ", line 6: 4 fields but the header has 3 (delimiter ';'); quote values that contain the"
                + " delimiter", fails(f).getMessage());
    }

    @Test
    void raggedRowWithItsOwnEmbeddedNewlineNamesTheLineItStartsOn() {
        Path f = write(dir, "ragged.csv", "a,b\n1,2\n\"x\ny\"\n");
        assertEquals(f + ", line 3: 1 field but the header has 2 (delimiter ',')", fails(f).getMessage());
    }

    @Test
    void emptyFile() {
        String expected = ": the file is empty; expected a header row with the column names";
        Path zero = write(dir, "zero.csv", new byte[0]);
        assertEquals(zero + expected, fails(zero).getMessage());
        Path bomOnly = write(dir, "bom.csv", new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        assertEquals(bomOnly + expected, fails(bomOnly).getMessage());
        Path blank = write(dir, "blank.csv", "\n\r\n\n");
        assertEquals(blank + expected, fails(blank).getMessage());
    }

    @Test
    void duplicateHeaderName() {
        Path f = write(dir, "dup.csv", "id,Região,age,Região\n1,a,2,b\n");
        assertEquals(f + ", line 1: column name 'Região' appears twice (columns 2 and 4); column names must be"
                + " unique", fails(f).getMessage());
    }

    @Test
    void emptyHeaderNameInTheMiddle() {
        Path f = write(dir, "gap.csv", "\nid,,age\n1,2,3\n");
        assertEquals(f + ", line 2: column 2 has an empty name (between 'id' and 'age'); every column needs a"
                + " name", fails(f).getMessage());
    }

    @Test
    void headerWithoutAnyName() {
        Path f = write(dir, "noname.csv", ",,\n1,2,3\n");
        assertEquals(f + ", line 1: the header row has no column names", fails(f).getMessage());
    }

    @Test
    void invalidUtf8NamesItsLine() {
        byte[] latin1 = "Köln".getBytes(StandardCharsets.ISO_8859_1);
        Path f = write(dir, "latin1.csv", concat(utf8("id,city\r\n1,\"São\r\nPaulo\"\r\n2,"), latin1, utf8("\r\n")));
        InputException e = fails(f);
        assertTrue(e.getMessage().startsWith(f + ", line 4: the file is not valid UTF-8 (byte 0xF6"), e.getMessage());
    }

    @Test
    void invalidUtf8FarIntoTheFileNamesItsLine() {
        // Past the 1 MiB the delimiter detection looks at, so the first pass finds it.
        StringBuilder csv = new StringBuilder("id,city\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append(i).append(",Łódź\n");
        }
        byte[] bad = { 'x', (byte) 0xC3, '(', '\n' }; // a lead byte without its continuation
        Path f = write(dir, "late.csv", concat(utf8(csv.toString()), bad, utf8("7,y\n")));
        assertTrue(fails(f).getMessage().startsWith(f + ", line 100002: the file is not valid UTF-8 (byte 0xC3"));
    }

    @Test
    void utf16IsNamedAsSuch() {
        Path withBom = write(dir, "utf16.csv", concat(new byte[] { (byte) 0xFF, (byte) 0xFE },
                "id,city\n1,Köln\n".getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(withBom + ", line 1: the file is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8;"
                + " save it as UTF-8 (for example 'CSV UTF-8' in Excel)", fails(withBom).getMessage());
        Path noBom = write(dir, "utf16nobom.csv", "id,city\n1,Köln\n".getBytes(StandardCharsets.UTF_16BE));
        assertTrue(fails(noBom).getMessage().startsWith(noBom + ", line 1: the file contains a NUL character"));
        Path nulLater = write(dir, "nul.csv", concat(utf8("a,b\n1,2\n3,"), new byte[] { 0 }, utf8("\n")));
        assertTrue(fails(nulLater).getMessage().startsWith(nulLater + ", line 3: the file contains a NUL character"));
    }

    @Test
    void truncatedUtf8AtTheEndOfTheFile() {
        Path f = write(dir, "cut.csv", concat(utf8("a\nb\n"), new byte[] { (byte) 0xE2, (byte) 0x82 }));
        assertTrue(fails(f).getMessage().startsWith(f + ", line 3: the file is not valid UTF-8"));
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nope.csv");
        assertEquals(f + ": file not found", fails(f).getMessage());
    }

    @Test
    void directory() throws Exception {
        Path d = Files.createDirectory(dir.resolve("folder.csv"));
        assertEquals(d + ": is a directory, not a CSV file", fails(d).getMessage());
    }

    @Test
    void unclosedQuoteNamesTheLineWhereItOpens() {
        Path f = write(dir, "open.csv", "a,b\n1,2\n3,\"never closed\n4,5\n6,7\n");
        assertEquals(f + ", line 3: a quoted field starts here and its closing '\"' is missing (a '\"' inside a"
                + " quoted field must be doubled)", fails(f).getMessage());
    }

    @Test
    void textAfterClosingQuoteNamesItsLine() {
        Path f = write(dir, "after.csv", "a,b\n1,2\n3,\"x\"y\n");
        assertTrue(fails(f).getMessage().startsWith(f + ", line 3: text after the closing '\"' of a quoted field"));
    }

    @Test
    void aSetDelimiterThatLeavesTheHeaderOneColumnNamesTheDelimiterToUse() {
        Path f = write(dir, "semi.csv", "id,age,city\n1,34,Bonn\n2,51,Köln\n");
        String expected = f + ": the delimiter is set to ';', which leaves the header one single column"
                + " ('id,age,city'), but ',' splits it into 3 columns; set the delimiter to ',' (or leave it unset to"
                + " detect it)";
        assertEquals(expected, fails(f, CsvReadOptions.defaults().withDelimiter(';')).getMessage());
        assertEquals(expected, assertThrows(InputException.class, () -> CsvReader.chunks(f,
                CsvReadOptions.defaults().withDelimiter(';'), 10, Progress.NONE)).getMessage());
        Path tabs = write(dir, "tabs.csv", "id\tage\n1\t34\n");
        assertTrue(fails(tabs, CsvReadOptions.defaults().withDelimiter('|')).getMessage().endsWith(
                "but tab splits it into 2 columns; set the delimiter to tab (or leave it unset to detect it)"));
    }

    @Test
    void aFieldLongerThanTheLimitNamesLineColumnAndLimit() {
        String big = "x".repeat(CsvLexer.MAX_FIELD + 1);
        Path f = write(dir, "big.csv", "a,b\n1,2\n3," + big + "\n4,5\n");
        assertEquals(f + ", line 3, column 2 ('b'): the field is longer than 1,000,000 characters, the limit per"
                + " field; if it should be short, look for a '\"' that opens a quoted field there and is never closed",
                fails(f).getMessage());
        // quoted, with line breaks inside: the line is the one the field starts on
        Path quoted = write(dir, "quoted.csv", "a,b\n1,\"x\ny\"\n\"" + "\n".repeat(CsvLexer.MAX_FIELD + 1) + "\",3\n");
        assertTrue(fails(quoted).getMessage().startsWith(quoted + ", line 4, column 1 ('a'): the field is longer than"
                + " 1,000,000 characters"), fails(quoted).getMessage());
    }

    @Test
    void aQuoteThatNeverClosesInALargeFileStopsAtTheFieldLimit() {
        // Without the limit the lexer would buffer the rest of the file as one field and fail only at its end.
        StringBuilder sb = new StringBuilder("a,b\n1,2\n3,\"oops\n");
        for (int i = 0; i < 200_000; i++) {
            sb.append(i).append(",").append(i % 7).append('\n');
        }
        Path f = write(dir, "open-big.csv", sb.toString());
        assertTrue(fails(f).getMessage().startsWith(f + ", line 3, column 2 ('b'): the field is longer than 1,000,000"
                + " characters"), fails(f).getMessage());
    }

    @Test
    void schemaNamingAnAbsentColumn() {
        Path f = write(dir, "s.csv", "id,age\n1,2\n");
        InputException e = fails(f, CsvReadOptions.defaults().withColumnType("Age", ColumnType.NUMERIC));
        assertEquals(f + ": the schema sets the type of column 'Age', which the file does not have; its columns are"
                + " 'id', 'age'", e.getMessage());
    }

    @Test
    void decimalCommaWithCommaDelimiter() {
        Path f = write(dir, "dc.csv", "a,b\n1,2\n");
        InputException e = fails(f, CsvReadOptions.defaults().withDecimalMark(DecimalMark.COMMA));
        assertTrue(e.getMessage().contains("decimal comma is set but the delimiter is ','"), e.getMessage());
    }

    @Test
    void invalidOptionsNameTheSetting() {
        InputException quote = assertThrows(InputException.class, () -> CsvReadOptions.defaults().withDelimiter('"'));
        assertTrue(quote.getMessage().startsWith("CSV setting 'delimiter': '\"' cannot be a delimiter"));
        InputException levels = assertThrows(InputException.class,
                () -> CsvReadOptions.defaults().withMaxCategoricalLevels(0));
        assertEquals("CSV setting 'maxCategoricalLevels': 0 is outside 1..100000", levels.getMessage());
        assertThrows(InputException.class, () -> CsvReadOptions.defaults().withColumnType(" ", ColumnType.TEXT));
        assertThrows(InputException.class, () -> CsvWriter.defaults().withDelimiter('\n'));
    }
}
