package org.example.segmentation.core.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.example.segmentation.core.weka.WekaBridge.TextColumns;
import org.junit.jupiter.api.Test;

import weka.core.Attribute;
import weka.core.Instances;
import weka.core.Utils;

class WekaBridgeTest {

    private static Table customers() {
        return Table.of(
                TextColumn.of("customer_id", "C1", "C2", "C3"),
                NumericColumn.of("Ingreso mensual", new double[] { 1000, Double.NaN, Double.POSITIVE_INFINITY }),
                CategoricalColumn.of("Região", "São Paulo", null, "Köln"),
                NumericColumn.of("Возраст", new double[] { 31, 45, 27 }));
    }

    @Test
    void numericAndCategoricalColumnsMapValueByValue() {
        Instances data = WekaBridge.toInstances(customers().drop("customer_id"));

        assertEquals(WekaBridge.RELATION, data.relationName());
        assertEquals(3, data.numAttributes());
        assertEquals(3, data.numInstances());
        assertEquals(-1, data.classIndex(), "no class attribute unless asked for");

        Attribute income = data.attribute(0);
        assertEquals("Ingreso mensual", income.name());
        assertTrue(income.isNumeric());
        assertEquals(1000.0, data.instance(0).value(0));
        assertTrue(data.instance(1).isMissing(0), "missing numeric -> Weka missing");
        assertTrue(Utils.isMissingValue(data.instance(1).value(0)));
        assertEquals(Double.POSITIVE_INFINITY, data.instance(2).value(0), "values are copied as is");

        Attribute region = data.attribute("Região");
        assertTrue(region.isNominal());
        // dictionary order (sorted by the column builder), UTF-8 kept
        assertEquals(2, region.numValues());
        assertEquals("Köln", region.value(0));
        assertEquals("São Paulo", region.value(1));
        assertEquals("São Paulo", data.instance(0).stringValue(region));
        assertTrue(data.instance(1).isMissing(region), "code -1 -> Weka missing");
        assertEquals("Köln", data.instance(2).stringValue(region));

        assertEquals("Возраст", data.attribute(2).name());
        assertArrayEquals(new double[] { 31, 45, 27 }, data.attributeToDoubleArray(2));
        for (int i = 0; i < data.numInstances(); i++) {
            assertEquals(1.0, data.instance(i).weight());
        }
    }

    @Test
    void unusedLevelsStayInTheDictionaryOrder() {
        CategoricalColumn channel = CategoricalColumn.of("canal", new int[] { 2, 0, -1, 2 },
                List.of("web", "agência", "app"));
        Instances data = WekaBridge.toInstances(Table.of(channel));

        Attribute a = data.attribute(0);
        assertEquals(List.of("web", "agência", "app"), List.of(a.value(0), a.value(1), a.value(2)));
        assertEquals(2.0, data.instance(0).value(0), "the Weka value is the code");
        assertEquals(0.0, data.instance(1).value(0));
        assertTrue(data.instance(2).isMissing(0));
        assertEquals("app", data.instance(3).stringValue(0));
    }

    @Test
    void textColumnIsRejectedWithItsName() {
        InputException e = assertThrows(InputException.class, () -> WekaBridge.toInstances(customers()));
        assertTrue(e.getMessage().contains("'customer_id'"), e.getMessage());
        assertTrue(e.getMessage().contains("text"), e.getMessage());

        Table twoText = customers().append(TextColumn.of("observação", "a", "b", null));
        InputException both = assertThrows(InputException.class, () -> WekaBridge.toInstances(twoText, null));
        assertTrue(both.getMessage().contains("'customer_id'") && both.getMessage().contains("'observação'"),
                both.getMessage());
    }

    @Test
    void textColumnsAreSkippedOnlyWhenAsked() {
        Instances data = WekaBridge.toInstances(customers(), null, TextColumns.SKIP);
        assertEquals(3, data.numAttributes());
        assertEquals("Ingreso mensual", data.attribute(0).name());
        assertEquals("Região", data.attribute(1).name());
        assertEquals("Возраст", data.attribute(2).name());
    }

    @Test
    void classAttributeIsChosenByName() {
        Instances data = WekaBridge.toInstances(customers(), "Região", TextColumns.SKIP);
        assertEquals(1, data.classIndex());
        assertTrue(data.classAttribute().isNominal());

        Instances numericClass = WekaBridge.toInstances(customers().drop("customer_id"), "Возраст");
        assertEquals(2, numericClass.classIndex());

        InputException absent = assertThrows(InputException.class,
                () -> WekaBridge.toInstances(customers(), "Regiao", TextColumns.SKIP));
        assertTrue(absent.getMessage().contains("'Regiao'"), absent.getMessage());
        InputException text = assertThrows(InputException.class,
                () -> WekaBridge.toInstances(customers(), "customer_id", TextColumns.SKIP));
        assertTrue(text.getMessage().contains("'customer_id'"), text.getMessage());
    }

    @Test
    void emptyTableGivesEmptyInstances() {
        Instances data = WekaBridge.toInstances(Table.of(NumericColumn.of("x", new double[0])));
        assertEquals(1, data.numAttributes());
        assertEquals(0, data.numInstances());
    }

    @Test
    void wekaHomeIsNeverTheUsersHome() {
        Path home = WekaRuntime.wekaHome();
        assertNotEquals(Path.of(System.getProperty("user.home"), "wekafiles").toAbsolutePath(), home.toAbsolutePath());
        String configured = System.getProperty("WEKA_HOME"); // tycho-surefire sets it to target/weka-home
        if (configured != null) {
            assertEquals(Path.of(configured).toAbsolutePath(), home.toAbsolutePath());
        }
        assertTrue(Files.isDirectory(home), "Weka creates its home at class initialisation: " + home);
        assertTrue(WekaRuntime.defaultWekaHome().startsWith(Path.of(System.getProperty("java.io.tmpdir"))));
    }
}
