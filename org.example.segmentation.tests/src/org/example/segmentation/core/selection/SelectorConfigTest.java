package org.example.segmentation.core.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.selection.SelectorConfig.CorrelationMethod;
import org.example.segmentation.core.selection.SelectorConfig.TargetMethod;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;
import org.junit.jupiter.api.Test;

class SelectorConfigTest {

    private static SelectorConfig parse(String... keyValues) {
        return SelectorConfig.fromSettings(Settings.parse(List.of(keyValues)));
    }

    /** Asserts that the settings fail with a message naming the key and containing {@code allowed}. */
    private static void fails(String key, String allowed, String... keyValues) {
        InputException e = assertThrows(InputException.class, () -> parse(keyValues));
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(allowed), e.getMessage());
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        SelectorConfig c = SelectorConfig.defaults();
        assertEquals(new SelectorConfig(List.of(), List.of(), List.of(), 0.5, 1e-4, 0.95, CorrelationMethod.PEARSON,
                0.9, 0.9, 0, 0.9, "", TargetMethod.AUTO), c);
        assertEquals(false, c.supervised());
        // every spec's default is what fromSettings uses when the key is absent
        Map<String, String> fromSpecs = SelectorConfig.SPECS.stream()
                .collect(Collectors.toMap(SettingSpec::key, SettingSpec::defaultValue));
        assertEquals(c, SelectorConfig.fromSettings(Settings.of(fromSpecs)));
        assertEquals(SelectorConfig.SPECS.stream().map(SettingSpec::key).sorted().toList(),
                List.copyOf(c.toSettings().asMap().keySet()), "toSettings writes every documented key");
    }

    @Test
    void settingsRoundTripExactly() {
        SelectorConfig c = new SelectorConfig(List.of("Região", "a, b", "x"), List.of("x"), List.of("id"), 0.25,
                0.0012345678901234, 0.8, CorrelationMethod.SPEARMAN, 0.75, 0.6, 7, 0.85, "converted",
                TargetMethod.CFS);
        assertEquals(c, SelectorConfig.fromSettings(c.toSettings()));
        assertEquals(c.toSettings(), SelectorConfig.fromSettings(c.toSettings()).toSettings());
        SelectorConfig d = SelectorConfig.defaults();
        assertEquals(d, SelectorConfig.fromSettings(d.toSettings()));
    }

    @Test
    void listsReadJsonArraysAndCommaText() {
        SelectorConfig c = parse("include=age, region ,balance", "exclude=[\"a,b\",\"Região\"]");
        assertEquals(List.of("age", "region", "balance"), c.include());
        assertEquals(List.of("a,b", "Região"), c.exclude());
        assertEquals(TargetMethod.INFOGAIN, parse("target=t", "target.method=InfoGain").targetMethod());
    }

    @Test
    void unknownKeySuggestsTheClosest() {
        InputException e = assertThrows(InputException.class, () -> parse("max_feature=3"));
        assertTrue(e.getMessage().contains("'max_feature'") && e.getMessage().contains("'max_features'"),
                e.getMessage());
    }

    @Test
    void badMaxMissingShare() {
        fails("max_missing_share", "a number from 0 to 1", "max_missing_share=1.5");
    }

    @Test
    void badMaxMissingShareText() {
        fails("max_missing_share", "a number from 0 to 1", "max_missing_share=half");
    }

    @Test
    void badMinVariance() {
        fails("min_variance", "a number from 0 to 0.25", "min_variance=-1e-4");
    }

    @Test
    void badMaxDominantShare() {
        fails("max_dominant_share", "a number from 0 to 1", "max_dominant_share=NaN");
    }

    @Test
    void badCorrelationMethod() {
        fails("correlation.method", "one of pearson, spearman", "correlation.method=kendall");
    }

    @Test
    void badCorrelationThreshold() {
        fails("correlation.threshold", "a number from 0 to 1", "correlation.threshold=1.1");
    }

    @Test
    void badCramersVThreshold() {
        fails("cramers_v.threshold", "a number from 0 to 1", "cramers_v.threshold=-0.1");
    }

    @Test
    void badMaxFeatures() {
        fails("max_features", "an integer from 0 to 100000", "max_features=-1");
    }

    @Test
    void badMaxFeaturesText() {
        fails("max_features", "an integer from 0 to 100000", "max_features=5.5");
    }

    @Test
    void badPcaVariance() {
        fails("pca.variance", "above 0 and at most 1", "pca.variance=0");
    }

    @Test
    void badTargetMethod() {
        fails("target.method", "one of auto, infogain, cfs, correlation", "target=t", "target.method=lasso");
    }

    @Test
    void targetMethodWithoutTarget() {
        fails("target.method", "no 'target' is set", "target.method=infogain");
    }

    @Test
    void blankTarget() {
        fails("target", "a column name or empty", "target=  ");
    }

    @Test
    void targetAlsoAnIdentifier() {
        fails("target", "also listed in 'id.columns'", "target=t", "id.columns=id,t");
    }

    @Test
    void targetAlsoIncluded() {
        fails("target", "also listed in 'include'", "target=t", "include=a,t");
    }

    @Test
    void identifierAlsoIncluded() {
        fails("include", "also listed in 'id.columns'", "include=a,id", "id.columns=id");
    }

    @Test
    void repeatedNameInAList() {
        fails("exclude", "lists column 'a' twice", "exclude=a,b,a");
    }

    @Test
    void nullInAJsonList() {
        fails("include", "a JSON array of strings", "include=[\"a\", null]");
    }

    @Test
    void constructorValidatesToo() {
        InputException e = assertThrows(InputException.class, () -> new SelectorConfig(List.of(), List.of(),
                List.of(), 0.5, 1e-4, 0.95, CorrelationMethod.PEARSON, 0.9, 0.9, 0, 1.5, "", TargetMethod.AUTO));
        assertEquals("selector setting 'pca.variance' must be a number above 0 and at most 1, got 1.5",
                e.getMessage());
    }
}
