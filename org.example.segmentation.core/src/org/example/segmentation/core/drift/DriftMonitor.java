package org.example.segmentation.core.drift;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;

/**
 * Monitors one month against a {@link DriftBaseline}: {@link #start} it, {@link #accept} the month's rows in
 * chunks of any size, {@link #finish} to get the {@link DriftReport}. Memory is constant in the rows (counts,
 * moments and one reservoir sample per numeric feature), except for the previous month's identifiers when
 * migration is asked for ({@link Migration}). Feeding a table in chunks gives exactly the report of feeding it
 * whole. Not thread-safe: one monitor per month.
 *
 * <h2>Measures</h2>
 * Numeric features: PSI over the baseline's quantile bins ({@link QuantileBins}, smoothing in
 * {@link PopulationStability}); Kolmogorov-Smirnov statistic and p-value and the Wasserstein-1 distance (divided by
 * the reference standard deviation) on the reference and current reservoir samples ({@link TwoSampleTests});
 * shift of the mean in reference standard deviations, ratio of the standard deviations; missing rates.
 * Categorical features: PSI over the reference levels plus one bucket for unseen levels, chi-square test of
 * homogeneity, Jensen-Shannon distance, share of unseen levels. Segments: PSI and chi-square test of the segment
 * shares, each segment's share change, centroid shift (Euclidean, over the numeric segmentation features, in
 * reference standard deviations), mean distance to the centroid, and every feature's PSI within every segment.
 *
 * <h2>Verdict</h2>
 * <ol>
 * <li>The p-values of all feature tests (KS for numeric, chi-square for categorical) and of the segment share test
 * form one family and are adjusted together by Benjamini-Hochberg. A drift is <em>confirmed</em> when its adjusted
 * p-value is below {@code alpha}.</li>
 * <li>A feature is {@code significant} when its PSI is at least {@code psi.significant} and confirmed,
 * {@code moderate} when its PSI is at least {@code psi.moderate} and confirmed, else {@code stable}. A change of its
 * missing rate by at least {@code missing.change} makes it at least {@code moderate}. A feature without any value in
 * the current month is {@code no_data}.</li>
 * <li>The segment shares are {@code significant} when their PSI is at least {@code psi.significant} or a segment's
 * share changed by at least {@code segment.share_change.significant}, and confirmed; {@code moderate} likewise with
 * the moderate thresholds. The fit is {@code significant} ({@code moderate}) when the mean distance to the centroid
 * rose by at least {@code distance.significant} ({@code distance.moderate}).</li>
 * <li><b>ALERT</b> when a segmentation feature is significant or has no data, or the segment shares or the fit are
 * significant, or no row of the month has a segment. <b>WARN</b> otherwise, when any feature is moderate, significant or has no data, or the segment
 * shares or the fit are moderate. <b>OK</b> otherwise. Recommendation: keep, watch, refit.</li>
 * </ol>
 * The worst feature is the one with the largest PSI. Per-segment feature drift is reported but does not enter the
 * verdict.
 */
public final class DriftMonitor {
    /** The reservoir stream of a monitored month (the reference used stream 0). */
    static final long CURRENT_STREAM = 1;
    private static final int CHUNK = 65_536;

    private final DriftBaseline baseline;
    private final DriftConfig config;
    private final MonthAccumulator accumulator;
    private final Migration migration;
    private final Set<String> columnsNotInBaseline = new LinkedHashSet<>();
    private boolean finished;

    private DriftMonitor(DriftBaseline baseline, DriftConfig config, SegmentAssigner assigner, Table previous) {
        this.baseline = baseline;
        this.config = config;
        SegmentLayout segments = baseline.segmentLayout();
        this.accumulator = new MonthAccumulator(baseline.layout(), segments, assigner, baseline.config().sampleSize(),
                baseline.config().seed(), CURRENT_STREAM, "current table");
        this.migration = previous == null ? null : new Migration(previous, config, segments, assigner);
    }

    /** Starts monitoring with the baseline's own settings, segments from the segment column, no migration. */
    public static DriftMonitor start(DriftBaseline baseline) {
        return start(baseline, baseline.config(), null, null);
    }

    /** As {@link #start(DriftBaseline, DriftConfig, SegmentAssigner, Table)} without model and previous month. */
    public static DriftMonitor start(DriftBaseline baseline, DriftConfig config) {
        return start(baseline, config, null, null);
    }

    /**
     * Starts monitoring a month.
     *
     * @param config   the settings to judge with: the baseline keys must equal the baseline's (use
     *                 {@link DriftConfig#forMonitoring}); the monitoring keys are free
     * @param assigner the segmentation model, required when the baseline's segments came from a model (and the
     *                 same model), else null: segments are then read from the baseline's segment column
     * @param previous the previous month's scored table for the migration matrices, or null
     * @throws InputException when a baseline key differs, the model is missing or another one, or the previous
     *                        month lacks the columns migration needs
     */
    public static DriftMonitor start(DriftBaseline baseline, DriftConfig config, SegmentAssigner assigner,
            Table previous) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(config, "config");
        var mine = baseline.config().toSettings().asMap();
        var theirs = config.toSettings().asMap();
        for (String key : DriftConfig.BASELINE_KEYS) {
            if (!mine.get(key).equals(theirs.get(key))) {
                throw new InputException("setting '" + key + "' is fixed when the baseline is fitted (the baseline has '"
                        + mine.get(key) + "', got '" + theirs.get(key) + "'); fit a new baseline to change it");
            }
        }
        SegmentLayout segments = baseline.segmentLayout();
        if (assigner != null) {
            if (segments == null || !segments.fromModel()) {
                throw new InputException("the baseline was not fitted with a segmentation model"
                        + (segments == null ? " (it monitors no segments)" : " (its segments come from "
                                + segments.source() + ")") + "; fit a new baseline with the model");
            }
            if (!segments.modelId().equals(assigner.modelId()) || !segments.names().equals(assigner.segmentNames())) {
                throw new InputException("the segmentation model '" + assigner.modelId() + "' is not the one the "
                        + "baseline was fitted with ('" + segments.modelId() + "'): its segments are not comparable; "
                        + "fit a new baseline with this model");
            }
        } else if (segments != null && segments.fromModel()) {
            throw new InputException("the baseline's segments come from model '" + segments.modelId()
                    + "'; monitoring needs that model to assign the current month's segments");
        }
        return new DriftMonitor(baseline, config, assigner, previous);
    }

    /**
     * The previous month's columns that migration against {@code baseline} with {@code config} reads, when this month
     * has the given columns and types ({@code null}: every column); a caller may read only those of the previous
     * month's file that it has.
     */
    public static Set<String> previousColumns(DriftBaseline baseline, DriftConfig config,
            Map<String, ColumnType> current) {
        return Migration.previousColumns(config, baseline.segmentLayout(), current);
    }

    /** As {@link #accept(Table, Progress)} without progress. */
    public DriftMonitor accept(Table chunk) {
        return accept(chunk, Progress.NONE);
    }

    /**
     * Adds a chunk of the current month. Chunks must have the baseline's features (extra columns are ignored and
     * listed in the summary); a numeric feature must be a numeric column.
     *
     * @throws InputException naming every feature the chunk lacks, a feature of the wrong type, or a segment the
     *                        baseline does not know
     */
    public DriftMonitor accept(Table chunk, Progress progress) {
        Objects.requireNonNull(chunk, "chunk");
        if (finished) {
            throw new IllegalStateException("the monitor has finished");
        }
        if (accumulator.rows() == 0) {
            noteExtraColumns(chunk);
        }
        int[] segments = accumulator.accept(chunk, progress);
        if (migration != null) {
            migration.accept(chunk, segments);
        }
        return this;
    }

    /**
     * Compares the month with the baseline and judges it.
     *
     * @throws InputException when no row was accepted
     */
    public DriftReport finish() {
        if (finished) {
            throw new IllegalStateException("the monitor has finished");
        }
        if (accumulator.rows() == 0) {
            throw new InputException("the current table has no rows");
        }
        finished = true;
        MonthStats current = accumulator.finish();
        List<MigrationCell> cells = migration == null ? List.of() : migration.finish();
        return Verdict.judge(baseline, config, current, cells, migration == null ? 0 : migration.matched(),
                migration == null ? 0 : migration.stayed(), new ArrayList<>(columnsNotInBaseline));
    }

    /** Monitors a whole table with the baseline's settings. */
    public static DriftReport monitor(DriftBaseline baseline, Table current) {
        return monitor(baseline, baseline.config(), null, current, null, Progress.NONE);
    }

    /**
     * Monitors a whole table, in chunks, with progress and cancellation.
     *
     * @see #start(DriftBaseline, DriftConfig, SegmentAssigner, Table)
     */
    public static DriftReport monitor(DriftBaseline baseline, DriftConfig config, SegmentAssigner assigner,
            Table current, Table previous, Progress progress) {
        DriftMonitor monitor = start(baseline, config, assigner, previous);
        int n = current.rowCount();
        if (n <= CHUNK) {
            monitor.accept(current, progress);
        } else {
            for (int from = 0; from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                int[] rows = new int[to - from];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = from + i;
                }
                monitor.accept(current.selectRows(rows), progress);
                progress.update((double) to / n, "monitoring");
            }
        }
        return monitor.finish();
    }

    /** The doubles held in reservoir samples: bounded by features x sample size. */
    long retainedValues() {
        return accumulator.retainedValues();
    }

    private void noteExtraColumns(Table chunk) {
        Set<String> known = new HashSet<>(baseline.features());
        known.add(DriftConfig.DEFAULT_SEGMENT_COLUMN);
        known.add(DriftConfig.DEFAULT_DISTANCE_COLUMN);
        SegmentLayout s = baseline.segmentLayout();
        if (s != null) {
            known.add(s.column());
            known.add(s.distanceColumn());
        }
        known.add(config.idColumn());
        known.add(config.archetypeColumn().isEmpty() ? DriftConfig.DEFAULT_ARCHETYPE_COLUMN : config.archetypeColumn());
        for (Column c : chunk.columns()) {
            if (c.type() != ColumnType.TEXT && !known.contains(c.name())) {
                columnsNotInBaseline.add(c.name());
            }
        }
    }
}
