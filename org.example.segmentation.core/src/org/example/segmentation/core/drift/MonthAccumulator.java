package org.example.segmentation.core.drift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Names;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

/**
 * Streams one month through a baseline's layout, chunk by chunk, keeping only counters: per feature the cell
 * counts, the moments (Welford's update, row by row), the missing count and, for numeric features, a
 * {@link Reservoir} of at most {@code sampleSize} values; per segment the rows, the mean distance and per feature
 * the cell counts and the mean. Memory is independent of the number of rows. Every update goes row by row in table
 * order, so feeding a table in chunks gives exactly the statistics of feeding it whole.
 *
 * <p>The reference month goes through the same code as the current month, so a month compared with itself gives
 * PSI 0 exactly.
 */
final class MonthAccumulator {
    /** At most this many unseen level names are kept per categorical feature (all are counted). */
    static final int MAX_UNSEEN_NAMES = 20;

    private final List<FeatureLayout> layout;
    private final SegmentLayout segments;
    private final SegmentAssigner assigner;
    private final String what;
    private final Map<String, Integer> segmentIndex;

    private final long[] rows;
    private final long[] missing;
    private final double[] mean;
    private final double[] m2;
    private final double[] min;
    private final double[] max;
    private final long[][] counts;
    private final Reservoir[] reservoirs;
    private final List<Map<String, Long>> unseen = new ArrayList<>();

    private final long[] segmentRows;
    private long segmentMissing;
    private final double[] distanceMean;
    private final long[] distanceRows;
    private final long[][] perSegmentRows;
    private final double[][] perSegmentMean;
    private final long[][][] perSegmentCounts;

    private long totalRows;

    /**
     * @param layout     the features
     * @param segments   the segments, or null when they are not monitored
     * @param assigner   the model that assigns segments, or null to read the segment column
     * @param sampleSize reservoir capacity per numeric feature
     * @param seed       the baseline's seed
     * @param stream     0 for the reference month, 1 for a monitored month (different reservoir draws)
     * @param what       "reference table" or "current table", for messages
     */
    MonthAccumulator(List<FeatureLayout> layout, SegmentLayout segments, SegmentAssigner assigner, int sampleSize,
            long seed, long stream, String what) {
        this.layout = List.copyOf(layout);
        this.segments = segments;
        this.assigner = assigner;
        this.what = what;
        this.segmentIndex = segments == null ? Map.of() : segments.index();
        int f = layout.size();
        rows = new long[f];
        missing = new long[f];
        mean = new double[f];
        m2 = new double[f];
        min = new double[f];
        max = new double[f];
        counts = new long[f][];
        reservoirs = new Reservoir[f];
        int s = segments == null ? 0 : segments.names().size();
        segmentRows = new long[s];
        distanceMean = new double[s];
        distanceRows = new long[s];
        perSegmentRows = new long[f][s];
        perSegmentMean = new double[f][s];
        perSegmentCounts = new long[f][s][];
        for (int i = 0; i < f; i++) {
            FeatureLayout fl = layout.get(i);
            counts[i] = new long[fl.cells()];
            min[i] = Double.POSITIVE_INFINITY;
            max[i] = Double.NEGATIVE_INFINITY;
            if (fl.numeric) {
                reservoirs[i] = new Reservoir(sampleSize, Reservoir.mix(Reservoir.mix(seed, stream), i));
            }
            unseen.add(new LinkedHashMap<>());
            for (int k = 0; k < s; k++) {
                perSegmentCounts[i][k] = new long[fl.cells()];
            }
        }
    }

    /** The rows accepted so far. */
    long rows() {
        return totalRows;
    }

    /** The doubles held in reservoirs: bounded by features x sample size, whatever the rows. */
    long retainedValues() {
        long n = 0;
        for (Reservoir r : reservoirs) {
            n += r == null ? 0 : r.capacity();
        }
        return n;
    }

    /**
     * Adds the rows of {@code chunk}.
     *
     * @return the chunk's segment codes (-1 for none), or null when segments are not monitored
     * @throws InputException naming the columns the chunk lacks or whose type does not fit, or a segment the baseline
     *                        does not know
     */
    int[] accept(Table chunk, Progress progress) {
        checkColumns(chunk);
        int n = chunk.rowCount();
        int[] segment = null;
        double[] distance = null;
        if (segments != null) {
            if (assigner != null) {
                SegmentAssigner.Assignment a = assigner.assign(chunk);
                if (a.segments().length != n) {
                    throw new IllegalStateException("the segment assigner returned " + a.segments().length
                            + " segments for " + n + " rows");
                }
                segment = a.segments();
                distance = a.distances();
                for (int i = 0; i < n; i++) {
                    if (segment[i] < -1 || segment[i] >= segmentRows.length) {
                        throw new IllegalStateException("the segment assigner returned segment code " + segment[i]
                                + " for row " + (totalRows + i + 1) + "; it has " + segmentRows.length + " segments");
                    }
                }
            } else {
                segment = segmentCodes(chunk.column(segments.column()));
                distance = segments.distanceColumn().isEmpty() ? null
                        : chunk.numeric(segments.distanceColumn()).toArray();
            }
        }
        for (int f = 0; f < layout.size(); f++) {
            progress.checkCancelled();
            FeatureLayout fl = layout.get(f);
            Column column = chunk.column(fl.name);
            if (fl.numeric) {
                acceptNumeric(f, fl, (NumericColumn) column, segment);
            } else {
                acceptCategorical(f, fl, column, segment);
            }
        }
        if (segment != null) {
            for (int i = 0; i < n; i++) {
                int s = segment[i];
                if (s < 0) {
                    segmentMissing++;
                    continue;
                }
                segmentRows[s]++;
                double d = distance == null ? Double.NaN : distance[i];
                if (Double.isFinite(d)) {
                    distanceRows[s]++;
                    distanceMean[s] += (d - distanceMean[s]) / distanceRows[s];
                }
            }
        }
        totalRows += n;
        return segment;
    }

    private void acceptNumeric(int f, FeatureLayout fl, NumericColumn column, int[] segment) {
        long[] c = counts[f];
        Reservoir reservoir = reservoirs[f];
        for (int i = 0; i < column.size(); i++) {
            double v = column.value(i);
            if (column.isMissing(i) || !Double.isFinite(v)) {
                missing[f]++;
                continue;
            }
            long n = ++rows[f];
            double delta = v - mean[f];
            mean[f] += delta / n;
            m2[f] += delta * (v - mean[f]);
            if (v < min[f]) {
                min[f] = v;
            }
            if (v > max[f]) {
                max[f] = v;
            }
            int bin = fl.binOf(v);
            c[bin]++;
            reservoir.add(v);
            if (segment != null && segment[i] >= 0) {
                int s = segment[i];
                long k = ++perSegmentRows[f][s];
                perSegmentMean[f][s] += (v - perSegmentMean[f][s]) / k;
                perSegmentCounts[f][s][bin]++;
            }
        }
    }

    private void acceptCategorical(int f, FeatureLayout fl, Column column, int[] segment) {
        long[] c = counts[f];
        int unseenCell = fl.levels.size();
        int[] byCode = null;
        CategoricalColumn categorical = null;
        if (column instanceof CategoricalColumn k) {
            categorical = k;
            List<String> dictionary = k.levels();
            byCode = new int[dictionary.size()];
            for (int j = 0; j < byCode.length; j++) {
                byCode[j] = fl.cellOf(dictionary.get(j));
            }
        }
        for (int i = 0; i < column.size(); i++) {
            int cell;
            String level = null;
            if (categorical != null) {
                int code = categorical.code(i);
                cell = code == CategoricalColumn.MISSING ? -1 : byCode[code];
                if (cell == unseenCell) {
                    level = categorical.level(i);
                }
            } else {
                level = column.format(i);
                cell = level == null ? -1 : fl.cellOf(level);
            }
            if (cell < 0) {
                missing[f]++;
                continue;
            }
            rows[f]++;
            c[cell]++;
            if (cell == unseenCell) {
                Map<String, Long> names = unseen.get(f);
                Long seen = names.get(level);
                if (seen != null) {
                    names.put(level, seen + 1);
                } else if (names.size() < MAX_UNSEEN_NAMES) {
                    names.put(level, 1L);
                }
            }
            if (segment != null && segment[i] >= 0) {
                perSegmentRows[f][segment[i]]++;
                perSegmentCounts[f][segment[i]][cell]++;
            }
        }
    }

    private int[] segmentCodes(Column column) {
        int n = column.size();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            String label = column.format(i);
            if (label == null) {
                out[i] = -1;
                continue;
            }
            Integer code = segmentIndex.get(label);
            if (code == null) {
                throw new InputException("the " + what + " has segment '" + label + "' in column '" + column.name()
                        + "' (row " + (totalRows + i + 1) + "), which is not one of the baseline's segments "
                        + Names.quote(segments.names()) + ": was it scored with another segmentation model than the "
                        + "baseline?");
            }
            out[i] = code;
        }
        return out;
    }

    private void checkColumns(Table chunk) {
        List<String> lacking = new ArrayList<>();
        for (FeatureLayout fl : layout) {
            if (!chunk.hasColumn(fl.name)) {
                lacking.add(fl.name);
            }
        }
        if (!lacking.isEmpty()) {
            List<String> all = new ArrayList<>();
            layout.forEach(fl -> all.add(fl.name));
            throw new InputException("the " + what + " lacks " + (lacking.size() == 1 ? "the baseline feature "
                    : lacking.size() + " baseline features: ") + Names.quote(lacking) + "; the baseline monitors "
                    + Names.quote(all) + " (fit a new baseline for a table with other columns)");
        }
        for (FeatureLayout fl : layout) {
            ColumnType type = chunk.column(fl.name).type();
            if (fl.numeric && type != ColumnType.NUMERIC) {
                throw new InputException("column '" + fl.name + "' is " + type.key() + " in the " + what
                        + " but numeric in the baseline; read it as numeric (a value that is not a number, such as "
                        + "'unknown', makes a CSV column text) or clean it first");
            }
        }
        if (segments != null && assigner == null) {
            if (!chunk.hasColumn(segments.column())) {
                throw new InputException("the baseline monitors segments from column '" + segments.column()
                        + "', but the " + what + " has no such column; score the month with the segmentation model "
                        + "first");
            }
            String d = segments.distanceColumn();
            if (!d.isEmpty()) {
                if (!chunk.hasColumn(d)) {
                    throw new InputException("the baseline monitors distances to the centroids from column '" + d
                            + "', but the " + what + " has no such column");
                }
                if (chunk.column(d).type() != ColumnType.NUMERIC) {
                    throw new InputException("column '" + d + "' (distance to the centroid) is "
                            + chunk.column(d).type().key() + " in the " + what + "; expected numeric");
                }
            }
        }
    }

    /** The statistics so far. */
    MonthStats finish() {
        List<FeatureStats> features = new ArrayList<>();
        for (int f = 0; f < layout.size(); f++) {
            FeatureLayout fl = layout.get(f);
            boolean any = rows[f] > 0;
            double[] sample = fl.numeric ? reservoirs[f].sorted() : new double[0];
            features.add(new FeatureStats(rows[f], missing[f],
                    fl.numeric && any ? mean[f] : Double.NaN,
                    fl.numeric && any ? (rows[f] > 1 ? Math.sqrt(m2[f] / (rows[f] - 1)) : 0) : Double.NaN,
                    fl.numeric && any ? min[f] : Double.NaN,
                    fl.numeric && any ? max[f] : Double.NaN,
                    counts[f].clone(), sample, Collections.unmodifiableMap(new LinkedHashMap<>(unseen.get(f)))));
        }
        SegmentStats segmentStats = null;
        if (segments != null) {
            int s = segmentRows.length;
            double[] distances = new double[s];
            List<SegmentStats.PerSegment> per = new ArrayList<>();
            for (int k = 0; k < s; k++) {
                distances[k] = distanceRows[k] > 0 ? distanceMean[k] : Double.NaN;
            }
            for (int f = 0; f < layout.size(); f++) {
                double[] means = new double[s];
                long[][] cells = new long[s][];
                for (int k = 0; k < s; k++) {
                    means[k] = layout.get(f).numeric && perSegmentRows[f][k] > 0 ? perSegmentMean[f][k] : Double.NaN;
                    cells[k] = perSegmentCounts[f][k].clone();
                }
                per.add(new SegmentStats.PerSegment(perSegmentRows[f].clone(), means, cells));
            }
            segmentStats = new SegmentStats(segmentRows.clone(), segmentMissing, distances, distanceRows.clone(), per);
        }
        return new MonthStats(totalRows, features, segmentStats);
    }
}
