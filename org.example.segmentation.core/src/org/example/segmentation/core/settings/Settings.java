package org.example.segmentation.core.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.example.segmentation.core.InputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An immutable flat map of setting keys to text values, with typed getters that fail with one clear line:
 * {@code setting 'k' must be an integer from 2 to 50, got 'abc'}.
 *
 * <p>Keys are compared exactly. Values are trimmed when read as numbers, booleans and choices; strings are
 * returned as given.
 */
public final class Settings {
    private static final Settings EMPTY = new Settings(Map.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** No settings: every getter returns its default. */
    public static Settings empty() {
        return EMPTY;
    }

    /** Settings holding a copy of {@code values}. */
    public static Settings of(Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new InputException("a setting key must not be empty");
            }
            if (e.getValue() == null) {
                throw new InputException("setting '" + e.getKey() + "' has no value");
            }
        }
        return new Settings(values);
    }

    /**
     * Settings from {@code key=value} strings, as given to {@code --set}. A later value for the same key
     * wins, as on a command line.
     *
     * @throws InputException for an item without {@code =} or with an empty key
     */
    public static Settings parse(Collection<String> keyValues) {
        Map<String, String> out = new TreeMap<>();
        for (String kv : keyValues) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new InputException("setting '" + kv + "' must have the form key=value");
            }
            out.put(kv.substring(0, eq).trim(), kv.substring(eq + 1));
        }
        return new Settings(out);
    }

    /** All settings, sorted by key (unmodifiable). */
    public Map<String, String> asMap() {
        return values;
    }

    /** Whether {@code key} is set. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** These settings with {@code key} set to {@code value}. */
    public Settings with(String key, String value) {
        Map<String, String> m = new TreeMap<>(values);
        m.put(key, value);
        return of(m);
    }

    /** These settings overridden by {@code other}'s values. */
    public Settings withAll(Settings other) {
        Map<String, String> m = new TreeMap<>(values);
        m.putAll(other.values);
        return new Settings(m);
    }

    /** The settings whose key starts with {@code prefix}, with the prefix removed. */
    public Settings under(String prefix) {
        Map<String, String> m = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), v);
            }
        });
        return new Settings(m);
    }

    /**
     * Fails on a key that is not in {@code specs}, naming it and the closest known key.
     *
     * @param step the step's name for the message ({@code cleaner})
     */
    public void requireKnown(String step, Collection<SettingSpec> specs) {
        Set<String> known = new TreeSet<>();
        for (SettingSpec s : specs) {
            known.add(s.key());
        }
        for (String k : values.keySet()) {
            if (!known.contains(k)) {
                String near = closest(k, known);
                throw new InputException("unknown " + step + " setting '" + k + "'"
                        + (near == null ? "" : "; did you mean '" + near + "'?")
                        + " Known settings: " + String.join(", ", known));
            }
        }
    }

    /** The text value, or {@code defaultValue} when not set. */
    public String getString(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    /** An integer from {@code min} to {@code max}. */
    public int getInt(String key, int defaultValue, int min, int max) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw outOfRange(key, v, "an integer from " + min + " to " + max);
        }
        if (parsed < min || parsed > max) {
            throw outOfRange(key, v, "an integer from " + min + " to " + max);
        }
        return parsed;
    }

    /** A long integer (seeds). */
    public long getLong(String key, long defaultValue) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw outOfRange(key, v, "an integer");
        }
    }

    /** A finite number from {@code min} to {@code max} (inclusive). */
    public double getDouble(String key, double defaultValue, double min, double max) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw outOfRange(key, v, "a number from " + fmt(min) + " to " + fmt(max));
        }
        if (!(parsed >= min && parsed <= max)) {
            throw outOfRange(key, v, "a number from " + fmt(min) + " to " + fmt(max));
        }
        return parsed;
    }

    /** {@code true} or {@code false} (also {@code yes/no}, {@code 1/0}), case-insensitive. */
    public boolean getBoolean(String key, boolean defaultValue) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "1":
                return true;
            case "false": case "no": case "0":
                return false;
            default:
                throw outOfRange(key, v, "true or false");
        }
    }

    /** One of {@code allowed} (case-insensitive); returned as written in {@code allowed}. */
    public String getChoice(String key, String defaultValue, List<String> allowed) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v.trim())) {
                return a;
            }
        }
        throw outOfRange(key, v, "one of " + String.join(", ", allowed));
    }

    /**
     * A list of strings: a JSON array of strings ({@code ["a","b, c"]}) or comma-separated text
     * ({@code a, b}); an empty value is an empty list.
     */
    public List<String> getList(String key, List<String> defaultValue) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        String t = v.trim();
        if (t.isEmpty()) {
            return List.of();
        }
        if (t.startsWith("[")) {
            try {
                String[] items = JSON.readValue(t, String[].class);
                for (String item : items) {
                    if (item == null) {
                        throw outOfRange(key, v, "a JSON array of strings without null");
                    }
                }
                return List.of(items);
            } catch (JsonProcessingException e) {
                throw outOfRange(key, v, "a JSON array of strings like [\"a\",\"b\"]");
            }
        }
        List<String> out = new ArrayList<>();
        for (String part : t.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** Formats a list the way {@link #getList} reads it back exactly (a JSON array of strings). */
    public static String formatList(Collection<String> items) {
        try {
            return JSON.writeValueAsString(items.toArray(new String[0]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot format a list of strings", e);
        }
    }

    private static InputException outOfRange(String key, String value, String expected) {
        return new InputException("setting '" + key + "' must be " + expected + ", got '" + value + "'");
    }

    private static String fmt(double d) {
        if (d == Double.MAX_VALUE) {
            return "any size";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String closest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = levenshtein(key, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings s && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
