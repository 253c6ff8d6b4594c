package org.example.segmentation.core.csv;

import java.io.StringReader;

import org.example.segmentation.core.InputException;

/**
 * Picks the delimiter of a CSV file from its beginning (see {@link CsvReader} for the rule).
 */
final class DelimiterDetector {
    /** The candidates, in order of preference when they tie. */
    static final char[] CANDIDATES = { ',', ';', '\t', '|' };
    /** How many records after the header the detection looks at. */
    static final int SAMPLE_RECORDS = 100;
    /** How many characters of the file the detection looks at, at most. */
    static final int SAMPLE_CHARS = 1 << 20;

    private DelimiterDetector() {
    }

    /**
     * The delimiter of {@code sample}, the beginning of a file.
     *
     * @param truncated whether the file goes on after the sample (its last record may be cut, so it is
     *                  not looked at)
     */
    static char detect(String sample, boolean truncated) {
        char best = 0;
        int bestFields = 1;
        boolean bestConsistent = false;
        for (char candidate : CANDIDATES) {
            Shape shape = shape(sample, truncated, candidate);
            if (shape.headerFields < 2) {
                continue;
            }
            boolean better = best == 0
                    || shape.consistent && !bestConsistent
                    || shape.consistent == bestConsistent && shape.headerFields > bestFields;
            if (better) {
                best = candidate;
                bestFields = shape.headerFields;
                bestConsistent = shape.consistent;
            }
        }
        return best == 0 ? ',' : best;
    }

    /**
     * How {@code delimiter} splits the sample: the fields of the header and its first field (empty when the sample has
     * no record), and whether the records after it that were looked at have as many.
     */
    record Shape(int headerFields, boolean consistent, String firstField) {
    }

    static Shape shape(String sample, boolean truncated, char delimiter) {
        int headerFields = 0;
        String firstField = "";
        boolean consistent = true;
        try (CsvLexer lexer = new CsvLexer(new StringReader(sample), "the sample", delimiter)) {
            if (!lexer.next()) {
                return new Shape(0, false, "");
            }
            headerFields = lexer.size();
            firstField = lexer.get(0);
            boolean more = lexer.next();
            for (int n = 0; n < SAMPLE_RECORDS && more; n++) {
                int fields = lexer.size();
                if (truncated) {
                    more = lexer.next();
                    if (!more) {
                        break; // the sample may have cut this record
                    }
                } else if (n + 1 < SAMPLE_RECORDS) {
                    more = lexer.next();
                }
                if (fields != headerFields) {
                    consistent = false;
                    break;
                }
            }
            return new Shape(headerFields, consistent, firstField);
        } catch (InputException e) {
            // Quotes that do not parse with this delimiter, or a sample cut inside a quoted field (then what
            // was read so far decides).
            return new Shape(headerFields, truncated && consistent, firstField);
        }
    }
}
