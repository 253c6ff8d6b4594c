package org.example.segmentation.core.table;

import java.util.Locale;

/** The three kinds of column a {@link Table} holds. */
public enum ColumnType {
    /** Numbers, stored as {@code double} with an explicit missing mask. */
    NUMERIC,
    /** A small set of levels, stored as {@code int} codes into a dictionary. */
    CATEGORICAL,
    /** Identifiers and free text: kept as strings, never used as a feature. */
    TEXT;

    /** The lower-case name used in settings, schemas and reports ({@code numeric}, ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code numeric}, {@code categorical} or {@code text} (case-insensitive; {@code identifier} and
     * {@code id} are accepted for {@code text}).
     *
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static ColumnType parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "numeric": case "number": case "double":
                return NUMERIC;
            case "categorical": case "category": case "nominal":
                return CATEGORICAL;
            case "text": case "identifier": case "id": case "string":
                return TEXT;
            default:
                throw new IllegalArgumentException("column type '" + value
                        + "' is not known; expected one of numeric, categorical, text (or identifier)");
        }
    }
}
