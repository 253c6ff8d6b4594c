package org.example.segmentation.core.csv;

/**
 * Recognises and parses the numbers a CSV field may hold, without allocating on the common path.
 *
 * <p>Grammar, after removing surrounding whitespace (characters up to U+0020):
 * <pre>
 *   number   = [sign] ( mantissa [exponent] | "Infinity" | "NaN" )     "Infinity", "NaN": any letter case
 *   mantissa = digits [sep [digits]] | sep digits
 *   exponent = ("e" | "E") [sign] digits
 *   sign     = "+" | "-"
 *   sep      = "." (decimal point) or "," (decimal comma), never both, at most once
 * </pre>
 * No thousands separators, no hexadecimal, no {@code d}/{@code f} suffixes (which {@link Double#parseDouble}
 * would accept). A number without separator (an integer) is a number under both decimal marks.
 *
 * <p>Parsing is correctly rounded: mantissas of at most 15 significant digits with a decimal exponent within
 * &plusmn;22 take the exact fast path (one IEEE multiplication or division of two exactly representable
 * numbers); everything else goes to {@link Double#parseDouble}.
 */
final class NumberSyntax {
    /** Not a number under either decimal mark. */
    static final int NONE = 0;
    /** A number with a decimal point: {@code 1.5}. */
    static final int POINT = 1;
    /** A number with a decimal comma: {@code 1,5}. */
    static final int COMMA = 2;
    /** A number under both decimal marks: integers, {@code 1e5}, {@code Infinity}, {@code NaN}. */
    static final int BOTH = POINT | COMMA;

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private NumberSyntax() {
    }

    /**
     * Classifies {@code s}: {@link #NONE}, {@link #POINT}, {@link #COMMA} or {@link #BOTH} (the decimal marks
     * under which it is a number).
     */
    static int classify(CharSequence s) {
        return new Scanner().scan(s);
    }

    /**
     * Parses {@code s} with the given decimal mark. Returns {@code NaN} when {@code s} is not a number under
     * that mark; a {@code NaN} result is a value only when {@link #isNaNLiteral(CharSequence)} holds.
     */
    static double parse(CharSequence s, boolean decimalComma) {
        return new Scanner().parse(s, decimalComma);
    }

    /**
     * Classifies and parses a field in one pass over its characters; reusable, one per reading thread (the hot loops
     * keep one instead of allocating per value).
     */
    static final class Scanner {
        /** The number the last scanned field holds, read with the separator it has; {@code NaN} when none. */
        double value;

        /**
         * Parses {@code s} with the given decimal mark: its value, or {@code NaN} when it is not a number under that
         * mark (a {@code NaN} result is a value only when {@link #isNaNLiteral(CharSequence)} holds).
         */
        double parse(CharSequence s, boolean decimalComma) {
            int syntax = scan(s);
            return (syntax & (decimalComma ? COMMA : POINT)) != 0 ? value : Double.NaN;
        }

        /**
         * Scans {@code s}: returns its class ({@link #NONE}, {@link #POINT}, {@link #COMMA} or {@link #BOTH}) and
         * sets {@link #value} to the number it holds (a decimal separator read as the decimal mark it is).
         */
        int scan(CharSequence s) {
            value = Double.NaN;
            int start = 0;
            int end = s.length();
            while (start < end && s.charAt(start) <= ' ') {
                start++;
            }
            while (end > start && s.charAt(end - 1) <= ' ') {
                end--;
            }
            if (start == end) {
                return NONE;
            }
            int i = start;
            boolean negative = false;
            char c = s.charAt(i);
            if (c == '+' || c == '-') {
                negative = c == '-';
                i++;
            }
            if (i < end && isLetterOfWord(s.charAt(i))) {
                if (isWord(s, i, end, "infinity")) {
                    value = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                    return BOTH;
                }
                return isWord(s, i, end, "nan") ? BOTH : NONE;
            }
            long mantissa = 0;
            int significant = 0;
            int digits = 0;
            int fractionDigits = 0;
            char sep = 0;
            while (i < end) {
                c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits++;
                    if (sep != 0) {
                        fractionDigits++;
                    }
                    if (mantissa != 0 || c != '0') {
                        significant++;
                        if (significant <= 18) {
                            mantissa = mantissa * 10 + (c - '0');
                        }
                    }
                } else if ((c == '.' || c == ',') && sep == 0) {
                    sep = c;
                } else {
                    break;
                }
                i++;
            }
            if (digits == 0) {
                return NONE;
            }
            int exponent = 0;
            if (i < end) {
                int expEnd = skipExponent(s, i, end);
                if (expEnd != end) {
                    return NONE;
                }
                int j = i + 1;
                boolean negativeExponent = false;
                if (s.charAt(j) == '+' || s.charAt(j) == '-') {
                    negativeExponent = s.charAt(j) == '-';
                    j++;
                }
                for (; j < end; j++) {
                    if (exponent < 100_000) {
                        exponent = exponent * 10 + (s.charAt(j) - '0');
                    }
                }
                if (negativeExponent) {
                    exponent = -exponent;
                }
            }
            value = toDouble(s, start, end, negative, mantissa, significant, exponent - fractionDigits, sep);
            return sep == 0 ? BOTH : sep == '.' ? POINT : COMMA;
        }

        /**
         * The value of a number whose syntax is checked: {@code mantissa * 10^scale} by the exact fast path when the
         * mantissa has at most 15 significant digits and the scale is within &plusmn;22, else {@link Double#parseDouble}.
         */
        private static double toDouble(CharSequence s, int start, int end, boolean negative, long mantissa,
                int significant, int scale, char sep) {
            if (significant <= 15) {
                if (mantissa == 0) {
                    return negative ? -0.0 : 0.0;
                }
                double m = mantissa;
                if (scale >= 0 && scale < POWERS_OF_TEN.length) {
                    double v = m * POWERS_OF_TEN[scale];
                    return negative ? -v : v;
                }
                if (scale < 0 && -scale < POWERS_OF_TEN.length) {
                    double v = m / POWERS_OF_TEN[-scale];
                    return negative ? -v : v;
                }
            }
            String text = s.subSequence(start, end).toString();
            if (sep == ',') {
                text = text.replace(',', '.');
            }
            // The syntax is checked, so this cannot throw.
            return Double.parseDouble(text);
        }
    }

    /** Whether {@code s} is, after trimming and an optional sign, the word {@code NaN} in any letter case. */
    static boolean isNaNLiteral(CharSequence s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) <= ' ') {
            end--;
        }
        if (start < end && (s.charAt(start) == '+' || s.charAt(start) == '-')) {
            start++;
        }
        return isWord(s, start, end, "nan");
    }

    /** Returns the index after a valid exponent starting at {@code i}, or -1. */
    private static int skipExponent(CharSequence s, int i, int end) {
        char c = s.charAt(i);
        if (c != 'e' && c != 'E') {
            return -1;
        }
        i++;
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        return digits == 0 ? -1 : i;
    }

    /** Whether {@code c} starts {@code Infinity} or {@code NaN}. */
    private static boolean isLetterOfWord(char c) {
        return c == 'I' || c == 'i' || c == 'N' || c == 'n';
    }

    private static boolean isWord(CharSequence s, int start, int end, String lowerCaseWord) {
        if (end - start != lowerCaseWord.length()) {
            return false;
        }
        for (int i = 0; i < lowerCaseWord.length(); i++) {
            if (!sameIgnoringCase(s.charAt(start + i), lowerCaseWord.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether two characters are equal ignoring case, by the rule of {@link String#regionMatches(boolean, int, String, int, int)}. */
    static boolean sameIgnoringCase(char a, char b) {
        if (a == b) {
            return true;
        }
        char ua = Character.toUpperCase(a);
        char ub = Character.toUpperCase(b);
        return ua == ub || Character.toLowerCase(ua) == Character.toLowerCase(ub);
    }
}
