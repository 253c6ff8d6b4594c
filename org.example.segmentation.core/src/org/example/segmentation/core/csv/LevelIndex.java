package org.example.segmentation.core.csv;

import java.util.Arrays;
import java.util.List;

/**
 * Distinct strings numbered in the order first seen, looked up by a reusable {@link CharSequence} view without making a
 * string: a value seen before costs its hash and one comparison.
 *
 * <p><b>Why.</b> Every categorical field (and every field of a column that may still be categorical) is looked up
 * here while a file is read; a {@code HashMap<String, ...>} would need a string per field, and scanning the levels
 * one by one costs a comparison per level. Open addressing on {@link String#hashCode()}'s hash, computed over the
 * view's characters, keeps the table small and the common lookup to one probe.
 */
final class LevelIndex {
    private String[] levels = new String[16];
    private int[] hashes = new int[16];
    /**
     * The levels' characters one after the other, level {@code c} at {@code pool[starts[c]..starts[c + 1])}: compared
     * there, a lookup reads two arrays instead of a string object and its internal array.
     */
    private char[] pool = new char[256];
    private int[] starts = new int[17];
    private int count;
    /** Code + 1 per slot, 0 for an empty slot; the length is a power of two at least twice {@link #count}. */
    private int[] slots = new int[32];

    /** The hash {@link String#hashCode()} gives the same characters. */
    static int hash(CharSequence value) {
        if (value instanceof CsvLexer.View v) {
            return hash(v.array(), v.start, v.end);
        }
        int h = 0;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            h = 31 * h + value.charAt(i);
        }
        return h;
    }

    private static int hash(char[] a, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + a[i];
        }
        return h;
    }

    /** The code of {@code value} (whose {@link #hash} is {@code hash}), or -1 when it is not a level. */
    int find(CharSequence value, int hash) {
        if (value instanceof CsvLexer.View v) {
            return find(v.array(), v.start, v.end, hash);
        }
        char[] a = value.toString().toCharArray();
        return find(a, 0, a.length, hash);
    }

    /**
     * The code of the characters {@code a[from..to)}, or -1. A loop small enough to be inlined compares them with the
     * level's characters in {@link #pool}; {@code String.contentEquals(CharSequence)} (general, and too large to
     * inline) was a fifth of reading a file.
     */
    private int find(char[] a, int from, int to, int hash) {
        int mask = slots.length - 1;
        int n = to - from;
        for (int i = spread(hash) & mask;; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return -1;
            }
            int code = s - 1;
            if (hashes[code] == hash) {
                int at = starts[code];
                if (starts[code + 1] - at == n) {
                    int k = 0;
                    while (k < n && pool[at + k] == a[from + k]) {
                        k++;
                    }
                    if (k == n) {
                        return code;
                    }
                }
            }
        }
    }

    /** Adds {@code value}, which is not a level yet ({@link #find} said -1), and returns its code. */
    int add(CharSequence value, int hash) {
        if (count == levels.length) {
            levels = Arrays.copyOf(levels, count * 2);
            hashes = Arrays.copyOf(hashes, count * 2);
            starts = Arrays.copyOf(starts, count * 2 + 1);
        }
        if (2 * (count + 1) > slots.length) {
            rehash(slots.length * 2);
        }
        int code = count++;
        String level = value.toString();
        levels[code] = level;
        hashes[code] = hash;
        int at = starts[code];
        if (at + level.length() > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, at + level.length()));
        }
        level.getChars(0, level.length(), pool, at);
        starts[code + 1] = at + level.length();
        place(code);
        return code;
    }

    /** The code of {@code value}, added when new. */
    int codeOf(CharSequence value) {
        return codeOf(value, hash(value));
    }

    /** The code of {@code value}, whose {@link #hash} is {@code hash}, added when new. */
    int codeOf(CharSequence value, int hash) {
        int code = find(value, hash);
        return code >= 0 ? code : add(value, hash);
    }

    int size() {
        return count;
    }

    String level(int code) {
        return levels[code];
    }

    /** The levels in the order first seen. */
    List<String> levels() {
        return Arrays.asList(Arrays.copyOf(levels, count));
    }

    private void rehash(int size) {
        slots = new int[size];
        for (int code = 0; code < count; code++) {
            place(code);
        }
    }

    private void place(int code) {
        int mask = slots.length - 1;
        int i = spread(hashes[code]) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = code + 1;
    }

    /** Mixes the high bits in, as {@code HashMap} does: string hashes of short values differ mostly in low bits. */
    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
