package org.example.segmentation.core.drift;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A uniform random sample of at most {@code capacity} values from a stream of unknown length (Vitter's
 * algorithm R): the first {@code capacity} values are kept; value {@code i} (0-based) after that replaces a
 * uniformly chosen kept value with probability {@code capacity / (i + 1)}. Memory is {@code capacity} doubles
 * whatever the stream's length. The draws come from one {@link SplittableRandom} per reservoir, one draw per value
 * once it is full, so the sample depends only on the seed and the order of the values, not on how the stream was
 * cut into chunks.
 */
final class Reservoir {
    private final double[] values;
    private final SplittableRandom random;
    private int size;
    private long seen;

    Reservoir(int capacity, long seed) {
        this.values = new double[capacity];
        this.random = new SplittableRandom(seed);
    }

    void add(double v) {
        if (size < values.length) {
            values[size++] = v;
        } else {
            long j = random.nextLong(seen + 1);
            if (j < values.length) {
                values[(int) j] = v;
            }
        }
        seen++;
    }

    /** The values offered so far. */
    long seen() {
        return seen;
    }

    /** The capacity (the most values ever held). */
    int capacity() {
        return values.length;
    }

    /** The sample, sorted ascending. */
    double[] sorted() {
        double[] out = Arrays.copyOf(values, size);
        Arrays.sort(out);
        return out;
    }

    /** A seed for stream {@code stream} of {@code seed}: SplitMix64 finalisation of both, so streams differ. */
    static long mix(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
