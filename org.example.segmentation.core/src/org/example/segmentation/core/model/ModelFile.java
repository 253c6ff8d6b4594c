package org.example.segmentation.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.io.AtomicFile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Saves and loads model files: a JSON envelope holding the kind, the format version, the engine version,
 * the {@link Provenance} and the model body.
 *
 * <p>Bodies are bound to records with snake_case field names; unknown fields and missing fields are
 * errors, so a hand-edited or truncated file fails to load with the file and the field named. Loading
 * reads at most {@value #MAX_BYTES} bytes, nesting depth {@value #MAX_DEPTH}, and strings of at most 16 MB.
 */
public final class ModelFile {
    /** The largest model file read. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;
    /** The deepest nesting of JSON objects and arrays read. */
    public static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(16 * 1024 * 1024)
                            .maxNumberLength(64)
                            .build())
                    .build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    /**
     * A model read from a file.
     *
     * @param kind          the model kind
     * @param formatVersion the format version of the body
     * @param engineVersion the engine that wrote it
     * @param provenance    where the model came from
     * @param body          the model body, to bind with {@link #bodyAs}
     * @param source        the file, for messages
     */
    public record Loaded(String kind, int formatVersion, String engineVersion, Provenance provenance,
            JsonNode body, Path source) {

        /**
         * The body bound to {@code type}.
         *
         * @throws InputException naming the file and the field that does not fit
         */
        public <T> T bodyAs(Class<T> type) {
            try {
                return MAPPER.treeToValue(body, type);
            } catch (JsonProcessingException e) {
                throw new InputException("model file " + source + ": " + describe(e, "model"), e);
            }
        }
    }

    private ModelFile() {
    }

    /** The mapper used for model bodies (snake_case, strict); for steps that build their own JSON. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes a model file atomically.
     *
     * @param kind          e.g. {@code cleaning_model}
     * @param formatVersion the body's format version, from 1
     * @param body          a record (or map, or JsonNode) bound with snake_case names
     * @throws InputException when the file cannot be written
     */
    public static void save(Path target, String kind, int formatVersion, Provenance provenance, Object body) {
        byte[] bytes = toBytes(kind, formatVersion, provenance, body);
        AtomicFile.write(target, out -> out.write(bytes));
    }

    /** The model file's bytes, as {@link #save} writes them (UTF-8 JSON, ending in a newline). */
    public static byte[] toBytes(String kind, int formatVersion, Provenance provenance, Object body) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("kind", kind);
        root.put("format_version", formatVersion);
        root.put("engine_version", Engine.VERSION);
        root.set("provenance", MAPPER.valueToTree(provenance));
        root.set("model", MAPPER.valueToTree(body));
        try {
            byte[] json = MAPPER.writeValueAsBytes(root);
            byte[] out = java.util.Arrays.copyOf(json, json.length + 1);
            out[json.length] = '\n';
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + kind + " as JSON", e);
        }
    }

    /**
     * Reads a model file of the expected kind.
     *
     * @param maxFormatVersion the newest format version this engine reads for that kind
     * @throws InputException naming the file: missing, too large, not JSON (with line and column), not a
     *                        model file, another kind, a newer format version, a bad provenance
     */
    public static Loaded load(Path source, String expectedKind, int maxFormatVersion) {
        byte[] bytes;
        try {
            checkSize(Files.size(source), source, MAX_BYTES);
            bytes = Files.readAllBytes(source);
        } catch (NoSuchFileException e) {
            throw new InputException("model file " + source + " does not exist", e);
        } catch (IOException e) {
            throw new InputException("cannot read model file " + source + ": "
                    + (Files.isDirectory(source) ? "it is a directory" : e.getMessage()), e);
        }
        return parse(bytes, source, expectedKind, maxFormatVersion);
    }

    /** Refuses a model file of more than {@code max} bytes, read from a file or handed over as bytes. */
    static void checkSize(long size, Path source, long max) {
        if (size > max) {
            throw new InputException("model file " + source + " is " + size + " bytes; a model file may have at "
                    + "most " + max);
        }
    }

    /**
     * As {@link #load}, from bytes already read (a KNIME port's contents), with the same size limit; {@code source}
     * only names them in messages.
     */
    public static Loaded parse(byte[] bytes, Path source, String expectedKind, int maxFormatVersion) {
        checkSize(bytes.length, source, MAX_BYTES);
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InputException("model file " + source + " is not valid JSON: " + describe(e, null), e);
        } catch (IOException e) {
            throw new InputException("cannot read model file " + source + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("kind").isTextual()
                || !root.path("format_version").canConvertToInt()) {
            throw new InputException("model file " + source + " is not a model file of this engine (no 'kind' and "
                    + "'format_version'); expected a " + expectedKind);
        }
        String kind = root.get("kind").asText();
        if (!kind.equals(expectedKind)) {
            throw new InputException("model file " + source + " holds a " + kind + "; expected a " + expectedKind);
        }
        int version = root.get("format_version").asInt();
        String engine = root.path("engine_version").asText("unknown");
        if (version > maxFormatVersion) {
            throw new InputException("model file " + source + " has " + kind + " format version " + version
                    + " (written by engine " + engine + "); this engine (" + Engine.VERSION + ") reads versions up to "
                    + maxFormatVersion + ": update the engine");
        }
        if (version < 1) {
            throw new InputException("model file " + source + " has format version " + version + "; expected 1 to "
                    + maxFormatVersion);
        }
        for (String field : new String[] {"provenance", "model"}) {
            if (!root.path(field).isObject()) {
                throw new InputException("model file " + source + " has no '" + field + "' object");
            }
        }
        Provenance provenance;
        try {
            provenance = MAPPER.treeToValue(root.get("provenance"), Provenance.class);
        } catch (JsonProcessingException e) {
            throw new InputException("model file " + source + ": " + describe(e, "provenance"), e);
        }
        return new Loaded(kind, version, engine, provenance, root.get("model"), source);
    }

    private static String describe(JsonProcessingException e, String root) {
        String message = e.getOriginalMessage();
        if (message != null) {
            int nl = message.indexOf('\n');
            message = nl < 0 ? message : message.substring(0, nl);
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder(root == null ? "" : root);
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            return "field '" + path + "': " + message;
        }
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + message;
        }
        return message;
    }
}
