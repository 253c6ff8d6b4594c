package org.example.segmentation.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lexer splits text exactly as Commons CSV does with the reader's format ({@link CsvWriter#format(char)}): Commons CSV
 * is the reference, run on the same text in the test.
 */
class CsvLexerTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "a,b\n1,2\n",
        "a,b\r\n1,2\r\n3,4",
        "a,b\r1,2\r3,4\r",
        "a,b\n\n\n1,2\n\n",
        "\n\na,b\n1,2",
        "a,b,\n1,2,\n3,4,",
        "a,b\n  1 ,\t2  \n",
        "a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n",
        "a,b\n  \"quoted\"  ,  \"  kept  \"  \n",
        "a,b\nx\"y,\"z\"\n",
        "a,b\n\"line\nbreak\",\"cr\r\nlf\"\n1,2\n",
        "a,b\n,\n,,\n",
        "a\n \n",
        "a,b\n\"\",\"\"\n",
        "a,b\n1,\"\"",
        "a;b\n1,5;2\n",
        "São,Região\nKöln,\"Łódź\"\n",
        "a,b\n1,2\n   ",
    })
    void splitsLikeCommonsCsv(String text) throws Exception {
        char delimiter = text.contains(";") ? ';' : ',';
        assertEquals(commons(text, delimiter), lexer(text, delimiter), text);
    }

    /**
     * Fields stay in the lexer's window and records are moved to its front when more text is read: random text, with
     * fields and records longer than the window, read a few characters at a time or in large blocks, must split as
     * Commons CSV splits it.
     */
    @Test
    void splitsRandomTextReadInPiecesLikeCommonsCsv() throws Exception {
        String[] plain = {"a", "12.5", " ", "\t", "é", "Łódź", "x\"y", "-3"};
        String[] inQuotes = {"a", ",", "\"\"", "\n", "\r\n", " ", "ß"};
        String[] ends = {"\n", "\r", "\r\n", "\n\n", "\r\n\r\n"};
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder("h1,h2\n");
            int records = random.nextInt(round % 10 == 0 ? 20_000 : 40);
            for (int r = 0; r < records; r++) {
                int fields = 1 + random.nextInt(6);
                for (int f = 0; f < fields; f++) {
                    if (f > 0) {
                        text.append(',');
                    }
                    int kind = random.nextInt(10);
                    if (kind < 2) {
                        text.append(random.nextBoolean() ? "  \"" : "\"");
                        for (int k = random.nextInt(6); k > 0; k--) {
                            text.append(inQuotes[random.nextInt(inQuotes.length)]);
                        }
                        text.append(random.nextBoolean() ? "\" " : "\"");
                    } else if (kind == 2 && random.nextInt(300) == 0) {
                        text.append("L".repeat(random.nextInt(200_000))); // longer than the window
                    } else {
                        for (int k = random.nextInt(5); k > 0; k--) {
                            text.append(plain[random.nextInt(plain.length)]);
                        }
                    }
                }
                text.append(ends[random.nextInt(ends.length)]);
            }
            String csv = text.toString();
            assertEquals(commons(csv, ','), lexer(new Trickle(csv, random), ','), "round " + round);
        }
    }

    /** Gives its text 1 to 9 characters at a time, or in blocks of up to 100,000. */
    private static final class Trickle extends Reader {
        private final String text;
        private final Random random;
        private int at;

        Trickle(String text, Random random) {
            this.text = text;
            this.random = random;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (at == text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(len, text.length() - at),
                    random.nextBoolean() ? 1 + random.nextInt(9) : 1 + random.nextInt(100_000));
            text.getChars(at, at + n, buf, off);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    private static List<String> commons(String text, char delimiter) throws Exception {
        List<String> out = new ArrayList<>();
        try (CSVParser parser = CsvWriter.format(delimiter).parse(new StringReader(text))) {
            for (CSVRecord r : parser) {
                out.add(r.toList().toString());
            }
        }
        return out;
    }

    private static List<String> lexer(String text, char delimiter) {
        return lexer(new StringReader(text), delimiter);
    }

    private static List<String> lexer(Reader text, char delimiter) {
        List<String> out = new ArrayList<>();
        try (CsvLexer lexer = new CsvLexer(text, "test.csv", delimiter)) {
            while (lexer.next()) {
                List<String> fields = new ArrayList<>();
                for (int j = 0; j < lexer.size(); j++) {
                    fields.add(lexer.get(j));
                    assertEquals(lexer.get(j), lexer.field(j).toString());
                }
                out.add(fields.toString());
            }
        }
        return out;
    }
}
