package org.example.segmentation.core.table;

import java.math.BigDecimal;

import com.fasterxml.jackson.core.io.NumberOutput;

/** Formats doubles the way a CSV file should hold them: round-trip exact, shortest, no exponent, no ".0". */
final class NumberFormat {
    private NumberFormat() {
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        // jackson-core's Schubfach formatter (the algorithm of Java 19's Double.toString): the shortest digits that
        // read back to v, several times faster than Java 17's Double.toString, which is not always the shortest
        String s = NumberOutput.toString(v, true);
        if (s.indexOf('E') < 0) {
            return s;
        }
        return new BigDecimal(s).stripTrailingZeros().toPlainString();
    }
}
