package org.example.segmentation.core.selection;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.selection.SelectionReport.Row;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.Table;

/** Hand-made inputs for the selection tests. */
final class Fixtures {
    /**
     * Three centred, mutually orthogonal vectors of four rows, each of squared norm 4. Columns built as linear
     * combinations {@code a*U + b*W + c*Z} with {@code a^2 + b^2 + c^2 = 1} have the same variance, and the
     * Pearson correlation of two such columns is the dot product of their coefficient vectors.
     */
    static final double[] U = {1, 1, -1, -1};
    static final double[] W = {1, -1, 1, -1};
    static final double[] Z = {1, -1, -1, 1};

    private Fixtures() {
    }

    /** {@code a*U + b*W + c*Z}, shifted by 10 so that values are positive (correlations ignore the shift). */
    static double[] combo(double a, double b, double c) {
        double[] out = new double[4];
        for (int i = 0; i < 4; i++) {
            out[i] = 10 + a * U[i] + b * W[i] + c * Z[i];
        }
        return out;
    }

    static SelectorConfig config(String... keyValues) {
        return SelectorConfig.fromSettings(Settings.parse(List.of(keyValues)));
    }

    static FeatureSelection fit(Table table, String... keyValues) {
        return FeatureSelector.fit(table, config(keyValues), Progress.NONE);
    }

    /** {@code n} copies of {@code value}. */
    static String[] repeat(String value, int n) {
        String[] out = new String[n];
        java.util.Arrays.fill(out, value);
        return out;
    }

    static String[] concat(String[]... parts) {
        List<String> out = new ArrayList<>();
        for (String[] p : parts) {
            out.addAll(java.util.Arrays.asList(p));
        }
        return out.toArray(new String[0]);
    }

    static Row row(FeatureSelection s, String feature) {
        return s.report().row(feature).orElseThrow(() -> new AssertionError("no report row for " + feature));
    }
}
