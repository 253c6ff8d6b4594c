package org.example.segmentation.core.drift;

/**
 * One cell of a migration matrix: how many customers went from one segment (or archetype) in the previous month
 * to another in the current month, matched by identifier. {@value #NEW} as {@code from} counts customers who
 * are new this month; {@value #GONE} as {@code to} counts customers of the previous month who are gone;
 * {@value #NONE} stands for a missing segment.
 *
 * @param kind       {@code segment} or {@code archetype}
 * @param from       the previous month's segment
 * @param to         the current month's segment
 * @param customers  customers
 * @param shareOfFrom {@code customers} as a share of the {@code from} row (NaN for an empty row)
 */
public record MigrationCell(String kind, String from, String to, long customers, double shareOfFrom) {
    /** The {@code from} of customers new this month. */
    public static final String NEW = "(new)";
    /** The {@code to} of customers gone this month. */
    public static final String GONE = "(gone)";
    /** A missing segment. */
    public static final String NONE = "(none)";
}
