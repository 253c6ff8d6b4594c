package org.example.segmentation.core.settings;

import java.util.List;
import java.util.Objects;

/**
 * The documentation of one setting key.
 *
 * @param key          the key, lower case with dots and underscores ({@code outlier.method})
 * @param defaultValue the default as text ({@code ""} when there is none)
 * @param allowed      the allowed values for a choice, else empty
 * @param description  one sentence for help texts and node descriptions
 */
public record SettingSpec(String key, String defaultValue, List<String> allowed, String description) {

    public SettingSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(defaultValue, "defaultValue");
        allowed = List.copyOf(allowed);
        Objects.requireNonNull(description, "description");
    }

    /** A free-form setting. */
    public static SettingSpec of(String key, Object defaultValue, String description) {
        return new SettingSpec(key, String.valueOf(defaultValue), List.of(), description);
    }

    /** A choice among {@code allowed}. */
    public static SettingSpec choice(String key, String defaultValue, List<String> allowed, String description) {
        return new SettingSpec(key, defaultValue, allowed, description);
    }
}
