package org.example.segmentation.core.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/**
 * What a model was fitted on: row count, column names and types, and a 64-bit content hash (hex) over
 * names, types and every value (numbers by their bits, levels and text by their UTF-8 bytes, missing
 * marked). The hash identifies a table; it is not a cryptographic digest.
 *
 * @param rows    number of rows
 * @param columns column names, in order
 * @param types   column types ({@code numeric}, {@code categorical}, {@code text}), in order
 * @param hash    16 hex digits
 */
public record TableFingerprint(int rows, List<String> columns, List<String> types, String hash) {

    public TableFingerprint {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        Objects.requireNonNull(hash, "hash");
    }

    /** The fingerprint of {@code table}. */
    public static TableFingerprint of(Table table) {
        Hash h = new Hash();
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        h.add(table.rowCount());
        for (Column c : table.columns()) {
            names.add(c.name());
            types.add(c.type().key());
            h.add(c.name());
            h.add(c.type().ordinal());
            if (c instanceof NumericColumn n) {
                for (int i = 0; i < n.size(); i++) {
                    h.add(n.isMissing(i) ? 0x7ff8dead00000000L : Double.doubleToLongBits(n.value(i)));
                }
            } else if (c instanceof CategoricalColumn k) {
                for (String level : k.levels()) {
                    h.add(level);
                }
                for (int i = 0; i < k.size(); i++) {
                    h.add(k.code(i));
                }
            } else {
                TextColumn t = (TextColumn) c;
                for (int i = 0; i < t.size(); i++) {
                    String v = t.value(i);
                    if (v == null) {
                        h.add(-1L);
                    } else {
                        h.add(v);
                    }
                }
            }
        }
        return new TableFingerprint(table.rowCount(), names, types, String.format("%016x", h.value()));
    }

    /** A fast 64-bit running hash with SplitMix64 finalisation per word. */
    private static final class Hash {
        private long state = 0x9E3779B97F4A7C15L;

        void add(long word) {
            state = mix(state ^ mix(word)) + 0x9E3779B97F4A7C15L;
        }

        void add(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            add(bytes.length);
            long w = 0;
            for (int i = 0; i < bytes.length; i++) {
                w = (w << 8) | (bytes[i] & 0xff);
                if ((i & 7) == 7) {
                    add(w);
                    w = 0;
                }
            }
            add(w);
        }

        long value() {
            return mix(state);
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
