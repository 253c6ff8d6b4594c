package org.example.segmentation.core.scoring;

import java.util.Locale;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

/** Reading the scorer's input columns: numbers and consents from any column type. */
final class Columns {

    private Columns() {
    }

    /**
     * The values of a column as numbers, NaN where missing: a numeric column as it is, categorical and text values
     * parsed as numbers (text that is not a number is missing, as the cleaner treats it).
     */
    static double[] numbers(Table table, String name) {
        Column c = table.column(name);
        int n = c.size();
        double[] out = new double[n];
        if (c instanceof NumericColumn num) {
            for (int i = 0; i < n; i++) {
                out[i] = num.isMissing(i) ? Double.NaN : num.value(i);
            }
            return out;
        }
        if (c instanceof CategoricalColumn cat) {
            double[] level = new double[cat.levelCount()];
            for (int k = 0; k < level.length; k++) {
                level[k] = parse(cat.levels().get(k));
            }
            for (int i = 0; i < n; i++) {
                int code = cat.code(i);
                out[i] = code < 0 ? Double.NaN : level[code];
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = parse(c.format(i));
        }
        return out;
    }

    private static double parse(String s) {
        if (s == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Whether each row consents: 1 (numeric) or 1, yes, true, y (text, any case) is yes; everything else, missing
     * included, is no. An empty column name means no column: nobody consents.
     */
    static boolean[] consent(Table table, String name, int rows) {
        boolean[] out = new boolean[rows];
        if (name.isEmpty()) {
            return out;
        }
        Column c = table.column(name);
        for (int i = 0; i < rows; i++) {
            out[i] = yes(c, i);
        }
        return out;
    }

    private static boolean yes(Column c, int row) {
        if (c.isMissing(row)) {
            return false;
        }
        if (c instanceof NumericColumn num) {
            return num.value(row) == 1;
        }
        String v = c.format(row).strip().toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("1.0") || v.equals("yes") || v.equals("true") || v.equals("y");
    }

    /**
     * Checks that a consent column holds consents: numbers only 0 and 1; text only 0/1, yes/no, true/false, y/n.
     *
     * @throws InputException naming the column and the first other value
     */
    static void checkConsent(Table table, String name) {
        Column c = table.column(name);
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                continue;
            }
            boolean ok;
            if (c instanceof NumericColumn num) {
                double v = num.value(i);
                ok = v == 0 || v == 1;
            } else {
                String v = c.format(i).strip().toLowerCase(Locale.ROOT);
                ok = v.matches("0|1|0\\.0|1\\.0|yes|no|true|false|y|n");
            }
            if (!ok) {
                throw new InputException("scoring: consent column '" + name + "', row " + (i + 1) + ": value '"
                        + c.format(i) + "' is not a consent; expected 0/1 (or yes/no, true/false). A scaled table? "
                        + "Score the raw table, or a table cleaned with scaling none");
            }
        }
    }
}
