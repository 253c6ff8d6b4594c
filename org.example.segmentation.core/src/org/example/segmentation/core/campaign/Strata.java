package org.example.segmentation.core.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.Column;

/**
 * Rows grouped by the value of a column (strata of a control plan, segments of a readout), in an order that
 * does not depend on the row order: numerically when every label is a number, else by text (UTF-16 order),
 * missing last. Without a column, every row is in one stratum labelled {@link #ALL}.
 */
final class Strata {
    /** The label of the overall row of plans and readouts (and of the single stratum without a column). */
    static final String ALL = "(all)";

    /** The labels, in order; {@code null} is the stratum of missing values. */
    final List<String> labels;
    /** The stratum index of every row. */
    final int[] of;

    private Strata(List<String> labels, int[] of) {
        this.labels = labels;
        this.of = of;
    }

    int size() {
        return labels.size();
    }

    /** One stratum, {@link #ALL}, holding every row. */
    static Strata single(int rows) {
        List<String> labels = new ArrayList<>();
        labels.add(ALL);
        return new Strata(labels, new int[rows]);
    }

    /**
     * The strata of {@code column}'s values ({@link Column#format}: numbers in their shortest form).
     *
     * @param setting the setting that named the column, for the message
     * @throws InputException when a value is {@link #ALL}, which is reserved for the overall row
     */
    static Strata of(Column column, String setting) {
        int n = column.size();
        Map<String, Integer> firstIndex = new HashMap<>();
        List<String> found = new ArrayList<>();
        boolean missing = false;
        int[] raw = new int[n];
        for (int i = 0; i < n; i++) {
            String v = column.format(i);
            if (v == null) {
                missing = true;
                raw[i] = -1;
                continue;
            }
            Integer k = firstIndex.get(v);
            if (k == null) {
                if (v.equals(ALL)) {
                    throw new InputException("column '" + column.name() + "' (setting '" + setting + "'), row "
                            + (i + 1) + ": the value '" + ALL + "' is reserved for the overall row; rename it");
                }
                k = found.size();
                firstIndex.put(v, k);
                found.add(v);
            }
            raw[i] = k;
        }
        List<String> sorted = new ArrayList<>(found);
        sorted.sort(order(found));
        int[] rank = new int[found.size()];
        for (int r = 0; r < sorted.size(); r++) {
            rank[firstIndex.get(sorted.get(r))] = r;
        }
        int missingIndex = sorted.size();
        if (missing) {
            sorted.add(null);
        }
        int[] of = new int[n];
        for (int i = 0; i < n; i++) {
            of[i] = raw[i] < 0 ? missingIndex : rank[raw[i]];
        }
        return new Strata(sorted, of);
    }

    private static Comparator<String> order(List<String> labels) {
        for (String s : labels) {
            if (!isNumber(s)) {
                return Comparator.naturalOrder();
            }
        }
        return Comparator.comparing((String s) -> new BigDecimal(s.trim())).thenComparing(Comparator.naturalOrder());
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
