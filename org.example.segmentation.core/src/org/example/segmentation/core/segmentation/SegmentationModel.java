package org.example.segmentation.core.segmentation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Names;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.model.ModelFile;
import org.example.segmentation.core.model.Provenance;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/**
 * A fitted segmentation: the feature space, the segments with their centroids (in the feature space and in
 * original units), ids, names, sizes and distance percentiles, the quality scores, how k was chosen, how ids were
 * carried over, and the provenance. Immutable; {@link #assign} can be called any number of times, from any number
 * of threads.
 *
 * <p><b>Assign</b> gives every customer the segment of the nearest centroid (Euclidean distance in the feature
 * space; ties to the segment listed first), plus:
 * <ul>
 * <li>{@value #SEGMENT_DISTANCE}: the distance {@code d1} to that centroid;</li>
 * <li>{@value #SEGMENT_SECOND}: the second-nearest segment (missing when there is one segment);</li>
 * <li>{@value #SEGMENT_CONFIDENCE}: {@code (d2^2 - d1^2) / (d2^2 + d1^2)} with {@code d2} the distance to the
 * second-nearest centroid, in 0..1: 0 for a customer exactly between two segments, 1 on the centroid. It is the
 * difference of the two largest fuzzy memberships {@code u_c ~ 1 / d_c^2} (fuzzy c-means with m = 2) restricted to
 * the two nearest segments. 0 when {@code d1 = d2 = 0}; 1 with a single segment;</li>
 * <li>{@value #OUT_OF_RANGE}: 1 when {@code d1} is above the 99th percentile of the fit rows' distances in the same
 * segment, else 0: about 1% of the fit customers of every segment, and a rising share next month means customers
 * the segmentation no longer describes.</li>
 * </ul>
 *
 * <p><b>Chunk by chunk.</b> Every output row depends only on the model and the input row, and every output column has
 * the same name, type and dictionary (all segment names, in model order) in every call: assigning consecutive chunks
 * and concatenating the outputs gives exactly the output of one call on the whole table, in memory proportional to
 * the chunk. The loop runs over primitive arrays with no object per row.
 *
 * <p>Saved as a {@link ModelFile} of kind {@value #KIND}, format version {@value #FORMAT_VERSION}.
 */
public final class SegmentationModel {
    /** The model file kind. */
    public static final String KIND = "segmentation_model";
    /** The format version written; files of newer versions are refused. */
    public static final int FORMAT_VERSION = 1;
    /** The usual file name of a saved model, as the command line writes it. */
    public static final String FILE_NAME = "segmentation_model.json";

    /** Output column: the segment's name. */
    public static final String SEGMENT = "segment";
    /** Output column: the Euclidean distance to the segment's centroid in the feature space. */
    public static final String SEGMENT_DISTANCE = "segment_distance";
    /** Output column: the second-nearest segment's name. */
    public static final String SEGMENT_SECOND = "segment_second";
    /** Output column: the membership confidence, 0..1. */
    public static final String SEGMENT_CONFIDENCE = "segment_confidence";
    /** Output column: 1 when the distance is above the segment's 99th percentile at fit, else 0. */
    public static final String OUT_OF_RANGE = "out_of_range";
    /** The columns {@link #assign} appends, in order. */
    public static final List<String> OUTPUT_COLUMNS = List.of(SEGMENT, SEGMENT_DISTANCE, SEGMENT_SECOND,
            SEGMENT_CONFIDENCE, OUT_OF_RANGE);

    private static final int CHECK_EVERY = 8192;

    /** The model file body. */
    record Body(String algorithm, Map<String, String> settings, List<String> idColumns,
            List<NumericFeature> numericFeatures, List<CategoricalFeature> categoricalFeatures, int dimensions,
            List<Segment> segments, int lastSegmentNumber, DistancePercentiles distance, SegmentQuality quality,
            KSelectionSummary kSelection, CarryOver carryOver) {
        Body {
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(settings, "settings");
            idColumns = List.copyOf(idColumns);
            numericFeatures = List.copyOf(numericFeatures);
            categoricalFeatures = List.copyOf(categoricalFeatures);
            segments = List.copyOf(segments);
            Objects.requireNonNull(distance, "distance");
            Objects.requireNonNull(quality, "quality");
            Objects.requireNonNull(kSelection, "k_selection");
        }
    }

    private final SegmenterConfig config;
    private final Provenance provenance;
    private final Body body;
    private final FeatureSpace space;
    private final int k;
    private final int d;
    /** Row-major k x d, in segment order. */
    private final double[] centroids;
    private final double[] p99;
    private final String[] names;

    SegmentationModel(SegmenterConfig config, Provenance provenance, Body body) {
        this.config = Objects.requireNonNull(config, "config");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.body = Objects.requireNonNull(body, "body");
        this.space = new FeatureSpace(body.numericFeatures(), body.categoricalFeatures());
        validate(body, space);
        this.k = body.segments().size();
        this.d = space.dimensions();
        this.centroids = new double[k * d];
        this.p99 = new double[k];
        this.names = new String[k];
        for (int c = 0; c < k; c++) {
            Segment s = body.segments().get(c);
            for (int j = 0; j < d; j++) {
                centroids[c * d + j] = s.centroid().get(j);
            }
            p99[c] = s.distance().p99();
            names[c] = s.name();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Accessors

    /** The configuration the model was fitted with (segment names as set, see {@link #withNames}). */
    public SegmenterConfig config() {
        return config;
    }

    /** Where the model came from: settings, fit table fingerprint, seed, engine version, time. */
    public Provenance provenance() {
        return provenance;
    }

    /** The algorithm that found the segments. */
    public SegmenterConfig.Algorithm algorithm() {
        return SegmenterConfig.Algorithm.parse(body.algorithm());
    }

    /** The identifier columns, copied first into every assignment output. */
    public List<String> idColumns() {
        return body.idColumns();
    }

    /** The feature space: how every feature is transformed. */
    public FeatureSpace featureSpace() {
        return space;
    }

    /** The feature names, in layout order. */
    public List<String> featureNames() {
        return space.featureNames();
    }

    /** The number of segments. */
    public int k() {
        return k;
    }

    /** The segments, in id order. */
    public List<Segment> segments() {
        return body.segments();
    }

    /** The segment ids, in id order. */
    public List<String> segmentIds() {
        List<String> out = new ArrayList<>(k);
        for (Segment s : body.segments()) {
            out.add(s.id());
        }
        return Collections.unmodifiableList(out);
    }

    /** The segment names, in id order (the dictionary of the {@value #SEGMENT} column). */
    public List<String> segmentNames() {
        return List.of(names);
    }

    /** The segment with the given id. */
    public Optional<Segment> segment(String id) {
        for (Segment s : body.segments()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A copy of the centroids in the feature space, one row per segment in id order. */
    public double[][] centroids() {
        double[][] out = new double[k][d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(centroids, c * d, out[c], 0, d);
        }
        return out;
    }

    /** The highest segment number ever used, this model's and its predecessors'; new segments continue after it. */
    public int lastSegmentNumber() {
        return body.lastSegmentNumber();
    }

    /** Percentiles of all fit rows' distances to their centroid. */
    public DistancePercentiles distancePercentiles() {
        return body.distance();
    }

    /** The quality scores of the chosen segmentation. */
    public SegmentQuality quality() {
        return body.quality();
    }

    /** How k was chosen, with the scores of every k tried. */
    public KSelectionSummary kSelection() {
        return body.kSelection();
    }

    /** How ids were carried over from a previous model, when one was given. */
    public Optional<CarryOver> carryOver() {
        return Optional.ofNullable(body.carryOver());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Assign

    /** As {@link #assign(Table, Progress)} without progress. */
    public Table assign(Table table) {
        return assign(table, Progress.NONE);
    }

    /**
     * The segment of every row of {@code table}: the model's identifier columns (as the table holds them), then
     * {@link #OUTPUT_COLUMNS} (see the class comment). The table needs the identifier and feature columns, with
     * every feature value present and finite; other columns are ignored.
     *
     * @throws InputException     naming the identifier or feature columns the table lacks, a feature of another kind,
     *                            or every feature with missing or non-finite values and their counts
     * @throws CancelledException when {@code progress} says so
     */
    public Table assign(Table table, Progress progress) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(progress, "progress");
        String what = "cannot assign segments";
        List<String> lacking = new ArrayList<>();
        for (String id : body.idColumns()) {
            if (!table.hasColumn(id)) {
                lacking.add(id);
            }
        }
        if (!lacking.isEmpty()) {
            throw new InputException(what + ": the table has no identifier " + (lacking.size() == 1 ? "column " :
                    "columns ") + Names.quote(lacking));
        }
        FeatureSpace.Bound bound = space.bind(table, what);
        int n = table.rowCount();
        int[] first = new int[n];
        int[] second = new int[n];
        double[] distance = new double[n];
        double[] confidence = new double[n];
        double[] outOfRange = new double[n];
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            if (i % CHECK_EVERY == 0) {
                progress.checkCancelled();
                progress.update((double) i / Math.max(1, n), null);
            }
            bound.fill(i, row);
            int best = -1;
            int next = -1;
            double bestSq = Double.POSITIVE_INFINITY;
            double nextSq = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double sq = squaredDistance(row, centroids, c * d, d);
                if (best < 0 || sq < bestSq) {
                    next = best;
                    nextSq = bestSq;
                    best = c;
                    bestSq = sq;
                } else if (next < 0 || sq < nextSq) {
                    next = c;
                    nextSq = sq;
                }
            }
            first[i] = best;
            second[i] = next;
            double dist = Math.sqrt(bestSq);
            distance[i] = dist;
            confidence[i] = confidence(bestSq, nextSq);
            outOfRange[i] = dist > p99[best] ? 1 : 0;
        }
        progress.update(1, null);
        List<Column> out = new ArrayList<>();
        for (String id : body.idColumns()) {
            out.add(table.column(id));
        }
        List<String> dictionary = List.of(names);
        out.add(CategoricalColumn.of(SEGMENT, first, dictionary));
        out.add(NumericColumn.of(SEGMENT_DISTANCE, distance));
        out.add(CategoricalColumn.of(SEGMENT_SECOND, second, dictionary));
        out.add(NumericColumn.of(SEGMENT_CONFIDENCE, confidence));
        out.add(NumericColumn.of(OUT_OF_RANGE, outOfRange));
        return Table.of(out);
    }

    /**
     * The membership confidence {@code (d2^2 - d1^2) / (d2^2 + d1^2)} from squared distances (see the class
     * comment): 1 when there is no second segment, 0 when both distances are 0.
     */
    static double confidence(double bestSq, double nextSq) {
        if (nextSq == Double.POSITIVE_INFINITY) {
            return 1;
        }
        double sum = nextSq + bestSq;
        return sum > 0 ? (nextSq - bestSq) / sum : 0;
    }

    /** The squared Euclidean distance, summed over the dimensions in order (as {@code KMeans} sums it). */
    static double squaredDistance(double[] row, double[] c, int offset, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double t = row[j] - c[offset + j];
            s += t * t;
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Names

    /**
     * This model with some segments renamed: keys are ids ({@code S3}), values the new names. The configuration's
     * {@code name.<id>} settings are updated to match.
     *
     * @throws InputException for an id the model does not have, a blank name, or two segments with the same name
     */
    public SegmentationModel withNames(Map<String, String> idToName) {
        Map<String, String> settingNames = new TreeMap<>(config.names());
        List<Segment> renamed = new ArrayList<>();
        Set<String> ids = new HashSet<>(segmentIds());
        for (String id : idToName.keySet()) {
            if (!ids.contains(id)) {
                throw new InputException("there is no segment '" + id + "' to rename; the segments are "
                        + Names.quote(segmentIds()));
            }
        }
        for (Segment s : body.segments()) {
            String name = idToName.get(s.id());
            if (name == null) {
                renamed.add(s);
                continue;
            }
            if (name.isBlank()) {
                throw new InputException("segment " + s.id() + ": the name must not be blank");
            }
            renamed.add(s.withName(name.strip()));
            settingNames.put(s.id(), name.strip());
        }
        requireDistinctNames(renamed);
        Map<String, String> all = new TreeMap<>(config.toSettings().asMap());
        all.keySet().removeIf(key -> key.startsWith(SegmenterConfig.KEY_NAME_PREFIX));
        settingNames.forEach((id, name) -> all.put(SegmenterConfig.KEY_NAME_PREFIX + id, name));
        SegmenterConfig newConfig = SegmenterConfig.fromSettings(Settings.of(all));
        Body b = body;
        return new SegmentationModel(newConfig, provenance, new Body(b.algorithm(), newConfig.toModelSettings().asMap(),
                b.idColumns(), b.numericFeatures(), b.categoricalFeatures(), b.dimensions(), renamed,
                b.lastSegmentNumber(), b.distance(), b.quality(), b.kSelection(), b.carryOver()));
    }

    static void requireDistinctNames(List<Segment> segments) {
        Map<String, String> seen = new TreeMap<>();
        for (Segment s : segments) {
            String other = seen.put(s.name(), s.id());
            if (other != null) {
                throw new InputException("segments " + other + " and " + s.id() + " are both named '" + s.name()
                        + "'; segment names must be distinct");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The k-selection table

    /**
     * The scores of every k tried, one row per k: {@code k}, {@code inertia}, {@code silhouette},
     * {@code silhouette_simplified}, {@code calinski_harabasz}, {@code davies_bouldin}, {@code stability},
     * {@code min_segment_share} (numbers; missing when undefined), {@code chosen} ({@code true} or {@code false}) and
     * {@code reason} (the rule's explanation on the chosen row, what the other rows lacked on the others).
     */
    public Table kSelectionTable() {
        KSelectionSummary s = body.kSelection();
        List<CandidateScores> cs = s.candidates();
        int m = cs.size();
        double[][] v = new double[8][m];
        String[] chosen = new String[m];
        String[] reasons = new String[m];
        CandidateScores picked = null;
        for (CandidateScores c : cs) {
            if (c.k() == s.chosenK()) {
                picked = c;
            }
        }
        for (int i = 0; i < m; i++) {
            CandidateScores c = cs.get(i);
            v[0][i] = c.k();
            v[1][i] = c.inertia();
            v[2][i] = SegmentQuality.value(c.silhouette());
            v[3][i] = SegmentQuality.value(c.silhouetteSimplified());
            v[4][i] = SegmentQuality.value(c.calinskiHarabasz());
            v[5][i] = SegmentQuality.value(c.daviesBouldin());
            v[6][i] = SegmentQuality.value(c.stability());
            v[7][i] = c.minSegmentShare();
            chosen[i] = Boolean.toString(c.k() == s.chosenK());
            reasons[i] = c.k() == s.chosenK() ? s.reason() : whyNot(c, picked);
        }
        String[] columns = {"k", "inertia", "silhouette", "silhouette_simplified", "calinski_harabasz",
            "davies_bouldin", "stability", "min_segment_share"};
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < columns.length; j++) {
            out.add(NumericColumn.of(columns[j], v[j]));
        }
        out.add(CategoricalColumn.of("chosen", chosen));
        out.add(TextColumn.of("reason", reasons));
        return Table.of(out);
    }

    private String whyNot(CandidateScores c, CandidateScores picked) {
        var sel = config.selection();
        List<String> fails = new ArrayList<>();
        if (c.silhouette() == null) {
            fails.add("silhouette undefined");
        }
        if (c.minSegmentShare() < sel.minSegmentShare()) {
            fails.add("smallest segment " + percent(c.minSegmentShare()) + " < " + percent(sel.minSegmentShare()));
        }
        if (sel.bootstrapRuns() > 0 && (c.stability() == null || c.stability() < sel.minStability())) {
            fails.add("stability " + (c.stability() == null ? "not measurable" : fixed(c.stability(), 2)) + " < "
                    + fixed(sel.minStability(), 2));
        }
        if (!fails.isEmpty()) {
            return "not chosen: " + String.join("; ", fails);
        }
        double sc = SegmentQuality.value(c.silhouette());
        double sp = picked == null ? Double.NaN : SegmentQuality.value(picked.silhouette());
        if (!(sc > sp)) {
            return "not chosen: silhouette " + fixed(sc, 3) + " below the chosen k's " + fixed(sp, 3);
        }
        return "not chosen: silhouette " + fixed(sc, 3) + " is within "
                + org.example.segmentation.core.cluster.KSelection.SILHOUETTE_TOLERANCE
                + " of the best; the smaller k=" + picked.k() + " is preferred";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Files

    /**
     * Writes the model atomically as a {@link ModelFile}.
     *
     * @throws InputException when the file cannot be written
     */
    public void save(Path file) {
        ModelFile.save(file, KIND, FORMAT_VERSION, provenance, body);
    }

    /** The bytes {@link #save} writes. */
    public byte[] toBytes() {
        return ModelFile.toBytes(KIND, FORMAT_VERSION, provenance, body);
    }

    /**
     * Reads a model saved by {@link #save}.
     *
     * @throws InputException naming the file: missing, not a segmentation model, a newer format version, a field
     *                        that does not fit, a setting or value out of range
     */
    public static SegmentationModel load(Path file) {
        return from(ModelFile.load(file, KIND, FORMAT_VERSION), file);
    }

    /** As {@link #load}, from bytes already read; {@code source} names them in messages. */
    public static SegmentationModel parse(byte[] bytes, Path source) {
        return from(ModelFile.parse(bytes, source, KIND, FORMAT_VERSION), source);
    }

    private static SegmentationModel from(ModelFile.Loaded loaded, Path file) {
        Body body = loaded.bodyAs(Body.class);
        try {
            SegmenterConfig config = SegmenterConfig.fromSettings(Settings.of(body.settings()));
            return new SegmentationModel(config, loaded.provenance(), body);
        } catch (InputException | IllegalArgumentException | NullPointerException e) {
            throw new InputException("model file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Checks what a hand-edited file could get wrong, so that assign never fails halfway. */
    private static void validate(Body body, FeatureSpace space) {
        SegmenterConfig.Algorithm algorithm;
        try {
            algorithm = SegmenterConfig.Algorithm.parse(body.algorithm());
        } catch (IllegalArgumentException e) {
            throw new InputException("algorithm '" + body.algorithm() + "' is not known");
        }
        if (!algorithm.available()) {
            throw new InputException("algorithm '" + algorithm.key() + "' cannot be assigned by this engine");
        }
        if (body.dimensions() != space.dimensions()) {
            throw new InputException("dimensions is " + body.dimensions() + " but the features span "
                    + space.dimensions());
        }
        if (body.segments().isEmpty()) {
            throw new InputException("the model has no segments");
        }
        Set<String> ids = new HashSet<>();
        int maxNumber = 0;
        for (Segment s : body.segments()) {
            if (!ids.add(s.id())) {
                throw new InputException("segment id " + s.id() + " appears twice");
            }
            maxNumber = Math.max(maxNumber, SegmentIds.number(s.id()));
            if (s.centroid().size() != space.dimensions()) {
                throw new InputException("segment " + s.id() + " has a centroid of " + s.centroid().size()
                        + " values; the feature space has " + space.dimensions() + " dimensions");
            }
            if (s.centroidOriginal().size() != space.numericFeatures().size()) {
                throw new InputException("segment " + s.id() + " has " + s.centroidOriginal().size()
                        + " original-unit values for " + space.numericFeatures().size() + " numeric features");
            }
            if (s.levelShares().size() != space.categoricalFeatures().size()) {
                throw new InputException("segment " + s.id() + " has level shares of " + s.levelShares().size()
                        + " features for " + space.categoricalFeatures().size() + " categorical features");
            }
            for (int j = 0; j < s.levelShares().size(); j++) {
                if (s.levelShares().get(j).size() != space.categoricalFeatures().get(j).levels().size()) {
                    throw new InputException("segment " + s.id() + ": the level shares of '"
                            + space.categoricalFeatures().get(j).name() + "' do not match its levels");
                }
            }
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(SegmentIds.BY_NUMBER);
        for (int c = 0; c < body.segments().size(); c++) {
            if (!body.segments().get(c).id().equals(sorted.get(c))) {
                throw new InputException("segments must be listed in id order");
            }
        }
        if (body.lastSegmentNumber() < maxNumber) {
            throw new InputException("last_segment_number " + body.lastSegmentNumber() + " is below the id S"
                    + maxNumber);
        }
        requireDistinctNames(body.segments());
        Set<String> outputs = new HashSet<>(OUTPUT_COLUMNS);
        Set<String> idSeen = new HashSet<>();
        for (String id : body.idColumns()) {
            if (outputs.contains(id) || !idSeen.add(id)) {
                throw new InputException("identifier column '" + id + "' clashes with another output column");
            }
        }
        if (body.kSelection().chosenK() != body.segments().size()) {
            throw new InputException("the chosen k " + body.kSelection().chosenK() + " is not the number of segments "
                    + body.segments().size());
        }
    }

    /** Two models are equal when their files would be: same provenance and body. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentationModel m && m.provenance.equals(provenance) && m.body.equals(body);
    }

    @Override
    public int hashCode() {
        return body.hashCode();
    }

    @Override
    public String toString() {
        return "SegmentationModel[" + body.algorithm() + ", k=" + k + " " + segmentIds() + ", " + space + "]";
    }
}
