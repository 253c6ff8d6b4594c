package org.example.segmentation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.segmentation.CategoricalFeature;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.segmentation.SegmentationPmml;
import org.example.segmentation.core.segmentation.Segmenter;
import org.example.segmentation.core.segmentation.SegmenterConfig;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.InputField;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PMML export scored by another engine: JPMML-Evaluator (AGPL, test scope only) must give every row the segment
 * {@link SegmentationModel#assign} gives, and the same squared distance up to rounding.
 */
class PmmlScoringTest {
    private static final String[] REGIONS = {"North", "South", "East", "West"};
    private static final String[] CHANNELS = {"app", "branch"};

    @TempDir
    Path dir;

    /** Three planted groups in two numeric features (different units) and two categorical ones. */
    private static Table customers(int n, long seed, String unseenRegion) {
        Random r = new Random(seed);
        String[] ids = new String[n];
        double[] age = new double[n];
        double[] spend = new double[n];
        String[] region = new String[n];
        String[] channel = new String[n];
        for (int i = 0; i < n; i++) {
            int g = r.nextInt(3);
            ids[i] = "C" + i;
            age[i] = 30 + 12 * g + 6 * r.nextGaussian();
            spend[i] = 1500 - 400 * g + 250 * r.nextGaussian();
            // Unbalanced regions (auto weight differs from 1), loosely tied to the group.
            double u = r.nextDouble();
            region[i] = u < 0.5 ? REGIONS[g] : u < 0.8 ? REGIONS[0] : REGIONS[1 + r.nextInt(3)];
            channel[i] = r.nextDouble() < (g == 0 ? 0.85 : 0.25) ? CHANNELS[0] : CHANNELS[1];
            if (unseenRegion != null && i % 7 == 0) {
                region[i] = unseenRegion;
            }
        }
        return Table.of(TextColumn.of("customer_id", ids), NumericColumn.of("age", age),
                NumericColumn.of("spend", spend), CategoricalColumn.of("region", region),
                CategoricalColumn.of("channel", channel));
    }

    private static SegmentationModel fit(Table table, Map<String, String> extra) {
        Map<String, String> s = new LinkedHashMap<>(Map.of("id.columns", "customer_id", "stability.runs", "0",
                "k.max", "5", "silhouette.sample_size", "1000"));
        s.putAll(extra);
        return Segmenter.fit(table, SegmenterConfig.fromSettings(Settings.of(s)), Progress.NONE).model();
    }

    /** Scores {@code table} with JPMML and compares every row with assign; returns the rows compared. */
    private static int assertScoresLikeAssign(SegmentationModel model, Table table) throws Exception {
        return assertScoresLikeAssign(model, SegmentationPmml.toPmml(model), table);
    }

    private static int assertScoresLikeAssign(SegmentationModel model, byte[] pmml, Table table) throws Exception {
        Evaluator evaluator = new LoadingModelEvaluatorBuilder().load(new ByteArrayInputStream(pmml)).build();
        evaluator.verify();
        Table assigned = model.assign(table);
        CategoricalColumn segment = (CategoricalColumn) assigned.column(SegmentationModel.SEGMENT);
        NumericColumn distance = assigned.numeric(SegmentationModel.SEGMENT_DISTANCE);
        List<? extends InputField> inputs = evaluator.getInputFields();
        assertEquals(model.featureNames().size(), inputs.size());
        int n = table.rowCount();
        int sameSegment = 0;
        for (int i = 0; i < n; i++) {
            Map<String, Object> arguments = new LinkedHashMap<>();
            for (InputField f : inputs) {
                String name = f.getName();
                Object raw = table.column(name) instanceof NumericColumn ? (Object) table.numeric(name).value(i)
                        : table.column(name).format(i);
                arguments.put(name, f.prepare(raw));
            }
            Map<String, ?> results = evaluator.evaluate(arguments);
            String name = String.valueOf(results.get(SegmentationPmml.OUTPUT_NAME));
            String id = String.valueOf(results.get(SegmentationPmml.OUTPUT_ID));
            double sq = ((Number) results.get(SegmentationPmml.OUTPUT_DISTANCE)).doubleValue();
            String expected = segment.level(i);
            if (expected.equals(name)) {
                sameSegment++;
            }
            assertEquals(expected, name, "row " + i);
            assertEquals(expected, model.segment(id).orElseThrow().name(), "row " + i + ": id " + id);
            double d = distance.value(i);
            assertEquals(d * d, sq, 1e-9 * Math.max(1, d * d), "row " + i);
        }
        assertEquals(n, sameSegment);
        return n;
    }

    @Test
    void jpmmlScoresEveryRowLikeAssign() throws Exception {
        Table fitTable = customers(1500, 7, null);
        SegmentationModel model = fit(fitTable, Map.of());
        assertTrue(model.k() >= 2);
        CategoricalFeature region = model.featureSpace().categoricalFeatures().get(0);
        assertTrue(Math.abs(region.weight() - 1) > 0.05, "auto weight should not be 1: " + region.weight());

        assertEquals(1500, assertScoresLikeAssign(model, fitTable));
        // New customers, every seventh in a region unseen at fit (all one-hot dimensions 0), some far outside.
        assertEquals(700, assertScoresLikeAssign(model, customers(700, 99, "Atlantis")));
    }

    @Test
    void fixedKWeightAndRenamedSegments() throws Exception {
        Table fitTable = customers(800, 3, null);
        SegmentationModel model = fit(fitTable, Map.of("k", "4", "categorical.weight", "2.5", "scaled", "no",
                "name.S2", "Big <spenders> & \"friends\""));
        assertEquals(4, model.k());
        assertEquals(800, assertScoresLikeAssign(model, fitTable));
        assertEquals(300, assertScoresLikeAssign(model, customers(300, 5, "Nowhere")));
    }

    /** End to end: generated customers, cleaned, {@code segment fit} writes the PMML next to the JSON model. */
    @Test
    void fitCommandWritesPmmlThatScoresTheCleanedTableLikeAssign() throws Exception {
        Path raw = dir.resolve("month1.csv");
        assertEquals(0, CliRun.segment("generate", "--rows", "1200", "--seed", "5", "--out", raw.toString())
                .exit());
        Path c1 = dir.resolve("c1");
        CliRun clean = CliRun.segment("clean", "--input", raw.toString(), "--out", c1.toString(),
                "--set", "id.columns=customer_id");
        assertEquals(0, clean.exit(), clean.err());
        Path cleaned = c1.resolve(CleanCommand.CLEANED);
        Path fit = dir.resolve("fit");
        CliRun r = FitCommandTest.fit("--input", cleaned.toString(), "--out", fit.toString(),
                "--cleaning", c1.toString(), "--set", "k=5", "--set", "name.S1=Digital <nomads> & co");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(SegmentationModel.FILE_NAME + ", " + FitCommand.K_SELECTION + ", "
                + SegmentationPmml.FILE_NAME), r.out());
        SegmentationModel model = SegmentationModel.load(fit.resolve(SegmentationModel.FILE_NAME));
        assertFalse(model.featureSpace().categoricalFeatures().isEmpty());
        byte[] pmml = Files.readAllBytes(fit.resolve(SegmentationPmml.FILE_NAME));
        Table table = CsvReader.read(cleaned).table();
        assertEquals(table.rowCount(), assertScoresLikeAssign(model, pmml, table));
    }

    @Test
    void writeIsAtomicAndWellFormed() throws Exception {
        SegmentationModel model = fit(customers(400, 11, null), Map.of("k", "3"));
        Path file = dir.resolve(SegmentationPmml.FILE_NAME);
        SegmentationPmml.write(model, file);
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<?xml"), xml);
        assertTrue(xml.contains("<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\">"), xml);
        assertTrue(xml.contains("modelClass=\"centerBased\" numberOfClusters=\"3\""), xml);
        assertTrue(xml.contains("<squaredEuclidean"), xml);
        assertEquals(List.of(SegmentationPmml.FILE_NAME), Files.list(dir).map(p -> p.getFileName().toString())
                .toList());
        // Same model, same bytes.
        assertEquals(xml, new String(SegmentationPmml.toPmml(model), StandardCharsets.UTF_8));
    }
}
