package org.example.segmentation.core.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Names;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.model.Provenance;
import org.example.segmentation.core.table.Table;

/**
 * Fits a {@link ScoringModel} on a reference table: the percentile sketch of every indicator column and the
 * engagement tertiles, so that next month is scored on this month's scale.
 *
 * <p>Fit on the <b>raw</b> table (as read from CSV, or cleaned with scaling {@code none}): the percentiles make the
 * scores invariant to any increasing rescaling, but the consent, lifecycle and product rules read values in their
 * own units (0/1 consents, months, product counts). A consent column holding other numbers than 0 and 1 (as a
 * z-scaled table does) is refused.
 */
public final class ProfileScorer {

    private ProfileScorer() {
    }

    /**
     * Fits the scoring model.
     *
     * @param reference the reference table (not modified)
     * @param config    the configuration
     * @param progress  progress and cancellation
     * @throws InputException     naming the setting and the column: a column the table lacks, an indicator without
     *                            any number, a consent column with values other than 0/1 or yes/no; an empty table
     * @throws CancelledException when {@code progress} says so
     */
    public static ScoringModel fit(Table reference, ScoringConfig config, Progress progress) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        checkColumns(reference, config);
        if (reference.rowCount() == 0) {
            throw new InputException("cannot fit the scoring model: the reference table has no rows");
        }
        Set<String> indicators = new LinkedHashSet<>();
        for (Scorecard card : config.scorecards()) {
            indicators.addAll(card.indicators());
        }
        Map<String, PercentileSketch> sketches = new LinkedHashMap<>();
        int done = 0;
        for (String c : indicators) {
            progress.checkCancelled();
            progress.update(0.8 * done++ / indicators.size(), "Scoring: percentiles of " + c);
            double[] x = Columns.numbers(reference, c);
            int n = 0;
            for (double v : x) {
                if (Double.isFinite(v)) {
                    x[n++] = v;
                }
            }
            if (n == 0) {
                throw new InputException("cannot fit the scoring model: indicator column '" + c + "' (" + usedBy(config,
                        c) + ") has no numeric value in the reference table");
            }
            sketches.put(c, PercentileSketch.fit(x, n));
        }
        for (String c : config.channels().consentColumns()) {
            Columns.checkConsent(reference, c);
        }
        progress.update(0.85, "Scoring: engagement tertiles");
        double[] measure = ScoringModel.engagementMeasure(reference, config.engagement(), sketches);
        int n = 0;
        for (double v : measure) {
            if (!Double.isNaN(v)) {
                measure[n++] = v;
            }
        }
        List<Double> tertiles = new ArrayList<>();
        if (n > 0) {
            Arrays.sort(measure, 0, n);
            tertiles.add(quantile(measure, n, 1.0 / 3));
            tertiles.add(quantile(measure, n, 2.0 / 3));
        } else {
            throw new InputException("cannot fit the scoring model: no reference row has enough engagement indicators "
                    + Names.quote(config.engagement().indicators()) + " present (setting 'engagement.min_weight_share')");
        }
        Provenance provenance = Provenance.of("scorer", config.toSettings(), reference, null);
        ScoringModel model = new ScoringModel(config, provenance,
                new ScoringModel.Body(config.toSettings().asMap(), sketches, tertiles, reference.rowCount()));
        progress.update(1, null);
        return model;
    }

    /** The type-7 quantile of the sorted {@code x[0..n-1]}. */
    static double quantile(double[] x, int n, double p) {
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(n - 1, lo + 1);
        return x[lo] + (h - lo) * (x[hi] - x[lo]);
    }

    private static String usedBy(ScoringConfig config, String column) {
        List<String> keys = new ArrayList<>();
        for (Scorecard card : config.scorecards()) {
            if (card.indicators().contains(column)) {
                keys.add(card.prefix() + ".indicators");
            }
        }
        return "setting " + Names.quote(keys);
    }

    /** Checks that every column a setting names is in the table, naming the setting and the column. */
    static void checkColumns(Table table, ScoringConfig config) {
        List<String> problems = new ArrayList<>();
        config.columnsBySetting().forEach((key, columns) -> {
            for (String c : columns) {
                if (!table.hasColumn(c)) {
                    problems.add("setting '" + key + "' names column '" + c + "'");
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new InputException("scoring: " + String.join("; ", problems) + (problems.size() == 1
                    ? ", which the table does not have" : "; the table has none of these") + ". The table has "
                    + Names.quote(table.columnNames()));
        }
    }
}
