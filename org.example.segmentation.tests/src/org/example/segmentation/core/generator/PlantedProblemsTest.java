package org.example.segmentation.core.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvReadOptions;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;

/** Every planted problem is in the table, in exactly the stated amount. */
class PlantedProblemsTest {

    @Test
    void statedAmountsFor20000Rows() {
        PlantedProblems p = PlantedProblems.of(new GeneratorConfig(20_000, 1, 1, false, true));
        assertEquals(20_000, p.rows());
        assertEquals(100, p.duplicateRows());
        assertEquals(400, p.missingIn(CustomerColumns.AGE));
        assertEquals(200, p.missingIn(CustomerColumns.GENDER));
        assertEquals(300, p.missingIn(CustomerColumns.REGION));
        assertEquals(600, p.missingIn(CustomerColumns.MONTHLY_INCOME));
        assertEquals(200, p.missingIn(CustomerColumns.TENURE_MONTHS));
        assertEquals(400, p.missingIn(CustomerColumns.BALANCE));
        assertEquals(800, p.missingIn(CustomerColumns.EMAIL_OPEN_RATE));
        assertEquals(600, p.missingIn(CustomerColumns.PREFERRED_CHANNEL));
        assertEquals(17_000, p.missingIn(CustomerColumns.SECONDARY_PHONE_TYPE));
        assertEquals(0, p.missingIn(CustomerColumns.APP_LOGINS_30D));
        assertEquals(Map.of("unknown", 100, "#VALUE!", 100), p.invalidText());
        assertEquals(200, p.invalidTextTotal());
        assertEquals(20, p.outliersIn(CustomerColumns.MONTHLY_INCOME));
        assertEquals(20, p.outliersIn(CustomerColumns.BALANCE));
    }

    @Test
    void tableHoldsExactlyThePlantedProblems() {
        for (GeneratorConfig config : List.of(new GeneratorConfig(20_000, 99, 1, true, true),
                new GeneratorConfig(20_000, 99, 2, true, true), new GeneratorConfig(4321, -5, 1, false, true),
                new GeneratorConfig(4321, -5, 2, false, true))) {
            Table t = CustomerGenerator.generate(config, Progress.NONE);
            assertPlanted(PlantedProblems.of(config), t);
        }
    }

    @Test
    void tinyTablesStillHoldThePlantedProblems() {
        for (int rows : new int[] { 1, 2, 3, 50, 199, 200, 201, 399, 400, 1001 }) {
            for (int snapshot = 1; snapshot <= 2; snapshot++) {
                GeneratorConfig config = new GeneratorConfig(rows, rows, snapshot, false, true);
                Table t = CustomerGenerator.generate(config, Progress.NONE);
                assertEquals(new CustomerGenerator(config).rowCount(), t.rowCount());
                assertPlanted(PlantedProblems.of(config), t);
            }
        }
    }

    private static void assertPlanted(PlantedProblems p, Table t) {
        assertEquals(p.rows(), t.rowCount());
        for (Column c : t.columns()) {
            assertEquals(p.missingIn(c.name()), c.missingCount(), "missing in " + c.name());
        }
        TextColumn income = t.text(CustomerColumns.MONTHLY_INCOME);
        Map<String, Integer> invalid = new HashMap<>();
        int incomeOutliers = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            String v = income.value(r);
            if (v == null) {
                continue;
            }
            if (PlantedProblems.INVALID_TEXT_TOKENS.contains(v)) {
                invalid.merge(v, 1, Integer::sum);
                continue;
            }
            double number = Double.parseDouble(v); // everything else is a number
            assertEquals(v, CustomerGenerator.formatAmount(number), "row " + r + " formats as a numeric column");
            if (number > PlantedProblems.OUTLIER_THRESHOLDS.get(CustomerColumns.MONTHLY_INCOME)) {
                incomeOutliers++;
            }
        }
        Map<String, Integer> expectedInvalid = new HashMap<>(p.invalidText());
        expectedInvalid.values().removeIf(n -> n == 0);
        assertEquals(expectedInvalid, invalid);
        assertEquals(p.outliersIn(CustomerColumns.MONTHLY_INCOME), incomeOutliers, "income outliers");

        NumericColumn balance = t.numeric(CustomerColumns.BALANCE);
        int balanceOutliers = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            if (!balance.isMissing(r)
                    && balance.value(r) > PlantedProblems.OUTLIER_THRESHOLDS.get(CustomerColumns.BALANCE)) {
                balanceOutliers++;
                assertTrue(balance.value(r) >= 5e7 && balance.value(r) <= 5e8, "row " + r);
            }
        }
        assertEquals(p.outliersIn(CustomerColumns.BALANCE), balanceOutliers, "balance outliers");

        assertEquals(p.duplicateRows(), duplicateRows(t), "duplicate rows");
        CategoricalColumn currency = t.categorical(CustomerColumns.CURRENCY);
        assertEquals(List.of(PlantedProblems.CONSTANT_VALUE), currency.levels());
        assertEquals(0, currency.missingCount());
        if (t.rowCount() >= 100) {
            int secondary = t.column(CustomerColumns.SECONDARY_PHONE_TYPE).missingCount();
            assertEquals(PlantedProblems.MOSTLY_MISSING_SHARE, secondary / (double) t.rowCount(),
                    0.5 / t.rowCount() + 1e-12);
        }
    }

    /** Rows whose every cell equals an earlier row's. */
    private static int duplicateRows(Table t) {
        Set<String> seen = new HashSet<>();
        Map<String, Integer> idCount = new HashMap<>();
        int duplicates = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            StringBuilder key = new StringBuilder();
            for (Column c : t.columns()) {
                key.append(c.format(r)).append('\u0001');
            }
            if (!seen.add(key.toString())) {
                duplicates++;
            }
            idCount.merge(t.text(CustomerColumns.CUSTOMER_ID).value(r), 1, Integer::sum);
        }
        // An identifier repeats only in a full copy of its row.
        int repeatedIds = idCount.values().stream().mapToInt(n -> n - 1).sum();
        assertEquals(duplicates, repeatedIds, "repeated identifiers");
        return duplicates;
    }

    @Test
    void duplicatesCopyEarlierRowsAndAreSpreadOut() {
        Table t = CustomerGenerator.generate(new GeneratorConfig(10_000, 4, 1, false, true), Progress.NONE);
        TextColumn ids = t.text(CustomerColumns.CUSTOMER_ID);
        Map<String, Integer> firstRow = new HashMap<>();
        int firstHalf = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            Integer first = firstRow.putIfAbsent(ids.value(r), r);
            if (first != null) {
                assertTrue(first < r);
                if (r < t.rowCount() / 2) {
                    firstHalf++;
                }
            }
        }
        assertEquals(25, firstHalf, "one duplicate per 200 rows, so 25 in the first 5,000");
    }

    @Test
    void invalidTextIsNotAMissingToken() {
        for (String token : PlantedProblems.INVALID_TEXT_TOKENS) {
            for (String missing : CsvReadOptions.DEFAULT_MISSING_TOKENS) {
                assertFalse(token.trim().equalsIgnoreCase(missing), token);
            }
            assertFalse(token.isBlank());
            assertFalse(token.toLowerCase(Locale.ROOT).matches("[-+0-9.,e]+"), token);
        }
    }

    @Test
    void firstRowIsAlwaysClean() {
        Table t = CustomerGenerator.generate(new GeneratorConfig(5000, 17, 1, false, true), Progress.NONE);
        for (Column c : t.columns()) {
            if (!c.name().equals(CustomerColumns.SECONDARY_PHONE_TYPE)) {
                assertFalse(c.isMissing(0), c.name());
            }
        }
    }

    @Test
    void withoutProblemsNothingIsPlanted() {
        GeneratorConfig config = new GeneratorConfig(5000, 3, 1, false, false);
        PlantedProblems p = PlantedProblems.of(config);
        assertEquals(0, p.duplicateRows());
        assertTrue(p.missing().isEmpty() && p.invalidText().isEmpty() && p.outliers().isEmpty());
        Table t = CustomerGenerator.generate(config, Progress.NONE);
        assertEquals(5000, t.rowCount());
        assertEquals(0, duplicateRows(t));
        assertFalse(t.hasColumn(CustomerColumns.CURRENCY) || t.hasColumn(CustomerColumns.SECONDARY_PHONE_TYPE));
        NumericColumn income = t.numeric(CustomerColumns.MONTHLY_INCOME);
        assertTrue(income.summary().max() <= 60_000);
        assertTrue(t.numeric(CustomerColumns.BALANCE).summary().max() <= 5_000_000);
    }

    @Test
    void problemsAreIndependentOfTheValues() {
        // Missing values are placed by row, not by value: the mean of a column with planted missing values is
        // the mean of the same customers' values without problems, up to sampling error.
        Table with = CustomerGenerator.generate(new GeneratorConfig(40_000, 6, 1, false, true), Progress.NONE);
        Table without = CustomerGenerator.generate(new GeneratorConfig(40_000, 6, 1, false, false), Progress.NONE);
        double a = TableAssertions.mean(with.numeric(CustomerColumns.EMAIL_OPEN_RATE));
        double b = TableAssertions.mean(without.numeric(CustomerColumns.EMAIL_OPEN_RATE));
        assertEquals(b, a, 0.005);
    }

    @Test
    void amountFormatting() {
        assertEquals("2134.57", CustomerGenerator.formatAmount(2134.57));
        assertEquals("2134.5", CustomerGenerator.formatAmount(2134.5));
        assertEquals("2134", CustomerGenerator.formatAmount(2134.0));
        assertEquals("400.05", CustomerGenerator.formatAmount(400.05));
        assertEquals("60000000", CustomerGenerator.formatAmount(6e7));
    }
}
