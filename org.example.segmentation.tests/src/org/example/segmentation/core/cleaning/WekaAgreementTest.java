package org.example.segmentation.core.cleaning;

import static org.example.segmentation.core.cleaning.CleaningFixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.weka.WekaBridge;
import org.junit.jupiter.api.Test;

import weka.core.Attribute;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.InterquartileRange;
import weka.filters.unsupervised.attribute.ReplaceMissingValues;
import weka.filters.unsupervised.attribute.Standardize;

/**
 * The cleaner agrees with Weka where Weka computes the same thing, on seeded generated customers: mean and
 * mode imputation ({@code ReplaceMissingValues}), z-score scaling ({@code Standardize}) and IQR outlier
 * fences and flags ({@code InterquartileRange}). Tolerance 1e-9, relative to the magnitude of the value.
 */
class WekaAgreementTest {
    private static final double TOLERANCE = 1e-9;

    private static void assertClose(double expected, double actual, String where) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)), where);
    }

    /** The numeric and categorical columns of {@code t}, text columns left out. */
    private static Table nonText(Table t) {
        List<String> names = new ArrayList<>();
        for (Column c : t.columns()) {
            if (!(c.type() == org.example.segmentation.core.table.ColumnType.TEXT)) {
                names.add(c.name());
            }
        }
        return t.select(names);
    }

    @Test
    void meanAndModeImputationAgreeWithReplaceMissingValues() throws Exception {
        // Planted problems: missing values in numeric and categorical columns (85% in one of them).
        Table raw = nonText(CustomerGenerator.generate(GeneratorConfig.of(4000, 5), Progress.NONE));
        CleaningResult ours = Cleaner.fit(raw, only("missing.numeric", "mean", "missing.categorical",
                "most_frequent"));

        Instances data = WekaBridge.toInstances(raw);
        ReplaceMissingValues filter = new ReplaceMissingValues();
        filter.setInputFormat(data);
        Instances weka = Filter.useFilter(data, filter);

        int imputed = 0;
        for (int j = 0; j < weka.numAttributes(); j++) {
            Attribute a = weka.attribute(j);
            Column input = raw.column(a.name());
            Column out = ours.table().column(a.name());
            for (int r = 0; r < weka.numInstances(); r++) {
                if (input.isMissing(r)) {
                    imputed++;
                }
                if (a.isNumeric()) {
                    assertClose(weka.instance(r).value(j), ((NumericColumn) out).value(r), a.name() + ", row " + r);
                } else {
                    assertEquals(weka.instance(r).stringValue(j), ((CategoricalColumn) out).level(r),
                            a.name() + ", row " + r);
                }
            }
        }
        assertTrue(imputed > 3000, "the comparison covers many imputed values: " + imputed);
        assertEquals(imputed, ours.report().imputed());
    }

    @Test
    void zscoreAgreesWithStandardize() throws Exception {
        Table raw = nonText(CustomerGenerator.generate(new GeneratorConfig(4000, 8, 1, false, false),
                Progress.NONE));
        CleaningResult ours = Cleaner.fit(raw, only("scaling", "zscore"));
        List<String> numeric = ours.model().numericFeatures();
        assertTrue(numeric.size() >= 15, numeric.toString());

        Instances data = WekaBridge.toInstances(raw.select(numeric));
        Standardize filter = new Standardize();
        filter.setInputFormat(data);
        Instances weka = Filter.useFilter(data, filter);
        for (int j = 0; j < numeric.size(); j++) {
            NumericColumn out = ours.table().numeric(numeric.get(j));
            for (int r = 0; r < weka.numInstances(); r++) {
                assertClose(weka.instance(r).value(j), out.value(r), numeric.get(j) + ", row " + r);
            }
        }
    }

    @Test
    void iqrFencesAndFlagsAgreeWithInterquartileRange() throws Exception {
        Table raw = nonText(CustomerGenerator.generate(new GeneratorConfig(4000, 13, 1, false, false),
                Progress.NONE));
        CleaningResult ours = Cleaner.fit(raw, only("outlier.method", "iqr", "outlier.iqr_factor", "1.5",
                "outlier.action", "flag"));
        List<String> numeric = ours.model().numericFeatures();

        Instances data = WekaBridge.toInstances(raw.select(numeric));
        InterquartileRange filter = new InterquartileRange();
        // -P: a pair of attributes per column; -E-as-O: extreme values are outliers too, as in our rule
        filter.setOptions(new String[] {"-R", "first-last", "-O", "1.5", "-E-as-O", "-P"});
        filter.setInputFormat(data);
        Instances weka = Filter.useFilter(data, filter);
        double[] lower = filter.getValues(InterquartileRange.ValueType.LOWER_OUTLIER_VALUES);
        double[] upper = filter.getValues(InterquartileRange.ValueType.UPPER_OUTLIER_VALUES);
        double[] iqr = filter.getValues(InterquartileRange.ValueType.IQR);

        int compared = 0;
        int flagged = 0;
        for (int j = 0; j < numeric.size(); j++) {
            String name = numeric.get(j);
            FittedColumn fitted = ours.model().fitted(name);
            int wekaFlag = weka.attribute(name + "_Outlier").index();
            if (!fitted.hasFences()) {
                // Our documented exceptions: two-valued columns and IQR 0, where Weka's fences would coincide
                // with the quartiles and flag every other value.
                assertTrue(iqr[j] == 0 || ours.table().numeric(name).summary().distinct() <= 2, name);
                continue;
            }
            compared++;
            assertClose(lower[j], fitted.outlierLower(), name + " lower fence");
            assertClose(upper[j], fitted.outlierUpper(), name + " upper fence");
            NumericColumn flags = ours.table().numeric(name + "_outlier");
            for (int r = 0; r < weka.numInstances(); r++) {
                assertEquals(weka.instance(r).value(wekaFlag), flags.value(r), name + ", row " + r);
                flagged += (int) flags.value(r);
            }
        }
        assertTrue(compared >= 10, "fences compared on " + compared + " columns");
        assertTrue(flagged > 100, "flags compared on " + flagged + " outliers");
    }
}
