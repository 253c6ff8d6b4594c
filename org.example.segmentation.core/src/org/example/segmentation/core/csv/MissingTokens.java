package org.example.segmentation.core.csv;

import java.util.Collection;

/**
 * Matches a field against the missing-value tokens: after removing surrounding whitespace (characters up to U+0020),
 * ignoring letter case (as {@link String#regionMatches(boolean, int, String, int, int)} does), without allocating.
 *
 * <p>Most fields of a large file are numbers, which no default token starts with: the first character is looked up
 * in a small table of the tokens' first characters before any comparison, so a number costs one array read.
 */
final class MissingTokens {
    private final String[] tokens;
    private final boolean emptyIsMissing;
    private final int maxLength;
    /**
     * Whether some token reads as a number (such as {@code -999}), or may match one ignoring case (a token with a
     * character outside ASCII); when none does, a number is never missing.
     */
    final boolean anyNumber;
    /** For characters below 128: whether some token may start with it (in any letter case). */
    private final boolean[] asciiStarts = new boolean[128];

    MissingTokens(Collection<String> tokens) {
        this.tokens = tokens.stream().filter(t -> !t.isEmpty()).toArray(String[]::new);
        this.emptyIsMissing = tokens.contains("");
        int max = 0;
        for (String t : this.tokens) {
            max = Math.max(max, t.length());
            for (char c = 0; c < 128; c++) {
                if (NumberSyntax.sameIgnoringCase(c, t.charAt(0))) {
                    asciiStarts[c] = true;
                }
            }
        }
        this.maxLength = max;
        boolean number = false;
        for (String t : this.tokens) {
            number |= !Double.isNaN(NumberSyntax.parse(t, false)) || !Double.isNaN(NumberSyntax.parse(t, true));
            // A token with a letter outside ASCII may match a number ignoring case without being one itself (the
            // Turkish dotless i of "ınfınıty" matches the I of "Infinity"): count it as a number, so no number skips
            // the token comparison.
            number |= t.chars().anyMatch(c -> c >= 128);
        }
        this.anyNumber = number;
    }

    /** Whether {@code value} is missing. */
    boolean matches(CharSequence value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) <= ' ') {
            end--;
        }
        int length = end - start;
        if (length == 0) {
            return emptyIsMissing;
        }
        if (length > maxLength) {
            return false;
        }
        char first = value.charAt(start);
        if (first < 128 && !asciiStarts[first]) {
            return false;
        }
        for (String t : tokens) {
            if (t.length() == length && sameIgnoringCase(value, start, t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compares ignoring case; two ASCII characters are compared by their lower-case forms directly, which is what the
     * general rule gives for them, without the {@code Character} case tables (this runs for many short values).
     */
    private static boolean sameIgnoringCase(CharSequence value, int start, String token) {
        for (int i = 0; i < token.length(); i++) {
            char a = value.charAt(start + i);
            char b = token.charAt(i);
            if (a == b) {
                continue;
            }
            if ((a | b) < 128) {
                if (asciiLower(a) != asciiLower(b)) {
                    return false;
                }
            } else if (!NumberSyntax.sameIgnoringCase(a, b)) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
