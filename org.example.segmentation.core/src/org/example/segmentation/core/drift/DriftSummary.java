package org.example.segmentation.core.drift;

import java.util.List;

/**
 * The verdict of a month in one object: what a scheduler branches on ({@code status}, {@code worst_feature},
 * {@code worst_psi}, {@code recommendation}) and why ({@code reasons}). Written as {@code drift_summary.json}.
 *
 * @param status               {@code OK}, {@code WARN} or {@code ALERT}
 * @param recommendation       {@code keep}, {@code watch} or {@code refit}
 * @param advice               the recommendation in a sentence
 * @param worstFeature         the feature with the largest PSI (empty without any)
 * @param worstPsi             its PSI (NaN without any; written as null)
 * @param reasons              why the status, one line each, the most serious first
 * @param rowsRef              rows of the reference month
 * @param rowsCur              rows of the current month
 * @param featuresMonitored    features monitored
 * @param featuresModerate     features with status moderate
 * @param featuresSignificant  features with status significant
 * @param featuresNoData       features without any value in the current month
 * @param segmentShareStatus   the segment shares' status ({@code not_monitored} without segments)
 * @param segmentSharePsi      PSI of the segment shares (NaN without segments)
 * @param maxShareChange       the largest absolute segment share change (NaN without segments)
 * @param customersMatched     customers found in the previous and the current month (0 without migration)
 * @param customersStayed      matched customers who kept their segment
 * @param columnsNotInBaseline columns of the current table the baseline does not monitor
 * @param baselineCreatedAt    when the baseline was fitted
 * @param baselineInputHash    the reference table's fingerprint hash
 */
public record DriftSummary(DriftStatus status, String recommendation, String advice, String worstFeature,
        double worstPsi, List<String> reasons, long rowsRef, long rowsCur, int featuresMonitored,
        int featuresModerate, int featuresSignificant, int featuresNoData, String segmentShareStatus,
        double segmentSharePsi, double maxShareChange, long customersMatched, long customersStayed,
        List<String> columnsNotInBaseline, String baselineCreatedAt, String baselineInputHash) {

    public DriftSummary {
        reasons = List.copyOf(reasons);
        columnsNotInBaseline = List.copyOf(columnsNotInBaseline);
    }
}
