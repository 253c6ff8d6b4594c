package org.example.segmentation.core.csv;

import java.util.Collection;

/**
 * Matches a field against the missing-value tokens: after removing surrounding whitespace (characters up to
 * U+0020), ignoring letter case, without allocating.
 */
final class MissingTokens {
    private final String[] tokens;
    private final boolean emptyIsMissing;
    private final int maxLength;

    MissingTokens(Collection<String> tokens) {
        this.tokens = tokens.stream().filter(t -> !t.isEmpty()).toArray(String[]::new);
        this.emptyIsMissing = tokens.contains("");
        int max = 0;
        for (String t : this.tokens) {
            max = Math.max(max, t.length());
        }
        this.maxLength = max;
    }

    /** Whether {@code value} is missing. */
    boolean matches(String value) {
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
        for (String t : tokens) {
            if (t.length() == length && value.regionMatches(true, start, t, 0, length)) {
                return true;
            }
        }
        return false;
    }
}
