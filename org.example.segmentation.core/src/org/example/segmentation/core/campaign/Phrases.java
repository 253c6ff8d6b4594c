package org.example.segmentation.core.campaign;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as warnings and summaries quote them: three significant digits, plain notation. */
final class Phrases {
    private Phrases() {
    }

    static String brief(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "infinity" : "-infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(3));
        if (Math.abs(v) < 1e-4) {
            return b.stripTrailingZeros().toString();
        }
        return b.stripTrailingZeros().toPlainString();
    }

    static String quote(String label) {
        return label == null ? "(missing)" : "'" + label + "'";
    }
}
