package org.example.segmentation.cli.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Names;
import org.example.segmentation.core.settings.Settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A pipeline file, read and validated: its name, the previous run it builds on, whether it reuses that run's models,
 * and the settings of each step it runs (see docs/pipeline.md).
 *
 * <pre>
 * name: monthly-scoring-and-drift
 * previous: ../out/month1        # relative paths resolve against the pipeline file's directory
 * reuse_models: true
 * steps:
 *   clean: {}
 *   select: {}
 *   segment: {}
 *   profile: {exclude: [customer_id]}
 *   drift: {psi.significant: 0.25}
 * </pre>
 *
 * @param file         the pipeline file
 * @param name         the pipeline's name (default: the file name without extension)
 * @param description  free text, for the report (may be empty)
 * @param previous     the previous run's output directory (resolved), or {@code null}
 * @param reuseModels  apply the previous run's cleaning, selection and segmentation models instead of fitting
 * @param steps        the steps' settings by step name, in the runner's order
 */
public record PipelineDefinition(Path file, String name, String description, Path previous, boolean reuseModels,
        Map<String, Settings> steps) {

    /** The top-level keys of a pipeline file. */
    public static final List<String> KEYS = List.of("name", "description", "previous", "reuse_models", "steps");

    public PipelineDefinition {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    /** Whether the pipeline runs {@code step}. */
    public boolean has(String step) {
        return steps.containsKey(step);
    }

    /** The pipeline with another previous run (the command line's {@code --previous} wins over the file). */
    public PipelineDefinition withPrevious(Path dir) {
        return new PipelineDefinition(file, name, description, dir, reuseModels, steps);
    }

    /**
     * Reads a pipeline file (YAML for {@code .yaml}/{@code .yml}, else JSON) and validates every step's settings.
     *
     * @throws InputException naming the pipeline file and, for a bad step or key, the step and the key
     */
    public static PipelineDefinition load(Path file) {
        return load(file, null, PipelineSteps.all());
    }

    /**
     * As {@link #load(Path)}, with the previous run {@code previous} (the command line's {@code --previous}) in place
     * of the file's {@code previous:} when not null, before the steps are validated: a step that needs a previous run
     * is then satisfied by either.
     */
    public static PipelineDefinition load(Path file, Path previous) {
        return load(file, previous, PipelineSteps.all());
    }

    /** As {@link #load(Path)}, with the given steps (in run order). */
    static PipelineDefinition load(Path file, List<PipelineStep> known) {
        return load(file, null, known);
    }

    private static PipelineDefinition load(Path file, Path previousOverride, List<PipelineStep> known) {
        JsonNode root = readTree(file);
        String where = "pipeline file " + file;
        if (root == null || !root.isObject()) {
            throw new InputException(where + " must hold a mapping with the keys " + String.join(", ", KEYS));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new InputException(where + ": unknown key '" + key + "'; the keys are " + String.join(", ", KEYS));
            }
        }
        String fileName = file.getFileName().toString();
        String name = text(root, "name", where, fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.'))
                : fileName);
        String description = text(root, "description", where, "");
        String previousText = text(root, "previous", where, "");
        Path base = file.toAbsolutePath().getParent();
        Path previous = previousOverride != null ? previousOverride
                : previousText.isEmpty() ? null : base.resolve(previousText).normalize();
        boolean reuse = false;
        JsonNode r = root.get("reuse_models");
        if (r != null && !r.isNull()) {
            if (!r.isBoolean() && !(r.isTextual() && Set.of("true", "false").contains(r.asText()))) {
                throw new InputException(where + ": 'reuse_models' must be true or false, got '" + r.asText() + "'");
            }
            reuse = r.asBoolean();
        }
        JsonNode stepsNode = root.get("steps");
        if (stepsNode == null || !stepsNode.isObject() || stepsNode.isEmpty()) {
            throw new InputException(where + ": 'steps' must map step names to their settings; the steps are "
                    + Names.quote(names(known)));
        }
        Map<String, Settings> given = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = stepsNode.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (names(known).stream().noneMatch(e.getKey()::equals)) {
                throw new InputException(where + ": unknown step '" + e.getKey() + "'; the steps are "
                        + Names.quote(names(known)));
            }
            given.put(e.getKey(), settings(e.getValue(), where + ", step '" + e.getKey() + "'"));
        }
        Map<String, Settings> ordered = new LinkedHashMap<>();
        for (PipelineStep s : known) {
            if (given.containsKey(s.name())) {
                ordered.put(s.name(), given.get(s.name()));
            }
        }
        PipelineDefinition d = new PipelineDefinition(file, name, description, previous, reuse, ordered);
        d.validate(known);
        return d;
    }

    /**
     * Validates every step against this definition (after {@link #withPrevious} too).
     *
     * @throws InputException naming the pipeline file, the step and the key or what is missing
     */
    void validate(List<PipelineStep> known) {
        if (reuseModels && previous == null) {
            throw new InputException("pipeline file " + file + ": 'reuse_models: true' needs a previous run "
                    + "('previous:' in the file or --previous DIR)");
        }
        for (PipelineStep s : known) {
            Settings settings = steps.get(s.name());
            if (settings == null) {
                continue;
            }
            try {
                s.validate(settings, this);
            } catch (InputException e) {
                throw new InputException("pipeline file " + file + ", step '" + s.name() + "': " + e.getMessage(), e);
            }
        }
    }

    private static List<String> names(List<PipelineStep> steps) {
        return steps.stream().map(PipelineStep::name).toList();
    }

    private static JsonNode readTree(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputException("pipeline file " + file + " does not exist");
        } catch (IOException e) {
            throw new InputException("cannot read pipeline file " + file + ": " + e.getMessage());
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
        ObjectMapper mapper = yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : ": line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new InputException("pipeline file " + file + " is not valid " + (yaml ? "YAML" : "JSON") + at);
        }
    }

    private static String text(JsonNode root, String key, String where, String defaultValue) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (!v.isValueNode()) {
            throw new InputException(where + ": '" + key + "' must be text");
        }
        return v.asText();
    }

    /**
     * A step section as the flat settings map: text, numbers and booleans as their text, a list as a JSON array of
     * strings, a nested mapping (such as the profiler's {@code labels}) as its JSON text; an empty section is no
     * settings.
     */
    private static Settings settings(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return Settings.empty();
        }
        if (!node.isObject()) {
            throw new InputException(where + " must map setting keys to values (use {} for the defaults)");
        }
        Map<String, String> m = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : v) {
                    if (!item.isValueNode() || item.isNull()) {
                        throw new InputException(where + ": setting '" + e.getKey() + "' must be a list of texts");
                    }
                    items.add(item.asText());
                }
                m.put(e.getKey(), Settings.formatList(items));
            } else if (v.isObject()) {
                m.put(e.getKey(), v.toString());
            } else if (v.isNull()) {
                m.put(e.getKey(), "");
            } else {
                m.put(e.getKey(), v.asText());
            }
        }
        return Settings.of(m);
    }
}
