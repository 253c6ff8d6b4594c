package org.example.segmentation.core.scoring;

import java.util.Objects;

import org.example.segmentation.core.InputException;

/**
 * One rectangle of the capability x trust grid (capability on x, trust on y, both 0..100) and the archetype it
 * belongs to. An archetype may own several rectangles (the default Wannabes own two). A rectangle holds the points
 * with {@code capabilityMin <= capability < capabilityMax} and {@code trustMin <= trust < trustMax}; an upper bound
 * of 100 is inclusive, so the rectangles of a valid grid hold every point of 0..100 x 0..100 exactly once.
 *
 * @param name          the archetype ({@code Nomads})
 * @param capabilityMin lower capability bound, 0..100
 * @param capabilityMax upper capability bound, above {@code capabilityMin}, at most 100
 * @param trustMin      lower trust bound, 0..100
 * @param trustMax      upper trust bound, above {@code trustMin}, at most 100
 */
public record ArchetypeRegion(String name, double capabilityMin, double capabilityMax, double trustMin,
        double trustMax) {

    /**
     * Validates the rectangle.
     *
     * @throws InputException naming the region: a blank name, a bound outside 0..100, an empty range
     */
    public ArchetypeRegion {
        if (name == null || name.isBlank()) {
            throw new InputException("scoring setting 'archetype.regions': a region has no archetype name");
        }
        name = name.strip();
        if (!(0 <= capabilityMin && capabilityMin < capabilityMax && capabilityMax <= 100)) {
            throw new InputException("scoring setting 'archetype.regions': region '" + name + "' has capability "
                    + fmt(capabilityMin) + ".." + fmt(capabilityMax) + "; expected 0 <= from < to <= 100");
        }
        if (!(0 <= trustMin && trustMin < trustMax && trustMax <= 100)) {
            throw new InputException("scoring setting 'archetype.regions': region '" + name + "' has trust "
                    + fmt(trustMin) + ".." + fmt(trustMax) + "; expected 0 <= from < to <= 100");
        }
        Objects.requireNonNull(name);
    }

    /** Whether the point lies in this rectangle (upper bounds exclusive, except 100). */
    public boolean contains(double capability, double trust) {
        return in(capability, capabilityMin, capabilityMax) && in(trust, trustMin, trustMax);
    }

    private static boolean in(double x, double min, double max) {
        return x >= min && (x < max || max == 100 && x <= 100);
    }

    /** The Euclidean distance from the point to this rectangle, 0 inside. */
    public double distance(double capability, double trust) {
        double dx = Math.max(0, Math.max(capabilityMin - capability, capability - capabilityMax));
        double dy = Math.max(0, Math.max(trustMin - trust, trust - trustMax));
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Whether the two rectangles share an area (touching edges do not count). */
    public boolean overlaps(ArchetypeRegion o) {
        return capabilityMin < o.capabilityMax && o.capabilityMin < capabilityMax && trustMin < o.trustMax
                && o.trustMin < trustMax;
    }

    /** The rectangle as written in the {@code archetype.regions} setting: {@code Nomads=63..100x65..100}. */
    public String format() {
        return name + "=" + fmt(capabilityMin) + ".." + fmt(capabilityMax) + "x" + fmt(trustMin) + ".."
                + fmt(trustMax);
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
