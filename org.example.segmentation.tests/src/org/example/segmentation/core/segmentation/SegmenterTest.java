package org.example.segmentation.core.segmentation;

import static org.example.segmentation.core.segmentation.SegmentationFixtures.assertSameTable;
import static org.example.segmentation.core.segmentation.SegmentationFixtures.blobLabels;
import static org.example.segmentation.core.segmentation.SegmentationFixtures.blobs;
import static org.example.segmentation.core.segmentation.SegmentationFixtures.fit;
import static org.example.segmentation.core.segmentation.SegmentationFixtures.rows;
import static org.example.segmentation.core.segmentation.SegmentationFixtures.segments;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cluster.AdjustedRandIndex;
import org.example.segmentation.core.model.ModelFile;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class SegmenterTest {

    /** Five well-separated blobs of different sizes, in size order (the first is the largest). */
    private static final int[] SIZES = {400, 300, 250, 200, 150};
    private static final Table BLOBS = blobs(SIZES, 4, 12, 11);

    @TempDir
    Path dir;

    // ---- automatic k, ids, outputs ----

    @Test
    void automaticKFindsThePlantedBlobs() {
        SegmentationResult r = fit(BLOBS);
        SegmentationModel m = r.model();
        assertEquals(5, m.k(), m.kSelection().reason());
        assertEquals("all_criteria", m.kSelection().basis());
        assertTrue(m.kSelection().automatic());
        assertEquals(1.0, AdjustedRandIndex.of(blobLabels(SIZES), segments(r.segmented())), 1e-12);
        // ids by size: S1 is the largest blob, ..., S5 the smallest
        assertEquals(List.of("S1", "S2", "S3", "S4", "S5"), m.segmentIds());
        assertEquals(List.of("S1", "S2", "S3", "S4", "S5"), m.segmentNames(), "names default to the ids");
        int[] seg = segments(r.segmented());
        int start = 0;
        for (int b = 0; b < SIZES.length; b++) {
            assertEquals(b, seg[start], "blob " + b);
            assertEquals(SIZES[b], m.segments().get(b).size());
            assertEquals(SIZES[b] / 1300.0, m.segments().get(b).share(), 1e-12);
            start += SIZES[b];
        }
        assertEquals(5, m.lastSegmentNumber());
        assertTrue(m.carryOver().isEmpty());
        assertTrue(m.quality().silhouette() > 0.5, "silhouette " + m.quality().silhouette()); // measured 0.525
        assertTrue(m.quality().stability() > 0.99, "stability " + m.quality().stability());
        assertEquals(List.of("id"), m.idColumns(), "the text column is the identifier");
        assertEquals(List.of("x0", "x1", "x2", "x3", "tier"), m.featureNames());
        assertEquals(4 + 5, m.featureSpace().dimensions());
    }

    @Test
    void theKSelectionTableHasARowPerK() {
        SegmentationResult r = fit(BLOBS, "k.min=3", "k.max=7");
        Table t = r.kSelection();
        assertEquals(List.of("k", "inertia", "silhouette", "silhouette_simplified", "calinski_harabasz",
                "davies_bouldin", "stability", "min_segment_share", "chosen", "reason"), t.columnNames());
        assertEquals(5, t.rowCount());
        for (int i = 0; i < 5; i++) {
            assertEquals(3 + i, (int) t.numeric("k").value(i));
            boolean chosen = t.numeric("k").value(i) == 5;
            assertEquals(Boolean.toString(chosen), t.categorical("chosen").level(i));
            String reason = t.text("reason").value(i);
            assertTrue(chosen ? reason.startsWith("k=5: highest silhouette") : reason.startsWith("not chosen: "),
                    reason);
        }
        assertSameTable(t, r.model().kSelectionTable());
    }

    @Test
    void aFixedKSkipsTheSearchButKeepsTheScores() {
        SegmentationResult r = fit(BLOBS, "k=3");
        assertEquals(3, r.model().k());
        assertFalse(r.model().kSelection().automatic());
        assertEquals("k=3 set by the setting 'k' (not searched)", r.model().kSelection().reason());
        Table t = r.kSelection();
        assertEquals(1, t.rowCount());
        assertEquals(3, t.numeric("k").value(0));
        assertEquals("true", t.categorical("chosen").level(0));
        assertFalse(t.numeric("silhouette").isMissing(0));
    }

    @Test
    void assignOutputsIdsFirstThenTheSegmentColumns() {
        SegmentationResult r = fit(BLOBS, "k=5");
        SegmentationModel m = r.model();
        Table out = r.segmented();
        assertEquals(List.of("id", "segment", "segment_distance", "segment_second", "segment_confidence",
                "out_of_range"), out.columnNames());
        assertEquals(BLOBS.column("id"), out.column("id"), "identifiers are copied as they are");
        assertEquals(m.segmentNames(), out.categorical("segment").levels());
        assertEquals(m.segmentNames(), out.categorical("segment_second").levels());
        double[][] centroids = m.centroids();
        Table oneRow = rows(BLOBS, 17, 18);
        double[] x = m.featureSpace().matrix(oneRow).row(0);
        double[] sq = new double[5];
        for (int c = 0; c < 5; c++) {
            for (int j = 0; j < x.length; j++) {
                sq[c] += (x[j] - centroids[c][j]) * (x[j] - centroids[c][j]);
            }
        }
        int first = out.categorical("segment").code(17);
        int second = out.categorical("segment_second").code(17);
        assertNotEquals(first, second);
        for (int c = 0; c < 5; c++) {
            assertTrue(sq[first] <= sq[c]);
            if (c != first) {
                assertTrue(sq[second] <= sq[c]);
            }
        }
        assertEquals(Math.sqrt(sq[first]), out.numeric("segment_distance").value(17), 1e-12);
        assertEquals((sq[second] - sq[first]) / (sq[second] + sq[first]), out.numeric("segment_confidence").value(17),
                1e-12);
        for (int i = 0; i < out.rowCount(); i++) {
            double c = out.numeric("segment_confidence").value(i);
            assertTrue(c >= 0 && c <= 1, "confidence " + c);
        }
        // out_of_range: above the segment's 99th percentile of fit distances, about 1% of the fit rows
        int flagged = 0;
        for (int i = 0; i < out.rowCount(); i++) {
            Segment s = m.segments().get(out.categorical("segment").code(i));
            boolean above = out.numeric("segment_distance").value(i) > s.distance().p99();
            assertEquals(above ? 1.0 : 0.0, out.numeric("out_of_range").value(i));
            flagged += above ? 1 : 0;
        }
        assertTrue(flagged >= 5 && flagged <= 15, flagged + " of 1300 rows out of range");
        DistancePercentiles p = m.distancePercentiles();
        assertTrue(p.p50() < p.p90() && p.p90() < p.p95() && p.p95() < p.p99());
    }

    @Test
    void confidenceFormula() {
        assertEquals(1.0, SegmentationModel.confidence(0, 4), 0);
        assertEquals(0.0, SegmentationModel.confidence(4, 4), 0);
        assertEquals((9 - 1) / 10.0, SegmentationModel.confidence(1, 9), 0);
        assertEquals(0.0, SegmentationModel.confidence(0, 0), 0);
        assertEquals(1.0, SegmentationModel.confidence(2, Double.POSITIVE_INFINITY), 0);
    }

    @Test
    void centroidsInOriginalUnits() {
        SegmentationResult r = fit(BLOBS, "k=5");
        // every blob's mean in the table's units is its segment's original-unit centroid
        Segment largest = r.model().segments().get(0);
        double mean = 0;
        for (int i = 0; i < SIZES[0]; i++) {
            mean += BLOBS.numeric("x2").value(i);
        }
        mean /= SIZES[0];
        assertEquals(mean, largest.centroidOriginal().get(2), 1e-9);
        // tier's level shares in the largest blob: about 90% t0
        CategoricalFeature tier = r.model().featureSpace().categoricalFeatures().get(0);
        double t0 = largest.levelShares().get(0).get(tier.indexOf("t0"));
        assertTrue(t0 > 0.85 && t0 < 0.97, "share of t0 " + t0);
        double sum = largest.levelShares().get(0).stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, sum, 1e-12);
    }

    // ---- determinism, files, chunks ----

    @Test
    void identicalForAnyThreadCount() throws Exception {
        SegmentationResult one = fit(BLOBS, "threads=1");
        SegmentationResult two = fit(BLOBS, "threads=2");
        assertArrayEquals(segments(one.segmented()), segments(two.segmented()));
        assertSameTable(one.segmented(), two.segmented());
        assertSameTable(one.kSelection(), two.kSelection());
        assertEquals(bodyWithoutTimeAndThreads(one.model()), bodyWithoutTimeAndThreads(two.model()));
    }

    /** The model file as JSON without the creation time and the thread setting (which say how, not what). */
    static JsonNode bodyWithoutTimeAndThreads(SegmentationModel m) throws Exception {
        JsonNode root = ModelFile.mapper().readTree(m.toBytes());
        ((ObjectNode) root.get("provenance")).remove("created_at");
        ((ObjectNode) root.get("provenance").get("settings")).remove("threads");
        ((ObjectNode) root.get("model").get("settings")).remove("threads");
        return root;
    }

    @Test
    void saveAndLoadGiveTheSameModelAndAssignments() throws Exception {
        SegmentationResult r = fit(BLOBS, "name.S2=Second biggest");
        Path file = dir.resolve(SegmentationModel.FILE_NAME);
        r.model().save(file);
        SegmentationModel loaded = SegmentationModel.load(file);
        assertArrayEquals(Files.readAllBytes(file), loaded.toBytes());
        assertEquals(r.model(), loaded);
        assertEquals(r.model().config(), loaded.config());
        assertSameTable(r.segmented(), loaded.assign(BLOBS));
        assertSameTable(r.kSelection(), loaded.kSelectionTable());
        JsonNode root = ModelFile.mapper().readTree(file.toFile());
        assertEquals("segmentation_model", root.get("kind").asText());
        assertEquals(1, root.get("format_version").asInt());
        assertEquals("kmeans", root.at("/model/algorithm").asText());
        assertEquals("Second biggest", root.at("/model/segments/1/name").asText());
        assertEquals("segmenter", root.at("/provenance/step").asText());
        assertEquals(42, root.at("/provenance/seed").asLong());
    }

    @Test
    void loadingRefusesAnotherKindOrANewerVersionOrABadFile() throws Exception {
        SegmentationModel m = fit(BLOBS, "k=2").model();
        Path newer = dir.resolve("newer.json");
        Files.write(newer, ModelFile.toBytes(SegmentationModel.KIND, 2, m.provenance(),
                ModelFile.mapper().readTree(m.toBytes()).get("model")));
        InputException e = assertThrows(InputException.class, () -> SegmentationModel.load(newer));
        assertTrue(e.getMessage().contains("format version 2"), e.getMessage());
        Path other = dir.resolve("other.json");
        Files.write(other, ModelFile.toBytes("cleaning_model", 1, m.provenance(), Map.of()));
        e = assertThrows(InputException.class, () -> SegmentationModel.load(other));
        assertTrue(e.getMessage().contains("holds a cleaning_model; expected a segmentation_model"), e.getMessage());
        // a hand-edited centroid of the wrong length
        JsonNode root = ModelFile.mapper().readTree(m.toBytes());
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.at("/model/segments/0/centroid")).remove(0);
        Path edited = dir.resolve("edited.json");
        Files.write(edited, ModelFile.mapper().writeValueAsBytes(root));
        e = assertThrows(InputException.class, () -> SegmentationModel.load(edited));
        assertTrue(e.getMessage().contains("segment S1 has a centroid of 8 values; the feature space has 9"),
                e.getMessage());
    }

    @Test
    void assigningChunkByChunkEqualsOneAssign() {
        SegmentationModel m = fit(BLOBS, "k=5").model();
        Table whole = m.assign(BLOBS);
        List<Table> parts = new ArrayList<>();
        for (int from = 0; from < BLOBS.rowCount(); from += 777) {
            parts.add(m.assign(rows(BLOBS, from, Math.min(BLOBS.rowCount(), from + 777))));
        }
        assertSameTable(whole, concat(parts));
        // a chunk without rows is fine too
        assertEquals(0, m.assign(rows(BLOBS, 0, 0)).rowCount());
    }

    /** Row-wise concatenation of tables with the same columns (categorical dictionaries must agree). */
    static Table concat(List<Table> parts) {
        Table first = parts.get(0);
        List<Column> out = new ArrayList<>();
        for (int c = 0; c < first.columnCount(); c++) {
            Column col = first.column(c);
            if (col instanceof NumericColumn) {
                NumericColumn.Builder b = NumericColumn.builder(col.name());
                for (Table t : parts) {
                    NumericColumn n = (NumericColumn) t.column(c);
                    for (int i = 0; i < n.size(); i++) {
                        if (n.isMissing(i)) {
                            b.addMissing();
                        } else {
                            b.add(n.value(i));
                        }
                    }
                }
                out.add(b.build());
            } else if (col instanceof CategoricalColumn) {
                List<Integer> codes = new ArrayList<>();
                for (Table t : parts) {
                    CategoricalColumn k = (CategoricalColumn) t.column(c);
                    assertEquals(((CategoricalColumn) col).levels(), k.levels(), "same dictionary in every chunk");
                    for (int i = 0; i < k.size(); i++) {
                        codes.add(k.code(i));
                    }
                }
                out.add(CategoricalColumn.of(col.name(), codes.stream().mapToInt(Integer::intValue).toArray(),
                        ((CategoricalColumn) col).levels()));
            } else {
                List<String> values = new ArrayList<>();
                for (Table t : parts) {
                    TextColumn x = (TextColumn) t.column(c);
                    for (int i = 0; i < x.size(); i++) {
                        values.add(x.value(i));
                    }
                }
                out.add(TextColumn.of(col.name(), values.toArray(new String[0])));
            }
        }
        return Table.of(out);
    }

    // ---- names, algorithms, settings against the table ----

    @Test
    void segmentsCanBeNamedBySettingOrAfterwards() {
        SegmentationModel m = fit(BLOBS, "k=5", "name.S1=Big blob", "name.S5=Tiny blob").model();
        assertEquals(List.of("Big blob", "S2", "S3", "S4", "Tiny blob"), m.segmentNames());
        assertEquals("Big blob", m.assign(rows(BLOBS, 0, 1)).categorical("segment").level(0));
        SegmentationModel renamed = m.withNames(Map.of("S3", "Middle"));
        assertEquals(List.of("Big blob", "S2", "Middle", "S4", "Tiny blob"), renamed.segmentNames());
        assertEquals("Middle", renamed.config().names().get("S3"));
        assertEquals("Big blob", renamed.config().names().get("S1"));
        assertEquals(List.of("Big blob", "S2", "S3", "S4", "Tiny blob"), m.segmentNames(), "immutable");
        InputException e = assertThrows(InputException.class, () -> m.withNames(Map.of("S9", "Nine")));
        assertTrue(e.getMessage().startsWith("there is no segment 'S9' to rename"), e.getMessage());
        e = assertThrows(InputException.class, () -> m.withNames(Map.of("S2", "Big blob")));
        assertTrue(e.getMessage().contains("are both named 'Big blob'"), e.getMessage());
        e = assertThrows(InputException.class, () -> fit(BLOBS, "k=2", "name.S3=Three"));
        assertTrue(e.getMessage().startsWith("setting 'name.S3': there is no segment S3; the segments are S1, S2"),
                e.getMessage());
    }

    @Test
    void miniBatchFindsTheBlobsToo() {
        SegmentationResult r = fit(BLOBS, "algorithm=minibatch", "k=5", "minibatch.batch_size=256");
        assertEquals("kmeans", fit(BLOBS, "k=5").model().algorithm().key());
        assertEquals(SegmenterConfig.Algorithm.MINIBATCH, r.model().algorithm());
        assertEquals(1.0, AdjustedRandIndex.of(blobLabels(SIZES), segments(r.segmented())), 1e-12);
    }

    @Test
    void featuresAndExcludeChooseTheColumns() {
        SegmentationModel m = fit(BLOBS, "k=5", "features=x0,x1,tier", "exclude=tier").model();
        assertEquals(List.of("x0", "x1"), m.featureNames());
        SegmentationModel noTier = fit(BLOBS, "k=5", "exclude=tier").model();
        assertEquals(List.of("x0", "x1", "x2", "x3"), noTier.featureNames());
        // identifiers are never features, and a numeric identifier can be named
        Table withNumericId = BLOBS.drop("id").append(NumericColumn.of("nr", new double[1300]));
        assertEquals(List.of("nr"), fit(withNumericId, "k=5", "id.columns=nr").model().idColumns());
    }

    @Test
    void progressIsReportedAndCancellationHonoured() {
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public void checkCancelled() {
                throw new CancelledException();
            }
        };
        assertThrows(CancelledException.class, () -> Segmenter.fit(BLOBS, SegmentationFixtures.config("k=3"),
                cancelled));
    }

    // ---- bad input: one assertThrows per kind ----

    @Test
    void kLargerThanTheDistinctRows() {
        double[] x = new double[100];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 3;
        }
        Table t = Table.of(NumericColumn.of("x", x));
        InputException e = assertThrows(InputException.class, () -> fit(t, "k=5"));
        assertEquals("cannot segment: 'k' = 5 is larger than the number of distinct rows: the 100 rows hold only 3 "
                + "distinct combinations of feature values; set 'k' to at most 3", e.getMessage());
        InputException auto = assertThrows(InputException.class, () -> fit(t));
        assertTrue(auto.getMessage().startsWith("cannot segment: 'k.max' = 10 is larger than the number of distinct "
                + "rows"), auto.getMessage());
    }

    @Test
    void fewerRowsThanK() {
        Table t = rows(BLOBS, 0, 4);
        InputException e = assertThrows(InputException.class, () -> fit(t, "k=4"));
        assertEquals("cannot segment: the table has 4 rows; 'k' = 4 needs at least 5", e.getMessage());
    }

    @Test
    void zeroRows() {
        InputException e = assertThrows(InputException.class, () -> fit(rows(BLOBS, 0, 0)));
        assertEquals("cannot segment: the table has no rows", e.getMessage());
    }

    @Test
    void aConstantFeature() {
        Table t = BLOBS.append(NumericColumn.of("flat", new double[1300]));
        InputException e = assertThrows(InputException.class, () -> fit(t, "k=5"));
        assertTrue(e.getMessage().startsWith("cannot segment: feature 'flat' is constant (every row holds 0)"),
                e.getMessage());
    }

    @Test
    void missingValuesInAFeature() {
        double[] x = BLOBS.numeric("x1").toArray();
        x[3] = Double.NaN;
        x[700] = Double.NaN;
        Table t = BLOBS.replace(NumericColumn.of("x1", x));
        InputException e = assertThrows(InputException.class, () -> fit(t, "k=5"));
        assertTrue(e.getMessage().startsWith("cannot segment: feature 'x1' has 2 missing values (of 1300 rows)"),
                e.getMessage());
        // the same at assign
        SegmentationModel m = fit(BLOBS, "k=5").model();
        InputException atAssign = assertThrows(InputException.class, () -> m.assign(t));
        assertTrue(atAssign.getMessage().startsWith("cannot assign segments: feature 'x1' has 2 missing values"),
                atAssign.getMessage());
    }

    @Test
    void aCategoricalFeatureWithOneLevel() {
        String[] eur = new String[1300];
        java.util.Arrays.fill(eur, "EUR");
        Table t = BLOBS.append(CategoricalColumn.of("currency", eur));
        InputException e = assertThrows(InputException.class, () -> fit(t, "k=5"));
        assertTrue(e.getMessage().startsWith("cannot segment: categorical feature 'currency' has a single level "
                + "('EUR') in all 1300 rows"), e.getMessage());
    }

    @Test
    void settingsThatDoNotFitTheTable() {
        InputException e = assertThrows(InputException.class, () -> fit(BLOBS, "features=x0,nope,gone"));
        assertTrue(e.getMessage().startsWith("setting 'features' names columns 'nope', 'gone' that the table does "
                + "not have"), e.getMessage());
        e = assertThrows(InputException.class, () -> fit(BLOBS, "features=id"));
        assertTrue(e.getMessage().contains("an identifier is never a feature"), e.getMessage());
        e = assertThrows(InputException.class, () -> fit(BLOBS, "exclude=[\"x0\",\"x1\",\"x2\",\"x3\",\"tier\"]"));
        assertTrue(e.getMessage().startsWith("cannot segment: no features"), e.getMessage());
        Table clash = BLOBS.append(TextColumn.of("segment", new String[1300]));
        e = assertThrows(InputException.class, () -> fit(clash));
        assertTrue(e.getMessage().startsWith("identifier column 'segment' has the name of an output column"),
                e.getMessage());
    }

    @Test
    void assignNeedsTheIdentifiersAndFeatures() {
        SegmentationModel m = fit(BLOBS, "k=5").model();
        InputException e = assertThrows(InputException.class, () -> m.assign(BLOBS.drop("id")));
        assertEquals("cannot assign segments: the table has no identifier column 'id'", e.getMessage());
        e = assertThrows(InputException.class, () -> m.assign(BLOBS.drop("x3", "tier")));
        assertTrue(e.getMessage().startsWith("cannot assign segments: the table has no columns 'x3', 'tier'"),
                e.getMessage());
    }
}
