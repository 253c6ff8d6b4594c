package org.example.segmentation.core.campaign;

import java.util.List;
import java.util.Locale;

/**
 * How the salted hash of a customer id decides between treatment and control (setting
 * {@code control.method}). Both are deterministic: the same id, salt and customer base give the same group.
 */
public enum AssignmentMethod {
    /**
     * Within each stratum, customers are ranked by their salted hash and the lowest
     * {@code round(share x stratum size)} are control: every stratum gets its share exactly (to within one
     * customer, by the rounding). A customer whose rank stays on the same side of the cut keeps the group from
     * month to month; a customer near the cut can flip when the base (or the customer's stratum) changes.
     */
    STRATIFIED_RANK,
    /**
     * A customer is control when {@code hash / 2^64 < share}, whatever the other customers: perfectly stable
     * across months and bases (a customer's group depends on the id and the salt only), with the share exact
     * only in expectation (binomial variation around it). Strata only group the plan's rows.
     */
    HASH_THRESHOLD;

    /** The setting values, in declaration order. */
    public static final List<String> KEYS = List.of("stratified_rank", "hash_threshold");

    /** The setting value: {@code stratified_rank} or {@code hash_threshold}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method for a setting value from {@link #KEYS} (exact, as returned by {@code Settings.getChoice}). */
    static AssignmentMethod ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
