package org.example.segmentation.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
        List<String> out = new ArrayList<>();
        try (CsvLexer lexer = new CsvLexer(new StringReader(text), "test.csv", delimiter)) {
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
