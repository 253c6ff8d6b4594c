package org.example.segmentation.core.generator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/**
 * A simulated campaign readout with a planted, known uplift: for customers already split into {@code treatment}
 * and {@code control} (the control group assigner's {@code group} column) and segmented ({@code S1}, {@code S2},
 * ...), whether each one converted.
 *
 * <p>A control customer of segment {@code Sj} converts with probability {@link #baseRate(String) baseRate} =
 * {@value #BASE_RATE} + {@value #BASE_RATE_STEP} x (j - 1); a treated one with that plus
 * {@link #uplift(String) uplift}, which is {@code PLANTED_UPLIFT[j - 1]} (0 beyond the array). {@code holdout}
 * customers are left out of the readout. A segment not named {@code S<number>} gets base rate {@value #BASE_RATE}
 * and no uplift. A customer's draw depends only on the seed and the customer id, not on the row order, so a
 * customer converts or not in every run alike.
 *
 * <p>This is ground truth for the uplift readout: its confidence intervals should cover these numbers.
 */
public final class CampaignOutcomes {
    /** Conversion rate of segment S1's control customers. */
    public static final double BASE_RATE = 0.04;
    /** Each later segment converts this much more often without the campaign (S2 0.05, S3 0.06, ...). */
    public static final double BASE_RATE_STEP = 0.01;
    /** The output columns, in order. */
    public static final List<String> COLUMNS = List.of("customer_id", "group", "segment", "converted");
    private static final double[] PLANTED_UPLIFT = {0.06, 0.03, 0.0, 0.02};
    private static final long STREAM = 0x636f6e76L; // "conv": keeps these draws apart from the customer generator's

    private CampaignOutcomes() {
    }

    /** The control conversion rate of segment {@code segment}. */
    public static double baseRate(String segment) {
        int j = ordinal(segment);
        return j < 1 ? BASE_RATE : BASE_RATE + BASE_RATE_STEP * (j - 1);
    }

    /** The planted absolute uplift of segment {@code segment}: S1 +6 points, S2 +3, S3 none, S4 +2, later none. */
    public static double uplift(String segment) {
        int j = ordinal(segment);
        return j >= 1 && j <= PLANTED_UPLIFT.length ? PLANTED_UPLIFT[j - 1] : 0;
    }

    /**
     * The readout: {@link #COLUMNS} for every treatment and control row of {@code customers}, in input order.
     *
     * @param customers a table with the columns {@code idColumn}, {@code groupColumn} and {@code segmentColumn}
     * @throws InputException naming the column or row: a column missing, a missing id, group or segment, a group
     *                        other than treatment, control or holdout
     */
    public static Table simulate(Table customers, String idColumn, String groupColumn, String segmentColumn,
            long seed) {
        Column id = require(customers, idColumn, "customer id");
        Column group = require(customers, groupColumn, "group");
        Column segment = require(customers, segmentColumn, "segment");
        TextColumn.Builder ids = TextColumn.builder(COLUMNS.get(0));
        List<String> groups = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        List<Double> converted = new ArrayList<>();
        for (int i = 0; i < customers.rowCount(); i++) {
            for (Column c : List.of(id, group, segment)) {
                if (c.isMissing(i)) {
                    throw new InputException("campaign outcomes: row " + (i + 1) + ": column '" + c.name()
                            + "' is missing; every customer needs an id, a group and a segment");
                }
            }
            String g = group.format(i);
            if (g.equals("holdout")) {
                continue;
            }
            if (!g.equals("treatment") && !g.equals("control")) {
                throw new InputException("campaign outcomes: row " + (i + 1) + ": column '" + group.name()
                        + "' has '" + g + "'; expected treatment, control or holdout");
            }
            String s = segment.format(i);
            double p = baseRate(s) + (g.equals("treatment") ? uplift(s) : 0);
            SplittableRandom r = Draws.stream(seed, idKey(id.format(i)), STREAM);
            ids.add(id.format(i));
            groups.add(g);
            segments.add(s);
            converted.add(Draws.bernoulli(r, p) ? 1.0 : 0.0);
        }
        double[] y = new double[converted.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = converted.get(i);
        }
        return Table.of(ids.build(), CategoricalColumn.of(COLUMNS.get(1), groups.toArray(String[]::new)),
                CategoricalColumn.of(COLUMNS.get(2), segments.toArray(String[]::new)),
                NumericColumn.of(COLUMNS.get(3), y));
    }

    /** The segment's number: 3 for {@code S3}, 0 when the name is not {@code S<number>}. */
    private static int ordinal(String segment) {
        if (segment.length() < 2 || segment.charAt(0) != 'S' || segment.length() > 6) {
            return 0;
        }
        for (int k = 1; k < segment.length(); k++) {
            if (segment.charAt(k) < '0' || segment.charAt(k) > '9') {
                return 0;
            }
        }
        return Integer.parseInt(segment.substring(1));
    }

    /** A 64-bit key of the id's UTF-8 bytes (FNV-1a), the same on every JVM. */
    private static long idKey(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    private static Column require(Table t, String name, String what) {
        if (!t.hasColumn(name)) {
            throw new InputException("campaign outcomes: no column '" + name + "' (the " + what + "); the table has "
                    + t.columnNames());
        }
        return t.column(name);
    }
}
