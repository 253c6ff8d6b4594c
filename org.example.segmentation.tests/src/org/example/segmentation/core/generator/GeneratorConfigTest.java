package org.example.segmentation.core.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.Settings;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

    @Test
    void rowsBelowOneFailNamingTheSetting() {
        InputException e = assertThrows(InputException.class, () -> new GeneratorConfig(0, 1, 1, false, true));
        assertEquals("generator setting 'rows' must be at least 1, got 0", e.getMessage());
    }

    @Test
    void rowsAboveTheLimitFail() {
        InputException e = assertThrows(InputException.class,
                () -> GeneratorConfig.of(GeneratorConfig.MAX_ROWS + 1, 1));
        assertTrue(e.getMessage().contains("'rows' must be at most 100000000"), e.getMessage());
    }

    @Test
    void snapshotOtherThanOneOrTwoFails() {
        InputException e = assertThrows(InputException.class, () -> new GeneratorConfig(10, 1, 3, false, true));
        assertEquals("generator setting 'snapshot' must be 1 or 2, got 3", e.getMessage());
    }

    @Test
    void unknownSettingFailsWithASuggestion() {
        InputException e = assertThrows(InputException.class,
                () -> GeneratorConfig.fromSettings(Settings.of(Map.of("with_truht", "true"))));
        assertTrue(e.getMessage().contains("'with_truht'") && e.getMessage().contains("with_truth"),
                e.getMessage());
    }

    @Test
    void badSettingValueFailsNamingTheKey() {
        InputException e = assertThrows(InputException.class,
                () -> GeneratorConfig.fromSettings(Settings.of(Map.of("rows", "many"))));
        assertTrue(e.getMessage().startsWith("setting 'rows'"), e.getMessage());
    }

    @Test
    void defaultsAndWithers() {
        GeneratorConfig c = GeneratorConfig.of(500, 9);
        assertEquals(new GeneratorConfig(500, 9, 1, false, true), c);
        assertEquals(new GeneratorConfig(500, 9, 2, true, false),
                c.withSnapshot(2).withTruthColumns(true).withPlantedProblems(false));
        GeneratorConfig fromEmpty = GeneratorConfig.fromSettings(Settings.empty());
        assertEquals(new GeneratorConfig(10_000, 42, 1, false, true), fromEmpty);
    }

    @Test
    void settingsRoundTrip() {
        GeneratorConfig c = new GeneratorConfig(1234, -77L, 2, true, false);
        Settings s = c.toSettings();
        assertEquals(Map.of("rows", "1234", "seed", "-77", "snapshot", "2", "with_truth", "true",
                "plant_problems", "false"), s.asMap());
        assertEquals(c, GeneratorConfig.fromSettings(s));
    }

    @Test
    void specsDocumentEveryKey() {
        List<String> keys = GeneratorConfig.SPECS.stream().map(x -> x.key()).toList();
        assertEquals(List.of("rows", "seed", "snapshot", "with_truth", "plant_problems"), keys);
        assertFalse(GeneratorConfig.SPECS.stream().anyMatch(x -> x.description().isBlank()));
    }
}
