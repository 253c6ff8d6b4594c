package org.example.segmentation.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.Settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Option;

/**
 * A step's settings on the command line: {@code --config FILE} then {@code --set key=value} (repeatable;
 * later wins). The keys are exactly those the KNIME dialogs store.
 *
 * <p>A config file is a flat JSON object ({@code {"scaling": "robust", "k.max": 8}}; numbers and booleans
 * are taken as their text, arrays as lists) or, for any other file name, {@code key=value} lines with
 * {@code #} comments.
 */
final class SettingsOptions {

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A step setting, e.g. --set scaling=robust. Repeatable; wins over --config.")
    List<String> set = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file: a flat JSON object, or key=value lines.")
    Path config;

    Settings toSettings() {
        Settings base = config == null ? Settings.empty() : read(config);
        return base.withAll(Settings.parse(set));
    }

    static Settings read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputException("settings file " + file + " does not exist");
        } catch (IOException e) {
            throw new InputException("cannot read settings file " + file + ": " + e.getMessage());
        }
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return fromJson(file, text);
        }
        Map<String, String> m = new TreeMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InputException("settings file " + file + ", line " + (i + 1) + ": expected key=value");
            }
            m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return Settings.of(m);
    }

    private static Settings fromJson(Path file, String text) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException("settings file " + file + " is not valid JSON: line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (root == null || !root.isObject()) {
            throw new InputException("settings file " + file + " must hold a JSON object of settings");
        }
        Map<String, String> m = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(item -> items.add(item.asText()));
                m.put(e.getKey(), Settings.formatList(items));
            } else if (v.isValueNode() && !v.isNull()) {
                m.put(e.getKey(), v.asText());
            } else {
                throw new InputException("settings file " + file + ": setting '" + e.getKey()
                        + "' must be a string, number, boolean or list");
            }
        }
        return Settings.of(m);
    }
}
