package org.example.segmentation.core.nodes;

import java.util.Objects;

/**
 * One documented output column. A name with {@code <...>} stands for a family of columns
 * ({@code points_<indicator>}, {@code <feature>_missing}).
 *
 * @param name        the column name or pattern
 * @param description one sentence
 */
public record ColumnDoc(String name, String description) {

    public ColumnDoc {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (name.isBlank() || description.isBlank()) {
            throw new IllegalArgumentException("a column needs a name and a description");
        }
    }

    /** Whether {@code column} is this column or one of the family this pattern stands for. */
    public boolean matches(String column) {
        int open = name.indexOf('<');
        if (open < 0) {
            return name.equals(column);
        }
        int close = name.indexOf('>', open);
        String prefix = name.substring(0, open);
        String suffix = name.substring(close + 1);
        return column.length() > prefix.length() + suffix.length() && column.startsWith(prefix)
                && column.endsWith(suffix);
    }
}
