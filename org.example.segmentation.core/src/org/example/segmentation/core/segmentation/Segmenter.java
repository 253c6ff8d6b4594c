package org.example.segmentation.core.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Names;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cluster.Centroids;
import org.example.segmentation.core.cluster.KMeansResult;
import org.example.segmentation.core.cluster.KPrototypes;
import org.example.segmentation.core.cluster.KSelection;
import org.example.segmentation.core.cluster.KSelectionConfig;
import org.example.segmentation.core.cluster.KSelectionResult;
import org.example.segmentation.core.cluster.Matrix;
import org.example.segmentation.core.cluster.MiniBatchKMeans;
import org.example.segmentation.core.model.Provenance;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;

/**
 * Fits a {@link SegmentationModel}: finds segments of customers, chooses their number, gives them stable ids and
 * names.
 *
 * <ol>
 * <li><b>Roles.</b> Identifier columns are {@code id.columns}, or every text column when that is empty. Features
 * are {@code features}, or every numeric and categorical column that is not an identifier when that is empty,
 * minus {@code exclude}. Every named column must exist; a feature may not be text or an identifier.</li>
 * <li><b>Feature space</b> ({@link FeatureSpace}): numeric features z-scored (or used as the cleaning model scaled
 * them), categorical features one-hot with a weight that makes each count like one numeric feature. Missing or
 * non-finite values, a constant feature and a single-level categorical feature fail with their names.</li>
 * <li><b>Segments</b> for every k of {@code k.min..k.max} (or the fixed {@code k}), by the {@code algorithm}, scored
 * and chosen by {@link KSelection} (its class comment has the rule); the chosen k's fit is the model. With
 * {@code algorithm=em} and {@code k=0}, EM chooses k itself by cross-validation and only that k is scored; EM and
 * hierarchical clustering ({@link WekaClusterers}) fail above {@code em.max_rows} / {@code hierarchical.max_rows}
 * rows. Their centroids are the means of each cluster's rows, and the model assigns to the nearest centroid. With
 * {@code algorithm=kprototypes} the categorical one-hot value is {@code sqrt(gamma / 2)} ({@code kprototypes.gamma}),
 * which makes the squared distance in the feature space Huang's dissimilarity ({@link KPrototypes}).</li>
 * <li><b>Ids.</b> Without a previous model, segments are numbered by size: {@code S1} the largest (ties: the
 * clusterer's order). With a previous model, the centroids are matched to the previous ones by the Hungarian
 * algorithm on their distances in the previous model's feature space, on the features both use
 * ({@link SegmentMatching}): a matched segment keeps the previous id and name; the others get new ids after the
 * highest number the previous model (or any before it) used, largest first, so an id is never reused. Previous
 * segments without a match have vanished ({@link CarryOver}). {@code match.max_distance} leaves pairs farther apart
 * unmatched. The model lists segments in id order.</li>
 * <li><b>Names</b>: the previous model's for carried ids, the id for new segments (with {@code " (new)"} appended
 * when a carried segment already has that name), then the {@code name.<id>} settings.</li>
 * </ol>
 *
 * <p>Deterministic: the same table, settings, context and seed give the same model, whatever {@code threads}.
 */
public final class Segmenter {
    /** The step name in provenance and messages. */
    public static final String STEP = "segmenter";

    private Segmenter() {
    }

    /** As {@link #fit(Table, SegmenterConfig, FitContext, Progress)} with nothing but the table. */
    public static SegmentationResult fit(Table table, SegmenterConfig config, Progress progress) {
        return fit(table, config, FitContext.none(), progress);
    }

    /**
     * Fits a segmentation of {@code table} as described in the class comment.
     *
     * @throws InputException     for settings that do not fit the table (naming them), a table without rows or with
     *                            fewer distinct rows than k, incomplete or useless features (naming them), a previous
     *                            model that shares no feature
     * @throws CancelledException when {@code progress} says so
     */
    public static SegmentationResult fit(Table table, SegmenterConfig config, FitContext context, Progress progress) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(progress, "progress");
        if (table.rowCount() == 0) {
            throw new InputException("cannot segment: the table has no rows");
        }
        List<String> ids = idColumns(table, config);
        List<String> features = features(table, config, ids);
        int n = table.rowCount();
        int searchedMax = config.automaticK() ? config.selection().kMax() : config.k();
        requireRowLimit(config, n);
        progress.update(0, "Segmenting: feature space");
        FeatureSpace space = FeatureSpace.fit(table, features, config.scaled(), context.scaling(),
                config.categoricalWeight());
        Matrix data = space.matrix(table);
        if (config.algorithm() == SegmenterConfig.Algorithm.KPROTOTYPES && !space.categoricalFeatures().isEmpty()) {
            // Huang's gamma: a one-hot value of sqrt(gamma / 2) makes a mismatch cost exactly gamma
            double gamma = config.kprototypesGamma() != null ? config.kprototypesGamma()
                    : KPrototypes.defaultGamma(data, space.numericFeatures().size());
            space = FeatureSpace.fit(table, features, config.scaled(), context.scaling(), Math.sqrt(gamma / 2));
            data = space.matrix(table);
        }
        requireRows(data, config, searchedMax);
        progress.checkCancelled();

        KSelectionConfig searched = config.searched();
        String reason = null;
        Progress selecting = progress.range(0.05, 0.9);
        if (config.algorithm() == SegmenterConfig.Algorithm.EM && config.automaticK()) {
            // EM chooses k itself (cross-validated log-likelihood); the k selection then scores that one k
            progress.update(0.05, "Segmenting: EM choosing k by cross-validation");
            int upper = Math.min(config.selection().kMax(), n - 1);
            int chosen = WekaClusterers.emChooseK(data, config.seed(), config.maxIterations(), upper);
            int k = Math.max(2, Math.min(chosen, upper));
            requireRows(data, config, k);
            searched = config.selection().withK(k, k);
            reason = "k=" + k + " chosen by EM (10-fold cross-validated log-likelihood, up to '"
                    + KSelectionConfig.KEY_K_MAX + "' = " + config.selection().kMax() + ")"
                    + (chosen < 2 ? "; EM preferred a single cluster, 2 is the least" : "");
            progress.checkCancelled();
            selecting = progress.range(0.3, 0.9);
        }
        Fitted fitted = select(data, searched, clusterer(config, space), selecting);
        progress.update(0.9, "Segmenting: ids and distances");
        SegmentationModel model = build(table, data, space, config, context, ids, fitted.selection(),
                fitted.centroids(), reason);
        progress.update(0.95, "Segmenting: assigning");
        Table segmented = model.assign(table, progress.range(0.95, 1));
        return new SegmentationResult(model, segmented, model.kSelectionTable());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Roles

    private static List<String> idColumns(Table table, SegmenterConfig config) {
        List<String> ids;
        if (!config.idColumns().isEmpty()) {
            requireExist(table, config.idColumns(), SegmenterConfig.KEY_ID_COLUMNS);
            ids = config.idColumns();
        } else {
            ids = new ArrayList<>();
            for (Column c : table.columns()) {
                if (c.type() == ColumnType.TEXT) {
                    ids.add(c.name());
                }
            }
        }
        for (String id : ids) {
            if (SegmentationModel.OUTPUT_COLUMNS.contains(id)) {
                throw new InputException("identifier column '" + id + "' has the name of an output column ("
                        + String.join(", ", SegmentationModel.OUTPUT_COLUMNS) + "); rename it");
            }
        }
        return List.copyOf(ids);
    }

    private static List<String> features(Table table, SegmenterConfig config, List<String> ids) {
        requireExist(table, config.exclude(), SegmenterConfig.KEY_EXCLUDE);
        Set<String> excluded = new HashSet<>(config.exclude());
        Set<String> idSet = new HashSet<>(ids);
        List<String> out = new ArrayList<>();
        if (!config.features().isEmpty()) {
            requireExist(table, config.features(), SegmenterConfig.KEY_FEATURES);
            for (String f : config.features()) {
                if (table.column(f).missingCount() == table.rowCount()) {
                    throw new InputException("setting '" + SegmenterConfig.KEY_FEATURES + "' names '" + f
                            + "', which has no values (every value is missing); leave it out");
                }
                if (idSet.contains(f)) {
                    throw new InputException("setting '" + SegmenterConfig.KEY_FEATURES + "' names '" + f
                            + "', which is an identifier column; an identifier is never a feature");
                }
                if (table.column(f).type() == ColumnType.TEXT) {
                    throw new InputException("setting '" + SegmenterConfig.KEY_FEATURES + "' names '" + f
                            + "', a text column; features must be numeric or categorical (read it as categorical, or "
                            + "list it in '" + SegmenterConfig.KEY_ID_COLUMNS + "')");
                }
                if (!excluded.contains(f)) {
                    out.add(f);
                }
            }
        } else {
            for (Column c : table.columns()) {
                if (c.type() != ColumnType.TEXT && !idSet.contains(c.name()) && !excluded.contains(c.name())) {
                    out.add(c.name());
                }
            }
        }
        if (out.isEmpty()) {
            throw new InputException("cannot segment: no features; the table has no numeric or categorical column "
                    + "that is not an identifier or excluded (columns: " + Names.quote(table.columnNames()) + ")");
        }
        return out;
    }

    private static void requireExist(Table table, List<String> names, String key) {
        List<String> lacking = new ArrayList<>();
        for (String name : names) {
            if (!table.hasColumn(name)) {
                lacking.add(name);
            }
        }
        if (!lacking.isEmpty()) {
            throw new InputException("setting '" + key + "' names " + (lacking.size() == 1 ? "column " : "columns ")
                    + Names.quote(lacking) + " that the table does not have; it has "
                    + Names.quote(table.columnNames()));
        }
    }

    /** Enough rows, and enough distinct rows in the feature space, for the largest k tried. */
    private static void requireRows(Matrix data, SegmenterConfig config, int largestK) {
        int n = data.rows();
        String key = config.automaticK() ? KSelectionConfig.KEY_K_MAX : SegmenterConfig.KEY_K;
        if (n <= largestK) {
            throw new InputException("cannot segment: the table has " + n + " rows; '" + key + "' = " + largestK
                    + " needs at least " + (largestK + 1));
        }
        int distinct = distinctRowsUpTo(data, largestK);
        if (distinct < largestK) {
            throw new InputException("cannot segment: '" + key + "' = " + largestK + " is larger than the number of "
                    + "distinct rows: the " + n + " rows hold only " + distinct + " distinct "
                    + (distinct == 1 ? "combination" : "combinations") + " of feature values; set '" + key
                    + "' to at most " + distinct);
        }
    }

    /** The number of distinct rows, counting stops at {@code limit}. Rows compare by value ({@code 0.0 == -0.0}). */
    static int distinctRowsUpTo(Matrix data, int limit) {
        Set<RowKey> seen = new HashSet<>();
        double[] row = new double[data.columns()];
        for (int i = 0; i < data.rows() && seen.size() < limit; i++) {
            data.copyRow(i, row);
            double[] key = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                key[j] = row[j] + 0.0; // -0.0 becomes 0.0
            }
            seen.add(new RowKey(key));
        }
        return seen.size();
    }

    private record RowKey(double[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey r && Arrays.equals(r.values, values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Algorithms: k-means, mini-batch k-means, k-prototypes, EM and hierarchical clustering (Weka)

    /** The k selection's result and the chosen fit's centroids. */
    private record Fitted(KSelectionResult<?> selection, Centroids centroids) {
    }

    private static <F> Fitted select(Matrix data, KSelectionConfig searched, KSelection.Clusterer<F> clusterer,
            Progress progress) {
        KSelectionResult<F> selection = KSelection.select(data, searched, clusterer, progress);
        return new Fitted(selection, clusterer.centroids(selection.chosenFit()));
    }

    /** The size limits of the algorithms that do not scale (EM, hierarchical clustering). */
    private static void requireRowLimit(SegmenterConfig config, int n) {
        String key;
        int limit;
        String why;
        switch (config.algorithm()) {
            case EM:
                key = SegmenterConfig.KEY_EM_MAX_ROWS;
                limit = config.emMaxRows();
                why = "EM is slow on large tables";
                break;
            case HIERARCHICAL:
                key = SegmenterConfig.KEY_HIERARCHICAL_MAX_ROWS;
                limit = config.hierarchicalMaxRows();
                why = "Weka's Ward clustering needs memory growing with the square and time with the cube of the "
                        + "rows";
                break;
            default:
                return;
        }
        if (n > limit) {
            throw new InputException("cannot segment with " + SegmenterConfig.KEY_ALGORITHM + "="
                    + config.algorithm().key() + ": the table has " + n + " rows, more than '" + key + "' = " + limit
                    + " (" + why + "); use algorithm=kmeans or minibatch, or raise '" + key + "'");
        }
    }

    private static KSelection.Clusterer<?> clusterer(SegmenterConfig config, FeatureSpace space) {
        switch (config.algorithm()) {
            case KPROTOTYPES:
                return kPrototypes(config, space);
            case EM:
                return WekaClusterers.em(config.maxIterations());
            case HIERARCHICAL:
                return WekaClusterers.ward();
            case KMEANS:
                return KSelection.kMeans(config.kMeans(2));
            case MINIBATCH:
                return new KSelection.Clusterer<KMeansResult>() {
                    @Override
                    public KMeansResult fit(Matrix data, int k, long seed, int threads, Progress progress) {
                        return MiniBatchKMeans.fit(data, config.miniBatch(k).withSeed(seed).withThreads(threads),
                                progress);
                    }

                    @Override
                    public KMeansResult refit(Matrix data, int k, int restarts, long seed, int threads,
                            Progress progress) {
                        return MiniBatchKMeans.fit(data, config.miniBatch(k).withSeed(seed).withThreads(threads)
                                .withRestarts(restarts == 0 ? config.restarts() : restarts), progress);
                    }

                    @Override
                    public int[] assignments(KMeansResult fit) {
                        return fit.assignments();
                    }

                    @Override
                    public Centroids centroids(KMeansResult fit) {
                        return fit.centroids();
                    }
                };
            default:
                throw new InputException("setting '" + SegmenterConfig.KEY_ALGORITHM + "': "
                        + config.algorithm().key() + " is not available yet");
        }
    }

    private static KSelection.Clusterer<KPrototypes.Result> kPrototypes(SegmenterConfig config, FeatureSpace space) {
        List<CategoricalFeature> categorical = space.categoricalFeatures();
        int q = categorical.size();
        int[] offsets = new int[q];
        int[] sizes = new int[q];
        double[] weights = new double[q];
        for (int j = 0; j < q; j++) {
            offsets[j] = space.offset(j);
            sizes[j] = categorical.get(j).levels().size();
            weights[j] = categorical.get(j).weight();
        }
        KPrototypes.Layout layout = new KPrototypes.Layout(space.numericFeatures().size(), offsets, sizes, weights);
        return new KSelection.Clusterer<KPrototypes.Result>() {
            @Override
            public KPrototypes.Result fit(Matrix data, int k, long seed, int threads, Progress progress) {
                return KPrototypes.fit(data, layout, k, config.restarts(), config.maxIterations(), seed, progress);
            }

            @Override
            public KPrototypes.Result refit(Matrix data, int k, int restarts, long seed, int threads,
                    Progress progress) {
                return KPrototypes.fit(data, layout, k, restarts == 0 ? config.restarts() : restarts,
                        config.maxIterations(), seed, progress);
            }

            @Override
            public int[] assignments(KPrototypes.Result fit) {
                return fit.assignments();
            }

            @Override
            public Centroids centroids(KPrototypes.Result fit) {
                return fit.prototypes();
            }
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // The model

    private static SegmentationModel build(Table table, Matrix data, FeatureSpace space, SegmenterConfig config,
            FitContext context, List<String> ids, KSelectionResult<?> selection, Centroids raw,
            String reasonOverride) {
        int k = raw.count();
        int d = space.dimensions();
        int n = data.rows();
        double[] rawCentroids = new double[k * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(raw.centroid(c), 0, rawCentroids, c * d, d);
        }
        int[] rawSizes = sizes(data, rawCentroids, k, d, null);

        // by size, largest first; ties keep the clusterer's order
        Integer[] bySize = new Integer[k];
        for (int c = 0; c < k; c++) {
            bySize[c] = c;
        }
        Arrays.sort(bySize, (a, b) -> rawSizes[a] != rawSizes[b] ? Integer.compare(rawSizes[b], rawSizes[a])
                : Integer.compare(a, b));

        SegmentationModel previous = context.previous();
        String[] id = new String[k];
        String[] name = new String[k];
        Double[] matchDistance = new Double[k];
        int last;
        CarryOver carryOver = null;
        if (previous == null) {
            for (int r = 0; r < k; r++) {
                id[bySize[r]] = SegmentIds.id(r + 1);
                name[bySize[r]] = id[bySize[r]];
            }
            last = k;
        } else {
            SegmentMatching.Match m = SegmentMatching.match(previous, space, rawCentroids, k,
                    config.matchMaxDistance());
            Set<String> carriedNames = new HashSet<>();
            List<String> carried = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                if (m.previousIndex()[c] >= 0) {
                    Segment before = previous.segments().get(m.previousIndex()[c]);
                    id[c] = before.id();
                    name[c] = before.name();
                    matchDistance[c] = m.distance()[c];
                    carriedNames.add(before.name());
                    carried.add(before.id());
                }
            }
            last = previous.lastSegmentNumber();
            List<String> fresh = new ArrayList<>();
            for (int r = 0; r < k; r++) {
                int c = bySize[r];
                if (id[c] == null) {
                    last++;
                    id[c] = SegmentIds.id(last);
                    name[c] = carriedNames.contains(id[c]) ? id[c] + " (new)" : id[c];
                    fresh.add(id[c]);
                }
            }
            List<String> vanished = new ArrayList<>();
            for (String before : previous.segmentIds()) {
                if (!carried.contains(before)) {
                    vanished.add(before);
                }
            }
            carried.sort(SegmentIds.BY_NUMBER);
            fresh.sort(SegmentIds.BY_NUMBER);
            carryOver = new CarryOver(previous.provenance().createdAt(), previous.provenance().input().hash(),
                    m.common(), m.previousOnly(), m.currentOnly(), carried, fresh, vanished);
        }
        Set<String> allIds = new LinkedHashSet<>(Arrays.asList(id));
        for (Map.Entry<String, String> e : config.names().entrySet()) {
            if (!allIds.contains(e.getKey())) {
                List<String> sorted = new ArrayList<>(allIds);
                sorted.sort(SegmentIds.BY_NUMBER);
                throw new InputException("setting '" + SegmenterConfig.KEY_NAME_PREFIX + e.getKey()
                        + "': there is no segment " + e.getKey() + "; the segments are " + String.join(", ", sorted));
            }
        }
        for (int c = 0; c < k; c++) {
            String given = config.names().get(id[c]);
            if (given != null) {
                name[c] = given;
            }
        }

        // the segments in id order
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> SegmentIds.BY_NUMBER.compare(id[a], id[b]));
        double[] centroids = new double[k * d];
        for (int s = 0; s < k; s++) {
            System.arraycopy(rawCentroids, order[s] * d, centroids, s * d, d);
        }
        double[] distances = new double[n];
        int[] assignment = new int[n];
        int[] sizes = sizes(data, centroids, k, d, new Assigned(assignment, distances));

        // distance percentiles, per segment and overall
        double[][] bySegment = new double[k][];
        int[] fill = new int[k];
        for (int s = 0; s < k; s++) {
            bySegment[s] = new double[sizes[s]];
        }
        for (int i = 0; i < n; i++) {
            int s = assignment[i];
            bySegment[s][fill[s]++] = distances[i];
        }
        DistancePercentiles overall = DistancePercentiles.of(distances, n);

        List<Segment> segments = new ArrayList<>(k);
        List<NumericFeature> numeric = space.numericFeatures();
        List<CategoricalFeature> categorical = space.categoricalFeatures();
        for (int s = 0; s < k; s++) {
            int c = order[s];
            List<Double> centroid = new ArrayList<>(d);
            for (int j = 0; j < d; j++) {
                centroid.add(centroids[s * d + j]);
            }
            List<Double> original = new ArrayList<>(numeric.size());
            for (int j = 0; j < numeric.size(); j++) {
                original.add(numeric.get(j).toOriginal(centroids[s * d + j]));
            }
            List<List<Double>> levelShares = new ArrayList<>(categorical.size());
            for (int j = 0; j < categorical.size(); j++) {
                CategoricalFeature f = categorical.get(j);
                List<Double> shares = new ArrayList<>(f.levels().size());
                for (int l = 0; l < f.levels().size(); l++) {
                    shares.add(centroids[s * d + space.offset(j) + l] / f.weight());
                }
                levelShares.add(shares);
            }
            segments.add(new Segment(id[c], name[c], sizes[s], (double) sizes[s] / n, centroid, original, levelShares,
                    DistancePercentiles.of(bySegment[s], sizes[s]), matchDistance[c]));
        }
        SegmentationModel.requireDistinctNames(segments);

        var chosen = selection.chosenOnAllRows();
        SegmentQuality quality = new SegmentQuality(n, chosen.inertia(), SegmentQuality.finite(chosen.silhouette()),
                SegmentQuality.finite(chosen.simplifiedSilhouette()),
                SegmentQuality.finite(chosen.calinskiHarabasz()), SegmentQuality.finite(chosen.daviesBouldin()),
                SegmentQuality.finite(chosen.stability()));
        List<CandidateScores> candidates = new ArrayList<>();
        for (var cand : selection.candidates()) {
            candidates.add(CandidateScores.of(cand));
        }
        String reason = reasonOverride != null ? reasonOverride : config.automaticK() ? selection.reason()
                : "k=" + config.k() + " set by the setting '" + SegmenterConfig.KEY_K + "' (not searched)";
        KSelectionSummary summary = new KSelectionSummary(config.automaticK(), selection.chosenK(),
                selection.basis().name().toLowerCase(Locale.ROOT), reason, selection.sampleRows(),
                selection.bootstrapRows(), candidates);
        Provenance provenance = Provenance.of(STEP, config.toModelSettings(), table, config.seed());
        SegmentationModel.Body body = new SegmentationModel.Body(config.algorithm().key(),
                config.toModelSettings().asMap(),
                ids, numeric, categorical, d, segments, last, overall, quality, summary, carryOver);
        return new SegmentationModel(config, provenance, body);
    }

    /** Where {@link #sizes} writes each row's segment and distance. */
    private record Assigned(int[] segment, double[] distance) {
    }

    /** Rows per centroid by nearest centroid (ties to the lower index); optionally each row's segment and distance. */
    private static int[] sizes(Matrix data, double[] centroids, int k, int d, Assigned out) {
        int[] sizes = new int[k];
        double[] row = new double[d];
        for (int i = 0, n = data.rows(); i < n; i++) {
            data.copyRow(i, row);
            int best = 0;
            double bestSq = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double sq = SegmentationModel.squaredDistance(row, centroids, c * d, d);
                if (sq < bestSq) {
                    bestSq = sq;
                    best = c;
                }
            }
            sizes[best]++;
            if (out != null) {
                out.segment()[i] = best;
                out.distance()[i] = Math.sqrt(bestSq);
            }
        }
        return sizes;
    }
}
