package org.example.segmentation.core.nodes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.settings.Settings;

/**
 * The bridge between what a KNIME node stores and the engine's {@link Settings}. A node stores one string per
 * {@link SettingSpec} key, under exactly that key, so its {@code settings.xml} reads like a pipeline file.
 *
 * <ul>
 * <li>A key whose spec has no default ({@code ""}) and whose stored value is empty is left out: the step picks
 * its own default (a guessed column, say). Any other value is passed on as stored.
 * <li>A pattern key such as {@code missing.column.<name>} is stored once, under the pattern, as lines of
 * {@code name=value}; each line becomes {@code missing.column.name=value}.
 * </ul>
 */
public final class StepSettings {

    private StepSettings() {
    }

    /** Whether the spec stands for a family of keys ({@code name.<segment id>}). */
    public static boolean isPattern(SettingSpec spec) {
        return spec.key().indexOf('<') >= 0;
    }

    /** The fixed part of a pattern key ({@code missing.column.}). */
    public static String patternPrefix(SettingSpec spec) {
        return spec.key().substring(0, spec.key().indexOf('<'));
    }

    /** Every key with its default value. */
    public static Map<String, String> defaults(List<SettingSpec> specs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SettingSpec s : specs) {
            out.put(s.key(), s.defaultValue());
        }
        return out;
    }

    /**
     * The engine settings for what a node stores.
     *
     * @param step   the step's name for messages
     * @param stored key to value as stored by the node; missing keys take their default
     * @throws InputException for a stored key that is not a setting of the step, or a malformed pattern line
     */
    public static Settings toEngine(String step, Map<String, String> stored, List<SettingSpec> specs) {
        Map<String, SettingSpec> byKey = new LinkedHashMap<>();
        for (SettingSpec s : specs) {
            byKey.put(s.key(), s);
        }
        for (String key : stored.keySet()) {
            if (!byKey.containsKey(key)) {
                throw new InputException("unknown " + step + " setting '" + key + "'; known settings: "
                        + String.join(", ", byKey.keySet()));
            }
        }
        Map<String, String> out = new TreeMap<>();
        for (SettingSpec s : specs) {
            String value = stored.getOrDefault(s.key(), s.defaultValue());
            if (value == null) {
                value = s.defaultValue();
            }
            if (isPattern(s)) {
                expand(s, value, out);
            } else if (!(value.isEmpty() && s.defaultValue().isEmpty())) {
                out.put(s.key(), value);
            }
        }
        return Settings.of(out);
    }

    /**
     * What a node stores for engine settings (the reverse of {@link #toEngine}): every spec key, pattern keys
     * gathered into lines.
     *
     * @throws InputException for a key that is neither a spec key nor matches a pattern
     */
    public static Map<String, String> fromEngine(String step, Settings settings, List<SettingSpec> specs) {
        Map<String, String> out = defaults(specs);
        Map<String, List<String>> lines = new LinkedHashMap<>();
        outer:
        for (Map.Entry<String, String> e : settings.asMap().entrySet()) {
            for (SettingSpec s : specs) {
                if (!isPattern(s) && s.key().equals(e.getKey())) {
                    out.put(s.key(), e.getValue());
                    continue outer;
                }
            }
            for (SettingSpec s : specs) {
                if (isPattern(s) && e.getKey().startsWith(patternPrefix(s))) {
                    lines.computeIfAbsent(s.key(), k -> new ArrayList<>())
                            .add(e.getKey().substring(patternPrefix(s).length()) + "=" + e.getValue());
                    continue outer;
                }
            }
            throw new InputException("unknown " + step + " setting '" + e.getKey() + "'");
        }
        lines.forEach((k, v) -> out.put(k, String.join("\n", v)));
        return out;
    }

    private static void expand(SettingSpec spec, String value, Map<String, String> out) {
        String prefix = patternPrefix(spec);
        int lineNo = 0;
        for (String line : value.split("\\R")) {
            lineNo++;
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new InputException("setting '" + spec.key() + "', line " + lineNo + ": '" + t
                        + "' must have the form name=value");
            }
            out.put(prefix + t.substring(0, eq).trim(), t.substring(eq + 1).trim());
        }
    }
}
