package org.example.segmentation.core.generator;

/**
 * A seeded pseudo-random permutation of {@code 0..size-1}, evaluated point by point in O(1) memory: a
 * balanced Feistel network on the smallest even number of bits that covers {@code size}, restricted to the
 * domain by cycle walking (re-applying the network until the value falls inside; on average fewer than four
 * times, since the network's domain is below {@code 4 * size}).
 *
 * <p>The generator uses it to pick exactly {@code k} of {@code size} rows ("row {@code i} is chosen when
 * {@code apply(i) < k}") without storing anything, so that planted problems have exact counts, look
 * randomly placed, and can be found for any row of any chunk independently.
 */
final class Permutation {
    private static final int ROUNDS = 6;

    private final int size;
    private final int halfBits;
    private final long halfMask;
    private final long key;

    Permutation(int size, long key) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, got " + size);
        }
        this.size = size;
        int bits = 2;
        while ((1L << bits) < size) {
            bits += 2;
        }
        this.halfBits = bits / 2;
        this.halfMask = (1L << halfBits) - 1;
        this.key = key;
    }

    int size() {
        return size;
    }

    /** The image of {@code i}, in {@code 0..size-1}. */
    int apply(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + " outside 0.." + (size - 1));
        }
        long x = i;
        do {
            x = encrypt(x);
        } while (x >= size);
        return (int) x;
    }

    private long encrypt(long x) {
        long left = x >>> halfBits;
        long right = x & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            long f = Draws.mix64(key + round * 0x9E3779B97F4A7C15L + right) & halfMask;
            long next = left ^ f;
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }
}
