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

class ControlGroupConfigTest {

    private static InputException fails(Map<String, String> settings) {
        return assertThrows(InputException.class, () -> ControlGroupConfig.fromSettings(Settings.of(settings)));
    }

    @Test
    void defaults() {
        ControlGroupConfig c = ControlGroupConfig.fromSettings(Settings.of(Map.of("salt", "spring-2025")));
        assertEquals(ControlGroupConfig.of("spring-2025"), c);
        assertEquals("customer_id", c.idColumn());
        assertEquals(0.10, c.controlShare());
        assertEquals(AssignmentMethod.STRATIFIED_RANK, c.method());
        assertEquals("", c.stratifyBy());
        assertEquals(List.of(), c.balanceCovariates());
        assertEquals(0.1, c.smdThreshold());
        assertFalse(c.hasHoldout());
    }

    @Test
    void settingsRoundTrip() {
        ControlGroupConfig c = new ControlGroupConfig("Kunden-Nr", "q3 offer, wave 2", 0.25,
                AssignmentMethod.HASH_THRESHOLD, "Região", List.of("age", "income, net"), 0.05, "global-2025", 0.05,
                "group");
        Settings s = c.toSettings();
        assertEquals("hash_threshold", s.asMap().get("control.method"));
        assertEquals("[\"age\",\"income, net\"]", s.asMap().get("balance.covariates"));
        assertEquals(c, ControlGroupConfig.fromSettings(s));
        ControlGroupConfig d = ControlGroupConfig.of("x");
        assertEquals(d, ControlGroupConfig.fromSettings(d.toSettings()));
        assertEquals(ControlGroupConfig.SPECS.size(), d.toSettings().asMap().size(), "every key is written");
    }

    @Test
    void saltIsRequired() {
        InputException e = fails(Map.of());
        assertTrue(e.getMessage().startsWith("control setting 'salt' is required"), e.getMessage());
        assertTrue(fails(Map.of("salt", "  ")).getMessage().contains("'salt'"));
    }

    @Test
    void badValuesNameTheKey() {
        assertEquals("control setting 'control.share' must be greater than 0 and less than 1, got 0.0",
                fails(Map.of("salt", "s", "control.share", "0")).getMessage());
        assertEquals("setting 'control.share' must be a number from 0 to 1, got 'ten percent'",
                fails(Map.of("salt", "s", "control.share", "ten percent")).getMessage());
        assertEquals("setting 'control.method' must be one of stratified_rank, hash_threshold, got 'random'",
                fails(Map.of("salt", "s", "control.method", "random")).getMessage());
        assertTrue(fails(Map.of("salt", "s", "balance.smd_threshold", "0")).getMessage()
                .startsWith("control setting 'balance.smd_threshold'"));
        assertTrue(fails(Map.of("salt", "s", "holdout.share", "0.05")).getMessage()
                .startsWith("control setting 'holdout.salt' is required"));
        assertTrue(fails(Map.of("salt", "s", "holdout.salt", "g")).getMessage()
                .startsWith("control setting 'holdout.share' must be greater than 0"));
        assertTrue(fails(Map.of("salt", "s", "holdout.salt", "s", "holdout.share", "0.1")).getMessage()
                .contains("must differ from salt"));
        assertTrue(fails(Map.of("salt", "s", "balance.covariates", "age,age")).getMessage()
                .contains("names column 'age' twice"));
        assertTrue(fails(Map.of("salt", "s", "balance.covariates", "customer_id")).getMessage()
                .contains("must not name the id column"));
    }

    @Test
    void unknownKeyFailsWithASuggestion() {
        InputException e = fails(Map.of("salt", "s", "control.shares", "0.2"));
        assertTrue(e.getMessage().startsWith("unknown control setting 'control.shares'; did you mean 'control.share'"),
                e.getMessage());
    }

    @Test
    void specsDocumentEveryKey() {
        assertEquals(List.of("id.column", "salt", "control.share", "control.method", "stratify.by",
                "balance.covariates", "balance.smd_threshold", "holdout.salt", "holdout.share", "previous.column"),
                ControlGroupConfig.SPECS.stream().map(x -> x.key()).toList());
        assertFalse(ControlGroupConfig.SPECS.stream().anyMatch(x -> x.description().isBlank()));
    }
}
