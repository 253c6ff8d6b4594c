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

    private static boolean sameIgnoringCase(CharSequence value, int start, String token) {
        for (int i = 0; i < token.length(); i++) {
            if (!NumberSyntax.sameIgnoringCase(value.charAt(start + i), token.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
