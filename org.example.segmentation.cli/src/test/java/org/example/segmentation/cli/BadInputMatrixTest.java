package org.example.segmentation.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input matrix of docs/bad-input.md, one test per row: each bad input gets the documented exit code
 * and a one-line error that names the problem and where; no output is left behind and no input changes.
 */
class BadInputMatrixTest {

    @TempDir
    Path dir;

    /** A generated customer file (300 rows, no planted problems) every row may start from. */
    private Path good;

    @BeforeEach
    void generate() {
        good = dir.resolve("good.csv");
        CliRun r = segment("generate", "--rows", "300", "--seed", "5", "--no-problems", "--out", good.toString());
        assertEquals(0, r.exit(), r.err());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Files

    @Test
    void missingFile() throws Exception {
        fails(1, "missing.csv: file not found", "clean", "--input", p("missing.csv"), "--out", p("out"));
    }

    @Test
    void aDirectory() throws Exception {
        Files.createDirectory(dir.resolve("adir"));
        fails(1, "adir: is a directory, not a CSV file", "clean", "--input", p("adir"), "--out", p("out"));
    }

    @Test
    void emptyFile() throws Exception {
        Files.write(dir.resolve("empty.csv"), new byte[0]);
        fails(1, "empty.csv: the file is empty; expected a header row", "clean", "--input", p("empty.csv"),
                "--out", p("out"));
    }

    @Test
    void binaryFile() throws Exception {
        // the first bytes of a PNG image
        Files.write(dir.resolve("image.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        fails(1, "image.csv, line 1: the file is not valid UTF-8 (byte 0x89 at byte offset 0)", "clean", "--input",
                p("image.csv"), "--out", p("out"));
    }

    @Test
    void invalidUtf8() throws Exception {
        Files.write(dir.resolve("latin1.csv"), "id,city\n1,S\u00e3o Paulo\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        fails(1, "latin1.csv, line 2: the file is not valid UTF-8 (byte 0xE3", "clean", "--input", p("latin1.csv"),
                "--out", p("out"));
    }

    @Test
    void wrongDelimiter() throws Exception {
        write("commas.csv", "id,age,city\n1,34,Bonn\n2,51,K\u00f6ln\n");
        fails(1, "commas.csv: the delimiter is set to ';', which leaves the header one single column ('id,age,city'),"
                + " but ',' splits it into 3 columns; set the delimiter to ','", "clean", "--input", p("commas.csv"),
                "--delimiter", ";", "--out", p("out"));
        fails(1, "set the delimiter to ','", "fit", "--input", p("good.csv"), "--delimiter", "tab", "--out", p("out"));
        // a genuinely one-column file still reads with a set delimiter
        write("one.csv", "comment\nfine, thanks\nok\n");
        ok("inspect", p("one.csv"), "--delimiter", ";");
    }

    @Test
    void aTenMegabyteField() throws Exception {
        write("big.csv", "a,b\n1,2\n3," + "x".repeat(10_000_000) + "\n");
        fails(1, "big.csv, line 3, column 2 ('b'): the field is longer than 1,000,000 characters, the limit per field",
                "clean", "--input", p("big.csv"), "--out", p("out"));
    }

    @Test
    void raggedRow() throws Exception {
        write("ragged.csv", "a,b,c\n1,2,3\n4,5\n");
        fails(1, "ragged.csv, line 3: 2 fields but the header has 3 (delimiter ',')", "clean", "--input",
                p("ragged.csv"), "--out", p("out"));
    }

    @Test
    void duplicateHeaders() throws Exception {
        write("dup.csv", "a,a,b\n1,2,3\n");
        fails(1, "dup.csv, line 1: column name 'a' appears twice (columns 1 and 2)", "clean", "--input",
                p("dup.csv"), "--out", p("out"));
    }

    @Test
    void zeroRows() throws Exception {
        write("header.csv", "a,b\n");
        fails(1, "cannot fit the cleaner: the table has no rows", "clean", "--input", p("header.csv"), "--out",
                p("out"));
        fails(1, "cannot segment: the table has no rows", "fit", "--input", p("header.csv"), "--out", p("out"));
        fails(1, "the reference table has no rows", "baseline", "--input", p("header.csv"), "--out", p("out"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Columns and values

    @Test
    void requiredColumnMissing() throws Exception {
        fails(1, "setting 'features' names column 'nope' that the table does not have", "fit", "--input",
                p("good.csv"), "--out", p("out"), "--set", "features=nope");
    }

    @Test
    void textInANumericColumn() throws Exception {
        write("text.csv", numbersWith("x", "oops"));
        // the cleaner reads the column as numeric (>= 90% numbers): the text is invalid, counted and imputed
        ok("clean", "--input", p("text.csv"), "--out", p("cleaned"));
        String report = Files.readString(dir.resolve("cleaned/cleaning_report.csv"), UTF_8);
        assertTrue(report.lines().anyMatch(l -> l.startsWith("a,numeric,categorical,numeric,\"read as numbers (2 not "
                + "numbers)")), report);
        // the CSV reader does not guess either: a column with non-numbers is read as levels, with a warning that
        // names the column, the count and the first line, and says how to read it as numeric instead
        CliRun fit = segment("fit", "--input", p("text.csv"), "--out", p("fitted"), "--set", "features=a,b", "--set",
                "k=2");
        assertEquals(0, fit.exit(), fit.err());
        assertTrue(fit.err().contains("segment: warning: column 'a': 2 of 40 values are not numbers (first at line 4: "
                + "'x')"), fit.err());
        fails(1, "feature 'a' has 2 missing values", "fit", "--input", p("text.csv"), "--type", "a=numeric", "--out",
                p("out"), "--set", "features=a,b", "--set", "k=2");
    }

    @Test
    void allMissingColumn() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 30; i++) {
            sb.append(",").append(i % 7).append('\n');
        }
        write("empty-col.csv", sb.toString());
        ok("clean", "--input", p("empty-col.csv"), "--out", p("cleaned"));
        String report = Files.readString(dir.resolve("cleaned/cleaning_report.csv"), UTF_8);
        assertTrue(report.lines().anyMatch(l -> l.startsWith("a,dropped,")), report);
        fails(1, "setting 'features' names 'a', which has no values (every value is missing)", "fit", "--input",
                p("empty-col.csv"), "--out", p("out"), "--set", "features=a,b", "--set", "k=2");
    }

    @Test
    void constantFeature() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 30; i++) {
            sb.append("1,").append(i % 7).append('\n');
        }
        write("const.csv", sb.toString());
        fails(1, "feature 'a' is constant (every row holds 1)", "fit", "--input", p("const.csv"), "--out", p("out"),
                "--set", "features=a,b", "--set", "k=2");
    }

    @Test
    void kLargerThanTheDistinctRows() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i % 2).append(',').append(i % 2).append('\n');
        }
        write("two.csv", sb.toString());
        fails(1, "distinct", "fit", "--input", p("two.csv"), "--out", p("out"), "--set", "features=a,b", "--set",
                "k=3");
    }

    @Test
    void nanAndInfinities() throws Exception {
        write("nan.csv", numbersWith("NaN", "Infinity"));
        fails(1, "not a finite number", "fit", "--input", p("nan.csv"), "--out", p("out"), "--set", "features=a,b",
                "--set", "k=2");
    }

    @Test
    void duplicateCustomerIds() throws Exception {
        // row 301 repeats customer 1 with another region (used as the archetype column for migration)
        List<String> lines = Files.readAllLines(good, UTF_8);
        int region = List.of(lines.get(0).split(",")).indexOf("region");
        String[] twin = lines.get(1).split(",", -1);
        String id = twin[0];
        twin[region] = twin[region].equals("North") ? "South" : "North";
        lines.add(String.join(",", twin));
        Files.write(dir.resolve("dupid.csv"), lines, UTF_8);
        fails(1, "column 'customer_id': id '" + id + "' appears twice, in rows 1 and 301", "control", "--input",
                p("dupid.csv"), "--out", p("out"), "--set", "salt=spring");
        ok("baseline", "--input", p("good.csv"), "--out", p("baseline"));
        fails(1, "the current month's identifier column 'customer_id' holds '" + id + "' more than once (again at row "
                + "301) with a different segment or archetype", "drift", "--baseline", p("baseline"), "--input", p("dupid.csv"), "--out", p("out"),
                "--previous", p("good.csv"), "--set", "archetype.column=region");
    }

    @Test
    void negativeCounts() throws Exception {
        List<String> lines = Files.readAllLines(good, UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int logins = header.indexOf("app_logins_30d");
        String[] row = lines.get(5).split(",", -1);
        row[logins] = "-7";
        lines.set(5, String.join(",", row));
        Files.write(dir.resolve("neg.csv"), lines, UTF_8);
        ok("clean", "--input", p("neg.csv"), "--out", p("cleaned"));
        String report = Files.readString(dir.resolve("cleaned/cleaning_report.csv"), UTF_8);
        assertTrue(report.lines().anyMatch(l -> l.startsWith("app_logins_30d,numeric,numeric,numeric,")
                && l.contains("1 value below 0 invalid (made missing)")), report);
    }

    @Test
    void unseenCategories() throws Exception {
        ok("clean", "--input", p("good.csv"), "--out", p("model"));
        List<String> lines = Files.readAllLines(good, UTF_8);
        int region = List.of(lines.get(0).split(",")).indexOf("region");
        String[] row = lines.get(3).split(",", -1);
        row[region] = "Atlantis";
        lines.set(3, String.join(",", row));
        Files.write(dir.resolve("unseen.csv"), lines, UTF_8);
        ok("clean", "--input", p("unseen.csv"), "--model", p("model/cleaning_model.json"), "--out", p("applied"));
        String report = Files.readString(dir.resolve("applied/cleaning_report.csv"), UTF_8);
        assertTrue(report.lines().anyMatch(l -> l.startsWith("region,categorical,") && l.contains("unseen levels "
                + "become Other")), report);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Model files

    @Test
    void truncatedModel() throws Exception {
        ok("clean", "--input", p("good.csv"), "--out", p("model"));
        byte[] json = Files.readAllBytes(dir.resolve("model/cleaning_model.json"));
        Files.write(dir.resolve("trunc.json"), java.util.Arrays.copyOf(json, json.length / 2));
        fails(1, "model file " + p("trunc.json") + " is not valid JSON: line ", "clean", "--input", p("good.csv"),
                "--model", p("trunc.json"), "--out", p("out"));
    }

    @Test
    void handEditedModel() throws Exception {
        ok("clean", "--input", p("good.csv"), "--out", p("model"));
        String json = Files.readString(dir.resolve("model/cleaning_model.json"), UTF_8);
        write("edited.json", json.replace("\"fill_number\"", "\"fill_numbr\""));
        fails(1, "field 'model.columns[0].fill_number': Missing creator property 'fill_number'", "clean", "--input", p("good.csv"), "--model", p("edited.json"), "--out", p("out"));
    }

    @Test
    void newerFormatVersion() throws Exception {
        ok("clean", "--input", p("good.csv"), "--out", p("model"));
        String json = Files.readString(dir.resolve("model/cleaning_model.json"), UTF_8);
        write("newer.json", json.replaceFirst("\"format_version\" : 1", "\"format_version\" : 99"));
        fails(1, "has cleaning_model format version 99", "clean", "--input", p("good.csv"), "--model",
                p("newer.json"), "--out", p("out"));
    }

    @Test
    void modelOfAnotherKind() throws Exception {
        ok("baseline", "--input", p("good.csv"), "--out", p("baseline"));
        fails(1, "holds a drift_baseline; expected a cleaning_model", "clean", "--input", p("good.csv"), "--model",
                p("baseline/drift_baseline.json"), "--out", p("out"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Output paths

    @Test
    void outputPathIsAnExistingFile() throws Exception {
        write("afile", "keep me");
        fails(1, "output directory " + p("afile") + " is an existing file", "clean", "--input", p("good.csv"),
                "--out", p("afile"));
    }

    @Test
    void outputPathNotWritable() throws Exception {
        write("afile", "keep me");
        fails(1, p("afile"), "clean", "--input", p("good.csv"), "--out", p("afile/sub"));
    }

    // ---------------------------------------------------------------------------------------------------------

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, UTF_8);
    }

    /** 40 rows of a,b with two bad values of a in rows 3 and 7: {@code first} and {@code second}. */
    private static String numbersWith(String first, String second) {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 40; i++) {
            String a = i == 2 ? first : i == 6 && second != null ? second : Integer.toString(i % 9);
            sb.append(a).append(',').append(i % 5).append('\n');
        }
        return sb.toString();
    }

    private void ok(String... args) {
        CliRun r = segment(args);
        assertEquals(0, r.exit(), r.err());
    }

    /**
     * Runs a command that must fail: the exit code, one error line holding {@code fragment}, no new file or
     * directory, no existing file changed.
     */
    private void fails(int exit, String fragment, String... args) throws Exception {
        Map<String, String> before = snapshot();
        CliRun r = segment(args);
        assertEquals(exit, r.exit(), r.err());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("segment: ")
                && !l.startsWith("segment: warning") && !l.startsWith("segment: (run again")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).contains(fragment), "expected '" + fragment + "' in: " + errors.get(0));
        assertEquals(before, snapshot(), "a failed run must leave every file as it was and add none");
    }

    /** Every file and directory under {@link #dir} with the SHA-256 of its content. */
    private Map<String, String> snapshot() throws Exception {
        Map<String, String> out = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) all::iterator) {
                out.put(dir.relativize(f).toString(), Files.isDirectory(f) ? "dir"
                        : HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }
}
