package org.example.segmentation.core.scoring;

import java.util.List;
import java.util.Objects;

import org.example.segmentation.core.InputException;

/**
 * The lifecycle stage rules, applied in this order (the first that holds wins):
 * <ol>
 * <li>{@code dormant}: months since the last transaction {@code >= dormantMonths};</li>
 * <li>{@code new}: tenure in months {@code < newMonths};</li>
 * <li>{@code declining}: activity trend {@code <= decliningTrend}, or some months without a transaction;</li>
 * <li>{@code growing}: activity trend {@code >= growingTrend};</li>
 * <li>{@code mature}: everyone else.</li>
 * </ol>
 * A customer missing any of the three values has no stage (missing), never a guessed one.
 *
 * @param tenureColumn   tenure in months
 * @param inactiveColumn months since the last transaction (0 = active this month)
 * @param trendColumn    activity trend, -1..1 (change against the previous quarter)
 * @param dormantMonths  months without a transaction from which a customer is dormant, at least 1
 * @param newMonths      tenure below which a customer is new, at least 0
 * @param decliningTrend trend at or below which a customer is declining, -1..1
 * @param growingTrend   trend at or above which a customer is growing, above {@code decliningTrend}
 */
public record LifecycleRules(String tenureColumn, String inactiveColumn, String trendColumn, double dormantMonths,
        double newMonths, double decliningTrend, double growingTrend) {

    /** The stages, in the order of the output dictionary. */
    public static final List<String> STAGES = List.of("new", "growing", "mature", "declining", "dormant");

    /**
     * Validates the rules.
     *
     * @throws InputException naming the setting
     */
    public LifecycleRules {
        column("lifecycle.tenure_column", tenureColumn);
        column("lifecycle.inactive_column", inactiveColumn);
        column("lifecycle.trend_column", trendColumn);
        if (!(dormantMonths >= 1)) {
            throw new InputException("scoring setting 'lifecycle.dormant_months' must be at least 1, got "
                    + dormantMonths);
        }
        if (!(newMonths >= 0)) {
            throw new InputException("scoring setting 'lifecycle.new_months' must be at least 0, got " + newMonths);
        }
        if (!(decliningTrend < growingTrend)) {
            throw new InputException("scoring setting 'lifecycle.growing_trend' (" + growingTrend + ") must be above "
                    + "'lifecycle.declining_trend' (" + decliningTrend + ")");
        }
    }

    private static void column(String key, String value) {
        if (Objects.requireNonNull(value, key).isBlank()) {
            throw new InputException("scoring setting '" + key + "' must name a column");
        }
    }

    /** The stage index into {@link #STAGES}, or -1 when a value is missing (NaN). */
    int stage(double tenure, double inactive, double trend) {
        if (Double.isNaN(tenure) || Double.isNaN(inactive) || Double.isNaN(trend)) {
            return -1;
        }
        if (inactive >= dormantMonths) {
            return 4;
        }
        if (tenure < newMonths) {
            return 0;
        }
        if (trend <= decliningTrend || inactive > 0) {
            return 3;
        }
        if (trend >= growingTrend) {
            return 1;
        }
        return 2;
    }
}
