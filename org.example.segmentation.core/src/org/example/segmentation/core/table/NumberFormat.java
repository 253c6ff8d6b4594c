package org.example.segmentation.core.table;

import java.math.BigDecimal;

/** Formats doubles the way a CSV file should hold them: round-trip exact, no exponent, no ".0". */
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
        String s = Double.toString(v);
        if (s.indexOf('E') < 0) {
            return s;
        }
        return new BigDecimal(s).stripTrailingZeros().toPlainString();
    }
}
