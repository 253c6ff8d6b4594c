package org.example.segmentation.core.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmenterConfigTest {

    @Test
    void defaults() {
        SegmenterConfig d = SegmenterConfig.defaults();
        assertEquals(SegmenterConfig.Algorithm.KMEANS, d.algorithm());
        assertEquals(0, d.k());
        assertTrue(d.automaticK());
        assertEquals(2, d.selection().kMin());
        assertEquals(10, d.selection().kMax());
        assertEquals(10, d.restarts());
        assertEquals(42, d.seed());
        assertEquals(1, d.threads());
        assertEquals(0.02, d.selection().minSegmentShare());
        assertEquals(10_000, d.selection().sampleSize());
        assertEquals(SegmenterConfig.Scaled.AUTO, d.scaled());
        assertNull(d.categoricalWeight());
        assertEquals(List.of(), d.features());
        assertEquals(Map.of(), d.names());
    }

    @Test
    void everySpecDefaultIsTheDefault() {
        // the documented defaults read back to the defaults
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        for (SettingSpec s : SegmenterConfig.SPECS) {
            if (!s.key().startsWith(SegmenterConfig.KEY_NAME_PREFIX)) {
                m.put(s.key(), s.defaultValue());
            }
        }
        assertEquals(SegmenterConfig.defaults(), SegmenterConfig.fromSettings(Settings.of(m)));
    }

    @Test
    void roundTripsThroughSettings() {
        SegmenterConfig c = SegmenterConfig.fromSettings(Settings.parse(List.of("features=[\"a\",\"b, c\"]",
                "exclude=d", "id.columns=Kunden-ID", "algorithm=minibatch", "k=7", "k.min=3", "k.max=9",
                "restarts=3", "max_iterations=50", "tolerance=0", "minibatch.batch_size=512",
                "minibatch.iterations=20", "scaled=yes", "categorical.weight=1.5", "match.max_distance=2.5",
                "name.S2=Digital nomads", "name.S10=Região Norte", "seed=-7", "threads=3", "stability.runs=0",
                "min_segment_share=0.05", "min_stability=0.5", "silhouette.sample_size=500",
                "stability.sample_size=1000")));
        assertEquals(List.of("a", "b, c"), c.features());
        assertEquals(SegmenterConfig.Algorithm.MINIBATCH, c.algorithm());
        assertEquals(1.5, c.categoricalWeight());
        assertEquals(List.of("S2", "S10"), List.copyOf(c.names().keySet()), "names sort by id number");
        assertEquals(-7, c.seed());
        assertEquals(3, c.threads());
        SegmenterConfig back = SegmenterConfig.fromSettings(c.toSettings());
        assertEquals(c, back);
        assertEquals(c.toSettings(), back.toSettings());
        // every key is written
        TreeSet<String> written = new TreeSet<>(SegmenterConfig.defaults().toSettings().asMap().keySet());
        for (SettingSpec s : SegmenterConfig.SPECS) {
            if (!s.key().startsWith(SegmenterConfig.KEY_NAME_PREFIX)) {
                assertTrue(written.contains(s.key()), s.key());
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "k=1|setting 'k' must be 0 (automatic) or an integer from 2 to 100, got '1'",
        "k=abc|setting 'k' must be an integer from 0 to 100, got 'abc'",
        "algorithm=dbscan|setting 'algorithm' must be one of kmeans, minibatch, kprototypes, em, hierarchical, got "
                + "'dbscan'",
        "kprototypes.gamma=0|setting 'kprototypes.gamma' must be auto or a number above 0 up to 20000, got '0'",
        "em.max_rows=0|setting 'em.max_rows' must be an integer from 1 to 10000000, got '0'",
        "scaled=maybe|setting 'scaled' must be one of auto, yes, no, got 'maybe'",
        "categorical.weight=0|setting 'categorical.weight' must be auto or a number above 0 up to 100, got '0'",
        "categorical.weight=heavy|setting 'categorical.weight' must be auto or a number above 0 up to 100, got 'heavy'",
        "restarts=0|setting 'restarts' must be an integer from 1 to 1000, got '0'",
        "tolerance=-1|setting 'tolerance' must be a number from 0 to 1, got '-1'",
        "k.max=1|setting 'k.max' must be an integer from 2 to 100, got '1'",
        "name.X1=Foo|setting 'name.X1': 'X1' is not a segment id; ids are S1, S2, ...",
        "name.S1= |setting 'name.S1' must be a non-blank name",
        "features=[\"a\",\"a\"]|setting 'features' names column 'a' twice",
        "match.max_distance=-1|setting 'match.max_distance' must be a number from 0 to any size, got '-1'",
    })
    void badValuesNameTheKey(String setting, String message) {
        InputException e = assertThrows(InputException.class,
                () -> SegmenterConfig.fromSettings(Settings.parse(List.of(setting))));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void unknownKeySuggestsTheClosest() {
        InputException e = assertThrows(InputException.class,
                () -> SegmenterConfig.fromSettings(Settings.parse(List.of("k.maxx=8"))));
        assertTrue(e.getMessage().startsWith("unknown segmenter setting 'k.maxx'; did you mean 'k.max'?"),
                e.getMessage());
    }

    @Test
    void twoSegmentsMayNotShareAName() {
        InputException e = assertThrows(InputException.class,
                () -> SegmenterConfig.fromSettings(Settings.parse(List.of("name.S1=Savers", "name.S2=Savers"))));
        assertTrue(e.getMessage().contains("the name 'Savers' is given to two segments"), e.getMessage());
    }

    @Test
    void fixedKSearchesOnlyThatK() {
        SegmenterConfig c = SegmenterConfig.fromSettings(Settings.parse(List.of("k=6")));
        assertEquals(6, c.searched().kMin());
        assertEquals(6, c.searched().kMax());
    }
}
