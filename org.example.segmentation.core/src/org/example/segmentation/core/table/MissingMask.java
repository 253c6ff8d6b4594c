package org.example.segmentation.core.table;

import java.util.BitSet;

/** Immutable set of row indices whose values are missing; one bit per row. */
final class MissingMask {
    static final MissingMask NONE = new MissingMask(new BitSet(0));

    private final BitSet bits;
    private final int count;

    private MissingMask(BitSet bits) {
        this.bits = bits;
        this.count = bits.cardinality();
    }

    /** Takes ownership of {@code bits}: the caller must not modify it afterwards. */
    static MissingMask adopt(BitSet bits) {
        return bits.isEmpty() ? NONE : new MissingMask(bits);
    }

    boolean get(int row) {
        return bits.get(row);
    }

    int count() {
        return count;
    }

    /** The next missing row at or after {@code from}, or -1. */
    int next(int from) {
        return bits.nextSetBit(from);
    }

    MissingMask select(int[] rows) {
        if (count == 0) {
            return NONE;
        }
        BitSet out = new BitSet(rows.length);
        for (int i = 0; i < rows.length; i++) {
            if (bits.get(rows[i])) {
                out.set(i);
            }
        }
        return adopt(out);
    }
}
