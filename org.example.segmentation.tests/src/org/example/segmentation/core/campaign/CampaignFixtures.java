package org.example.segmentation.core.campaign;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/** Seeded synthetic customer tables for the campaign tests. */
final class CampaignFixtures {
    static final List<String> SEGMENTS = List.of("digital_native", "branch_loyal", "mobile_first", "cautious");

    private CampaignFixtures() {
    }

    /**
     * {@code n} customers with ids {@code C000001..}, a categorical {@code segment} of very different sizes
     * (about 55%, 25%, 15%, 5%), a numeric {@code age} and a categorical {@code region}.
     */
    static Table customers(int n, long seed) {
        return customers(1, n, seed);
    }

    /** As {@link #customers(int, long)} with ids starting at {@code firstId}. */
    static Table customers(int firstId, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] ids = new String[n];
        String[] segment = new String[n];
        double[] age = new double[n];
        String[] region = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = String.format("C%06d", firstId + i);
            double u = random.nextDouble();
            segment[i] = SEGMENTS.get(u < 0.55 ? 0 : u < 0.80 ? 1 : u < 0.95 ? 2 : 3);
            age[i] = Math.round(18 + 60 * random.nextDouble());
            region[i] = random.nextDouble() < 0.3 ? "Köln" : random.nextDouble() < 0.5 ? "Łódź" : "São Paulo";
        }
        return Table.of(TextColumn.of("customer_id", ids), CategoricalColumn.of("segment", segment),
                NumericColumn.of("age", age), CategoricalColumn.of("region", region));
    }

    /** The rows of {@code table} in a seeded random order. */
    static Table shuffled(Table table, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(seed));
        int[] rows = order.stream().mapToInt(Integer::intValue).toArray();
        return table.selectRows(rows);
    }

    /** Every value of a column as text, by row. */
    static String[] values(Column c) {
        String[] out = new String[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.format(i);
        }
        return out;
    }

    /** The group of every id, as a map. */
    static java.util.Map<String, String> groupById(Table table, String idColumn) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        String[] ids = values(table.column(idColumn));
        String[] g = values(table.column(Group.COLUMN));
        for (int i = 0; i < ids.length; i++) {
            m.put(ids[i], g[i]);
        }
        return m;
    }
}
