package org.example.segmentation.core.cleaning;

import static org.example.segmentation.core.cleaning.CleaningFixtures.assertNumbers;
import static org.example.segmentation.core.cleaning.CleaningFixtures.cat;
import static org.example.segmentation.core.cleaning.CleaningFixtures.num;
import static org.example.segmentation.core.cleaning.CleaningFixtures.numbers;
import static org.example.segmentation.core.cleaning.CleaningFixtures.only;
import static org.example.segmentation.core.cleaning.CleaningFixtures.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;

/**
 * Each strategy on a hand-made table, one stage at a time ({@link CleaningFixtures#only} turns the others off),
 * with the expected numbers worked out in the comments.
 */
class CleanerStrategiesTest {
    private static final double NA = Double.NaN;
    private static final double EXACT = 0;
    private static final double TIGHT = 1e-12;

    // ---------------------------------------------------------------------------------------------------------
    // Missing values

    /** Non-missing x = 1, 3, 3, 10, 4, 4 (n = 6); sorted 1, 3, 3, 4, 4, 10. */
    private static Table numericWithGaps() {
        return Table.of(num("x", 1, NA, 3, 3, 10, NA, 4, 4));
    }

    @Test
    void missingMeanIsTheMeanOfTheValues() {
        // mean = (1 + 3 + 3 + 10 + 4 + 4) / 6 = 25 / 6
        CleaningResult r = Cleaner.fit(numericWithGaps(), only("missing.numeric", "mean"));
        double m = 25.0 / 6;
        assertNumbers(new double[] {1, m, 3, 3, 10, m, 4, 4}, numbers(r.table(), "x"), EXACT);
        assertEquals(2, r.report().column("x").imputed());
        assertEquals(2, r.report().column("x").missingBefore());
        assertEquals(0, r.report().column("x").missingAfter());
    }

    @Test
    void missingMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        // sorted 1, 3, 3, 4, 4, 10: middle values 3 and 4 -> 3.5
        CleaningResult r = Cleaner.fit(numericWithGaps(), only("missing.numeric", "median"));
        assertNumbers(new double[] {1, 3.5, 3, 3, 10, 3.5, 4, 4}, numbers(r.table(), "x"), EXACT);
        // odd count: 1, 2, 100 -> 2
        CleaningResult odd = Cleaner.fit(Table.of(num("x", 100, NA, 1, 2)), only("missing.numeric", "median"));
        assertNumbers(new double[] {100, 2, 1, 2}, numbers(odd.table(), "x"), EXACT);
    }

    @Test
    void missingMostFrequentBreaksTiesTowardsTheSmallestValue() {
        // 3 and 4 both occur twice: 3 wins
        CleaningResult r = Cleaner.fit(numericWithGaps(), only("missing.numeric", "most_frequent"));
        assertNumbers(new double[] {1, 3, 3, 3, 10, 3, 4, 4}, numbers(r.table(), "x"), EXACT);
    }

    @Test
    void missingConstant() {
        CleaningResult r = Cleaner.fit(numericWithGaps(), only("missing.numeric", "constant", "missing.constant",
                "-1.5"));
        assertNumbers(new double[] {1, -1.5, 3, 3, 10, -1.5, 4, 4}, numbers(r.table(), "x"), EXACT);
    }

    @Test
    void missingDropRowRemovesTheRowsAndSaysWhy() {
        Table t = Table.of(num("x", 1, NA, 3, NA), cat("c", "a", "b", null, null));
        CleaningResult r = Cleaner.fit(t, only("missing.numeric", "drop_row", "missing.categorical", "drop_row"));
        // row 1 (x missing), row 2 (c missing), row 3 (both: counted once, under x, the first column)
        assertNumbers(new double[] {1}, numbers(r.table(), "x"), EXACT);
        assertEquals(List.of(new RowsRemoved("missing_value", "x", 2), new RowsRemoved("missing_value", "c", 1)),
                r.report().rowsRemoved());
        assertEquals(4, r.report().rowsIn());
        assertEquals(1, r.report().rowsOut());
    }

    @Test
    void missingNoneLeavesValuesMissing() {
        CleaningResult r = Cleaner.fit(numericWithGaps(), only());
        assertNumbers(new double[] {1, NA, 3, 3, 10, NA, 4, 4}, numbers(r.table(), "x"), EXACT);
        assertEquals(2, r.report().column("x").missingAfter());
    }

    @Test
    void perColumnStrategyOverridesTheTypeDefault() {
        Table t = Table.of(num("x", 1, NA, 3), num("y", 10, NA, 20));
        CleaningResult r = Cleaner.fit(t, only("missing.numeric", "mean", "missing.column.y", "constant",
                "missing.constant", "0"));
        assertNumbers(new double[] {1, 2, 3}, numbers(r.table(), "x"), EXACT);
        assertNumbers(new double[] {10, 0, 20}, numbers(r.table(), "y"), EXACT);
    }

    @Test
    void categoricalUnknownMostFrequentAndConstant() {
        Table t = Table.of(cat("c", "b", "a", null, "b", "a", "c"));
        // a and b both occur twice: a wins (first in text order)
        assertEquals(Arrays.asList("b", "a", "a", "b", "a", "c"),
                texts(Cleaner.fit(t, only("missing.categorical", "most_frequent")).table(), "c"));
        CleaningResult unknown = Cleaner.fit(t, only("missing.categorical", "unknown"));
        assertEquals(Arrays.asList("b", "a", "Unknown", "b", "a", "c"), texts(unknown.table(), "c"));
        assertEquals(List.of("Unknown", "a", "b", "c"), unknown.model().levels("c"));
        assertEquals(Arrays.asList("b", "a", "n/k", "b", "a", "c"), texts(Cleaner.fit(t, only("missing.categorical",
                "constant", "missing.constant", "n/k")).table(), "c"));
    }

    @Test
    void indicatorsMarkWhatWasMissingBeforeImputation() {
        Table t = Table.of(num("x", 1, NA, 3), num("y", 1, 2, 3), cat("c", null, "a", "a"));
        CleaningResult r = Cleaner.fit(t, only("missing.numeric", "mean", "missing.categorical", "unknown",
                "missing.indicators", "true"));
        // y never missing at fit: no indicator; indicators come after the features
        assertEquals(List.of("x", "y", "c", "x_missing", "c_missing"), r.table().columnNames());
        assertNumbers(new double[] {0, 1, 0}, numbers(r.table(), "x_missing"), EXACT);
        assertNumbers(new double[] {1, 0, 0}, numbers(r.table(), "c_missing"), EXACT);
        assertEquals(List.of("x_missing", "c_missing"), r.model().indicatorColumns());
        assertEquals("indicator", r.report().column("x_missing").role());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Invalid values

    @Test
    void mostlyNumericTextBecomesNumericAndTheRestIsInvalid() {
        // 10 non-missing values, 9 numbers: 90% >= 0.9 -> numeric; "unknown" invalid; " 7 " is a number
        Table t = Table.of(TextColumn.of("income", "1", "2.5", "unknown", "4e1", " 7 ", "-3", ".5", "8.", "9", null,
                "10"));
        CleaningResult r = Cleaner.fit(t, only());
        assertEquals(ColumnType.NUMERIC, r.table().column("income").type());
        assertNumbers(new double[] {1, 2.5, NA, 40, 7, -3, 0.5, 8, 9, NA, 10}, numbers(r.table(), "income"), EXACT);
        ColumnReport c = r.report().column("income");
        assertEquals(1, c.invalid());
        assertEquals(1, c.missingBefore());
        assertEquals(2, c.missingAfter());
        assertEquals("text", c.typeIn());
        assertTrue(c.reason().contains("90% of the values are numbers"), c.reason());
    }

    @Test
    void textBelowTheShareStaysLevels() {
        // 8 numbers of 10 values: 80% < 90% -> categorical, nothing invalid
        Table t = Table.of(TextColumn.of("code", "1", "2", "3", "4", "5", "6", "7", "8", "x", "y"));
        CleaningResult r = Cleaner.fit(t, only());
        assertEquals(ColumnType.CATEGORICAL, r.table().column("code").type());
        assertEquals(0, r.report().column("code").invalid());
        // with the share lowered to 0.8 it is numeric, with two invalid values
        CleaningResult lower = Cleaner.fit(t, only("invalid.numeric_min_share", "0.8"));
        assertEquals(ColumnType.NUMERIC, lower.table().column("code").type());
        assertEquals(2, lower.report().column("code").invalid());
    }

    @Test
    void infinitiesAndNaNValuesInNumericColumnsAreInvalid() {
        NumericColumn x = NumericColumn.builder("x").add(1).add(Double.POSITIVE_INFINITY).add(Double.NaN).addMissing()
                .add(Double.NEGATIVE_INFINITY).add(2).build();
        CleaningResult r = Cleaner.fit(Table.of(x), only("missing.numeric", "mean"));
        // invalid: +inf, NaN, -inf (3); missing before: 1; mean of 1 and 2 = 1.5 fills 4 values
        assertNumbers(new double[] {1, 1.5, 1.5, 1.5, 1.5, 2}, numbers(r.table(), "x"), EXACT);
        assertEquals(3, r.report().column("x").invalid());
        assertEquals(1, r.report().column("x").missingBefore());
        assertEquals(4, r.report().column("x").imputed());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Outliers

    /** 1..8 and 100 (n = 9). */
    private static Table withOutlier() {
        return Table.of(num("x", 5, 1, 100, 2, 6, 3, 7, 4, 8));
    }

    @Test
    void iqrFencesUseWekasQuartiles() {
        // sorted 1 2 3 4 5 6 7 8 100, n = 9: half = 4, quarter = 2, half even:
        // Q1 = (s[2] + s[3]) / 2 = (3 + 4) / 2 = 3.5, Q3 = (s[6] + s[7]) / 2 = (7 + 8) / 2 = 7.5, IQR = 4
        // fences 3.5 - 1.5 * 4 = -2.5 and 7.5 + 1.5 * 4 = 13.5: 100 is clipped to 13.5
        CleaningResult r = Cleaner.fit(withOutlier(), only("outlier.method", "iqr"));
        assertNumbers(new double[] {5, 1, 13.5, 2, 6, 3, 7, 4, 8}, numbers(r.table(), "x"), EXACT);
        assertEquals(1, r.report().column("x").outliers());
        assertTrue(r.report().column("x").action().contains("outside [-2.5, 13.5] clipped"),
                r.report().column("x").action());
        // odd half: n = 6 (1 2 3 4 5 60): half = 3, quarter = 1: Q1 = s[1] = 2, Q3 = s[4] = 5, IQR = 3
        // factor 2: fences -4 and 11
        CleaningResult six = Cleaner.fit(Table.of(num("x", 1, 2, 3, 4, 5, 60)), only("outlier.method", "iqr",
                "outlier.iqr_factor", "2"));
        assertNumbers(new double[] {1, 2, 3, 4, 5, 11}, numbers(six.table(), "x"), EXACT);
    }

    @Test
    void zscoreFencesUseTheSampleStandardDeviation() {
        // 2 4 4 4 5 5 7 9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, sd = sqrt(32 / 7)
        // z = 1.5: fences 5 -+ 1.5 sd = 1.7928.. and 8.2071..: 9 is clipped to the upper fence
        Table t = Table.of(num("x", 2, 4, 4, 4, 5, 5, 7, 9));
        CleaningResult r = Cleaner.fit(t, only("outlier.method", "zscore", "outlier.z", "1.5"));
        double hi = 5 + 1.5 * Math.sqrt(32.0 / 7);
        assertNumbers(new double[] {2, 4, 4, 4, 5, 5, 7, hi}, numbers(r.table(), "x"), TIGHT);
    }

    @Test
    void percentileCapsInterpolateBetweenRanks() {
        // 10 20 30 40 50 (n = 5): p5: h = 4 * 0.05 = 0.2 -> 10 + 0.2 * 10 = 12; p95: h = 3.8 -> 40 + 0.8 * 10 = 48
        Table t = Table.of(num("x", 30, 10, 50, 20, 40));
        CleaningResult r = Cleaner.fit(t, only("outlier.method", "percentile", "outlier.percentiles", "5,95"));
        assertNumbers(new double[] {30, 12, 48, 20, 40}, numbers(r.table(), "x"), TIGHT);
        assertEquals(2, r.report().column("x").outliers());
    }

    @Test
    void outlierActionsMissingDropRowAndFlag() {
        // fences -2.5 and 13.5 as above; 100 is the outlier (row 2)
        CleaningResult missing = Cleaner.fit(withOutlier(), only("outlier.method", "iqr", "outlier.action", "missing",
                "missing.numeric", "median"));
        // set missing, then the median of 1..8 (the 8 values left) = (4 + 5) / 2 = 4.5 fills it
        assertNumbers(new double[] {5, 1, 4.5, 2, 6, 3, 7, 4, 8}, numbers(missing.table(), "x"), EXACT);
        assertEquals(1, missing.report().column("x").imputed());

        CleaningResult drop = Cleaner.fit(withOutlier(), only("outlier.method", "iqr", "outlier.action", "drop_row"));
        assertNumbers(new double[] {5, 1, 2, 6, 3, 7, 4, 8}, numbers(drop.table(), "x"), EXACT);
        assertEquals(List.of(new RowsRemoved("outlier", "x", 1)), drop.report().rowsRemoved());

        CleaningResult flag = Cleaner.fit(withOutlier(), only("outlier.method", "iqr", "outlier.action", "flag"));
        assertNumbers(new double[] {5, 1, 100, 2, 6, 3, 7, 4, 8}, numbers(flag.table(), "x"), EXACT);
        assertNumbers(new double[] {0, 0, 1, 0, 0, 0, 0, 0, 0}, numbers(flag.table(), "x_outlier"), EXACT);
    }

    @Test
    void twoValuedAndDegenerateColumnsHaveNoOutliers() {
        // a 0/1 flag with one 1 in 20 rows: with z-score it would be "an outlier"; it is left alone
        double[] flag = new double[20];
        flag[7] = 1;
        // 0 in 17 of 20 rows: Q1 = Q3 = 0, IQR 0: every other value would be clipped to 0; left alone
        double[] mostlyZero = new double[20];
        mostlyZero[3] = 5;
        mostlyZero[9] = 9;
        mostlyZero[15] = 40;
        Table t = Table.of(num("flag", flag), num("spend", mostlyZero));
        CleaningResult r = Cleaner.fit(t, only("outlier.method", "iqr"));
        assertNumbers(flag, numbers(r.table(), "flag"), EXACT);
        assertNumbers(mostlyZero, numbers(r.table(), "spend"), EXACT);
        assertEquals("", r.report().column("flag").reason());
        assertTrue(r.report().column("flag").action().contains("no outlier rule: at most two distinct values"));
        assertTrue(r.report().column("spend").action().contains("no outlier rule: interquartile range is 0"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Duplicates

    private static Table withDuplicates() {
        return Table.of(TextColumn.of("id", "A", "B", "A", "C", "D"), num("x", 1, 2, 1, 3, NA),
                cat("c", "u", "v", "u", "v", null));
    }

    @Test
    void exactDuplicatesKeepFirstOrLast() {
        // row 2 equals row 0 in every column
        CleaningResult first = Cleaner.fit(withDuplicates(), only("duplicates", "exact", "id.columns", "id"));
        assertEquals(Arrays.asList("A", "B", "C", "D"), texts(first.table(), "id"));
        assertEquals(List.of(new RowsRemoved("duplicate", "", 1)), first.report().rowsRemoved());
        CleaningResult last = Cleaner.fit(withDuplicates(), only("duplicates", "exact", "duplicates.keep", "last",
                "id.columns", "id"));
        assertEquals(Arrays.asList("B", "A", "C", "D"), texts(last.table(), "id"));
    }

    @Test
    void keyDuplicatesCompareOnlyTheKeyAndNeverAMissingKey() {
        // key c: u (rows 0, 2), v (rows 1, 3), missing (row 4, never a duplicate)
        Table t = withDuplicates();
        CleaningResult first = Cleaner.fit(t, only("duplicates", "key", "duplicates.key", "c", "id.columns", "id"));
        assertEquals(Arrays.asList("A", "B", "D"), texts(first.table(), "id"));
        CleaningResult last = Cleaner.fit(t, only("duplicates", "key", "duplicates.key", "c", "duplicates.keep", "last",
                "id.columns", "id"));
        assertEquals(Arrays.asList("A", "C", "D"), texts(last.table(), "id"));
        assertEquals(2, last.report().rowsRemoved("duplicate"));
    }

    @Test
    void exactDuplicatesCompareNumbersByValueAndMissingAsEqual() {
        Table t = Table.of(num("x", 0.0, -0.0, NA, NA, 1), cat("c", "a", "a", null, null, "a"));
        CleaningResult r = Cleaner.fit(t, only("duplicates", "exact"));
        assertEquals(3, r.table().rowCount(), "0.0 equals -0.0; missing equals missing");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Dropped columns and identifiers

    @Test
    void columnsDroppedByRuleWithTheReason() {
        // mostly: 3 of 5 missing (60% > 50%); constant: one value; almost: 2 of 5 missing (40%), kept
        Table t = Table.of(num("mostly", 1, NA, NA, NA, 2), cat("constant", "EUR", "EUR", null, "EUR", "EUR"),
                num("almost", 1, NA, NA, 4, 5));
        CleaningResult r = Cleaner.fit(t, only("missing.max_share", "0.5", "drop.constant", "true"));
        assertEquals(List.of("almost"), r.table().columnNames());
        assertEquals(List.of("mostly", "constant"), r.report().droppedColumns());
        assertEquals("60% missing, more than missing.max_share 0.5", r.report().column("mostly").reason());
        assertEquals("constant: one distinct value", r.report().column("constant").reason());
        assertEquals(3, r.report().column("mostly").missingBefore());
        assertEquals(Map.of("mostly", "60% missing, more than missing.max_share 0.5", "constant",
                "constant: one distinct value"), r.model().droppedColumns());
        // with drop.constant=false the constant column stays, and scales to 0 (not NaN)
        CleaningResult kept = Cleaner.fit(Table.of(num("k", 7, 7, 7)), only("drop.constant", "false", "scaling",
                "zscore"));
        assertNumbers(new double[] {0, 0, 0}, numbers(kept.table(), "k"), EXACT);
    }

    @Test
    void invalidValuesCountTowardsTheMissingShare() {
        // 2 missing + 2 invalid of 6 values = 66.7% > 50%: dropped, and the report shows both counts
        Table t = Table.of(TextColumn.of("v", "1", null, "x", "y", null, "2"), num("w", 1, 2, 3, 4, 5, 6));
        CleaningResult r = Cleaner.fit(t, only("missing.max_share", "0.5", "invalid.numeric_min_share", "0.5"));
        ColumnReport v = r.report().column("v");
        assertTrue(v.dropped());
        assertEquals(2, v.invalid());
        assertEquals(2, v.missingBefore());
        assertTrue(v.reason().startsWith("66.7% missing (invalid values included)"), v.reason());
    }

    @Test
    void identifiersAreKeptFirstAndNeverTreated() {
        // "key" is listed; "Kunden-ID" is detected by name and distinct values; "CustomerNo" is numeric but
        // not named like an identifier, so it is a feature
        Table t = Table.of(num("x", 1, 2, 3), TextColumn.of("key", "k1", "k1", null), TextColumn.of("Kunden-ID", "a",
                "b", "c"), num("customerId", 11, 12, 13), num("CustomerNo", 7, 8, 9));
        CleaningResult r = Cleaner.fit(t, only("id.columns", "key", "id.detect", "true", "scaling", "zscore"));
        assertEquals(List.of("key", "Kunden-ID", "customerId", "x", "CustomerNo"), r.table().columnNames());
        assertEquals(List.of("key", "Kunden-ID", "customerId"), r.model().identifierColumns());
        assertEquals(List.of("x", "CustomerNo"), r.model().featureColumns());
        assertEquals(Arrays.asList("k1", "k1", null), texts(r.table(), "key"), "identifiers are not imputed");
        assertNumbers(new double[] {11, 12, 13}, numbers(r.table(), "customerId"), EXACT);
        assertEquals("listed in id.columns", r.report().column("key").reason());
        assertEquals("identifier-like: 100% of the values are distinct", r.report().column("Kunden-ID").reason());
    }

    @Test
    void textWithManyDistinctValuesIsAnIdentifierFromTwentyValues() {
        String[] ids = new String[20];
        String[] nineteen = new String[19];
        for (int i = 0; i < 20; i++) {
            ids[i] = "c" + i;
            if (i < 19) {
                nineteen[i] = "c" + i;
            }
        }
        assertEquals(List.of("ref"), Cleaner.fit(Table.of(TextColumn.of("ref", ids)), only("id.detect", "true"))
                .model().identifierColumns());
        assertEquals(List.of(), Cleaner.fit(Table.of(TextColumn.of("ref", nineteen)), only("id.detect", "true"))
                .model().identifierColumns(), "19 values say nothing: read as levels");
        assertTrue(Cleaner.looksLikeIdName("customer_id"));
        assertTrue(Cleaner.looksLikeIdName("ID"));
        assertTrue(Cleaner.looksLikeIdName("id_kunde"));
        assertTrue(Cleaner.looksLikeIdName("ClientID"));
        assertFalse(Cleaner.looksLikeIdName("paid"));
        assertFalse(Cleaner.looksLikeIdName("valid"));
        assertFalse(Cleaner.looksLikeIdName("GRID"));
    }

    @Test
    void pseudonymisationIsSaltedSha256Hex() {
        // printf 'pepperC1' | sha256sum; printf 'pepperC2' | sha256sum
        Table t = Table.of(TextColumn.of("customer_id", "C1", "C2", null), num("x", 1, 2, 3));
        CleaningResult r = Cleaner.fit(t, only("pseudonymise.columns", "customer_id", "pseudonymise.salt", "pepper"));
        assertEquals(Arrays.asList("7517f6be3f614b7818dd1a2c674f7c4d851452edbcdd17f4583b8dd8cb87c8db",
                "d1d750c81713acc371bdee741f740968c633937451491be0d823169a79db10c7", null), texts(r.table(),
                        "customer_id"));
        assertEquals("kept as row key; pseudonymised (salted SHA-256)", r.report().column("customer_id").action());
        assertFalse(r.model().provenance().settings().containsValue("pepper"), "the provenance hides the salt");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Rare and unseen levels

    /** a x 60, b x 30, c x 9, d x 1 (100 rows). */
    private static Table skewedLevels() {
        String[] v = new String[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i < 60 ? "a" : i < 90 ? "b" : i < 99 ? "c" : "d";
        }
        return Table.of(cat("c", v));
    }

    @Test
    void rareLevelsAreGroupedIntoOther() {
        // min share 5%: d (1%) is rare; c (9%) stays
        CleaningResult r = Cleaner.fit(skewedLevels(), only("rare.min_share", "0.05", "unseen", "other"));
        assertEquals(List.of("Other", "a", "b", "c"), r.model().levels("c"));
        assertEquals("Other", texts(r.table(), "c").get(99));
        assertEquals(1, r.report().column("c").levelsGrouped());
        assertEquals(1, r.report().column("c").valuesGrouped());
    }

    @Test
    void theLevelCapKeepsTheMostFrequentAndCountsOther() {
        // cap 3 levels, Other included: a and b stay, c (and the rare d) become Other: 10 values
        CleaningResult r = Cleaner.fit(skewedLevels(), only("rare.min_share", "0.05", "rare.max_levels", "3"));
        assertEquals(List.of("Other", "a", "b"), r.model().levels("c"));
        assertEquals(2, r.report().column("c").levelsGrouped());
        assertEquals(10, r.report().column("c").valuesGrouped());
        // without rare levels and with unseen=missing, a cap of 4 needs no Other
        CleaningResult four = Cleaner.fit(skewedLevels(), only("rare.max_levels", "4"));
        assertEquals(List.of("a", "b", "c", "d"), four.model().levels("c"));
    }

    @Test
    void unseenLevelsBecomeOtherOrMissing() {
        Table fit = Table.of(cat("c", "a", "b", "a"));
        Table next = Table.of(cat("c", "a", "z", null, "b"));
        CleaningModel toOther = Cleaner.fit(fit, only("unseen", "other")).model();
        CleaningResult other = toOther.apply(next);
        assertEquals(Arrays.asList("a", "Other", null, "b"), texts(other.table(), "c"));
        assertEquals(List.of("Other", "a", "b"), toOther.levels("c"), "Other is a level from the start");
        assertEquals(1, other.report().column("c").unseen());
        CleaningResult missing = Cleaner.fit(fit, only("unseen", "missing")).model().apply(next);
        assertEquals(Arrays.asList("a", null, null, "b"), texts(missing.table(), "c"));
        assertEquals(1, missing.report().column("c").unseen());
    }

    @Test
    void aFillLevelNeverSeenAtFitIsALevelOrGrouped() {
        // no missing value at fit: "Unknown" has count 0; with rare.min_share 0 it is a level of its own
        Table fit = Table.of(cat("c", "a", "b"));
        Table next = Table.of(cat("c", null, "a"));
        CleaningModel m = Cleaner.fit(fit, only("missing.categorical", "unknown")).model();
        assertEquals(List.of("Unknown", "a", "b"), m.levels("c"));
        assertEquals(Arrays.asList("Unknown", "a"), texts(m.apply(next).table(), "c"));
        // with a minimum share it is rare (0 < 1%), so it is grouped
        CleaningModel rare = Cleaner.fit(fit, only("missing.categorical", "unknown", "rare.min_share", "0.01"))
                .model();
        assertEquals(Arrays.asList("Other", "a"), texts(rare.apply(next).table(), "c"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Scaling

    /** 1..8: mean 4.5, sd sqrt(42 / 7) = sqrt(6), median 4.5, Weka quartiles 3.5 and 6.5, range 7. */
    private static Table oneToEight() {
        return Table.of(num("x", 1, 2, 3, 4, 5, 6, 7, 8));
    }

    @Test
    void zscoreUsesTheMeanAndTheSampleStandardDeviation() {
        // squared deviations: 12.25 + 6.25 + 2.25 + 0.25 (twice) = 42; / (8 - 1) = 6
        CleaningResult r = Cleaner.fit(oneToEight(), only("scaling", "zscore"));
        double sd = Math.sqrt(6);
        double[] expected = new double[8];
        for (int i = 0; i < 8; i++) {
            expected[i] = (i + 1 - 4.5) / sd;
        }
        assertNumbers(expected, numbers(r.table(), "x"), TIGHT);
        FeatureScaling s = r.model().featureScaling("x").orElseThrow();
        assertEquals(4.5, s.center(), EXACT);
        assertEquals(sd, s.divisor(), TIGHT);
        assertEquals(8, s.unscale(s.scale(8)), TIGHT);
    }

    @Test
    void robustUsesTheMedianAndTheInterquartileRange() {
        // median (4 + 5) / 2 = 4.5; Q1 = (s[2] + s[3]) / 2 = 3.5, Q3 = (s[5] + s[6]) / 2 = 6.5, IQR 3
        CleaningResult r = Cleaner.fit(oneToEight(), only("scaling", "robust"));
        assertNumbers(new double[] {-3.5 / 3, -2.5 / 3, -1.5 / 3, -0.5 / 3, 0.5 / 3, 1.5 / 3, 2.5 / 3, 3.5 / 3},
                numbers(r.table(), "x"), TIGHT);
        // IQR 0 (eight 0s, 10, 20; n = 10, half = 5 odd, quarter = 2: Q1 = s[2] = 0, Q3 = s[7] = 0): the divisor
        // falls back to the sd: mean 3, squared deviations 8 * 9 + 49 + 289 = 410, sd = sqrt(410 / 9);
        // center = median (s[4] + s[5]) / 2 = 0
        CleaningResult zeroIqr = Cleaner.fit(Table.of(num("y", 0, 0, 0, 0, 0, 0, 0, 0, 10, 20)), only("scaling",
                "robust"));
        assertEquals(Math.sqrt(410.0 / 9), zeroIqr.model().featureScaling("y").orElseThrow().divisor(), TIGHT);
        assertEquals(0, zeroIqr.model().featureScaling("y").orElseThrow().center(), EXACT);
    }

    @Test
    void minmaxMapsTheFitRangeToZeroOne() {
        CleaningResult r = Cleaner.fit(oneToEight(), only("scaling", "minmax"));
        assertNumbers(new double[] {0, 1 / 7.0, 2 / 7.0, 3 / 7.0, 4 / 7.0, 5 / 7.0, 6 / 7.0, 1},
                numbers(r.table(), "x"), TIGHT);
        // a later value outside the fit range is not clipped by scaling
        assertNumbers(new double[] {15 / 7.0}, numbers(r.model().apply(Table.of(num("x", 16))).table(), "x"), TIGHT);
    }

    @Test
    void noScalingKeepsTheValues() {
        CleaningResult r = Cleaner.fit(oneToEight(), only("scaling", "none"));
        assertNumbers(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, numbers(r.table(), "x"), EXACT);
        assertEquals(CleanerConfig.Scaling.NONE, r.model().featureScaling("x").orElseThrow().method());
    }

    @Test
    void indicatorColumnsAreNotScaled() {
        CleaningResult r = Cleaner.fit(Table.of(num("x", 1, NA, 3, 100)), only("missing.numeric", "median",
                "missing.indicators", "true", "scaling", "zscore", "outlier.method", "iqr", "outlier.action", "flag"));
        assertNumbers(new double[] {0, 1, 0, 0}, numbers(r.table(), "x_missing"), EXACT);
        assertEquals(List.of("x", "x_missing", "x_outlier"), r.table().columnNames());
    }

    @Test
    void negativeValuesInCountColumnsAreInvalid() {
        // logins: whole numbers, 1 of 101 negative (<= 1%): count-like, the -7 is invalid -> missing -> median.
        // trend: has a fraction, so not count-like: its negative values are data.
        // balance: listed in nonnegative.columns although not whole.
        double[] logins = new double[101];
        double[] trend = new double[101];
        double[] balance = new double[101];
        for (int i = 0; i < 101; i++) {
            logins[i] = i % 10;
            trend[i] = i % 2 == 0 ? -0.5 : 0.5;
            balance[i] = 10.5 + i;
        }
        logins[5] = -7;
        balance[6] = -3.25;
        Table t = Table.of(num("logins", logins), num("trend", trend), num("balance", balance));
        CleaningResult r = Cleaner.fit(t, only("missing.numeric", "median", "nonnegative.detect", "true",
                "nonnegative.columns", "balance"));
        // median of logins without row 5: 100 values, eleven 0s (rows 0, 10, .., 100), ten each of 1..4, nine
        // 5s, ten each of 6..9; sorted, the 50th and 51st values are both 4 (the 4s fill places 42..51) -> 4
        assertEquals(4, numbers(r.table(), "logins")[5]);
        assertEquals(-0.5, numbers(r.table(), "trend")[0]);
        assertEquals(1, r.report().columns().get(0).invalid());
        assertTrue(r.report().columns().get(0).action().contains("1 value below 0 invalid (made missing)"),
                r.report().columns().get(0).action());
        assertEquals(0, r.report().columns().get(1).invalid());
        assertEquals(1, r.report().columns().get(2).invalid());
        // apply next month: the fitted rule holds
        CleaningResult applied = r.model().apply(Table.of(num("logins", 3, -1), num("trend", -2, 1),
                num("balance", -1, 5)));
        assertEquals(4, numbers(applied.table(), "logins")[1]);
        assertEquals(-2, numbers(applied.table(), "trend")[0]);
        assertEquals(1, applied.report().columns().get(0).invalid());
        // 2 of 101 negative (> 1%): not a count column, the negatives stay
        logins[7] = -2;
        CleaningResult two = Cleaner.fit(Table.of(num("logins", logins)), only("nonnegative.detect", "true"));
        assertEquals(-7, numbers(two.table(), "logins")[5]);
        // detection off
        logins[7] = 7;
        CleaningResult off = Cleaner.fit(Table.of(num("logins", logins)), only());
        assertEquals(-7, numbers(off.table(), "logins")[5]);
        // a listed column the table lacks
        InputException e = assertThrows(InputException.class, () -> Cleaner.fit(t, only("nonnegative.columns",
                "nope")));
        assertTrue(e.getMessage().contains("'nonnegative.columns'") && e.getMessage().contains("'nope'"),
                e.getMessage());
    }

    @Test
    void fittingOnATableWithoutRowsIsAnErrorButApplyingToOneIsNot() {
        // Fit values (medians, fences, scaling) from no rows would be invented: fit refuses.
        Table empty = Table.of(num("x"), TextColumn.of("t"), cat("c"));
        InputException e = assertThrows(InputException.class, () -> Cleaner.fit(empty, CleaningFixtures.config()));
        assertEquals("cannot fit the cleaner: the table has no rows (only a header); fit needs data", e.getMessage());
        // A fitted model applied to an empty month gives an empty table with the model's columns.
        CleaningResult fitted = Cleaner.fit(Table.of(num("x", 1, 2, 3), TextColumn.of("t", "a", "b", "a"),
                cat("c", "u", "v", "u")), only("id.detect", "false"));
        CleaningResult applied = fitted.model().apply(Table.of(num("x"), TextColumn.of("t"), cat("c")));
        assertEquals(0, applied.table().rowCount());
        assertEquals(fitted.table().columnNames(), applied.table().columnNames());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Order of the stages

    @Test
    void eachStageFitsOnWhatTheStagesBeforeLeft() {
        // id: A B A C D E; x: 1 2 1 NA 3 1000; exact duplicate row 2 removed first;
        // left: 1 2 NA 3 1000 -> percentile caps (type 7) on 1 2 3 1000 with 0,75: h = 3 * 0.75 = 2.25
        //   -> 3 + 0.25 * 997 = 252.25: 1000 clipped to 252.25;
        // then the median of 1 2 3 252.25 = 2.5 fills the missing value;
        // then minmax over 1 2 2.5 3 252.25: center 1, divisor 251.25
        Table t = Table.of(TextColumn.of("id", "A", "B", "A", "C", "D", "E"), num("x", 1, 2, 1, NA, 3, 1000));
        CleaningResult r = Cleaner.fit(t, only("id.columns", "id", "duplicates", "exact", "outlier.method",
                "percentile", "outlier.percentiles", "0,75", "missing.numeric", "median", "scaling", "minmax"));
        assertNumbers(new double[] {0, 1 / 251.25, 1.5 / 251.25, 2 / 251.25, 1}, numbers(r.table(), "x"), TIGHT);
        ColumnReport x = r.report().column("x");
        assertEquals(1, x.outliers());
        assertEquals(1, x.imputed());
        assertEquals(1, r.report().rowsRemoved("duplicate"));
    }
}
