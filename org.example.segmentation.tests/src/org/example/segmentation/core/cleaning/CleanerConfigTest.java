package org.example.segmentation.core.cleaning;

import static org.example.segmentation.core.cleaning.CleaningFixtures.config;
import static org.example.segmentation.core.cleaning.CleaningFixtures.num;
import static org.example.segmentation.core.cleaning.CleaningFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.cleaning.CleanerConfig.Duplicates;
import org.example.segmentation.core.cleaning.CleanerConfig.Keep;
import org.example.segmentation.core.cleaning.CleanerConfig.MissingStrategy;
import org.example.segmentation.core.cleaning.CleanerConfig.OutlierAction;
import org.example.segmentation.core.cleaning.CleanerConfig.OutlierMethod;
import org.example.segmentation.core.cleaning.CleanerConfig.Scaling;
import org.example.segmentation.core.cleaning.CleanerConfig.Unseen;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;

/** Settings of the cleaner: defaults, exact round trip, and one failure per kind of bad setting. */
class CleanerConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        CleanerConfig d = CleanerConfig.fromSettings(Settings.empty());
        assertEquals(CleanerConfig.defaults(), d);
        assertEquals(MissingStrategy.MEDIAN, d.missingNumeric());
        assertEquals(MissingStrategy.UNKNOWN, d.missingCategorical());
        assertFalse(d.missingIndicators());
        assertEquals(0.5, d.missingMaxShare());
        assertEquals(0.9, d.invalidNumericMinShare());
        assertEquals(OutlierMethod.PERCENTILE, d.outlierMethod());
        assertEquals(1.5, d.outlierIqrFactor());
        assertEquals(3.0, d.outlierZ());
        assertEquals(1.0, d.outlierLowerPercentile());
        assertEquals(99.0, d.outlierUpperPercentile());
        assertEquals(OutlierAction.CLIP, d.outlierAction());
        assertEquals(Duplicates.EXACT, d.duplicates());
        assertEquals(Keep.FIRST, d.duplicatesKeep());
        assertTrue(d.dropConstant());
        assertTrue(d.idDetect());
        assertEquals(0.01, d.rareMinShare());
        assertEquals(20, d.rareMaxLevels());
        assertEquals(Unseen.OTHER, d.unseen());
        assertEquals(Scaling.ZSCORE, d.scaling());
        // Every spec's default is what fromSettings uses.
        for (SettingSpec spec : CleanerConfig.SPECS) {
            if (!spec.key().startsWith(CleanerConfig.KEY_MISSING_COLUMN_PREFIX)) {
                assertEquals(CleanerConfig.fromSettings(settings(spec.key(), spec.defaultValue())), d, spec.key());
            }
        }
    }

    @Test
    void toSettingsHoldsEveryKeyAndRoundTripsExactly() {
        CleanerConfig d = CleanerConfig.defaults();
        Set<String> keys = new HashSet<>(d.toSettings().asMap().keySet());
        for (SettingSpec spec : CleanerConfig.SPECS) {
            if (!spec.key().startsWith(CleanerConfig.KEY_MISSING_COLUMN_PREFIX)) {
                assertTrue(keys.remove(spec.key()), spec.key());
            }
        }
        assertEquals(Set.of(), keys, "no key without a spec");
        assertEquals(d, CleanerConfig.fromSettings(d.toSettings()));

        CleanerConfig odd = config("missing.numeric", "mean", "missing.categorical", "most_frequent",
                "missing.column.Ingreso mensual", "drop_row", "missing.column.a.b", "constant", "missing.constant",
                "-0.125", "missing.indicators", "yes", "missing.max_share", "0.3333333333333333",
                "invalid.numeric_min_share", "0.95", "outlier.method", "iqr", "outlier.iqr_factor", "2.5",
                "outlier.z", "3.5", "outlier.percentiles", "0.5, 99.5", "outlier.action", "FLAG", "duplicates", "key",
                "duplicates.key", "[\"Região\",\"id, with comma\"]", "duplicates.keep", "last", "drop.constant",
                "false", "id.columns", "customer_id", "id.detect", "0", "rare.min_share", "0.05", "rare.max_levels",
                "7",
                "unseen", "missing", "scaling", "robust", "pseudonymise.columns", "customer_id", "pseudonymise.salt",
                " s3cret ");
        assertEquals(Map.of("Ingreso mensual", MissingStrategy.DROP_ROW, "a.b", MissingStrategy.CONSTANT),
                odd.missingColumns());
        assertEquals(List.of("Região", "id, with comma"), odd.duplicatesKey());
        assertEquals(0.5, odd.outlierLowerPercentile());
        assertEquals(" s3cret ", odd.pseudonymiseSalt(), "the salt is kept exactly");
        Settings s = odd.toSettings();
        assertEquals(odd, CleanerConfig.fromSettings(s));
        assertEquals(s, CleanerConfig.fromSettings(s).toSettings(), "settings -> config -> settings is stable");
        assertEquals("drop_row", s.asMap().get("missing.column.Ingreso mensual"));
        assertEquals("0.5,99.5", s.asMap().get("outlier.percentiles"));
    }

    @Test
    void toStringHidesTheSalt() {
        CleanerConfig c = config("pseudonymise.columns", "id", "pseudonymise.salt", "s3cret");
        assertFalse(c.toString().contains("s3cret"), c.toString());
        assertEquals("s3cret", c.toSettings().asMap().get("pseudonymise.salt"));
    }

    // One failure per kind of bad setting: the message names the key and what is allowed.

    private static void assertBad(String expectedFragment, String... keyValues) {
        InputException e = assertThrows(InputException.class, () -> config(keyValues));
        assertTrue(e.getMessage().contains(expectedFragment), e.getMessage());
    }

    @Test
    void unknownKeyNamesTheClosestOne() {
        assertBad("unknown cleaner setting 'outlier.methd'; did you mean 'outlier.method'?", "outlier.methd", "iqr");
    }

    @Test
    void badMissingNumeric() {
        assertBad("setting 'missing.numeric' must be one of drop_row, mean, median, most_frequent, constant, none, got "
                + "'unknown'", "missing.numeric", "unknown");
    }

    @Test
    void badMissingCategorical() {
        assertBad("setting 'missing.categorical' must be one of drop_row, most_frequent, constant, unknown, none, got "
                + "'mean'", "missing.categorical", "mean");
    }

    @Test
    void badMissingColumnStrategy() {
        assertBad("setting 'missing.column.age' must be one of drop_row, mean, median, most_frequent, constant, none, "
                + "unknown, got 'average'", "missing.column.age", "average");
    }

    @Test
    void missingColumnWithoutName() {
        assertBad("setting 'missing.column.' must name a column", "missing.column.", "median");
    }

    @Test
    void numericConstantMustBeANumber() {
        assertBad("setting 'missing.constant' must be a finite number when 'missing.numeric' is constant",
                "missing.numeric", "constant", "missing.constant", "n/a");
    }

    @Test
    void categoricalConstantMustBeALevel() {
        assertBad("setting 'missing.constant' must be a non-blank level when 'missing.categorical' is constant",
                "missing.categorical", "constant", "missing.constant", " ");
    }

    @Test
    void badMissingIndicators() {
        assertBad("setting 'missing.indicators' must be true or false, got 'sometimes'", "missing.indicators",
                "sometimes");
    }

    @Test
    void badMaxShare() {
        assertBad("setting 'missing.max_share' must be a number from 0 to 1, got '1.5'", "missing.max_share", "1.5");
    }

    @Test
    void badNumericMinShare() {
        assertBad("setting 'invalid.numeric_min_share' must be a number from 0.5 to 1, got '0.2'",
                "invalid.numeric_min_share", "0.2");
    }

    @Test
    void badOutlierMethod() {
        assertBad("setting 'outlier.method' must be one of iqr, zscore, percentile, none, got 'mad'", "outlier.method",
                "mad");
    }

    @Test
    void badIqrFactor() {
        assertBad("setting 'outlier.iqr_factor' must be a number from 0.1 to 100, got '0'", "outlier.iqr_factor", "0");
    }

    @Test
    void badZ() {
        assertBad("setting 'outlier.z' must be a number from 0.5 to 100, got 'three'", "outlier.z", "three");
    }

    @Test
    void badPercentiles() {
        assertBad("setting 'outlier.percentiles' must be two percentiles lower,upper with 0 <= lower < upper <= 100, "
                + "got '99,1'", "outlier.percentiles", "99,1");
        assertBad("setting 'outlier.percentiles' must be two percentiles", "outlier.percentiles", "5");
        assertBad("setting 'outlier.percentiles' must be two percentiles", "outlier.percentiles", "1,x");
    }

    @Test
    void badOutlierAction() {
        assertBad("setting 'outlier.action' must be one of clip, missing, drop_row, flag, got 'delete'",
                "outlier.action", "delete");
    }

    @Test
    void badDuplicates() {
        assertBad("setting 'duplicates' must be one of none, exact, key, got 'fuzzy'", "duplicates", "fuzzy");
    }

    @Test
    void duplicatesKeyNeedsColumns() {
        assertBad("setting 'duplicates.key' must name at least one column when 'duplicates' is key", "duplicates",
                "key");
    }

    @Test
    void badDuplicatesKeep() {
        assertBad("setting 'duplicates.keep' must be one of first, last, got 'middle'", "duplicates.keep", "middle");
    }

    @Test
    void badDropConstant() {
        assertBad("setting 'drop.constant' must be true or false, got 'maybe'", "drop.constant", "maybe");
    }

    @Test
    void idColumnsTwice() {
        assertBad("setting 'id.columns' names column 'id' twice", "id.columns", "id, id");
    }

    @Test
    void badIdDetect() {
        assertBad("setting 'id.detect' must be true or false, got 'auto'", "id.detect", "auto");
    }

    @Test
    void badRareMinShare() {
        assertBad("setting 'rare.min_share' must be a number from 0 to 0.5, got '0.6'", "rare.min_share", "0.6");
    }

    @Test
    void badRareMaxLevels() {
        assertBad("setting 'rare.max_levels' must be an integer from 2 to 100000, got '1'", "rare.max_levels", "1");
    }

    @Test
    void badUnseen() {
        assertBad("setting 'unseen' must be one of other, missing, got 'drop'", "unseen", "drop");
    }

    @Test
    void badScaling() {
        assertBad("setting 'scaling' must be one of zscore, robust, minmax, none, got 'log'", "scaling", "log");
    }

    @Test
    void pseudonymisingNeedsASalt() {
        assertBad("setting 'pseudonymise.salt' must be set (any non-empty text) when 'pseudonymise.columns' names "
                + "columns", "pseudonymise.columns", "customer_id");
    }

    // Settings that name columns are checked against the table at fit.

    @Test
    void aSettingNamingAnAbsentColumnFailsAtFit() {
        Table t = Table.of(TextColumn.of("id", "a", "b"), num("x", 1, 2));
        InputException e = assertThrows(InputException.class, () -> Cleaner.fit(t, config("id.columns", "ID")));
        assertEquals("setting 'id.columns' names column 'ID' that the table does not have; the table has 'id', 'x'",
                e.getMessage());
        e = assertThrows(InputException.class, () -> Cleaner.fit(t, config("missing.column.y", "mean")));
        assertTrue(e.getMessage().startsWith("setting 'missing.column.y' names column 'y'"), e.getMessage());
        e = assertThrows(InputException.class, () -> Cleaner.fit(t, config("duplicates", "key", "duplicates.key",
                "x, z")));
        assertTrue(e.getMessage().startsWith("setting 'duplicates.key' names column 'z'"), e.getMessage());
    }

    @Test
    void aPerColumnStrategyMustFitTheColumnType() {
        Table t = Table.of(num("x", 1, 2, 3), CleaningFixtures.cat("c", "a", "b", "a"));
        InputException e = assertThrows(InputException.class, () -> Cleaner.fit(t, config("missing.column.x",
                "unknown")));
        assertEquals("setting 'missing.column.x' must be one of drop_row, mean, median, most_frequent, constant, none "
                + "for numeric column 'x', got 'unknown'", e.getMessage());
        e = assertThrows(InputException.class, () -> Cleaner.fit(t, config("missing.column.c", "median")));
        assertTrue(e.getMessage().contains("for categorical column 'c', got 'median'"), e.getMessage());
        e = assertThrows(InputException.class, () -> Cleaner.fit(t, config("missing.column.x", "constant",
                "missing.constant", "zero")));
        assertTrue(e.getMessage().startsWith("setting 'missing.constant' must be a finite number when "
                + "'missing.column.x' is constant"), e.getMessage());
    }

    @Test
    void aPerColumnStrategyForAnIdentifierFails() {
        Table t = Table.of(TextColumn.of("id", "a", "b"), num("x", 1, 2));
        InputException e = assertThrows(InputException.class, () -> Cleaner.fit(t, config("id.columns", "id",
                "missing.column.id", "most_frequent")));
        assertTrue(e.getMessage().startsWith("setting 'missing.column.id': column 'id' is an identifier"),
                e.getMessage());
    }
}
