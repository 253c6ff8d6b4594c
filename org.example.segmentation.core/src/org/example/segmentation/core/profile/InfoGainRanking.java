package org.example.segmentation.core.profile;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.weka.WekaBridge;

import weka.attributeSelection.InfoGainAttributeEval;
import weka.core.Instances;

/**
 * How much each feature tells about the segment: Weka's {@link InfoGainAttributeEval} with the segment as class,
 * {@code H(segment) - H(segment | feature)} in bits. Weka discretizes numeric features with its supervised MDL
 * discretization (Fayyad and Irani), so a numeric feature that splits no segment from another gets 0. Only the rows
 * with a segment take part; non-finite numbers are missing for Weka.
 *
 * <p>Weka's discretization takes about 10 seconds per 100,000 rows of 25 features, so more than
 * {@code info_gain.max_rows} rows are thinned to an evenly spaced sample: row {@code floor(i * n / max)} of the
 * {@code n} rows with a segment, for {@code i = 0..max-1}. No randomness: the same table gives the same sample.
 */
final class InfoGainRanking {

    private InfoGainRanking() {
    }

    /** The rows information gain uses: every row with a segment, or an evenly spaced sample of {@code maxRows}. */
    static int[] rows(Segments segments, int maxRows) {
        int[] all = segments.populationRows();
        if (maxRows == 0 || all.length <= maxRows) {
            return all;
        }
        int[] sample = new int[maxRows];
        for (int i = 0; i < maxRows; i++) {
            sample[i] = all[(int) ((long) i * all.length / maxRows)];
        }
        return sample;
    }

    /** The information gain of every feature (in the order given), in bits, over {@code rows}. */
    static double[] compute(Table table, List<String> features, Segments segments, String classColumn, int[] rows) {
        List<Column> columns = new ArrayList<>(features.size() + 1);
        for (String f : features) {
            Column c = table.column(f).selectRows(rows);
            if (c instanceof NumericColumn n) {
                double[] v = n.toArray();
                boolean[] missing = new boolean[v.length];
                for (int i = 0; i < v.length; i++) {
                    missing[i] = n.isMissing(i) || !Double.isFinite(v[i]);
                }
                c = NumericColumn.of(f, v, missing);
            }
            columns.add(c);
        }
        int[] codes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            codes[i] = segments.code(rows[i]);
        }
        columns.add(CategoricalColumn.of(classColumn, codes, segments.names()));
        Instances data = WekaBridge.toInstances(Table.of(columns), classColumn);
        InfoGainAttributeEval eval = new InfoGainAttributeEval();
        try {
            eval.buildEvaluator(data);
        } catch (Exception e) {
            throw new IllegalStateException("Weka InfoGainAttributeEval failed: " + e.getMessage(), e);
        }
        double[] merits = WekaBridge.attributeMerits(eval, data);
        double[] out = new double[features.size()];
        System.arraycopy(merits, 0, out, 0, out.length);
        return out;
    }
}
