package org.example.segmentation.core.campaign;

import java.util.List;
import java.util.Locale;

/** The kind of campaign outcome an uplift readout measures (setting {@code outcome.type}). */
public enum OutcomeType {
    /** 0/1 conversion: rates, a difference of proportions. */
    BINARY,
    /** A number per customer such as revenue: means, Welch's t. */
    NUMERIC,
    /**
     * Decided from the data: binary when every value is 0 or 1 (or {@code true}/{@code false}), numeric when
     * the column is numeric otherwise.
     */
    AUTO;

    /** The setting values, in declaration order. */
    public static final List<String> KEYS = List.of("binary", "numeric", "auto");

    /** The setting value. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OutcomeType ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
