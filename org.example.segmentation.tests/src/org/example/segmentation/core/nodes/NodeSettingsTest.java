package org.example.segmentation.core.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.campaign.ControlGroupConfig;
import org.example.segmentation.core.campaign.UpliftConfig;
import org.example.segmentation.core.cleaning.CleanerConfig;
import org.example.segmentation.core.drift.DriftConfig;
import org.example.segmentation.core.profile.ProfilerConfig;
import org.example.segmentation.core.scoring.ScoringConfig;
import org.example.segmentation.core.segmentation.SegmenterConfig;
import org.example.segmentation.core.selection.SelectorConfig;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;
import org.junit.jupiter.api.Test;

/**
 * The keys a node stores are exactly the keys of its engine step, and the engine validates what a node stores:
 * defaults, bad values (named), unknown keys (named), pattern keys.
 */
class NodeSettingsTest {

    private static Set<String> keys(List<SettingSpec> specs) {
        Set<String> out = new TreeSet<>();
        specs.forEach(s -> out.add(s.key()));
        return out;
    }

    private static Set<String> nodeKeys(String... ids) {
        Set<String> out = new TreeSet<>();
        for (String id : ids) {
            out.addAll(NodeCatalog.byId(id).defaults().keySet());
        }
        return out;
    }

    @Test
    void everyStoredKeyIsAnEngineKeyAndEveryEngineKeyIsStored() {
        assertEquals(keys(CleanerConfig.SPECS), nodeKeys("segmentation_cleaner"));
        assertEquals(keys(SelectorConfig.SPECS), nodeKeys("feature_selector"));
        assertEquals(keys(SegmenterConfig.SPECS), nodeKeys("customer_segmenter"));
        assertEquals(keys(ProfilerConfig.SPECS), nodeKeys("segment_profiler"));
        assertEquals(keys(ControlGroupConfig.SPECS), nodeKeys("control_group_assigner"));
        assertEquals(keys(UpliftConfig.SPECS), nodeKeys("campaign_uplift"));
        assertEquals(keys(ScoringConfig.SPECS), nodeKeys("digital_profile_scorer"));
        // drift: the baseline node stores what the baseline fixes, the monitor the judging thresholds
        assertEquals(keys(DriftConfig.SPECS), nodeKeys("drift_baseline", "drift_monitor"));
        assertEquals(DriftConfig.BASELINE_KEYS, nodeKeys("drift_baseline"));
        Set<String> monitor = nodeKeys("drift_monitor");
        monitor.retainAll(DriftConfig.BASELINE_KEYS);
        assertEquals(Set.of(), monitor);
        // the apply nodes take everything from their model
        assertEquals(Set.of(), nodeKeys("segmentation_cleaner_apply", "segment_assigner"));
    }

    @Test
    void catalogHasElevenNodesWithUniqueIdsAndFactories() {
        assertEquals(11, NodeCatalog.all().size());
        Set<String> ids = new LinkedHashSet<>();
        Set<String> factories = new LinkedHashSet<>();
        for (NodeDoc n : NodeCatalog.all()) {
            assertTrue(ids.add(n.id()), n.id());
            assertTrue(factories.add(n.factoryClass()), n.factoryClass());
            assertTrue(n.factoryClass().startsWith(NodeCatalog.NODE_PACKAGE + "."), n.factoryClass());
            assertFalse(n.outPorts().isEmpty(), n.id());
        }
    }

    @Test
    void freshNodesParseTheirDefaultsOrNameTheRequiredSetting() {
        for (NodeDoc n : NodeCatalog.all()) {
            try {
                assertTrue(n.parse(n.defaults()) != null, n.id());
            } catch (InputException e) {
                // only settings without a default may be required (the control group's salt, the outcome column)
                boolean named = n.specs().stream().anyMatch(s -> s.defaultValue().isEmpty()
                        && e.getMessage().contains("'" + s.key() + "'"));
                assertTrue(named, n.id() + ": " + e.getMessage());
            }
        }
        assertInstanceOf(CleanerConfig.class, NodeCatalog.byId("segmentation_cleaner").parse(Map.of()));
        assertEquals(CleanerConfig.defaults(), NodeCatalog.byId("segmentation_cleaner").parse(Map.of()));
        assertEquals(SegmenterConfig.defaults(), NodeCatalog.byId("customer_segmenter")
                .parse(NodeCatalog.byId("customer_segmenter").defaults()));
    }

    @Test
    void aBadValueFailsNamingTheKey() {
        NodeDoc cleaner = NodeCatalog.byId("segmentation_cleaner");
        Map<String, String> v = new HashMap<>(cleaner.defaults());
        v.put(CleanerConfig.KEY_OUTLIER_METHOD, "magic");
        InputException e = assertThrows(InputException.class, () -> cleaner.parse(v));
        assertTrue(e.getMessage().contains("'outlier.method'"), e.getMessage());

        NodeDoc segmenter = NodeCatalog.byId("customer_segmenter");
        Map<String, String> w = new HashMap<>(segmenter.defaults());
        w.put(SegmenterConfig.KEY_K, "one");
        e = assertThrows(InputException.class, () -> segmenter.parse(w));
        assertTrue(e.getMessage().contains("'k'"), e.getMessage());
    }

    @Test
    void anUnknownStoredKeyFailsNamingItAndTheKnownKeys() {
        NodeDoc monitor = NodeCatalog.byId("drift_monitor");
        InputException e = assertThrows(InputException.class, () -> monitor.parse(Map.of("bins", "10")));
        assertTrue(e.getMessage().contains("unknown drift setting 'bins'"), e.getMessage());
        assertTrue(e.getMessage().contains("psi.moderate"), e.getMessage());
    }

    @Test
    void emptyValuesOfKeysWithoutDefaultAreLeftToTheStep() {
        List<SettingSpec> specs = List.of(SettingSpec.of("a", "", "no default"), SettingSpec.of("b", "[]", "list"));
        Settings s = StepSettings.toEngine("test", Map.of("a", "", "b", ""), specs);
        assertEquals(Map.of("b", ""), s.asMap());
        assertEquals(Map.of("a", "x", "b", "[]"), StepSettings.toEngine("test", Map.of("a", "x"), specs).asMap());
    }

    @Test
    void patternKeysAreStoredAsLinesAndExpandedForTheEngine() {
        NodeDoc cleaner = NodeCatalog.byId("segmentation_cleaner");
        String pattern = CleanerConfig.KEY_MISSING_COLUMN_PREFIX + "<name>";
        Map<String, String> v = new HashMap<>(cleaner.defaults());
        v.put(pattern, "monthly_income = mean\n\n  region=most_frequent  ");
        Settings engine = StepSettings.toEngine("cleaner", v, cleaner.specs());
        assertEquals("mean", engine.asMap().get("missing.column.monthly_income"));
        assertEquals("most_frequent", engine.asMap().get("missing.column.region"));
        assertFalse(engine.has(pattern));
        CleanerConfig config = (CleanerConfig) cleaner.parse(v);
        assertEquals(CleanerConfig.MissingStrategy.MEAN, config.missingStrategy("monthly_income", true));
        // and back: what the node stores for these engine settings
        Map<String, String> stored = StepSettings.fromEngine("cleaner", engine, cleaner.specs());
        assertEquals(engine, StepSettings.toEngine("cleaner", stored, cleaner.specs()));

        v.put(pattern, "monthly_income");
        InputException e = assertThrows(InputException.class, () -> cleaner.parse(v));
        assertTrue(e.getMessage().contains("'missing.column.<name>', line 1"), e.getMessage());
    }

    @Test
    void fromEngineRejectsKeysTheStepDoesNotKnow() {
        NodeDoc uplift = NodeCatalog.byId("campaign_uplift");
        InputException e = assertThrows(InputException.class, () -> StepSettings.fromEngine("uplift",
                Settings.of(Map.of("outcome", "x")), uplift.specs()));
        assertTrue(e.getMessage().contains("'outcome'"), e.getMessage());
    }

    @Test
    void identifierGuessPrefersTextColumnsNamedLikeIds() {
        assertEquals("customer_id", IdentifierColumns.guess(List.of("age", "customer_id", "id"),
                List.of(false, true, false)));
        assertEquals("clientId", IdentifierColumns.guess(List.of("age", "clientId"), List.of(false, true)));
        assertEquals("id", IdentifierColumns.guess(List.of("age", "id"), List.of(false, false)));
        assertEquals(null, IdentifierColumns.guess(List.of("age", "paid", "region"), List.of(false, false, true)));
    }
}
