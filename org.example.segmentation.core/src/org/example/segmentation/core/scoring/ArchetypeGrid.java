package org.example.segmentation.core.scoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.example.segmentation.core.InputException;

/**
 * The archetype regions as a validated tiling of the capability x trust grid: every point of 0..100 x 0..100 lies in
 * exactly one rectangle. Immutable.
 */
final class ArchetypeGrid {
    static final String KEY = "archetype.regions";

    private final List<ArchetypeRegion> regions;
    private final List<String> names;
    private final int[] nameOf;

    /**
     * Checks that the regions tile the grid.
     *
     * @throws InputException naming both regions of an overlap, or an uncovered rectangle of the grid
     */
    ArchetypeGrid(List<ArchetypeRegion> regions) {
        this.regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new InputException("scoring setting '" + KEY + "' must list at least one region");
        }
        for (int i = 0; i < regions.size(); i++) {
            for (int j = i + 1; j < regions.size(); j++) {
                ArchetypeRegion a = regions.get(i);
                ArchetypeRegion b = regions.get(j);
                if (a.overlaps(b)) {
                    throw new InputException("scoring setting '" + KEY + "': regions '" + a.format() + "' and '"
                            + b.format() + "' overlap (capability " + ArchetypeRegion.fmt(Math.max(a.capabilityMin(),
                                    b.capabilityMin())) + ".." + ArchetypeRegion.fmt(Math.min(a.capabilityMax(),
                                    b.capabilityMax())) + ", trust " + ArchetypeRegion.fmt(Math.max(a.trustMin(),
                                    b.trustMin())) + ".." + ArchetypeRegion.fmt(Math.min(a.trustMax(),
                                    b.trustMax())) + "); every point of the grid must belong to exactly one region");
                }
            }
        }
        // Gaps: every cell of the grid cut at all region bounds must lie in a region.
        TreeSet<Double> xs = new TreeSet<>(List.of(0.0, 100.0));
        TreeSet<Double> ys = new TreeSet<>(List.of(0.0, 100.0));
        for (ArchetypeRegion r : regions) {
            xs.add(r.capabilityMin());
            xs.add(r.capabilityMax());
            ys.add(r.trustMin());
            ys.add(r.trustMax());
        }
        Double[] x = xs.toArray(new Double[0]);
        Double[] y = ys.toArray(new Double[0]);
        for (int i = 0; i + 1 < x.length; i++) {
            for (int j = 0; j + 1 < y.length; j++) {
                double cx = (x[i] + x[i + 1]) / 2;
                double cy = (y[j] + y[j + 1]) / 2;
                boolean covered = false;
                for (ArchetypeRegion r : regions) {
                    covered |= r.contains(cx, cy);
                }
                if (!covered) {
                    throw new InputException("scoring setting '" + KEY + "' leaves a gap: capability "
                            + ArchetypeRegion.fmt(x[i]) + ".." + ArchetypeRegion.fmt(x[i + 1]) + ", trust "
                            + ArchetypeRegion.fmt(y[j]) + ".." + ArchetypeRegion.fmt(y[j + 1]) + " is in no region; "
                            + "the regions must cover the whole grid 0..100 x 0..100");
                }
            }
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (ArchetypeRegion r : regions) {
            distinct.add(r.name());
        }
        this.names = List.copyOf(distinct);
        this.nameOf = new int[regions.size()];
        for (int i = 0; i < regions.size(); i++) {
            nameOf[i] = names.indexOf(regions.get(i).name());
        }
    }

    /**
     * Parses {@code Name=c0..c1xt0..t1; Name=...}.
     *
     * @throws InputException naming the setting and the item that does not parse
     */
    static List<ArchetypeRegion> parse(String text) {
        List<ArchetypeRegion> out = new ArrayList<>();
        for (String item : text.split(";")) {
            String t = item.strip();
            if (t.isEmpty()) {
                continue;
            }
            int eq = t.indexOf('=');
            String[] axes = eq < 0 ? new String[0] : t.substring(eq + 1).split("[xX]");
            if (eq <= 0 || axes.length != 2) {
                throw bad(t);
            }
            double[] c = range(axes[0], t);
            double[] tr = range(axes[1], t);
            out.add(new ArchetypeRegion(t.substring(0, eq), c[0], c[1], tr[0], tr[1]));
        }
        return out;
    }

    private static double[] range(String text, String item) {
        String[] parts = text.strip().split("\\.\\.");
        if (parts.length != 2) {
            throw bad(item);
        }
        try {
            return new double[] {Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())};
        } catch (NumberFormatException e) {
            throw bad(item);
        }
    }

    private static InputException bad(String item) {
        return new InputException("scoring setting '" + KEY + "': '" + item + "' is not a region; write "
                + "NAME=CAPABILITY_FROM..CAPABILITY_TOxTRUST_FROM..TRUST_TO, e.g. Nomads=63..100x65..100, and separate "
                + "regions with ';'");
    }

    /** Formats regions as {@link #parse} reads them. */
    static String format(List<ArchetypeRegion> regions) {
        List<String> parts = new ArrayList<>();
        for (ArchetypeRegion r : regions) {
            parts.add(r.format());
        }
        return String.join("; ", parts);
    }

    List<ArchetypeRegion> regions() {
        return regions;
    }

    /** The distinct archetype names, in order of first appearance: the dictionary of the archetype column. */
    List<String> names() {
        return names;
    }

    /** The index into {@link #names()} of the archetype of a point (both coordinates in 0..100). */
    int classify(double capability, double trust) {
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i).contains(capability, trust)) {
                return nameOf[i];
            }
        }
        throw new IllegalStateException("point " + capability + ", " + trust + " is in no region");
    }

    /**
     * The distance from the point to the nearest rectangle of another archetype (score points); infinite with one
     * archetype.
     */
    double margin(double capability, double trust, int archetype) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < regions.size(); i++) {
            if (nameOf[i] != archetype) {
                best = Math.min(best, regions.get(i).distance(capability, trust));
            }
        }
        return best;
    }
}
