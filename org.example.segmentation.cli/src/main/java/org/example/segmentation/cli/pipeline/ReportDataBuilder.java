package org.example.segmentation.cli.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.example.segmentation.cli.report.ArchetypeRegion;
import org.example.segmentation.cli.report.Pca2d;
import org.example.segmentation.cli.report.ReportData;
import org.example.segmentation.core.cleaning.CleaningReport;
import org.example.segmentation.core.cluster.Matrix;
import org.example.segmentation.core.drift.DriftReport;
import org.example.segmentation.core.drift.MigrationCell;
import org.example.segmentation.core.drift.SegmentDrift;
import org.example.segmentation.core.profile.SegmentProfile;
import org.example.segmentation.core.profile.SegmentSummary;
import org.example.segmentation.core.segmentation.Segment;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

/**
 * Turns a finished {@link PipelineRun} into {@link ReportData}. The scoring columns are read by name from the scored
 * customers when present: {@value #CAPABILITY}, {@value #TRUST}, {@value #ARCHETYPE} and {@value #DIGITAL_SCORE};
 * the projection and the grid show a seeded sample of at most {@value #SAMPLE} customers (the density uses all).
 */
final class ReportDataBuilder {
    static final String CAPABILITY = "capability_score";
    static final String TRUST = "trust_score";
    static final String ARCHETYPE = "archetype";
    static final String DIGITAL_SCORE = "digital_score";
    static final int SAMPLE = 5000;
    static final int GRID_CELLS = 20;
    private static final long SAMPLE_SEED = 42;

    private ReportDataBuilder() {
    }

    static ReportData build(PipelineRun run) {
        Table customers = run.customers;
        List<ReportData.Fact> facts = new ArrayList<>();
        facts.add(new ReportData.Fact("input", run.inputFile.toString() + " (" + run.input.rowCount() + " rows, "
                + run.input.columnCount() + " columns)"));
        if (run.pipeline.previous() != null) {
            facts.add(new ReportData.Fact("previous run", run.pipeline.previous() + (run.pipeline.reuseModels()
                    ? " (its models applied)" : "")));
        }
        if (run.cleaning != null) {
            CleaningReport r = run.cleaning.report();
            facts.add(new ReportData.Fact("data quality", String.format(Locale.ROOT, "%d rows in, %d after cleaning "
                    + "(%d removed); %d values imputed, %d outliers %s, %d invalid values; %d columns dropped",
                    r.rowsIn(), r.rowsOut(), r.rowsIn() - r.rowsOut(), r.imputed(), r.outliers(),
                    run.cleaning.model().config().outlierAction().key(), r.invalid(), r.droppedColumns().size())));
        }
        if (!run.log1pColumns.isEmpty()) {
            facts.add(new ReportData.Fact("transformed", "log1p: " + String.join(", ", run.log1pColumns)));
        }
        SegmentationModel m = run.segmentation;
        ReportData.KSelection k = null;
        if (m != null) {
            facts.add(new ReportData.Fact("features", m.featureNames().size() + ": "
                    + String.join(", ", m.featureNames())));
            facts.add(new ReportData.Fact("segments", "k = " + m.k() + " (" + m.kSelection().basis() + "): "
                    + m.kSelection().reason() + (run.segmentationFitted ? "" : " [the previous run's model, applied]")));
            k = kSelection(m);
        }
        if (run.drift != null) {
            facts.add(new ReportData.Fact("drift", run.drift.summary().status() + ": "
                    + run.drift.summary().recommendation()));
        }
        List<ReportData.SegmentCard> cards = m == null ? List.of() : cards(run, m, customers);
        ReportData.Heatmap heatmap = run.profile == null ? null : heatmap(run.profile);
        ReportData.Projection projection = m == null ? null : projection(run, m);
        String subtitle = "pipeline " + run.pipeline.file().getFileName() + " on " + run.inputFile.getFileName() + ", "
                + customers.rowCount() + " customers";
        return new ReportData(run.pipeline.name(), subtitle, facts, k, cards, heatmap, projection,
                grid(customers, run.archetypeRegions), scores(customers), drift(run.drift), run.warnings);
    }

    private static ReportData.KSelection kSelection(SegmentationModel m) {
        Table t = m.kSelectionTable();
        int n = t.rowCount();
        int[] ks = new int[n];
        for (int i = 0; i < n; i++) {
            ks[i] = (int) t.numeric("k").value(i);
        }
        return new ReportData.KSelection(ks, values(t.numeric("silhouette")), values(t.numeric("calinski_harabasz")),
                values(t.numeric("davies_bouldin")), values(t.numeric("stability")), m.k(), m.kSelection().reason());
    }

    private static double[] values(NumericColumn c) {
        double[] v = new double[c.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = c.isMissing(i) ? Double.NaN : c.value(i);
        }
        return v;
    }

    private static List<ReportData.SegmentCard> cards(PipelineRun run, SegmentationModel m, Table customers) {
        Map<String, Long> counts = counts(customers.categorical(SegmentationModel.SEGMENT));
        Map<String, Map<String, Long>> mix = new HashMap<>();
        if (customers.hasColumn(ARCHETYPE) && customers.column(ARCHETYPE).type() != ColumnType.NUMERIC) {
            Column seg = customers.column(SegmentationModel.SEGMENT);
            Column arch = customers.column(ARCHETYPE);
            for (int i = 0; i < customers.rowCount(); i++) {
                if (!seg.isMissing(i) && !arch.isMissing(i)) {
                    mix.computeIfAbsent(seg.format(i), x -> new LinkedHashMap<>()).merge(arch.format(i), 1L, Long::sum);
                }
            }
        }
        long total = customers.rowCount();
        List<ReportData.SegmentCard> cards = new ArrayList<>();
        for (Segment s : m.segments()) {
            long n = counts.getOrDefault(s.name(), 0L);
            String description = "";
            List<String> top = List.of();
            if (run.profile != null && run.profile.segments().contains(s.name())) {
                SegmentSummary summary = run.profile.summary(s.name());
                description = summary.description();
                top = summary.topFeatures();
            }
            cards.add(new ReportData.SegmentCard(s.id(), s.name(), n, total == 0 ? Double.NaN : (double) n / total,
                    description, top, mix.getOrDefault(s.name(), Map.of())));
        }
        return cards;
    }

    private static Map<String, Long> counts(CategoricalColumn c) {
        Map<String, Long> out = new HashMap<>();
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                out.merge(c.level(i), 1L, Long::sum);
            }
        }
        return out;
    }

    private static ReportData.Heatmap heatmap(SegmentProfile p) {
        List<String> features = new ArrayList<>();
        for (String f : p.features()) {
            if (p.featureType(f) == ColumnType.NUMERIC) {
                features.add(f);
            }
        }
        if (features.isEmpty() || p.segments().isEmpty()) {
            return null;
        }
        double[][] index = new double[features.size()][p.segments().size()];
        for (int f = 0; f < features.size(); f++) {
            for (int s = 0; s < p.segments().size(); s++) {
                index[f][s] = p.numeric(p.segments().get(s), features.get(f)).index();
            }
        }
        List<String> labels = features.stream().map(p::label).toList();
        return new ReportData.Heatmap(labels, p.segments(), index);
    }

    /** Seeded sample of row indexes, in increasing order: all rows when there are at most {@code size}. */
    static int[] sample(int rows, int size, long seed) {
        if (rows <= size) {
            int[] all = new int[rows];
            for (int i = 0; i < rows; i++) {
                all[i] = i;
            }
            return all;
        }
        // selection sampling (Knuth's Algorithm S): each row kept with probability needed / left
        SplittableRandom random = new SplittableRandom(seed);
        int[] out = new int[size];
        int taken = 0;
        for (int i = 0; i < rows && taken < size; i++) {
            if (random.nextDouble() * (rows - i) < size - taken) {
                out[taken++] = i;
            }
        }
        return out;
    }

    private static ReportData.Projection projection(PipelineRun run, SegmentationModel m) {
        Table features = run.selected != null ? run.selected : run.cleaning.table();
        int[] rows = sample(features.rowCount(), SAMPLE, SAMPLE_SEED);
        if (rows.length < 2) {
            return null;
        }
        Matrix x = m.featureSpace().matrix(features.selectRows(rows));
        double[][] data = new double[x.rows()][];
        for (int i = 0; i < data.length; i++) {
            data[i] = x.row(i);
        }
        Pca2d pca = Pca2d.fit(data);
        CategoricalColumn seg = run.segmented.categorical(SegmentationModel.SEGMENT);
        List<String> names = m.segmentNames();
        double[] px = new double[rows.length];
        double[] py = new double[rows.length];
        int[] ps = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] p = pca.project(data[i]);
            px[i] = p[0];
            py[i] = p[1];
            ps[i] = Math.max(0, names.indexOf(seg.level(rows[i])));
        }
        return new ReportData.Projection(names, px, py, ps, pca.explained(),
                rows.length == features.rowCount() ? "all " + rows.length + " customers"
                        : "a seeded sample of " + rows.length + " of " + features.rowCount() + " customers");
    }

    /** The capability x trust density, when the customers have both numeric columns. */
    static ReportData.Grid grid(Table customers, List<ArchetypeRegion> regions) {
        if (!isNumeric(customers, CAPABILITY) || !isNumeric(customers, TRUST)) {
            return null;
        }
        NumericColumn cap = customers.numeric(CAPABILITY);
        NumericColumn trust = customers.numeric(TRUST);
        long[][] counts = new long[GRID_CELLS][GRID_CELLS];
        for (int i = 0; i < customers.rowCount(); i++) {
            if (cap.isMissing(i) || trust.isMissing(i)) {
                continue;
            }
            counts[cell(cap.value(i))][cell(trust.value(i))]++;
        }
        return new ReportData.Grid(regions, GRID_CELLS, counts);
    }

    private static int cell(double v) {
        int c = (int) Math.floor(v / (100.0 / GRID_CELLS));
        return Math.max(0, Math.min(GRID_CELLS - 1, c));
    }

    /** Five-number summaries of the digital score per segment, when the customers have both columns. */
    static ReportData.ScoreDistribution scores(Table customers) {
        if (!isNumeric(customers, DIGITAL_SCORE) || !customers.hasColumn(SegmentationModel.SEGMENT)) {
            return null;
        }
        NumericColumn score = customers.numeric(DIGITAL_SCORE);
        Column seg = customers.column(SegmentationModel.SEGMENT);
        Map<String, List<Double>> by = new LinkedHashMap<>();
        if (seg instanceof CategoricalColumn c) {
            c.levels().forEach(l -> by.put(l, new ArrayList<>()));
        }
        for (int i = 0; i < customers.rowCount(); i++) {
            if (!seg.isMissing(i) && !score.isMissing(i)) {
                by.computeIfAbsent(seg.format(i), x -> new ArrayList<>()).add(score.value(i));
            }
        }
        by.values().removeIf(List::isEmpty);
        if (by.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>(by.keySet());
        double[][] boxes = new double[names.size()][];
        long[] counts = new long[names.size()];
        for (int s = 0; s < names.size(); s++) {
            double[] v = by.get(names.get(s)).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            boxes[s] = new double[] {v[0], quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75), v[v.length - 1]};
            counts[s] = v.length;
        }
        return new ReportData.ScoreDistribution(names, boxes, counts);
    }

    /** Quantile of sorted values by linear interpolation between order statistics (type 7, as R and NumPy). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static boolean isNumeric(Table t, String column) {
        return t.hasColumn(column) && t.column(column).type() == ColumnType.NUMERIC;
    }

    private static ReportData.Drift drift(DriftReport r) {
        if (r == null) {
            return null;
        }
        List<String> features = new ArrayList<>();
        List<Double> psi = new ArrayList<>();
        r.features().stream().sorted((a, b) -> Double.compare(finite(b.psi()), finite(a.psi()))).forEach(f -> {
            features.add(f.feature());
            psi.add(f.psi());
        });
        List<String> segments = new ArrayList<>();
        List<Double> ref = new ArrayList<>();
        List<Double> cur = new ArrayList<>();
        for (SegmentDrift s : r.segments()) {
            segments.add(s.segment());
            ref.add(s.shareRef());
            cur.add(s.shareCur());
        }
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        for (MigrationCell c : r.migration()) {
            if (c.kind().equals("segment")) {
                if (!from.contains(c.from())) {
                    from.add(c.from());
                }
                if (!to.contains(c.to())) {
                    to.add(c.to());
                }
            }
        }
        long[][] migration = new long[from.isEmpty() ? 0 : from.size()][to.size()];
        for (MigrationCell c : r.migration()) {
            if (c.kind().equals("segment")) {
                migration[from.indexOf(c.from())][to.indexOf(c.to())] += c.customers();
            }
        }
        return new ReportData.Drift(r.status().name(), r.summary().reasons(), features,
                psi.stream().mapToDouble(Double::doubleValue).toArray(), r.config().psiModerate(),
                r.config().psiSignificant(), segments, ref.stream().mapToDouble(Double::doubleValue).toArray(),
                cur.stream().mapToDouble(Double::doubleValue).toArray(), from, to, migration);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : -1;
    }
}
