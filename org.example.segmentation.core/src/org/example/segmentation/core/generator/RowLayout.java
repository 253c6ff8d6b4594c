package org.example.segmentation.core.generator;

import java.util.SplittableRandom;

/**
 * Which customer sits in which row of a snapshot, and where the duplicate rows go.
 *
 * <p><b>Customers.</b> Snapshot 1 holds customers {@code 1..M1} in order, where {@code M1} is the number of
 * rows minus the duplicates. Snapshot 2 drops exactly {@code round(0.05 * M1)} of them (chosen by a seeded
 * {@link Permutation}), keeps the others in order, and appends exactly {@code round(0.06 * M1)} new customers
 * {@code M1+1, M1+2, ...}. These are the <em>original</em> rows, numbered by their ordinal {@code 0..M-1}.
 *
 * <p><b>Duplicates.</b> With planted problems, {@code D} duplicate rows are spread over the table: the rows
 * {@code 0..N-1} are cut into {@code D} strata of at least 200 rows, and each stratum holds one duplicate at
 * a seeded position other than its first row. The duplicate copies an original row before it that carries
 * no planted cell problem (see {@link ProblemPlacement#isClean}). Because every stratum holds exactly one
 * duplicate, the ordinal of the original at any row is found in O(1), so any chunk of rows can be generated
 * on its own.
 */
final class RowLayout {
    private static final long DUPLICATE_STREAM = 0x0D0B1E5L;
    private static final long GONE_KEY = 0x60E5L;

    private final long seed;
    private final int snapshot;
    private final int month1Customers;
    private final int gone;
    private final int added;
    private final int originals;
    private final int duplicates;
    private final int rows;
    /** Snapshot 2: the numbers of the month-1 customers who stay, ascending; null for counts only. */
    private final int[] stayers;

    private RowLayout(GeneratorConfig config, boolean mapCustomers) {
        this.seed = config.seed();
        this.snapshot = config.snapshot();
        int d1 = config.plantProblems() ? (int) Math.floor(config.rows() * PlantedProblems.DUPLICATE_SHARE) : 0;
        this.month1Customers = config.rows() - d1;
        this.gone = (int) Math.round(month1Customers * PlantedDrift.GONE_SHARE);
        this.added = (int) Math.round(month1Customers * PlantedDrift.NEW_SHARE);
        if (snapshot == 1) {
            originals = month1Customers;
            duplicates = d1;
        } else {
            originals = month1Customers - gone + added;
            // About the same share as in month 1: one duplicate per 199 originals, so strata keep >= 200 rows.
            duplicates = config.plantProblems() ? originals / 199 : 0;
        }
        this.rows = originals + duplicates;
        this.stayers = snapshot == 2 && mapCustomers ? mapStayers() : null;
    }

    /** The full layout, ready to map rows to customers (snapshot 2: O(customers) time and memory). */
    static RowLayout of(GeneratorConfig config) {
        return new RowLayout(config, true);
    }

    /** The counts only. */
    static RowLayout counts(GeneratorConfig config) {
        return new RowLayout(config, false);
    }

    private int[] mapStayers() {
        Permutation leaving = new Permutation(month1Customers, Draws.key(seed, GONE_KEY, 0));
        int[] out = new int[month1Customers - gone];
        int n = 0;
        for (int i = 0; i < month1Customers; i++) {
            if (leaving.apply(i) >= gone) {
                out[n++] = i + 1;
            }
        }
        return out;
    }

    long seed() {
        return seed;
    }

    int snapshot() {
        return snapshot;
    }

    /** Rows of the table. */
    int rows() {
        return rows;
    }

    /** Original (non-duplicate) rows. */
    int originals() {
        return originals;
    }

    int duplicates() {
        return duplicates;
    }

    int month1Customers() {
        return month1Customers;
    }

    int gone() {
        return gone;
    }

    int added() {
        return added;
    }

    /** The customer number of the original row with this ordinal. */
    int customerNumber(int ordinal) {
        if (snapshot == 1) {
            return ordinal + 1;
        }
        return ordinal < stayers.length ? stayers[ordinal] : month1Customers + 1 + (ordinal - stayers.length);
    }

    /** The first row of duplicate stratum {@code j} ({@code j == duplicates} gives {@code rows}). */
    private int stratumStart(int j) {
        return (int) ((long) j * rows / duplicates);
    }

    /** The row of the duplicate in stratum {@code j}. */
    int duplicateRow(int j) {
        int start = stratumStart(j);
        int length = stratumStart(j + 1) - start;
        SplittableRandom r = Draws.stream(seed, DUPLICATE_STREAM + snapshot, j);
        return start + 1 + Draws.below(r, length - 1);
    }

    /**
     * The ordinal of the original row that duplicate {@code j} copies: a uniformly chosen clean original
     * before it (ordinal 0 is always clean, so one exists).
     */
    int duplicateSource(int j, ProblemPlacement problems) {
        int before = duplicateRow(j) - j; // originals before the duplicate
        SplittableRandom r = Draws.stream(seed, DUPLICATE_STREAM + 100 + snapshot, j);
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = Draws.below(r, before);
            if (problems.isClean(candidate)) {
                return candidate;
            }
        }
        return 0;
    }

    /** The number of duplicate rows before {@code row}. */
    int duplicatesBefore(int row) {
        if (duplicates == 0) {
            return 0;
        }
        int j = (int) Math.min((long) row * duplicates / rows, duplicates - 1);
        while (j + 1 < duplicates && stratumStart(j + 1) <= row) {
            j++;
        }
        while (j > 0 && stratumStart(j) > row) {
            j--;
        }
        return duplicateRow(j) < row ? j + 1 : j;
    }
}
