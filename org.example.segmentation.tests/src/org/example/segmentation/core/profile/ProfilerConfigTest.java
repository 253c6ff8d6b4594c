package org.example.segmentation.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;
import org.junit.jupiter.api.Test;

class ProfilerConfigTest {

    private static ProfilerConfig parse(String... keyValues) {
        return ProfilerConfig.fromSettings(Settings.parse(List.of(keyValues)));
    }

    /** Asserts that the settings fail with a message naming the key and containing {@code allowed}. */
    private static void fails(String key, String allowed, String... keyValues) {
        InputException e = assertThrows(InputException.class, () -> parse(keyValues));
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(allowed), e.getMessage());
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        ProfilerConfig c = ProfilerConfig.defaults();
        assertEquals(new ProfilerConfig("segment", List.of(), List.of(), 3, 3, 0.5, 1.0, Map.of(), 10, true, 50_000), c);
        Map<String, String> fromSpecs = ProfilerConfig.SPECS.stream()
                .collect(Collectors.toMap(SettingSpec::key, SettingSpec::defaultValue));
        assertEquals(c, ProfilerConfig.fromSettings(Settings.of(fromSpecs)), "every spec default is the real default");
        assertEquals(ProfilerConfig.SPECS.stream().map(SettingSpec::key).sorted().toList(),
                List.copyOf(c.toSettings().asMap().keySet()), "toSettings writes every documented key");
    }

    @Test
    void settingsRoundTripExactly() {
        ProfilerConfig c = new ProfilerConfig("Região do cliente", List.of("age", "a, b", "Возраст"), List.of("x"), 7,
                4, 0.3456789012345678, 1.25, Map.of("app_logins_30d", "app use", "Região", "região \"quoted\""), 1,
                false, 0);
        assertEquals(c, ProfilerConfig.fromSettings(c.toSettings()));
        assertEquals(c.toSettings(), ProfilerConfig.fromSettings(c.toSettings()).toSettings());
        ProfilerConfig d = ProfilerConfig.defaults();
        assertEquals(d, ProfilerConfig.fromSettings(d.toSettings()));
        assertEquals("{}", d.toSettings().asMap().get("labels"));
    }

    @Test
    void listsAndLabelsParse() {
        ProfilerConfig c = parse("include=age, balance", "exclude=[\"a,b\"]",
                "labels={\"app_logins_30d\": \" app use \", \"branch_visits_90d\": \"branch visits\"}",
                "segment.column=cluster");
        assertEquals(List.of("age", "balance"), c.include());
        assertEquals(List.of("a,b"), c.exclude());
        assertEquals(Map.of("app_logins_30d", "app use", "branch_visits_90d", "branch visits"), c.labels());
        assertEquals("cluster", c.segmentColumn());
        assertEquals(Map.of(), parse("labels=").labels());
        assertEquals(Map.of(), parse("labels= {} ").labels());
    }

    @Test
    void veryHighDefaultsToHighWhenHighIsAboveOne() {
        ProfilerConfig c = parse("effect.high=1.5");
        assertEquals(1.5, c.effectVeryHigh());
        assertEquals(c, ProfilerConfig.fromSettings(c.toSettings()));
    }

    @Test
    void unknownKeySuggestsTheClosest() {
        InputException e = assertThrows(InputException.class, () -> parse("top_feature=3"));
        assertTrue(e.getMessage().contains("'top_feature'") && e.getMessage().contains("'top_features'"),
                e.getMessage());
    }

    @Test
    void badTopFeatures() {
        fails("top_features", "an integer from 1 to 100", "top_features=0");
    }

    @Test
    void badTopFeaturesText() {
        fails("top_features", "an integer from 1 to 100", "top_features=three");
    }

    @Test
    void badDescriptionPhrases() {
        fails("description.phrases", "an integer from 1 to 6", "description.phrases=7");
    }

    @Test
    void badEffectHighZero() {
        fails("effect.high", "above 0", "effect.high=0");
    }

    @Test
    void badEffectHighText() {
        fails("effect.high", "a number from 0 to 10", "effect.high=big");
    }

    @Test
    void badEffectVeryHighBelowHigh() {
        fails("effect.very_high", "effect.high", "effect.high=0.8", "effect.very_high=0.6");
    }

    @Test
    void badEffectVeryHighTooLarge() {
        fails("effect.very_high", "a number from 0 to 10", "effect.very_high=11");
    }

    @Test
    void badLabelsNotJson() {
        fails("labels", "a JSON object of labels", "labels=app_logins_30d:app use");
    }

    @Test
    void badLabelsArray() {
        fails("labels", "a JSON object of labels", "labels=[\"a\"]");
    }

    @Test
    void badLabelsNumberValue() {
        fails("labels", "must be a JSON string", "labels={\"age\": 3}");
    }

    @Test
    void badLabelsEmptyLabel() {
        fails("labels", "is empty", "labels={\"age\": \" \"}");
    }

    @Test
    void badMinSegmentSize() {
        fails("min_segment_size", "an integer from 1 to", "min_segment_size=0");
    }

    @Test
    void badInfoGain() {
        fails("info_gain", "true or false", "info_gain=maybe");
    }

    @Test
    void badInfoGainMaxRows() {
        fails("info_gain.max_rows", "an integer from 0 to", "info_gain.max_rows=-1");
    }

    @Test
    void badSegmentColumnBlank() {
        fails("segment.column", "must name a column", "segment.column= ");
    }

    @Test
    void badIncludeNamesTheSegment() {
        fails("include", "segment column", "include=age,segment");
    }

    @Test
    void badIncludeRepeats() {
        fails("include", "twice", "include=age,age");
    }

    @Test
    void badExcludeEmptyName() {
        fails("exclude", "empty name", "exclude=[\"\"]");
    }
}
