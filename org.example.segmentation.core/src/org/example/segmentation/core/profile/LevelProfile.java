package org.example.segmentation.core.profile;

/**
 * One level of a categorical feature in one segment (or in the population). Shares are of the non-missing values.
 *
 * <p>{@code lift = share / population share} (1 = as common as in the population). {@code cohensH} is Cohen's h of
 * the segment's share against the share in the rest of the population, {@code 2 asin(sqrt(share)) - 2 asin(sqrt(rest
 * share))}: a standardised difference of proportions on the same scale as Cohen's d (0.2 small, 0.5 medium, 0.8
 * large), which weighs a lift by the base rate (a lift of 3 on a 1% level is a smaller effect than a lift of 1.5 on
 * a 40% one). Both are {@code NaN} when the segment (or the rest) has no value of the feature; for the population
 * the lift is 1 and h is {@code NaN}.
 *
 * @param level   the level
 * @param count   rows with this level
 * @param share   count / non-missing values
 * @param lift    share / population share
 * @param cohensH Cohen's h against the rest of the population
 */
public record LevelProfile(String level, int count, double share, double lift, double cohensH) {
}
