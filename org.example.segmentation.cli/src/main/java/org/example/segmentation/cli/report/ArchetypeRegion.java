package org.example.segmentation.cli.report;

import java.util.Objects;

/**
 * One digital archetype's rectangle on the capability x trust grid (0..100 each; capability on x, trust on y).
 *
 * @param name the archetype (Analogs, Wannabes, ...)
 * @param xMin lowest capability
 * @param xMax highest capability
 * @param yMin lowest trust
 * @param yMax highest trust
 */
public record ArchetypeRegion(String name, double xMin, double xMax, double yMin, double yMax) {

    public ArchetypeRegion {
        Objects.requireNonNull(name, "name");
        if (!(xMin <= xMax) || !(yMin <= yMax)) {
            throw new IllegalArgumentException("archetype region '" + name + "' has min above max");
        }
    }
}
