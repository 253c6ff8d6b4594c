package org.example.segmentation.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

class ModelFileTest {

    /** A stand-in model body. */
    record Centroids(List<String> featureNames, double[][] centroids, Double threshold) {
    }

    @TempDir
    Path dir;

    private static Table table() {
        return Table.of(TextColumn.of("id", "a", "b"), NumericColumn.of("x", new double[] {1, Double.NaN}),
                CategoricalColumn.of("Região", "Köln", null));
    }

    private static Provenance provenance() {
        return Provenance.of("segmenter", Settings.of(Map.of("k", "3")), table(), 42L);
    }

    @Test
    void roundTripKeepsBodyAndProvenance() {
        Path f = dir.resolve("model.json");
        Centroids body = new Centroids(List.of("x", "Região"), new double[][] {{0.1, 1e-300}, {-2.5, Double.NaN}}, null);
        ModelFile.save(f, "segmentation_model", 1, provenance(), body);
        ModelFile.Loaded loaded = ModelFile.load(f, "segmentation_model", 1);
        Centroids back = loaded.bodyAs(Centroids.class);
        assertEquals(body.featureNames(), back.featureNames());
        assertArrayEquals(body.centroids()[0], back.centroids()[0]);
        assertEquals(-2.5, back.centroids()[1][0]);
        assertTrue(Double.isNaN(back.centroids()[1][1]));
        assertEquals(provenance().input(), loaded.provenance().input());
        assertEquals(Map.of("k", "3"), loaded.provenance().settings());
        assertEquals(42L, loaded.provenance().seed());
        assertEquals(Engine.VERSION, loaded.engineVersion());
        assertTrue(new String(ModelFile.toBytes("x", 1, provenance(), body), StandardCharsets.UTF_8)
                .contains("\"feature_names\""), "snake_case field names");
    }

    @Test
    void anotherKindIsRefusedByName() {
        Path f = dir.resolve("baseline.json");
        ModelFile.save(f, "drift_baseline", 1, provenance(), Map.of("a", 1));
        InputException e = assertThrows(InputException.class, () -> ModelFile.load(f, "segmentation_model", 1));
        assertEquals("model file " + f + " holds a drift_baseline; expected a segmentation_model", e.getMessage());
    }

    @Test
    void newerFormatVersionIsRefused() {
        Path f = dir.resolve("m.json");
        ModelFile.save(f, "cleaning_model", 3, provenance(), Map.of("a", 1));
        InputException e = assertThrows(InputException.class, () -> ModelFile.load(f, "cleaning_model", 1));
        assertTrue(e.getMessage().contains("format version 3") && e.getMessage().contains("up to 1"), e.getMessage());
    }

    @Test
    void truncatedFileNamesLineAndColumn() throws Exception {
        Path f = dir.resolve("m.json");
        ModelFile.save(f, "cleaning_model", 1, provenance(), Map.of("a", 1));
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        InputException e = assertThrows(InputException.class, () -> ModelFile.load(f, "cleaning_model", 1));
        assertTrue(e.getMessage().startsWith("model file " + f + " is not valid JSON: line "), e.getMessage());
    }

    @Test
    void handEditedFieldsNameTheField() throws Exception {
        Path f = dir.resolve("m.json");
        ModelFile.save(f, "segmentation_model", 1, provenance(),
                new Centroids(List.of("x"), new double[][] {{1}}, 0.5));
        String json = Files.readString(f);

        Files.writeString(f, json.replace("\"threshold\" : 0.5", "\"threshold\" : 0.5, \"treshold\" : 1"));
        InputException unknown = assertThrows(InputException.class,
                () -> ModelFile.load(f, "segmentation_model", 1).bodyAs(Centroids.class));
        assertTrue(unknown.getMessage().contains("treshold"), unknown.getMessage());

        Files.writeString(f, json.replace("\"threshold\" : 0.5", "\"threshold\" : \"high\""));
        InputException wrongType = assertThrows(InputException.class,
                () -> ModelFile.load(f, "segmentation_model", 1).bodyAs(Centroids.class));
        assertTrue(wrongType.getMessage().contains("field 'model.threshold'"), wrongType.getMessage());
    }

    @Test
    void missingFieldIsAnError() throws Exception {
        Path f = dir.resolve("m.json");
        ModelFile.save(f, "segmentation_model", 1, provenance(), Map.of("feature_names", List.of("x")));
        InputException e = assertThrows(InputException.class,
                () -> ModelFile.load(f, "segmentation_model", 1).bodyAs(Centroids.class));
        assertTrue(e.getMessage().contains("centroids"), e.getMessage());
    }

    @Test
    void notAModelFileAndDeepNestingAreRefused() throws Exception {
        Path f = dir.resolve("m.json");
        Files.writeString(f, "[1, 2, 3]");
        assertTrue(assertThrows(InputException.class, () -> ModelFile.load(f, "cleaning_model", 1)).getMessage()
                .contains("not a model file"));
        Files.writeString(f, "[".repeat(1000) + "]".repeat(1000));
        assertThrows(InputException.class, () -> ModelFile.load(f, "cleaning_model", 1));
        assertTrue(assertThrows(InputException.class,
                () -> ModelFile.load(dir.resolve("none.json"), "cleaning_model", 1)).getMessage()
                .contains("does not exist"));
        assertTrue(assertThrows(InputException.class, () -> ModelFile.load(dir, "cleaning_model", 1)).getMessage()
                .contains("directory"));
    }

    @Test
    void failedSaveKeepsTheOldFile() throws Exception {
        Path f = dir.resolve("m.json");
        Files.writeString(f, "old");
        assertThrows(IllegalArgumentException.class,
                () -> ModelFile.save(f, "x", 1, provenance(), new Object() {
                    @SuppressWarnings("unused")
                    public String getBoom() {
                        throw new IllegalArgumentException("boom");
                    }
                }));
        assertEquals("old", Files.readString(f));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left");
        }
    }

    @Test
    void fingerprintSeesEveryValue() {
        TableFingerprint a = TableFingerprint.of(table());
        assertEquals(a, TableFingerprint.of(table()));
        assertEquals(2, a.rows());
        assertEquals(List.of("text", "numeric", "categorical"), a.types());
        Table changed = table().replace(NumericColumn.of("x", new double[] {1, 2}));
        assertNotEquals(a.hash(), TableFingerprint.of(changed).hash());
        Table renamed = Table.of(TextColumn.of("id", "a", "b"), NumericColumn.of("y", new double[] {1, Double.NaN}),
                CategoricalColumn.of("Região", "Köln", null));
        assertNotEquals(a.hash(), TableFingerprint.of(renamed).hash());
    }

    @Test
    void engineVersionMatchesTheBundle() {
        Bundle bundle = FrameworkUtil.getBundle(Engine.class);
        org.junit.jupiter.api.Assumptions.assumeTrue(bundle != null, "runs inside OSGi");
        org.osgi.framework.Version v = bundle.getVersion();
        assertEquals(Engine.VERSION, v.getMajor() + "." + v.getMinor() + "." + v.getMicro());
    }

    /**
     * A model file larger than {@link ModelFile#MAX_BYTES} is refused before it is read (a sparse file: nothing is
     * written to disk), for every kind, the scoring model included; bytes handed over directly (a KNIME port's
     * contents, {@code ScoringModel.parse}) go through the same limit.
     */
    @Test
    void aModelFileAboveTheSizeLimitIsRefusedBeforeReading() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(ModelFile.MAX_BYTES + 1);
        }
        String expected = "model file " + huge + " is " + (ModelFile.MAX_BYTES + 1) + " bytes; a model file may have "
                + "at most " + ModelFile.MAX_BYTES;
        List<java.util.function.Function<Path, Object>> loaders = List.of(
                org.example.segmentation.core.cleaning.CleaningModel::load,
                org.example.segmentation.core.selection.FeatureSelection::load,
                org.example.segmentation.core.segmentation.SegmentationModel::load,
                org.example.segmentation.core.scoring.ScoringModel::load,
                org.example.segmentation.core.drift.DriftBaseline::load);
        for (var load : loaders) {
            InputException e = assertThrows(InputException.class, () -> load.apply(huge));
            assertEquals(expected, e.getMessage());
        }
        InputException bytes = assertThrows(InputException.class,
                () -> ModelFile.checkSize(1001, Path.of("(port bytes)"), 1000));
        assertEquals("model file (port bytes) is 1001 bytes; a model file may have at most 1000", bytes.getMessage());
        ModelFile.checkSize(1000, Path.of("(port bytes)"), 1000);
    }
}
