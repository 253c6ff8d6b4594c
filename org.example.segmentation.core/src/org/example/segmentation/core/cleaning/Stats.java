package org.example.segmentation.core.cleaning;

/**
 * The statistics the cleaner fits, over the first {@code n} entries of an array of finite values. Every
 * definition is stated here because a later month is scaled with these numbers and Weka is the reference
 * for three of them.
 *
 * <ul>
 * <li><b>mean</b>: the plain sum in row order divided by {@code n}, as Weka's {@code ReplaceMissingValues}
 * and {@code Standardize} compute it;</li>
 * <li><b>standard deviation</b>: the sample standard deviation with {@code n - 1}, by Welford's update
 * started at the first value, exactly as Weka's {@code Instances.variance} (which {@code Standardize}
 * uses); {@code NaN} for {@code n < 2}; a negative rounding result counts as 0;</li>
 * <li><b>median</b>: the middle value of the sorted values, or the mean of the two middle values when
 * {@code n} is even;</li>
 * <li><b>quartiles</b> (IQR fences, robust scaling): Weka's {@code InterquartileRange} rule on the sorted
 * values {@code s[0..n-1]}: with {@code half = n / 2} and {@code quarter = half / 2} (integer division), if
 * {@code half} is odd then {@code Q1 = s[quarter]} and {@code Q3 = s[n - quarter - 1]}, else
 * {@code Q1 = (s[quarter] + s[quarter + 1]) / 2} and {@code Q3 = (s[n - quarter - 1] + s[n - quarter]) / 2}.
 * For example {@code n = 8} gives {@code Q1 = (s[2] + s[3]) / 2}, one position above Tukey's hinge; the rule
 * is kept so that the fences equal Weka's. It needs {@code n >= 2} (Weka's needs it too). Unlike Weka's
 * filter, which sorts missing values to the end and counts them in {@code n}, only non-missing values are
 * used;</li>
 * <li><b>percentiles</b> (percentile caps): linear interpolation between closest ranks (Hyndman and Fan's
 * type 7, the default of R and numpy): {@code h = (n - 1) p / 100}, {@code s[floor h] + (h - floor h)
 * (s[floor h + 1] - s[floor h])};</li>
 * <li><b>most frequent</b>: the value occurring most often; ties go to the smallest value.</li>
 * </ul>
 */
final class Stats {
    private Stats() {
    }

    static double mean(double[] v, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += v[i];
        }
        return sum / n;
    }

    static double std(double[] v, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double mean = v[0];
        double m2 = 0;
        for (int i = 1; i < n; i++) {
            double delta = v[i] - mean;
            mean += delta / (i + 1);
            m2 += delta * (v[i] - mean);
        }
        double var = m2 / (n - 1);
        return var < 0 ? 0 : Math.sqrt(var);
    }

    /** Median of sorted values; {@code n >= 1}. */
    static double median(double[] sorted, int n) {
        int half = n / 2;
        return n % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    /** {@code {Q1, Q3}} of sorted values by Weka's rule (see the class comment); {@code n >= 2}. */
    static double[] quartiles(double[] sorted, int n) {
        int half = n / 2;
        int quarter = half / 2;
        if (half % 2 == 1) {
            return new double[] {sorted[quarter], sorted[n - quarter - 1]};
        }
        return new double[] {(sorted[quarter] + sorted[quarter + 1]) / 2,
                (sorted[n - quarter - 1] + sorted[n - quarter]) / 2};
    }

    /** The {@code p}-th percentile (0..100) of sorted values, type 7; {@code n >= 1}. */
    static double percentile(double[] sorted, int n, double p) {
        double h = (n - 1) * p / 100;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** The most frequent of sorted values, ties to the smallest; {@code n >= 1}. */
    static double mostFrequent(double[] sorted, int n) {
        double best = sorted[0];
        int bestCount = 0;
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                best = sorted[i];
            }
            i = j;
        }
        return best;
    }

    /** The number of distinct values among sorted values, counting at most {@code limit}. */
    static int distinct(double[] sorted, int n, int limit) {
        if (n == 0) {
            return 0;
        }
        int d = 1;
        for (int i = 1; i < n && d < limit; i++) {
            if (sorted[i] != sorted[i - 1]) {
                d++;
            }
        }
        return d;
    }
}
