package org.example.segmentation.core.profile;

/**
 * The statistics of one numeric feature in one segment (or in the whole population), over the finite values:
 * missing and non-finite values are skipped and counted in {@code missing}.
 *
 * <p>The comparisons are of the segment against the <b>rest</b> of the population (every customer with another
 * segment), so that the segment's own customers are not on both sides:
 * <ul>
 * <li>{@code index = 100 * mean / population mean}; {@code NaN} when the population mean is 0 or the feature takes a
 * negative value anywhere in the population (a ratio of means is not meaningful then: rely on Cohen's d).</li>
 * <li>{@code cohensD = (mean - rest mean) / pooled sd}, with
 * {@code pooled sd = sqrt((SS + rest SS) / (n + rest n - 2))} and {@code SS} the sum of squared deviations from
 * the group's own mean. {@code NaN} when the segment or the rest has no value or {@code n + rest n < 3}; when the
 * pooled sd is 0 (constant within both groups) it is 0 for equal means and {@code ±Infinity} for different
 * ones.</li>
 * <li>Welch's t-test, two-sided: {@code t = (mean - rest mean) / sqrt(v/n + rest v/rest n)} with sample variances
 * (divisor {@code n - 1}), Welch-Satterthwaite degrees of freedom, {@code pValue = 2 P(T > |t|)}. All {@code NaN}
 * when the segment or the rest has fewer than 2 values. When both groups are constant, equal means give
 * {@code t = 0}, {@code p = 1}, different ones {@code t = ±Infinity}, {@code p = 0}; {@code welchDf} is then
 * {@code NaN}.</li>
 * </ul>
 * For the population itself the comparisons are {@code NaN} and the index is 100 (or {@code NaN} as above).
 *
 * @param count   finite values
 * @param missing missing or non-finite values
 * @param mean    arithmetic mean; {@code NaN} without values
 * @param median  the middle value, or the mean of the two middle values; {@code NaN} without values
 * @param std     sample standard deviation (divisor {@code n - 1}); {@code NaN} for fewer than 2 values
 * @param index   segment mean / population mean x 100, see above
 * @param cohensD standardised difference against the rest, see above
 * @param welchT  Welch's t statistic against the rest
 * @param welchDf Welch-Satterthwaite degrees of freedom
 * @param pValue  two-sided p-value of Welch's test
 */
public record NumericProfile(int count, int missing, double mean, double median, double std, double index,
        double cohensD, double welchT, double welchDf, double pValue) {
}
