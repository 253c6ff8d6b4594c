package org.example.segmentation.core.drift;

import java.util.Locale;

/**
 * How much one feature (or the segment shares, or one segment's feature) drifted. The rule is in
 * {@link DriftMonitor}; {@code docs/drift.md} states it with the thresholds.
 */
public enum FeatureStatus {
    /** No confirmed drift. */
    STABLE,
    /** PSI at least {@code psi.moderate}, confirmed by the adjusted p-value (or a jump of the missing rate). */
    MODERATE,
    /** PSI at least {@code psi.significant}, confirmed by the adjusted p-value. */
    SIGNIFICANT,
    /** The current month has no value of the feature: every row is missing. */
    NO_DATA,
    /** Per-segment feature drift only: the segment has fewer than {@code segment.min_rows} rows in a month. */
    TOO_FEW_ROWS;

    /** The lower-case name used in reports ({@code stable}, {@code no_data}, ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is a drift: moderate or significant. */
    public boolean drifted() {
        return this == MODERATE || this == SIGNIFICANT;
    }

    static FeatureStatus max(FeatureStatus a, FeatureStatus b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
