package org.example.segmentation.core.nodes;

import java.util.List;
import java.util.Objects;

/**
 * One input or output port of a node.
 *
 * @param name        the port's name in the node description
 * @param kind        what the port carries
 * @param optional    whether an input port may stay unconnected
 * @param description what the port holds, one or two sentences
 * @param columns     for table outputs, the columns it holds (in order; patterns allowed); else empty
 */
public record PortDoc(String name, PortKind kind, boolean optional, String description, List<ColumnDoc> columns) {

    public PortDoc {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        columns = List.copyOf(columns);
    }

    /** A required port without column documentation. */
    public static PortDoc of(String name, PortKind kind, String description) {
        return new PortDoc(name, kind, false, description, List.of());
    }

    /** An optional input port. */
    public static PortDoc optional(String name, PortKind kind, String description) {
        return new PortDoc(name, kind, true, description, List.of());
    }

    /** A table output with its columns. */
    public static PortDoc table(String name, String description, List<ColumnDoc> columns) {
        return new PortDoc(name, PortKind.TABLE, false, description, columns);
    }

    /** The documented column that {@code column} is, if any. */
    public boolean documents(String column) {
        return columns.stream().anyMatch(c -> c.matches(column));
    }
}
