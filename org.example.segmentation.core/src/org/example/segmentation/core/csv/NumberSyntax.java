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
            if (s instanceof CsvLexer.View v) {
                return scan(v.array(), v.start, v.end);
            }
            char[] a = s.toString().toCharArray();
            return scan(a, 0, a.length);
        }

        /**
         * {@link #scan(CharSequence)} of the characters {@code a[from..to)}.
         *
         * <p><b>Why it is shaped this way.</b> Almost every field of a large file comes through here, and most are
         * short numbers: the characters are read from the lexer's array (no {@code CharSequence} call per character),
         * the integer digits and the fraction digits are two tight loops, and the mantissa is accumulated over every
         * digit (leading zeros add nothing), which is exact up to 18 digits. A number of more digits, or of more than
         * 15 significant ones, or with a large exponent, goes to {@link Double#parseDouble}; the fast path is exactly
         * rounded where it is taken, so both give the same double.
         */
        int scan(char[] a, int from, int to) {
            value = Double.NaN;
            int start = from;
            int end = to;
            while (start < end && a[start] <= ' ') {
                start++;
            }
            while (end > start && a[end - 1] <= ' ') {
                end--;
            }
            if (start == end) {
                return NONE;
            }
            int i = start;
            boolean negative = false;
            char c = a[i];
            if (c == '+' || c == '-') {
                negative = c == '-';
                i++;
            }
            if (i < end && isLetterOfWord(a[i])) {
                if (isWord(a, i, end, "infinity")) {
                    value = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                    return BOTH;
                }
                return isWord(a, i, end, "nan") ? BOTH : NONE;
            }
            long mantissa = 0;
            int digitsStart = i;
            while (i < end && (c = a[i]) >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                i++;
            }
            int digits = i - digitsStart;
            char sep = 0;
            int fractionDigits = 0;
            if (i < end && ((c = a[i]) == '.' || c == ',')) {
                sep = c;
                i++;
                int fractionStart = i;
                while (i < end && (c = a[i]) >= '0' && c <= '9') {
                    mantissa = mantissa * 10 + (c - '0');
                    i++;
                }
                fractionDigits = i - fractionStart;
                digits += fractionDigits;
            }
            if (digits == 0) {
                return NONE;
            }
            int exponent = 0;
            if (i < end) {
                int expEnd = skipExponent(a, i, end);
                if (expEnd != end) {
                    return NONE;
                }
                int j = i + 1;
                boolean negativeExponent = false;
                if (a[j] == '+' || a[j] == '-') {
                    negativeExponent = a[j] == '-';
                    j++;
                }
                for (; j < end; j++) {
                    if (exponent < 100_000) {
                        exponent = exponent * 10 + (a[j] - '0');
                    }
                }
                if (negativeExponent) {
                    exponent = -exponent;
                }
            }
            int scale = exponent - fractionDigits;
            // At most 18 digits: the mantissa is exact; below 10^15 it has at most 15 significant digits.
            if (digits <= 18 && mantissa < 1_000_000_000_000_000L && scale > -POWERS_OF_TEN.length
                    && scale < POWERS_OF_TEN.length) {
                double m = mantissa;
                double v = mantissa == 0 ? 0.0 : scale >= 0 ? m * POWERS_OF_TEN[scale] : m / POWERS_OF_TEN[-scale];
                value = negative ? -v : v;
            } else {
                String text = new String(a, start, end - start);
                // The syntax is checked, so this cannot throw.
                value = Double.parseDouble(sep == ',' ? text.replace(',', '.') : text);
            }
            return sep == 0 ? BOTH : sep == '.' ? POINT : COMMA;
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
    private static int skipExponent(char[] a, int i, int end) {
        char c = a[i];
        if (c != 'e' && c != 'E') {
            return -1;
        }
        i++;
        if (i < end && (a[i] == '+' || a[i] == '-')) {
            i++;
        }
        int digits = 0;
        while (i < end && a[i] >= '0' && a[i] <= '9') {
            i++;
            digits++;
        }
        return digits == 0 ? -1 : i;
    }

    private static boolean isWord(char[] a, int start, int end, String lowerCaseWord) {
        if (end - start != lowerCaseWord.length()) {
            return false;
        }
        for (int i = 0; i < lowerCaseWord.length(); i++) {
            if (!sameIgnoringCase(a[start + i], lowerCaseWord.charAt(i))) {
                return false;
            }
        }
        return true;
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
