package org.example.segmentation.core.cleaning;

import static org.example.segmentation.core.cleaning.CleaningFixtures.assertSameRows;
import static org.example.segmentation.core.cleaning.CleaningFixtures.assertSameTable;
import static org.example.segmentation.core.cleaning.CleaningFixtures.config;
import static org.example.segmentation.core.cleaning.CleaningFixtures.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.csv.CsvNumbers;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.generator.CustomerColumns;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.model.ModelFile;
import org.example.segmentation.core.model.TableFingerprint;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The fitted model: month-to-month reuse, files, chunked apply, and what apply accepts and refuses. */
class CleaningModelTest {
    private static Table month1;
    private static Table month2;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        GeneratorConfig c = GeneratorConfig.of(3000, 20240131L);
        month1 = CustomerGenerator.generate(c, Progress.NONE);
        month2 = CustomerGenerator.generate(c.withSnapshot(2), Progress.NONE);
    }

    @Test
    void monthTwoIsScaledWithMonthOneParameters() {
        // Mean imputation, no duplicates, no outliers, z-score: the age scaling parameters are the mean and
        // the sample sd of month 1's ages after imputation, computed here independently.
        CleanerConfig cfg = config("duplicates", "none", "outlier.method", "none", "missing.numeric", "mean");
        CleaningModel model = Cleaner.fit(month1, cfg).model();
        NumericColumn age1 = month1.numeric(CustomerColumns.AGE);
        double sum = 0;
        int n = 0;
        for (int r = 0; r < age1.size(); r++) {
            if (!age1.isMissing(r)) {
                sum += age1.value(r);
                n++;
            }
        }
        double fill = sum / n;
        double[] imputed = age1.toArray();
        for (int r = 0; r < imputed.length; r++) {
            imputed[r] = age1.isMissing(r) ? fill : imputed[r];
        }
        double mean = 0;
        for (double v : imputed) {
            mean += v;
        }
        mean /= imputed.length;
        double ss = 0;
        for (double v : imputed) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (imputed.length - 1));
        FeatureScaling s = model.featureScaling(CustomerColumns.AGE).orElseThrow();
        assertEquals(mean, s.center(), 1e-9);
        assertEquals(sd, s.divisor(), 1e-9);

        CleaningResult applied = model.apply(month2);
        NumericColumn age2 = month2.numeric(CustomerColumns.AGE);
        double[] out = applied.table().numeric(CustomerColumns.AGE).toArray();
        assertEquals(age2.size(), out.length, "no rows removed");
        int checked = 0;
        for (int r = 0; r < out.length; r++) {
            double expected = age2.isMissing(r) ? (fill - s.center()) / s.divisor()
                    : (age2.value(r) - s.center()) / s.divisor();
            assertEquals(expected, out[r], 1e-12, "row " + r);
            checked++;
        }
        assertEquals(month2.rowCount(), checked);
        // ... and not with month 2's own parameters
        FeatureScaling own = Cleaner.fit(month2, cfg).model().featureScaling(CustomerColumns.AGE).orElseThrow();
        assertNotEquals(own.center(), s.center());
        assertEquals(Math.round(month1.rowCount() * 0.02), age1.missingCount(), "month 1 had missing ages to fill");
    }

    @Test
    void applyingTheModelToItsFitTableGivesTheFitOutput() {
        CleaningResult fit = Cleaner.fit(month1, CleanerConfig.defaults());
        CleaningResult again = fit.model().apply(month1);
        assertSameTable(fit.table(), again.table());
        assertEquals(fit.report().columns().stream().map(ColumnReport::imputed).toList(),
                again.report().columns().stream().map(ColumnReport::imputed).toList());
        assertEquals(fit.report().rowsRemoved(), again.report().rowsRemoved());
    }

    @Test
    void theInputTableIsNeverModified() {
        TableFingerprint before1 = TableFingerprint.of(month1);
        TableFingerprint before2 = TableFingerprint.of(month2);
        CleaningResult fit = Cleaner.fit(month1, config("missing.indicators", "true", "outlier.action", "clip",
                "pseudonymise.columns", "customer_id", "pseudonymise.salt", "s"));
        fit.model().apply(month2);
        assertEquals(before1, TableFingerprint.of(month1));
        assertEquals(before2, TableFingerprint.of(month2));
    }

    @Test
    void saveAndLoadGiveTheSameModelAndTheSameOutput() {
        CleaningModel model = Cleaner.fit(month1, config("missing.indicators", "true", "outlier.method", "iqr",
                "outlier.action", "flag", "scaling", "robust", "pseudonymise.columns", "customer_id",
                "pseudonymise.salt", "pepper", "rare.min_share", "0.05")).model();
        Path f = dir.resolve(CleaningModel.FILE_NAME);
        model.save(f);
        CleaningModel loaded = CleaningModel.load(f);
        assertEquals(model.config(), loaded.config());
        assertEquals(model.provenance(), loaded.provenance());
        assertArrayEquals(model.toBytes(), loaded.toBytes(), "saving the loaded model gives the same bytes");
        CleaningResult a = model.apply(month2);
        CleaningResult b = loaded.apply(month2);
        assertSameTable(a.table(), b.table());
        assertEquals(a.report().columns(), b.report().columns());
        assertEquals(model.featureScaling(), loaded.featureScaling());
        assertEquals("(hidden)", loaded.provenance().settings().get("pseudonymise.salt"));
    }

    @Test
    void aNewerFormatVersionIsRefused() {
        CleaningModel model = Cleaner.fit(month1, CleanerConfig.defaults()).model();
        Path f = dir.resolve("future.json");
        ModelFile.save(f, CleaningModel.KIND, CleaningModel.FORMAT_VERSION + 1, model.provenance(), Map.of("x", 1));
        InputException e = assertThrows(InputException.class, () -> CleaningModel.load(f));
        assertTrue(e.getMessage().contains("format version 2") && e.getMessage().contains("reads versions up to 1"),
                e.getMessage());
        Path other = dir.resolve("other.json");
        ModelFile.save(other, "segmentation_model", 1, model.provenance(), Map.of("x", 1));
        e = assertThrows(InputException.class, () -> CleaningModel.load(other));
        assertTrue(e.getMessage().endsWith("holds a segmentation_model; expected a cleaning_model"), e.getMessage());
    }

    @Test
    void aHandEditedModelWithABadParameterFailsToLoad() throws Exception {
        CleaningModel model = Cleaner.fit(month1, CleanerConfig.defaults()).model();
        Path f = dir.resolve("m.json");
        model.save(f);
        ObjectNode root = (ObjectNode) ModelFile.mapper().readTree(f.toFile());
        for (var c : root.get("model").get("columns")) {
            if (c.get("name").asText().equals("age")) {
                ((ObjectNode) c).put("divisor", 0.0);
            }
        }
        Files.write(f, ModelFile.mapper().writeValueAsBytes(root));
        InputException e = assertThrows(InputException.class, () -> CleaningModel.load(f));
        assertTrue(e.getMessage().startsWith("model file " + f + ": ") && e.getMessage().contains("'age'"),
                e.getMessage());

        ((ObjectNode) root.get("model").get("settings")).put("scaling", "log");
        Files.write(f, ModelFile.mapper().writeValueAsBytes(root));
        e = assertThrows(InputException.class, () -> CleaningModel.load(f));
        assertTrue(e.getMessage().contains("setting 'scaling' must be one of zscore, robust, minmax, none"),
                e.getMessage());
    }

    @Test
    void applyOnATableWithoutANeededColumnNamesIt() {
        CleaningModel model = Cleaner.fit(month1, CleanerConfig.defaults()).model();
        Table lacking = month2.drop(CustomerColumns.AGE, CustomerColumns.REGION, CustomerColumns.CURRENCY);
        InputException e = assertThrows(InputException.class, () -> model.apply(lacking));
        assertTrue(e.getMessage().startsWith("cannot apply the cleaning model: the table has no columns 'age', "
                + "'region'; the model needs 'customer_id', 'age'"), e.getMessage());
        // currency was dropped at fit: not needed
        assertEquals(List.of(), model.apply(month2.drop(CustomerColumns.CURRENCY)).report().columns().stream()
                .filter(c -> c.feature().equals(CustomerColumns.CURRENCY) && !c.dropped()).toList());
    }

    @Test
    void extraColumnsPassThroughUnchanged() {
        CleaningModel model = Cleaner.fit(month1, config("duplicates", "none")).model();
        String[] notes = new String[month2.rowCount()];
        double[] score = new double[month2.rowCount()];
        for (int r = 0; r < notes.length; r++) {
            notes[r] = r % 3 == 0 ? null : "note " + r;
            score[r] = r % 5 == 0 ? Double.NaN : r * 1e6;
        }
        Table withExtras = month2.append(TextColumn.of("note", notes)).append(NumericColumn.of("score", score));
        CleaningResult r = model.apply(withExtras);
        List<String> expected = new ArrayList<>(model.outputColumns());
        expected.add("note");
        expected.add("score");
        assertEquals(expected, r.table().columnNames());
        assertSameRows(withExtras.column("note"), 0, r.table().column("note"), 0, month2.rowCount());
        assertSameRows(withExtras.column("score"), 0, r.table().column("score"), 0, month2.rowCount());
        assertEquals("passed_through", r.report().column("score").role());
        assertTrue(r.report().column(CustomerColumns.CURRENCY).dropped());
        assertTrue(!r.table().hasColumn(CustomerColumns.CURRENCY), "a column dropped at fit is dropped at apply");
    }

    @Test
    void aPassedThroughColumnMayNotTakeTheNameOfAnAddedOne() {
        CleaningModel model = Cleaner.fit(month1, config("missing.indicators", "true")).model();
        Table clash = month2.append(NumericColumn.of("age_missing", new double[month2.rowCount()]));
        InputException e = assertThrows(InputException.class, () -> model.apply(clash));
        assertTrue(e.getMessage().contains("'age_missing'"), e.getMessage());
    }

    @Test
    void chunkedApplyEqualsWholeApply() {
        // Every row-wise stage, including rows dropped for outliers and missing values; duplicates are per
        // call, so they are off here.
        CleaningModel model = Cleaner.fit(month1, config("duplicates", "none", "outlier.method", "iqr",
                "outlier.action", "drop_row", "missing.column.age", "drop_row", "missing.indicators", "true",
                "rare.min_share", "0.05", "pseudonymise.columns", "customer_id", "pseudonymise.salt", "pepper"))
                .model();
        CleaningResult whole = model.apply(month2);
        int chunk = 777;
        int at = 0;
        int invalid = 0;
        int imputed = 0;
        int outliers = 0;
        int removed = 0;
        for (int from = 0; from < month2.rowCount(); from += chunk) {
            Table part = rows(month2, from, Math.min(month2.rowCount(), from + chunk));
            CleaningResult r = model.apply(part);
            assertEquals(whole.table().columnNames(), r.table().columnNames());
            for (int c = 0; c < r.table().columnCount(); c++) {
                Column col = r.table().column(c);
                assertSameRows(whole.table().column(c), at, col, 0, col.size());
            }
            at += r.table().rowCount();
            invalid += r.report().invalid();
            imputed += r.report().imputed();
            outliers += r.report().outliers();
            removed += r.report().rowsIn() - r.report().rowsOut();
        }
        assertEquals(whole.table().rowCount(), at);
        assertEquals(whole.report().invalid(), invalid);
        assertEquals(whole.report().imputed(), imputed);
        assertEquals(whole.report().outliers(), outliers);
        assertEquals(whole.report().rowsIn() - whole.report().rowsOut(), removed);
        assertTrue(whole.report().rowsRemoved("outlier") > 0 && whole.report().rowsRemoved("missing_value") > 0,
                "both drop_row paths were exercised: " + whole.report().rowsRemoved());
    }

    @Test
    void aColumnMayArriveWithAnotherTypeAtApply() {
        // monthly_income is text at fit (with invalid text); a month without invalid text arrives numeric
        CleaningModel model = Cleaner.fit(month1, CleanerConfig.defaults()).model();
        TextColumn income = month2.text(CustomerColumns.MONTHLY_INCOME);
        NumericColumn.Builder b = NumericColumn.builder(CustomerColumns.MONTHLY_INCOME);
        for (int r = 0; r < income.size(); r++) {
            double v = CsvNumbers.parseFinite(income.value(r), false);
            if (Double.isNaN(v)) {
                b.addMissing();
            } else {
                b.add(v);
            }
        }
        Table numericIncome = month2.replace(b.build());
        CleaningResult asText = model.apply(month2);
        CleaningResult asNumbers = model.apply(numericIncome);
        assertSameTable(asText.table(), asNumbers.table());
        assertEquals(ColumnType.NUMERIC, asNumbers.table().column(CustomerColumns.MONTHLY_INCOME).type());
        ColumnReport t = asText.report().column(CustomerColumns.MONTHLY_INCOME);
        ColumnReport n = asNumbers.report().column(CustomerColumns.MONTHLY_INCOME);
        assertTrue(t.invalid() > 0);
        assertEquals(0, n.invalid());
        assertEquals(t.missingBefore() + t.invalid(), n.missingBefore());
    }

    @Test
    void theModelSaysWhatLaterStepsNeed() {
        CleaningModel model = Cleaner.fit(month1, config("missing.indicators", "true")).model();
        assertEquals(List.of(CustomerColumns.CUSTOMER_ID), model.identifierColumns());
        assertTrue(model.numericFeatures().contains(CustomerColumns.MONTHLY_INCOME));
        assertEquals(List.of(CustomerColumns.GENDER, CustomerColumns.REGION, CustomerColumns.PREFERRED_CHANNEL),
                model.categoricalFeatures());
        assertEquals(CleanerConfig.Scaling.ZSCORE, model.scaling());
        assertEquals(model.numericFeatures().size(), model.featureScaling().size());
        assertTrue(model.indicatorColumns().contains("age_missing"));
        assertEquals(List.of(CustomerColumns.CURRENCY, CustomerColumns.SECONDARY_PHONE_TYPE),
                List.copyOf(model.droppedColumns().keySet()));
        List<String> out = new ArrayList<>(model.identifierColumns());
        out.addAll(model.featureColumns());
        out.addAll(model.indicatorColumns());
        assertEquals(out, model.outputColumns());
    }
}
