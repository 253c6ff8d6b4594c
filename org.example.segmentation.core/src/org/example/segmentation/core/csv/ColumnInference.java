package org.example.segmentation.core.csv;

import java.util.Objects;

import org.example.segmentation.core.table.ColumnType;

/**
 * The type a column was read as, and why.
 *
 * @param name       the column name, as in the header
 * @param type       the type it was read as
 * @param fromSchema whether the type was set by {@link CsvReadOptions#schema()} rather than inferred
 * @param reason     one line in plain words, e.g. {@code "all 1000 values are numbers"} or
 *                   {@code "4 distinct values among 998 (at most 50)"}
 */
public record ColumnInference(String name, ColumnType type, boolean fromSchema, String reason) {

    public ColumnInference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
    }
}
