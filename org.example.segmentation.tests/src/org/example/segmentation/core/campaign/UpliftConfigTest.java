package org.example.segmentation.core.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.Settings;
import org.junit.jupiter.api.Test;

class UpliftConfigTest {

    private static InputException fails(Map<String, String> settings) {
        return assertThrows(InputException.class, () -> UpliftConfig.fromSettings(Settings.of(settings)));
    }

    @Test
    void defaults() {
        UpliftConfig c = UpliftConfig.fromSettings(Settings.empty());
        assertEquals("group", c.groupColumn());
        assertEquals("", c.outcomeColumn());
        assertEquals(OutcomeType.AUTO, c.outcomeType());
        assertEquals("", c.segmentColumn());
        assertEquals(0.95, c.confidence());
        assertEquals(0.05, c.alpha());
        assertEquals(0.1, c.controlShare());
        assertEquals(0.001, c.srmAlpha());
        assertEquals(30, c.minGroupSize());
        assertTrue(Double.isNaN(c.baseRate()));
        assertEquals(0.8, c.power());
        assertTrue(Double.isNaN(c.targetEffect()));
        assertEquals(UpliftConfig.of("converted"),
                UpliftConfig.fromSettings(Settings.of(Map.of("outcome.column", "converted"))));
    }

    @Test
    void settingsRoundTrip() {
        UpliftConfig c = new UpliftConfig("grupo", "Umsatz €", OutcomeType.NUMERIC, "Região", "customer_id", 0.9,
                0.1, 0.2, 0.01, 50, 0.035, 0.9, 0.005);
        assertEquals(c, UpliftConfig.fromSettings(c.toSettings()));
        UpliftConfig d = UpliftConfig.of("converted");
        Settings s = d.toSettings();
        assertEquals("", s.asMap().get("base_rate"));
        assertEquals("", s.asMap().get("target_effect"));
        assertEquals(d, UpliftConfig.fromSettings(s));
        assertEquals(UpliftConfig.SPECS.size(), s.asMap().size());
    }

    @Test
    void badValuesNameTheKey() {
        assertEquals("uplift setting 'confidence' must be greater than 0 and less than 1, got 1.0",
                fails(Map.of("confidence", "1")).getMessage());
        assertEquals("setting 'alpha' must be a number from 0 to 1, got '5%'",
                fails(Map.of("alpha", "5%")).getMessage());
        assertEquals("setting 'outcome.type' must be one of binary, numeric, auto, got 'revenue'",
                fails(Map.of("outcome.type", "revenue")).getMessage());
        assertEquals("setting 'base_rate' must be a number from 0 to 1, got '5'", fails(Map.of("base_rate", "5"))
                .getMessage());
        assertTrue(fails(Map.of("base_rate", "0")).getMessage().startsWith("uplift setting 'base_rate'"));
        assertTrue(fails(Map.of("min.group_size", "-1")).getMessage().startsWith("setting 'min.group_size'"));
        assertTrue(fails(Map.of("group.column", " ")).getMessage().startsWith("uplift setting 'group.column'"));
        assertTrue(fails(Map.of("outcome.column", "group")).getMessage()
                .startsWith("uplift setting 'outcome.column' must differ"));
        assertTrue(fails(Map.of("outcom.column", "x")).getMessage()
                .startsWith("unknown uplift setting 'outcom.column'; did you mean 'outcome.column'"));
    }

    @Test
    void specsDocumentEveryKey() {
        assertEquals(List.of("group.column", "outcome.column", "outcome.type", "segment.column", "id.column",
                "confidence", "alpha", "control.share", "srm.alpha", "min.group_size", "base_rate", "power",
                "target_effect"), UpliftConfig.SPECS.stream().map(x -> x.key()).toList());
        assertFalse(UpliftConfig.SPECS.stream().anyMatch(x -> x.description().isBlank()));
    }
}
