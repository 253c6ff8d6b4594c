package org.example.segmentation.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.Table;

/**
 * Where a fitted model came from.
 *
 * @param step          the step that fitted it ({@code cleaner}, {@code segmenter}, ...)
 * @param settings      the step's settings as the flat key/value map, including defaults
 * @param input         the fingerprint of the table it was fitted on
 * @param seed          the seed, or {@code null} for a step without randomness
 * @param engineVersion {@link Engine#VERSION} of the engine that fitted it
 * @param createdAt     ISO-8601 UTC time (see the package description for reproducible files)
 */
public record Provenance(String step, Map<String, String> settings, TableFingerprint input, Long seed,
        String engineVersion, String createdAt) {

    public Provenance {
        Objects.requireNonNull(step, "step");
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Provenance for a model fitted now by this engine. */
    public static Provenance of(String step, Settings settings, Table input, Long seed) {
        return new Provenance(step, settings.asMap(), TableFingerprint.of(input), seed, Engine.VERSION,
                now().toString());
    }

    /** The current time, or {@code SOURCE_DATE_EPOCH} when that environment variable holds a number. */
    static Instant now() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
            } catch (NumberFormatException e) {
                // Not a number: fall back to the clock, as reproducible-builds tools do.
            }
        }
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
