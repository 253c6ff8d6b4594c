package org.example.segmentation.core.cleaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvReadResult;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.generator.CustomerColumns;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.generator.PlantedProblems;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default cleaning finds and reports every problem the generator plants, in the exact planted amounts,
 * on a table that went through a CSV file as a user's would.
 */
class PlantedProblemsCleaningTest {

    @TempDir
    Path dir;

    @Test
    void everyPlantedProblemIsFoundAndReported() {
        GeneratorConfig gc = GeneratorConfig.of(5000, 99);
        PlantedProblems planted = PlantedProblems.of(gc);
        Path csv = dir.resolve("customers.csv");
        CsvWriter.defaults().write(CustomerGenerator.generate(gc, Progress.NONE), csv);
        CsvReadResult read = CsvReader.read(csv);
        Table table = read.table();
        assertEquals(ColumnType.TEXT, table.column(CustomerColumns.MONTHLY_INCOME).type(), "as a user gets it");

        CleaningResult r = Cleaner.fit(table, CleanerConfig.defaults());
        CleaningReport report = r.report();

        // the identifier is recognised and kept
        assertEquals(java.util.List.of(CustomerColumns.CUSTOMER_ID), r.model().identifierColumns());

        // invalid text in monthly_income: converted to numbers, every planted token counted
        ColumnReport income = report.column(CustomerColumns.MONTHLY_INCOME);
        assertEquals("numeric", income.typeOut());
        assertEquals(planted.invalidTextTotal(), income.invalid());
        assertEquals(planted.invalidTextTotal(), report.invalid(), "no other invalid value");

        // exact duplicates
        assertEquals(planted.duplicateRows(), report.rowsRemoved("duplicate"));
        assertEquals(planted.rows() - planted.duplicateRows(), r.table().rowCount());

        // constant and mostly-missing columns dropped, with the reason
        ColumnReport currency = report.column(CustomerColumns.CURRENCY);
        assertTrue(currency.dropped());
        assertTrue(currency.reason().startsWith("constant"), currency.reason());
        ColumnReport phone = report.column(CustomerColumns.SECONDARY_PHONE_TYPE);
        assertTrue(phone.dropped());
        assertEquals(planted.missingIn(CustomerColumns.SECONDARY_PHONE_TYPE), phone.missingBefore());
        assertTrue(phone.reason().contains("85% missing"), phone.reason());
        assertEquals(2, report.droppedColumns().size());

        // missing values: counted exactly and all imputed (duplicates copy rows without planted problems)
        for (Map.Entry<String, Integer> e : planted.missing().entrySet()) {
            if (e.getKey().equals(CustomerColumns.SECONDARY_PHONE_TYPE)) {
                continue;
            }
            ColumnReport c = report.column(e.getKey());
            assertEquals((int) e.getValue(), c.missingBefore(), e.getKey());
            assertEquals(c.missingBefore() + c.invalid(), c.imputed(), e.getKey());
            assertEquals(0, c.missingAfter(), e.getKey());
        }

        // outliers: every planted one is treated (capped below the planted threshold), and counted
        for (Map.Entry<String, Double> e : PlantedProblems.OUTLIER_THRESHOLDS.entrySet()) {
            String column = e.getKey();
            ColumnReport c = report.column(column);
            assertTrue(c.outliers() >= planted.outliersIn(column), column + ": " + c.outliers());
            FeatureScaling s = r.model().featureScaling(column).orElseThrow();
            NumericColumn cleaned = r.table().numeric(column);
            for (int row = 0; row < cleaned.size(); row++) {
                assertTrue(s.unscale(cleaned.value(row)) <= e.getValue(), column + ", row " + row);
            }
        }

        // the report has one row per input column, and every removed row is accounted for
        assertEquals(table.columnCount(), report.columns().size());
        int removed = report.rowsRemoved().stream().mapToInt(RowsRemoved::rows).sum();
        assertEquals(report.rowsIn() - report.rowsOut(), removed);
        assertFalse(report.toTable().columnNames().isEmpty());
        assertEquals(CleaningReport.COLUMNS, report.toTable().columnNames());
    }
}
