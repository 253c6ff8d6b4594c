package org.example.segmentation.core.campaign;

import java.util.Locale;

/**
 * The group a customer is in for a campaign: the values of the output column {@code group}.
 */
public enum Group {
    /** Receives the campaign. */
    TREATMENT,
    /** Held back from this campaign, to measure it against. */
    CONTROL,
    /** In the global holdout: held back from every campaign that shares the holdout salt. */
    HOLDOUT;

    /** The name of the column that holds the group in every output table. */
    public static final String COLUMN = "group";

    /** The value as written in tables: {@code treatment}, {@code control}, {@code holdout}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a group value, ignoring surrounding whitespace and letter case.
     *
     * @return the group, or {@code null} when {@code value} is none of {@code treatment}, {@code control},
     *         {@code holdout}
     */
    public static Group parse(String value) {
        if (value == null) {
            return null;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "treatment":
                return TREATMENT;
            case "control":
                return CONTROL;
            case "holdout":
                return HOLDOUT;
            default:
                return null;
        }
    }
}
