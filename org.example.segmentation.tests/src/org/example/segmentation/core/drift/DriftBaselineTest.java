package org.example.segmentation.core.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.model.ModelFile;
import org.example.segmentation.core.model.Provenance;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftBaselineTest {
    @TempDir
    Path dir;

    @Test
    void featuresSegmentsAndBinsOfTheReference() {
        Table t = DriftFixtures.synthetic(2000, 1, 0, 0.3);
        DriftBaseline b = DriftBaseline.fit(t, DriftConfig.defaults());
        assertEquals(List.of("income", "logins", "flag", "channel"), b.features(),
                "text, segment and distance columns are not features");
        assertEquals(b.features(), b.segmentationFeatures(), "without a model every feature counts");
        assertEquals(List.of("a", "b", "c"), b.segmentNames());
        assertEquals("segment", b.segmentColumn().orElseThrow());
        assertEquals(10, b.binEdges("income").length + 1);
        assertArrayEquals(new double[] {0}, b.binEdges("flag"), "a flag has two bins");
        assertEquals(0, b.binEdges("logins")[0], "the zeros are one bin");
        assertEquals(List.of("app", "branch", "web"), b.levels("channel"));
        long[] channel = b.referenceCounts("channel");
        assertEquals(4, channel.length, "three levels and the unseen bucket");
        assertEquals(0, channel[3]);
        assertEquals(2000, java.util.Arrays.stream(b.referenceCounts("income")).sum());
        assertEquals(2000, b.rows());
        assertEquals("drift_baseline", DriftBaseline.KIND);
        assertEquals(5000, b.config().sampleSize());
    }

    @Test
    void savesAndLoadsExactly() throws Exception {
        Table t = DriftFixtures.synthetic(3000, 2, 0, 0.3);
        DriftBaseline b = DriftBaseline.fit(t, DriftFixtures.config("sample_size=500", "psi.significant=0.2"));
        Path file = dir.resolve(DriftBaseline.FILE_NAME);
        b.save(file);
        DriftBaseline loaded = DriftBaseline.load(file);
        assertArrayEquals(b.toBytes(), loaded.toBytes(), "load then save gives the same bytes");
        assertEquals(b.config(), loaded.config());
        assertEquals(0.2, loaded.config().psiSignificant());
        Table month = DriftFixtures.synthetic(2500, 3, 200, 0.3);
        assertArrayEquals(DriftMonitor.monitor(b, month).summaryJson(), DriftMonitor.monitor(loaded, month)
                .summaryJson(), "the loaded baseline judges exactly like the fitted one");
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"kind\" : \"drift_baseline\""), json.substring(0, 200));
        assertTrue(json.contains("\"sample\" : ["));
        assertEquals(500, loaded.reference().features().get(0).sample().length, "the reservoir is bounded");
    }

    @Test
    void sizeDoesNotGrowWithTheRows() {
        DriftConfig c = DriftFixtures.config("sample_size=200");
        int small = DriftBaseline.fit(DriftFixtures.synthetic(5_000, 4, 0, 0.3), c).toBytes().length;
        int large = DriftBaseline.fit(DriftFixtures.synthetic(50_000, 4, 0, 0.3), c).toBytes().length;
        assertTrue(large < small * 1.2, small + " bytes for 5,000 rows, " + large + " for 50,000");
    }

    @Test
    void sameSeedSameBaseline() {
        Table t = DriftFixtures.synthetic(20_000, 5, 0, 0.3);
        DriftConfig c = DriftFixtures.config("sample_size=300");
        DriftBaseline a = DriftBaseline.fit(t, c);
        DriftBaseline b = DriftBaseline.fit(t, c);
        assertArrayEquals(a.reference().features().get(0).sample(), b.reference().features().get(0).sample());
        double[] other = DriftBaseline.fit(t, DriftFixtures.config("sample_size=300", "seed=43")).reference()
                .features().get(0).sample();
        assertFalse(java.util.Arrays.equals(a.reference().features().get(0).sample(), other));
    }

    @Test
    void explicitFeaturesSegmentationFeaturesAndSegmentColumn() {
        Table t = DriftFixtures.synthetic(1000, 6, 0, 0.3);
        DriftBaseline b = DriftBaseline.fit(t, DriftFixtures.config("features=income,channel,segment",
                "segmentation.features=income", "segment.column=channel"));
        assertEquals(List.of("income", "channel", "segment"), b.features());
        assertEquals(List.of("income"), b.segmentationFeatures());
        assertEquals(List.of("app", "branch", "web"), b.segmentNames());
        DriftBaseline none = DriftBaseline.fit(t.drop("segment"), DriftConfig.defaults());
        assertTrue(none.segmentNames().isEmpty(), "no 'segment' column: segments are not monitored");
    }

    @Test
    void badInputIsOneClearLine() {
        Table t = DriftFixtures.synthetic(500, 7, 0, 0.3);
        assertEquals("setting 'features' names columns 'age', 'Região', which the reference table does not have; it "
                + "has 'id', 'income', 'logins', 'flag', 'channel', 'segment', 'segment_distance'",
                assertThrows(InputException.class, () -> DriftBaseline.fit(t,
                        DriftFixtures.config("features=age,Região,income"))).getMessage());
        assertTrue(assertThrows(InputException.class, () -> DriftBaseline.fit(t, DriftFixtures.config("features=id")))
                .getMessage().contains("names column 'id', which is text"));
        assertTrue(assertThrows(InputException.class, () -> DriftBaseline.fit(t,
                DriftFixtures.config("segment.column=cluster"))).getMessage().startsWith(
                        "setting 'segment.column' names column 'cluster', which the reference table does not have"));
        Table allMissing = t.replace(NumericColumn.of("income", new double[500], allTrue(500)));
        assertEquals("feature 'income' has no value in the reference table (every row is missing); leave it out with "
                + "the setting 'features'", assertThrows(InputException.class,
                        () -> DriftBaseline.fit(allMissing, DriftConfig.defaults())).getMessage());
        assertEquals("the reference table has no rows", assertThrows(InputException.class,
                () -> DriftBaseline.fit(DriftFixtures.rows(t, 0, 0), DriftConfig.defaults())).getMessage());
        assertEquals("the reference table has no numeric or categorical column to monitor",
                assertThrows(InputException.class, () -> DriftBaseline.fit(Table.of(TextColumn.of("id", "a", "b")),
                        DriftConfig.defaults())).getMessage());
    }

    @Test
    void aDamagedOrForeignFileIsRefusedWithTheReason() throws Exception {
        Table t = DriftFixtures.synthetic(800, 8, 0, 0.3);
        Path file = dir.resolve("b.json");
        DriftBaseline.fit(t, DriftFixtures.config("sample_size=100")).save(file);
        String json = Files.readString(file);
        Path edited = dir.resolve("edited.json");
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) ModelFile
                .mapper().readTree(json);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("model")).put("rows", 801);
        Files.write(edited, ModelFile.mapper().writeValueAsBytes(tree));
        InputException e = assertThrows(InputException.class, () -> DriftBaseline.load(edited));
        assertTrue(e.getMessage().startsWith("baseline file " + edited + ": feature 'income': rows and missing must "
                + "add up to 801"), e.getMessage());
        Path other = dir.resolve("cleaning_model.json");
        ModelFile.save(other, "cleaning_model", 1, Provenance.of("cleaner", org.example.segmentation.core.settings
                .Settings.empty(), t, null), java.util.Map.of());
        assertEquals("model file " + other + " holds a cleaning_model; expected a drift_baseline",
                assertThrows(InputException.class, () -> DriftBaseline.load(other)).getMessage());
        Path badSetting = dir.resolve("bad_setting.json");
        Files.writeString(badSetting, json.replace("\"bins\" : \"10\"", "\"bins\" : \"1\""));
        assertEquals("baseline file " + badSetting + ": setting 'bins' must be an integer from 2 to 100, got '1'",
                assertThrows(InputException.class, () -> DriftBaseline.load(badSetting)).getMessage());
    }

    private static boolean[] allTrue(int n) {
        boolean[] out = new boolean[n];
        java.util.Arrays.fill(out, true);
        return out;
    }
}
