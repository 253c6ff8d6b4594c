package org.example.segmentation.core.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.TextColumn;

/**
 * The segment of every row as a code {@code 0..count()-1} ({@code -1}: no segment), read once from the segment
 * column, with the segments' names and sizes.
 *
 * <p>Names: a categorical column's levels, a text column's values, a numeric column's values as the CSV writer
 * formats them ({@code 3}, {@code 2.5}). Order: numeric segments by value, the others in natural order
 * ({@link #NATURAL}: digit runs compare as numbers, so {@code cluster_2} comes before {@code cluster_10}). Levels no
 * row uses are not segments. A missing value (and a {@code NaN}) means no segment.
 */
final class Segments {

    /** Text order with digit runs compared by value, then plain {@link String#compareTo} to break ties. */
    static final Comparator<String> NATURAL = Segments::compareNatural;

    private final int[] codes;
    private final List<String> names;
    private final int[] sizes;
    private final int withoutSegment;

    private Segments(int[] codes, List<String> names) {
        this.codes = codes;
        this.names = List.copyOf(names);
        this.sizes = new int[names.size()];
        int none = 0;
        for (int c : codes) {
            if (c < 0) {
                none++;
            } else {
                sizes[c]++;
            }
        }
        this.withoutSegment = none;
    }

    /**
     * Reads the segments of {@code column}.
     *
     * @throws InputException when no row has a segment, or a segment is named {@value SegmentProfile#POPULATION}
     */
    static Segments of(Column column) {
        Segments s;
        if (column instanceof NumericColumn n) {
            s = ofNumeric(n);
        } else if (column instanceof CategoricalColumn k) {
            s = ofCategorical(k);
        } else {
            s = ofText((TextColumn) column);
        }
        if (s.names.isEmpty()) {
            throw new InputException("segment column '" + column.name() + "' (setting '"
                    + ProfilerConfig.KEY_SEGMENT_COLUMN + "') has no values: every row is missing");
        }
        if (s.names.contains(SegmentProfile.POPULATION)) {
            throw new InputException("segment column '" + column.name() + "' holds a segment named '"
                    + SegmentProfile.POPULATION + "', which the profile uses for the whole population; rename it");
        }
        return s;
    }

    private static Segments ofNumeric(NumericColumn column) {
        int rows = column.size();
        double[] values = new double[rows];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            double v = column.value(i);
            if (!column.isMissing(i) && !Double.isNaN(v)) {
                values[n++] = v == 0 ? 0.0 : v; // -0.0 and 0.0 are one segment
            }
        }
        Arrays.sort(values, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || values[i] != values[distinct - 1]) {
                values[distinct++] = values[i];
            }
        }
        double[] keys = Arrays.copyOf(values, distinct);
        NumericColumn formatter = NumericColumn.of(column.name(), keys);
        List<String> names = new ArrayList<>(distinct);
        for (int k = 0; k < distinct; k++) {
            names.add(formatter.format(k));
        }
        int[] codes = new int[rows];
        for (int i = 0; i < rows; i++) {
            double v = column.value(i);
            codes[i] = column.isMissing(i) || Double.isNaN(v) ? -1 : Arrays.binarySearch(keys, v == 0 ? 0.0 : v);
        }
        return new Segments(codes, names);
    }

    private static Segments ofCategorical(CategoricalColumn column) {
        int[] counts = new int[column.levelCount()];
        for (int i = 0; i < column.size(); i++) {
            int c = column.code(i);
            if (c >= 0) {
                counts[c]++;
            }
        }
        List<String> used = new ArrayList<>();
        for (int l = 0; l < counts.length; l++) {
            if (counts[l] > 0) {
                used.add(column.levels().get(l));
            }
        }
        used.sort(NATURAL);
        Map<String, Integer> position = new HashMap<>();
        for (int k = 0; k < used.size(); k++) {
            position.put(used.get(k), k);
        }
        int[] remap = new int[counts.length];
        for (int l = 0; l < counts.length; l++) {
            remap[l] = position.getOrDefault(column.levels().get(l), -1);
        }
        int[] codes = new int[column.size()];
        for (int i = 0; i < codes.length; i++) {
            int c = column.code(i);
            codes[i] = c < 0 ? -1 : remap[c];
        }
        return new Segments(codes, used);
    }

    private static Segments ofText(TextColumn column) {
        TreeMap<String, Integer> distinct = new TreeMap<>(NATURAL);
        for (int i = 0; i < column.size(); i++) {
            String v = column.value(i);
            if (v != null) {
                distinct.putIfAbsent(v, 0);
            }
        }
        List<String> names = new ArrayList<>(distinct.keySet());
        for (int k = 0; k < names.size(); k++) {
            distinct.put(names.get(k), k);
        }
        int[] codes = new int[column.size()];
        for (int i = 0; i < codes.length; i++) {
            String v = column.value(i);
            codes[i] = v == null ? -1 : distinct.get(v);
        }
        return new Segments(codes, names);
    }

    /** The number of segments. */
    int count() {
        return names.size();
    }

    /** The segment of {@code row}, or -1. */
    int code(int row) {
        return codes[row];
    }

    /** The segments' names, in order. */
    List<String> names() {
        return names;
    }

    /** The number of rows in segment {@code s}. */
    int size(int s) {
        return sizes[s];
    }

    /** The rows that have a segment: the population. */
    int populationSize() {
        return codes.length - withoutSegment;
    }

    /** The rows without a segment (left out of every statistic). */
    int withoutSegment() {
        return withoutSegment;
    }

    /** The indices of the rows that have a segment, in row order. */
    int[] populationRows() {
        int[] rows = new int[populationSize()];
        int k = 0;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] >= 0) {
                rows[k++] = i;
            }
        }
        return rows;
    }

    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ei = i;
                while (ei < a.length() && isDigit(a.charAt(ei))) {
                    ei++;
                }
                int ej = j;
                while (ej < b.length() && isDigit(b.charAt(ej))) {
                    ej++;
                }
                int si = i;
                while (si < ei - 1 && a.charAt(si) == '0') {
                    si++;
                }
                int sj = j;
                while (sj < ej - 1 && b.charAt(sj) == '0') {
                    sj++;
                }
                int lengths = Integer.compare(ei - si, ej - sj);
                if (lengths != 0) {
                    return lengths;
                }
                int digits = a.substring(si, ei).compareTo(b.substring(sj, ej));
                if (digits != 0) {
                    return digits;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int rest = Integer.compare(a.length() - i, b.length() - j);
        return rest != 0 ? rest : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
