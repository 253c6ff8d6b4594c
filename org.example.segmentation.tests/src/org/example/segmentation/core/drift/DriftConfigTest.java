package org.example.segmentation.core.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;
import org.junit.jupiter.api.Test;

class DriftConfigTest {

    @Test
    void defaults() {
        DriftConfig d = DriftConfig.defaults();
        assertEquals(10, d.bins());
        assertEquals(0.10, d.psiModerate());
        assertEquals(0.25, d.psiSignificant());
        assertEquals(0.05, d.alpha());
        assertEquals(5000, d.sampleSize());
        assertEquals(42L, d.seed());
        assertEquals(List.of(), d.features());
        assertEquals("", d.segmentColumn());
        assertEquals(d, DriftConfig.fromSettings(Settings.empty()));
    }

    @Test
    void everySpecIsAKeyAndEveryKeyIsDocumented() {
        Set<String> specs = new HashSet<>();
        for (SettingSpec s : DriftConfig.SPECS) {
            specs.add(s.key());
        }
        assertEquals(specs, DriftConfig.defaults().toSettings().asMap().keySet());
        for (SettingSpec s : DriftConfig.SPECS) {
            assertEquals(s.defaultValue(), DriftConfig.defaults().toSettings().asMap().get(s.key()), s.key());
        }
        assertTrue(specs.containsAll(DriftConfig.BASELINE_KEYS));
    }

    @Test
    void roundTripsThroughTheFlatMap() {
        DriftConfig c = DriftFixtures.config("features=[\"Região\",\"age, in years\",\"x\"]",
                "segmentation.features=[\"x\",\"age, in years\"]", "bins=20", "sample_size=2000", "seed=-7",
                "segment.column=cluster", "distance.column=dist", "psi.moderate=0.08", "psi.significant=0.3",
                "alpha=0.01", "missing.change=0.2", "segment.share_change.moderate=0.01",
                "segment.share_change.significant=0.04", "distance.moderate=0.05", "distance.significant=0.5",
                "segment.min_rows=30", "id.column=customer_id", "archetype.column=persona");
        assertEquals(List.of("Região", "age, in years", "x"), c.features());
        assertEquals(List.of("x", "age"), DriftFixtures.config("segmentation.features=x,age").segmentationFeatures());
        assertEquals(c, DriftConfig.fromSettings(c.toSettings()));
        assertEquals(c.toSettings(), DriftConfig.fromSettings(c.toSettings()).toSettings());
        assertEquals("0.08", c.toSettings().asMap().get("psi.moderate"));
    }

    @Test
    void badValuesNameTheKey() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("bins=1", "setting 'bins' must be an integer from 2 to 100, got '1'"),
                Map.entry("bins=ten", "setting 'bins' must be an integer from 2 to 100, got 'ten'"),
                Map.entry("sample_size=10", "setting 'sample_size' must be an integer from 100 to 1000000, got '10'"),
                Map.entry("alpha=0", "setting 'alpha' must be a number above 0 and below 1, got '0'"),
                Map.entry("alpha=1", "setting 'alpha' must be a number above 0 and below 1, got '1'"),
                Map.entry("psi.moderate=0.3", "setting 'psi.moderate' (0.3) must not exceed 'psi.significant' (0.25)"),
                Map.entry("psi.significant=0", "setting 'psi.significant' must be a number above 0 and at most 10, "
                        + "got '0'"),
                Map.entry("missing.change=2", "setting 'missing.change' must be a number from 0 to 1, got '2'"),
                Map.entry("segment.share_change.moderate=0.1",
                        "setting 'segment.share_change.moderate' (0.1) must not exceed "
                                + "'segment.share_change.significant' (0.05)"),
                Map.entry("seed=x", "setting 'seed' must be an integer, got 'x'"),
                Map.entry("features=a,b,a", "setting 'features' names column 'a' twice"),
                Map.entry("segment.min_rows=0", "setting 'segment.min_rows' must be an integer from 1 to 2147483647, "
                        + "got '0'"));
        cases.forEach((kv, message) -> assertEquals(message,
                assertThrows(InputException.class, () -> DriftFixtures.config(kv), kv).getMessage(), kv));
        InputException unknown = assertThrows(InputException.class, () -> DriftFixtures.config("psi.moderat=0.1"));
        assertTrue(unknown.getMessage().startsWith("unknown drift setting 'psi.moderat'; did you mean "
                + "'psi.moderate'?"), unknown.getMessage());
        InputException outside = assertThrows(InputException.class,
                () -> DriftFixtures.config("features=a,b", "segmentation.features=c"));
        assertEquals("setting 'segmentation.features' names 'c', which is not in 'features'", outside.getMessage());
    }

    @Test
    void monitoringMayChangeThresholdsButNotTheBaselineKeys() {
        DriftConfig baseline = DriftFixtures.config("bins=12", "psi.significant=0.3");
        DriftConfig month = baseline.forMonitoring(Settings.parse(List.of("psi.significant=0.2", "alpha=0.01")));
        assertEquals(0.2, month.psiSignificant());
        assertEquals(0.01, month.alpha());
        assertEquals(12, month.bins(), "baseline keys come from the baseline");
        assertEquals(0.3, baseline.forMonitoring(Settings.empty()).psiSignificant(), "unset keys: the baseline's");
        assertEquals(12, baseline.forMonitoring(Settings.parse(List.of("bins= 12"))).bins(), "same value is fine");
        InputException e = assertThrows(InputException.class,
                () -> baseline.forMonitoring(Settings.parse(List.of("bins=20"))));
        assertEquals("setting 'bins' is fixed when the baseline is fitted (the baseline has '12', got '20'); fit a new "
                + "baseline to change it", e.getMessage());
    }
}
