package org.example.segmentation.core.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Names;

/**
 * A weighted scorecard over indicator columns, the building block of the digital profile score, the capability and
 * trust axes and the engagement measure. Its settings share one layout under a prefix ({@code score},
 * {@code capability}, {@code trust}, {@code engagement}): {@code <prefix>.indicators},
 * {@code <prefix>.weight.<column>}, {@code <prefix>.direction.<column>}, {@code <prefix>.min_weight_share}.
 *
 * <p>Each indicator's value is mapped to its percentile {@code p} in 0..1 on the reference table (see the package
 * description); a positive indicator scores {@code p}, a negative one {@code 1 - p}. With {@code A} the indicators
 * whose value is present, the score is {@code 100 * sum_A(w_i * s_i) / sum_A(w_i)} and indicator {@code i} contributes
 * {@code 100 * w_i * s_i / sum_A(w_i)} points (the points add up to the score). When {@code sum_A(w_i)} is less than
 * {@code minWeightShare} of the total weight, the score is missing.
 *
 * @param prefix         the settings prefix, for messages
 * @param indicators     the indicator columns, in order (at least one, no repeats)
 * @param weights        the weight of every indicator, finite and at least 0, summing to more than 0
 * @param positive       per indicator: true when a high value raises the score, false when it lowers it
 * @param minWeightShare the share of the total weight that must be present for a score, 0..1
 */
public record Scorecard(String prefix, List<String> indicators, List<Double> weights, List<Boolean> positive,
        double minWeightShare) {

    /** The direction value of a positive indicator. */
    public static final String POSITIVE = "positive";
    /** The direction value of a negative indicator. */
    public static final String NEGATIVE = "negative";

    /**
     * Validates the scorecard.
     *
     * @throws InputException naming the setting: no indicators, a blank or repeated column, lists of other lengths,
     *                        a negative or non-finite weight, weights summing to 0, a share outside 0..1
     */
    public Scorecard {
        Objects.requireNonNull(prefix, "prefix");
        indicators = List.copyOf(indicators);
        weights = List.copyOf(weights);
        positive = List.copyOf(positive);
        String key = prefix + ".indicators";
        if (indicators.isEmpty()) {
            throw new InputException("scoring setting '" + key + "' must list at least one indicator column");
        }
        Set<String> seen = new HashSet<>();
        for (String c : indicators) {
            if (c == null || c.isBlank()) {
                throw new InputException("scoring setting '" + key + "' holds an empty column name");
            }
            if (!seen.add(c)) {
                throw new InputException("scoring setting '" + key + "' lists column '" + c + "' twice");
            }
        }
        if (weights.size() != indicators.size() || positive.size() != indicators.size()) {
            throw new InputException("scorecard '" + prefix + "' needs one weight and one direction per indicator");
        }
        double total = 0;
        for (int i = 0; i < weights.size(); i++) {
            double w = weights.get(i);
            if (!(Double.isFinite(w) && w >= 0)) {
                throw new InputException("scoring setting '" + prefix + ".weight." + indicators.get(i)
                        + "' must be a number of at least 0 (use '" + prefix + ".direction." + indicators.get(i)
                        + "=negative' for an indicator that lowers the score), got " + w);
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new InputException("scoring settings '" + prefix + ".weight.*': the weights of the indicators "
                    + Names.quote(indicators) + " sum to 0; at least one weight must be above 0");
        }
        if (!(minWeightShare >= 0 && minWeightShare <= 1)) {
            throw new InputException("scoring setting '" + prefix + ".min_weight_share' must be a number from 0 to 1, "
                    + "got " + minWeightShare);
        }
    }

    /** The sum of the weights. */
    public double totalWeight() {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        return total;
    }

    /** Indicator to weight, in indicator order. */
    public Map<String, Double> weightMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < indicators.size(); i++) {
            m.put(indicators.get(i), weights.get(i));
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The score and the points of one row, from the indicators' percentiles.
     *
     * @param percentiles per indicator, the percentile 0..1, or NaN when missing
     * @param points      receives the points per indicator (NaN when missing or when the score is missing)
     * @return the score 0..100, or NaN when less than {@code minWeightShare} of the weight is present
     */
    double score(double[] percentiles, double[] points) {
        double total = 0;
        double present = 0;
        double sum = 0;
        int n = indicators.size();
        for (int i = 0; i < n; i++) {
            double w = weights.get(i);
            total += w;
            double p = percentiles[i];
            if (!Double.isNaN(p)) {
                present += w;
                sum += w * (positive.get(i) ? p : 1 - p);
            }
        }
        if (present <= 0 || present < minWeightShare * total) {
            if (points != null) {
                java.util.Arrays.fill(points, 0, n, Double.NaN);
            }
            return Double.NaN;
        }
        if (points != null) {
            for (int i = 0; i < n; i++) {
                double p = percentiles[i];
                points[i] = Double.isNaN(p) ? Double.NaN
                        : 100 * weights.get(i) * (positive.get(i) ? p : 1 - p) / present;
            }
        }
        return Math.min(100, Math.max(0, 100 * sum / present));
    }

    /**
     * {@link #score} of {@code n} rows at once, from the indicators' percentile columns, bit for bit: every row's
     * weight and weighted sum are added up over the indicators in the same order, and the score and points come from
     * the same expressions. Column by column, so the scorer needs no row-by-row gathering of the percentiles.
     *
     * @param percentiles per indicator, the percentile 0..1 of every row, or NaN when missing
     * @param n           the number of rows
     * @param points      null, or per indicator an array of {@code n} that receives the points (NaN when missing or
     *                    when the row's score is missing)
     * @return per row the score 0..100, or NaN when less than {@code minWeightShare} of the weight is present
     */
    double[] scoreColumns(double[][] percentiles, int n, double[][] points) {
        int k = indicators.size();
        double total = 0;
        double[] present = new double[n];
        double[] out = new double[n];
        for (int j = 0; j < k; j++) {
            double w = weights.get(j);
            boolean up = positive.get(j);
            total += w;
            double[] pj = percentiles[j];
            for (int i = 0; i < n; i++) {
                double p = pj[i];
                if (!Double.isNaN(p)) {
                    present[i] += w;
                    out[i] += w * (up ? p : 1 - p);
                }
            }
        }
        double least = minWeightShare * total;
        for (int i = 0; i < n; i++) {
            double a = present[i];
            out[i] = a <= 0 || a < least ? Double.NaN : Math.min(100, Math.max(0, 100 * out[i] / a));
        }
        if (points != null) {
            for (int j = 0; j < k; j++) {
                double w = weights.get(j);
                boolean up = positive.get(j);
                double[] pj = percentiles[j];
                double[] to = points[j];
                for (int i = 0; i < n; i++) {
                    double p = pj[i];
                    to[i] = Double.isNaN(out[i]) || Double.isNaN(p) ? Double.NaN
                            : 100 * w * (up ? p : 1 - p) / present[i];
                }
            }
        }
        return out;
    }

    /** A copy of the indicators (for callers building lists). */
    List<String> indicatorList() {
        return new ArrayList<>(indicators);
    }
}
