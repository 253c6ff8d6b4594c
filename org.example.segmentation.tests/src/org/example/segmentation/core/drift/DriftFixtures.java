package org.example.segmentation.core.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.generator.CustomerColumns;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;

/** Generated months, cached per configuration, and small helpers for the drift tests. */
final class DriftFixtures {
    private static final Map<String, Table> CACHE = new ConcurrentHashMap<>();

    private DriftFixtures() {
    }

    /** A generated month with planted problems (same rows and seed: the same customers a month later). */
    static Table month(int snapshot, int rows, long seed, boolean truth) {
        return CACHE.computeIfAbsent(snapshot + "/" + rows + "/" + seed + "/" + truth,
                k -> CustomerGenerator.generate(new GeneratorConfig(rows, seed, snapshot, truth, true), Progress.NONE));
    }

    /** The customer features the table has as numeric or categorical columns (monthly_income is text with problems). */
    static List<String> features(Table t) {
        List<String> out = new ArrayList<>();
        for (String f : CustomerColumns.FEATURES) {
            if (t.column(f).type() != ColumnType.TEXT) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * A small synthetic month: {@code id} (text), {@code income} (numeric, normal around 3000 + shift), {@code logins}
     * (a count with many zeros), {@code flag} (0/1, ones with probability {@code flagShare}), {@code channel}
     * (categorical app/web/branch), {@code segment} (a/b/c by income and logins) and {@code segment_distance}.
     */
    static Table synthetic(int n, long seed, double shift, double flagShare) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        String[] ids = new String[n];
        double[] income = new double[n];
        double[] logins = new double[n];
        double[] flag = new double[n];
        String[] channel = new String[n];
        String[] segment = new String[n];
        double[] distance = new double[n];
        String[] channels = {"app", "web", "branch"};
        for (int i = 0; i < n; i++) {
            ids[i] = String.format("K%06d", i + 1);
            income[i] = 3000 + shift + 800 * gaussian(r);
            logins[i] = r.nextDouble() < 0.4 ? 0 : 1 + (int) (r.nextDouble() * 10);
            flag[i] = r.nextDouble() < flagShare ? 1 : 0;
            channel[i] = channels[(int) (r.nextDouble() * 3)];
            segment[i] = income[i] > 3300 ? "a" : logins[i] > 3 ? "b" : "c";
            distance[i] = 1 + r.nextDouble();
        }
        return Table.of(org.example.segmentation.core.table.TextColumn.of("id", ids),
                org.example.segmentation.core.table.NumericColumn.of("income", income),
                org.example.segmentation.core.table.NumericColumn.of("logins", logins),
                org.example.segmentation.core.table.NumericColumn.of("flag", flag),
                org.example.segmentation.core.table.CategoricalColumn.of("channel", channel),
                org.example.segmentation.core.table.CategoricalColumn.of("segment", segment),
                org.example.segmentation.core.table.NumericColumn.of("segment_distance", distance));
    }

    private static double gaussian(java.util.SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Rows {@code from..to-1} of a table. */
    static Table rows(Table t, int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return t.selectRows(rows);
    }

    static DriftConfig config(String... keyValues) {
        return DriftConfig.fromSettings(Settings.parse(List.of(keyValues)));
    }
}
