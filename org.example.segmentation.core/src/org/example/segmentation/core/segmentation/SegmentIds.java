package org.example.segmentation.core.segmentation;

import java.util.Comparator;

/** Segment ids: {@code S1}, {@code S2}, ...; compared by their number, so S10 comes after S9. */
final class SegmentIds {
    /** Orders ids by number; anything else after them, by text. */
    static final Comparator<String> BY_NUMBER = (a, b) -> {
        boolean ia = isId(a);
        boolean ib = isId(b);
        if (ia && ib) {
            return Integer.compare(number(a), number(b));
        }
        if (ia != ib) {
            return ia ? -1 : 1;
        }
        return a.compareTo(b);
    };

    private SegmentIds() {
    }

    /** Whether {@code id} is {@code S} followed by a number from 1 without leading zeros. */
    static boolean isId(String id) {
        if (id == null || id.length() < 2 || id.length() > 10 || id.charAt(0) != 'S' || id.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Long.parseLong(id.substring(1)) <= Integer.MAX_VALUE;
    }

    /** The number of an id ({@code S12} -> 12). */
    static int number(String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a segment id");
        }
        return Integer.parseInt(id.substring(1));
    }

    /** The id of a number (12 -> {@code S12}). */
    static String id(int number) {
        if (number < 1) {
            throw new IllegalArgumentException("segment numbers start at 1, got " + number);
        }
        return "S" + number;
    }
}
