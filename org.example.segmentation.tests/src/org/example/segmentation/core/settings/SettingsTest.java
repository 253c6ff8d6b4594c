package org.example.segmentation.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.example.segmentation.core.InputException;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsWhenUnset() {
        Settings s = Settings.empty();
        assertEquals(10, s.getInt("k.max", 10, 2, 50));
        assertEquals(0.5, s.getDouble("missing.max_share", 0.5, 0, 1));
        assertTrue(s.getBoolean("flag", true));
        assertEquals("zscore", s.getChoice("scaling", "zscore", List.of("zscore", "robust")));
        assertEquals(List.of("a"), s.getList("features", List.of("a")));
    }

    @Test
    void parsesKeyValuesLastWins() {
        Settings s = Settings.parse(List.of("k.max=8", "scaling=Robust", "k.max=9", "name=a=b"));
        assertEquals(9, s.getInt("k.max", 10, 2, 50));
        assertEquals("robust", s.getChoice("scaling", "zscore", List.of("zscore", "robust")));
        assertEquals("a=b", s.getString("name", ""));
        InputException e = assertThrows(InputException.class, () -> Settings.parse(List.of("k.max")));
        assertEquals("setting 'k.max' must have the form key=value", e.getMessage());
    }

    @Test
    void eachBadValueNamesKeyValueAndExpectation() {
        Settings s = Settings.of(Map.of("k", "1", "x", "abc", "b", "maybe", "c", "pca", "d", "NaN"));
        assertEquals("setting 'k' must be an integer from 2 to 50, got '1'",
                assertThrows(InputException.class, () -> s.getInt("k", 10, 2, 50)).getMessage());
        assertEquals("setting 'x' must be an integer from 0 to 5, got 'abc'",
                assertThrows(InputException.class, () -> s.getInt("x", 1, 0, 5)).getMessage());
        assertEquals("setting 'b' must be true or false, got 'maybe'",
                assertThrows(InputException.class, () -> s.getBoolean("b", true)).getMessage());
        assertEquals("setting 'c' must be one of zscore, robust, none, got 'pca'",
                assertThrows(InputException.class,
                        () -> s.getChoice("c", "none", List.of("zscore", "robust", "none"))).getMessage());
        assertEquals("setting 'd' must be a number from 0 to 1, got 'NaN'",
                assertThrows(InputException.class, () -> s.getDouble("d", 0.5, 0, 1)).getMessage());
        assertThrows(InputException.class, () -> s.getLong("x", 1));
    }

    @Test
    void listsHoldAnyColumnName() {
        List<String> names = List.of("Região", "Ingreso, mensual", "quote\"d", " spaced ");
        String text = Settings.formatList(names);
        assertEquals(names, Settings.of(Map.of("features", text)).getList("features", List.of()));
        assertEquals(List.of("a", "b"), Settings.of(Map.of("f", " a , b ,")).getList("f", List.of()));
        assertEquals(List.of(), Settings.of(Map.of("f", " ")).getList("f", List.of("x")));
        assertThrows(InputException.class, () -> Settings.of(Map.of("f", "[\"a\"")).getList("f", List.of()));
        assertThrows(InputException.class, () -> Settings.of(Map.of("f", "[1, null]")).getList("f", List.of()));
    }

    @Test
    void unknownKeySuggestsTheClosest() {
        List<SettingSpec> specs = List.of(SettingSpec.of("outlier.method", "iqr", "how"),
                SettingSpec.of("outlier.factor", 1.5, "how far"));
        Settings.of(Map.of("outlier.method", "iqr")).requireKnown("cleaner", specs);
        InputException e = assertThrows(InputException.class,
                () -> Settings.of(Map.of("outlier.metod", "iqr")).requireKnown("cleaner", specs));
        assertTrue(e.getMessage().startsWith("unknown cleaner setting 'outlier.metod'; did you mean 'outlier.method'?"),
                e.getMessage());
        InputException far = assertThrows(InputException.class,
                () -> Settings.of(Map.of("zzz", "1")).requireKnown("cleaner", specs));
        assertFalse(far.getMessage().contains("did you mean"), far.getMessage());
    }

    @Test
    void immutableAndComposable() {
        Settings a = Settings.of(Map.of("x", "1"));
        Settings b = a.with("y", "2");
        assertFalse(a.has("y"));
        assertEquals(Map.of("x", "1", "y", "2"), b.asMap());
        assertEquals(Map.of("method", "iqr"),
                Settings.of(Map.of("outlier.method", "iqr", "scaling", "none")).under("outlier.").asMap());
        assertEquals("3", b.withAll(Settings.of(Map.of("x", "3"))).getString("x", ""));
        assertThrows(UnsupportedOperationException.class, () -> a.asMap().put("z", "1"));
    }
}
