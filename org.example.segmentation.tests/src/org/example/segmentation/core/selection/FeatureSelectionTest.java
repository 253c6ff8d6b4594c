package org.example.segmentation.core.selection;

import static org.example.segmentation.core.selection.Fixtures.fit;
import static org.example.segmentation.core.selection.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.generator.CustomerColumns;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.model.TableFingerprint;
import org.example.segmentation.core.selection.SelectionReport.Rule;
import org.example.segmentation.core.selection.SelectionReport.Status;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fitted selection: apply, save and load, determinism, and a month-1 fit applied to month 2. */
class FeatureSelectionTest {

    @TempDir
    Path dir;

    private static Table small() {
        return Table.of(TextColumn.of("id", "a", "b", "c", "d"),
                NumericColumn.of("Возраст", new double[] {30, 41, 25, 60}),
                CategoricalColumn.of("Região", "Köln", "Lyon", "Köln", "Porto"),
                NumericColumn.of("copy", new double[] {60, 82, 50, 120}),
                NumericColumn.of("const", new double[] {1, 1, 1, 1}));
    }

    @Test
    void applyKeepsIdentifiersThenFeaturesAndDropsTheRest() {
        FeatureSelection s = fit(small());
        assertEquals(List.of("Возраст", "Região"), s.featureNames());
        assertEquals("copy", row(s, "copy").feature());
        assertEquals(Rule.CORRELATED_WITH, row(s, "copy").rule());

        // another month: columns in another order, an extra column, other levels
        Table next = Table.of(NumericColumn.of("extra", new double[] {1, 2}),
                CategoricalColumn.of("Região", "Zürich", "Köln"),
                NumericColumn.of("Возраст", new double[] {18, 90}),
                TextColumn.of("id", "x", "y"));
        Table out = s.apply(next);
        assertEquals(List.of("id", "Возраст", "Região"), out.columnNames());
        assertEquals(2, out.rowCount());
        assertEquals("Zürich", out.categorical("Região").level(0));
    }

    @Test
    void applyNamesEveryMissingOrRetypedColumn() {
        FeatureSelection s = fit(small());
        Table bad = Table.of(TextColumn.of("Возраст", "30", "41"),
                NumericColumn.of("other", new double[] {1, 2}));
        InputException e = assertThrows(InputException.class, () -> s.apply(bad));
        assertEquals("the table does not fit the feature selection: it lacks columns 'id', 'Região'; column "
                + "'Возраст' is text (fitted as numeric)", e.getMessage());
    }

    @Test
    void saveAndLoadRoundTrip() throws Exception {
        FeatureSelection s = fit(small(), "correlation.method=spearman", "max_features=1");
        Path f = dir.resolve(FeatureSelection.FILE_NAME);
        s.save(f);
        FeatureSelection back = FeatureSelection.load(f);
        assertEquals(s, back);
        assertEquals(s.report().rows(), back.report().rows());
        assertEquals(s.config(), back.config());
        assertEquals(s.provenance(), back.provenance());
        assertEquals("selector", back.provenance().step());
        assertEquals(TableFingerprint.of(small()), back.provenance().input());
        assertArrayEquals(s.toBytes(), back.toBytes(), "saving the loaded selection gives the same bytes");
        String json = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"kind\" : \"feature_selection\""), json);
        assertTrue(json.contains("\"id_columns\""), json);
        assertTrue(json.contains("\"Região\""), "UTF-8 names kept as they are");
        Table before = small();
        assertEquals(s.apply(before).columnNames(), back.apply(before).columnNames());
    }

    @Test
    void newerFormatVersionIsRefused() throws Exception {
        Path f = dir.resolve(FeatureSelection.FILE_NAME);
        fit(small()).save(f);
        Files.writeString(f, Files.readString(f).replace("\"format_version\" : 1", "\"format_version\" : 2"));
        InputException e = assertThrows(InputException.class, () -> FeatureSelection.load(f));
        assertTrue(e.getMessage().contains("format version 2") && e.getMessage().contains("reads versions up to 1"),
                e.getMessage());
    }

    @Test
    void handEditedModelsFailNamingTheField() throws Exception {
        Path f = dir.resolve(FeatureSelection.FILE_NAME);
        fit(small()).save(f);
        String json = Files.readString(f);

        Files.writeString(f, json.replace("\"type\" : \"numeric\"", "\"type\" : \"text\""));
        InputException type = assertThrows(InputException.class, () -> FeatureSelection.load(f));
        assertTrue(type.getMessage().contains("expected numeric or categorical"), type.getMessage());

        Files.writeString(f, json.replace("\"max_features\" : \"0\"", "\"max_features\" : \"-3\""));
        InputException setting = assertThrows(InputException.class, () -> FeatureSelection.load(f));
        assertTrue(setting.getMessage().startsWith("model file " + f + ": setting 'max_features'"),
                setting.getMessage());

        Files.writeString(f, json.replace("\"id_columns\"", "\"id_colums\""));
        InputException field = assertThrows(InputException.class, () -> FeatureSelection.load(f));
        assertTrue(field.getMessage().contains("field 'model.id_columns'"), field.getMessage());

        Files.writeString(f, json.replace("\"kind\" : \"feature_selection\"", "\"kind\" : \"cleaning_model\""));
        InputException kind = assertThrows(InputException.class, () -> FeatureSelection.load(f));
        assertTrue(kind.getMessage().contains("holds a cleaning_model; expected a feature_selection"),
                kind.getMessage());
    }

    @Test
    void fitIsDeterministicAndLeavesTheInputUnchanged() {
        Table t = CustomerGenerator.generate(GeneratorConfig.of(800, 5), Progress.NONE);
        TableFingerprint before = TableFingerprint.of(t);
        FeatureSelection a = fit(t, "max_features=8");
        FeatureSelection b = fit(t, "max_features=8");
        assertEquals(a, b);
        assertEquals(a.report().toTable().columnNames(), b.report().toTable().columnNames());
        assertEquals(TableFingerprint.of(a.report().toTable()), TableFingerprint.of(b.report().toTable()));
        assertEquals(8, a.features().size());
        assertEquals(before, TableFingerprint.of(t), "the input table is unchanged");
    }

    @Test
    void cancellationStopsTheFit() {
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public void checkCancelled() {
                throw new CancelledException();
            }
        };
        assertThrows(CancelledException.class,
                () -> FeatureSelector.fit(small(), SelectorConfig.defaults(), cancelled));
    }

    @Test
    void reportTableHasStableColumns() {
        Table report = fit(small()).report().toTable();
        assertEquals(List.of("feature", "type", "status", "rule", "value", "other_feature", "rank", "score",
                "missing_share", "scaled_variance", "dominant_share"), report.columnNames());
        assertEquals(small().columnCount(), report.rowCount());
        int copy = 3;
        assertEquals("copy", report.text("feature").value(copy));
        assertEquals("dropped", report.categorical("status").level(copy));
        assertEquals("correlated_with", report.categorical("rule").level(copy));
        assertEquals("Возраст", report.text("other_feature").value(copy));
        assertEquals(1.0, report.numeric("value").value(copy), 1e-12);
        assertTrue(report.numeric("rank").isMissing(copy));
        assertEquals("identifier", report.categorical("status").level(0));
        assertEquals("near_zero_variance", report.categorical("rule").level(4));
    }

    @Test
    void fitOnMonthOneApplyOnMonthTwo() throws Exception {
        GeneratorConfig month1 = GeneratorConfig.of(3000, 7);
        Path f1 = dir.resolve("month1.csv");
        Path f2 = dir.resolve("month2.csv");
        CsvWriter.defaults().write(CustomerGenerator.generate(month1, Progress.NONE), f1);
        CsvWriter.defaults().write(CustomerGenerator.generate(month1.withSnapshot(2), Progress.NONE), f2);
        Table t1 = CsvReader.read(f1).table();
        Table t2 = CsvReader.read(f2).table();
        assertEquals(ColumnType.TEXT, t1.column(CustomerColumns.MONTHLY_INCOME).type(), "planted text");

        FeatureSelection s = fit(t1, "id.columns=customer_id", "max_features=10");
        assertEquals(List.of(CustomerColumns.CUSTOMER_ID), s.idColumns());
        assertEquals(Rule.TEXT, row(s, CustomerColumns.MONTHLY_INCOME).rule(), "text is never a candidate");
        assertEquals(Rule.DOMINANT_LEVEL, row(s, CustomerColumns.CURRENCY).rule(), "the constant column");
        assertEquals(1.0, row(s, CustomerColumns.CURRENCY).value());
        assertEquals(Rule.MISSING, row(s, CustomerColumns.SECONDARY_PHONE_TYPE).rule(), "the mostly-missing column");
        assertEquals(0.85, row(s, CustomerColumns.SECONDARY_PHONE_TYPE).value(), 0.01);
        assertEquals(10, s.features().size());
        assertEquals(10, s.report().rows(Status.KEPT).size());

        Path model = dir.resolve(FeatureSelection.FILE_NAME);
        s.save(model);
        Table out = FeatureSelection.load(model).apply(t2);
        assertEquals(t2.rowCount(), out.rowCount());
        assertEquals(CustomerColumns.CUSTOMER_ID, out.columnNames().get(0));
        assertEquals(s.featureNames(), out.columnNames().subList(1, out.columnCount()));
        assertFalse(out.hasColumn(CustomerColumns.CURRENCY));
        assertEquals(t2.text(CustomerColumns.CUSTOMER_ID).value(17), out.text(CustomerColumns.CUSTOMER_ID).value(17));
    }
}
