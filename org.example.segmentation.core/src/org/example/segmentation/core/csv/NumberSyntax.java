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
        char c = s.charAt(i);
        if (c == '+' || c == '-') {
            i++;
        }
        if (i < end && isLetterOfWord(s.charAt(i))) {
            return isWord(s, i, end, "infinity") || isWord(s, i, end, "nan") ? BOTH : NONE;
        }
        int digits = 0;
        char sep = 0;
        while (i < end) {
            c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
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
        if (i < end) {
            i = skipExponent(s, i, end);
            if (i != end) {
                return NONE;
            }
        }
        return sep == 0 ? BOTH : sep == '.' ? POINT : COMMA;
    }

    /**
     * Parses {@code s} with the given decimal mark. Returns {@code NaN} when {@code s} is not a number under
     * that mark; a {@code NaN} result is a value only when {@link #isNaNLiteral(CharSequence)} holds.
     */
    static double parse(CharSequence s, boolean decimalComma) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) <= ' ') {
            end--;
        }
        if (start == end) {
            return Double.NaN;
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
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return Double.NaN; // the word NaN, or not a number
        }
        char sep = decimalComma ? ',' : '.';
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean sawSep = false;
        while (i < end) {
            c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (sawSep) {
                    fractionDigits++;
                }
                if (mantissa != 0 || c != '0') {
                    significant++;
                    if (significant <= 18) {
                        mantissa = mantissa * 10 + (c - '0');
                    }
                }
            } else if (c == sep && !sawSep) {
                sawSep = true;
            } else {
                break;
            }
            i++;
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < end) {
            int expEnd = skipExponent(s, i, end);
            if (expEnd != end) {
                return Double.NaN;
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
        if (significant <= 15) {
            int scale = exponent - fractionDigits;
            double m = mantissa;
            if (mantissa == 0) {
                return negative ? -0.0 : 0.0;
            }
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
        if (decimalComma) {
            text = text.replace(',', '.');
        }
        // The syntax is checked above, so this cannot throw.
        return Double.parseDouble(text);
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
