package org.example.segmentation.core.drift;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Names;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.model.ModelFile;
import org.example.segmentation.core.model.Provenance;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

/**
 * What the reference month looked like, in constant size: everything {@link DriftMonitor} needs to judge a later
 * month without the reference table.
 *
 * <p>Per numeric feature: the quantile bin edges ({@link QuantileBins}) and the reference counts per bin, mean,
 * standard deviation, minimum, maximum, missing count, and a seeded reservoir sample of at most
 * {@code sample_size} values for the Kolmogorov-Smirnov test and the Wasserstein distance. Per categorical
 * feature: the level counts. With segments (a segment column, or a {@link SegmentAssigner}): rows per segment, the
 * mean distance to the centroid per segment, and per segment and feature the counts per bin or level and the mean.
 *
 * <p>Saved as a {@link ModelFile} of kind {@value #KIND}, format version {@value #FORMAT_VERSION}, usually named
 * {@value #FILE_NAME}. Its size does not grow with the rows: about {@code sample_size} numbers per numeric feature
 * (some 100 KB each at the default 5,000) plus the counts. Immutable.
 */
public final class DriftBaseline {
    /** The model file kind. */
    public static final String KIND = "drift_baseline";
    /** The format version written; newer versions are refused. */
    public static final int FORMAT_VERSION = 1;
    /** The usual file name, as the command line writes it. */
    public static final String FILE_NAME = "drift_baseline.json";

    /** The reservoir stream of the reference month (monitored months use stream 1). */
    static final long REFERENCE_STREAM = 0;
    private static final int CHUNK = 65_536;

    private final DriftConfig config;
    private final Provenance provenance;
    private final List<FeatureLayout> layout;
    private final SegmentLayout segments;
    private final MonthStats reference;

    private DriftBaseline(DriftConfig config, Provenance provenance, List<FeatureLayout> layout,
            SegmentLayout segments, MonthStats reference) {
        this.config = config;
        this.provenance = provenance;
        this.layout = List.copyOf(layout);
        this.segments = segments;
        this.reference = reference;
    }

    /** As {@link #fit(Table, DriftConfig, SegmentAssigner, Progress)} without a model and progress. */
    public static DriftBaseline fit(Table reference, DriftConfig config) {
        return fit(reference, config, null, Progress.NONE);
    }

    /**
     * Fits the baseline on the reference month.
     *
     * <p>Features: {@code features}, or every numeric and categorical column except the segment, distance,
     * archetype and identifier columns. Segments: from {@code assigner} when given, else from the segment column
     * ({@code segment.column}, or {@value DriftConfig#DEFAULT_SEGMENT_COLUMN} when the table has it); segment names
     * are the column's distinct values in text order. Without either, segments are not monitored.
     *
     * @param assigner the segmentation model, or null to read segments from the segment column (if any)
     * @throws InputException for an empty table, a feature or column the table lacks, a text column named as a
     *                        feature, a feature without any value, a segment column without any value
     */
    public static DriftBaseline fit(Table reference, DriftConfig config, SegmentAssigner assigner, Progress progress) {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        if (reference.rowCount() == 0) {
            throw new InputException("the reference table has no rows");
        }
        SegmentLayout segments = segments(reference, config, assigner);
        List<String> features = features(reference, config, segments);
        Set<String> segmentation = segmentationFeatures(features, config, assigner);
        List<FeatureLayout> layout = new ArrayList<>();
        for (String name : features) {
            progress.checkCancelled();
            Column c = reference.column(name);
            boolean isSegmentation = segmentation.contains(name);
            if (c.type() == ColumnType.NUMERIC) {
                double[] sorted = finiteSorted((NumericColumn) c);
                if (sorted.length == 0) {
                    throw noValues(name);
                }
                layout.add(FeatureLayout.numeric(name, isSegmentation, QuantileBins.edges(sorted, config.bins())));
            } else {
                List<String> levels = levels(c);
                if (levels.isEmpty()) {
                    throw noValues(name);
                }
                layout.add(FeatureLayout.categorical(name, isSegmentation, levels));
            }
        }
        progress.update(0.3, "reference statistics");
        MonthAccumulator acc = new MonthAccumulator(layout, segments, assigner, config.sampleSize(), config.seed(),
                REFERENCE_STREAM, "reference table");
        int n = reference.rowCount();
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            acc.accept(n <= CHUNK ? reference : reference.selectRows(range(from, to)), progress);
            progress.update(0.3 + 0.7 * to / n, null);
        }
        MonthStats stats = acc.finish();
        if (segments != null && stats.segments().assigned() == 0) {
            throw new InputException("no row of the reference table has a segment (" + segments.source()
                    + "); segment drift needs the reference month's segments");
        }
        Provenance provenance = Provenance.of("drift_baseline", config.toSettings(), reference, config.seed());
        return new DriftBaseline(config, provenance, layout, segments, stats);
    }

    /**
     * Reads a baseline saved by {@link #save}.
     *
     * @throws InputException naming the file: missing, not a drift baseline, a newer format, or inconsistent
     */
    public static DriftBaseline load(Path file) {
        ModelFile.Loaded loaded = ModelFile.load(file, KIND, FORMAT_VERSION);
        BaselineBody body = loaded.bodyAs(BaselineBody.class);
        DriftConfig config;
        try {
            config = DriftConfig.fromSettings(Settings.of(body.settings() == null ? java.util.Map.of()
                    : body.settings()));
        } catch (InputException e) {
            throw new InputException("baseline file " + file + ": " + e.getMessage(), e);
        }
        body.validate(file.toString(), config.sampleSize());
        return new DriftBaseline(config, loaded.provenance(), body.layout(), body.segmentLayout(), body.stats());
    }

    /** Writes the baseline file atomically. */
    public void save(Path file) {
        ModelFile.save(file, KIND, FORMAT_VERSION, provenance, BaselineBody.of(config, layout, segments, reference));
    }

    /** The file's bytes, as {@link #save} writes them. */
    public byte[] toBytes() {
        return ModelFile.toBytes(KIND, FORMAT_VERSION, provenance, BaselineBody.of(config, layout, segments,
                reference));
    }

    /** The settings the baseline was fitted with (its monitoring keys are the defaults of every later month). */
    public DriftConfig config() {
        return config;
    }

    /** Where the baseline came from: settings, the reference table's fingerprint, seed, engine, time. */
    public Provenance provenance() {
        return provenance;
    }

    /** Rows of the reference table. */
    public long rows() {
        return reference.rows();
    }

    /** The monitored features, in order. */
    public List<String> features() {
        List<String> out = new ArrayList<>();
        layout.forEach(f -> out.add(f.name));
        return Collections.unmodifiableList(out);
    }

    /** The features the segmentation uses (a subset of {@link #features()}, in that order). */
    public List<String> segmentationFeatures() {
        List<String> out = new ArrayList<>();
        layout.stream().filter(f -> f.segmentation).forEach(f -> out.add(f.name));
        return Collections.unmodifiableList(out);
    }

    /** {@code numeric} or {@code categorical}. */
    public String type(String feature) {
        return feature(feature).type();
    }

    /** The bin edges of a numeric feature ({@link QuantileBins}). */
    public double[] binEdges(String feature) {
        FeatureLayout f = feature(feature);
        if (!f.numeric) {
            throw new IllegalArgumentException("feature '" + feature + "' is categorical");
        }
        return f.edges();
    }

    /** The reference levels of a categorical feature. */
    public List<String> levels(String feature) {
        FeatureLayout f = feature(feature);
        if (f.numeric) {
            throw new IllegalArgumentException("feature '" + feature + "' is numeric");
        }
        return f.levels;
    }

    /** The reference counts per bin, or per level followed by the (empty) unseen bucket. */
    public long[] referenceCounts(String feature) {
        return reference.features().get(layout.indexOf(feature(feature))).counts().clone();
    }

    /** The segment column, when segments come from a column. */
    public Optional<String> segmentColumn() {
        return segments == null || segments.column().isEmpty() ? Optional.empty() : Optional.of(segments.column());
    }

    /** The segment names, empty when segments are not monitored. */
    public List<String> segmentNames() {
        return segments == null ? List.of() : segments.names();
    }

    /** The model the segments came from ({@link SegmentAssigner#modelId()}), when a model assigned them. */
    public Optional<String> modelId() {
        return segments == null || !segments.fromModel() ? Optional.empty() : Optional.of(segments.modelId());
    }

    List<FeatureLayout> layout() {
        return layout;
    }

    SegmentLayout segmentLayout() {
        return segments;
    }

    MonthStats reference() {
        return reference;
    }

    @Override
    public String toString() {
        return "DriftBaseline[" + rows() + " rows, features " + Names.quote(features())
                + (segments == null ? "" : ", segments " + Names.quote(segments.names())) + "]";
    }

    // ---------------------------------------------------------------------------------------------------------

    private FeatureLayout feature(String name) {
        for (FeatureLayout f : layout) {
            if (f.name.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("the baseline has no feature '" + name + "'");
    }

    private static SegmentLayout segments(Table reference, DriftConfig config, SegmentAssigner assigner) {
        if (assigner != null) {
            String id = Objects.requireNonNull(assigner.modelId(), "modelId");
            List<String> names = List.copyOf(assigner.segmentNames());
            if (id.isBlank() || names.isEmpty() || new HashSet<>(names).size() != names.size()) {
                throw new IllegalArgumentException("the segment assigner needs a model id and distinct segment names");
            }
            return new SegmentLayout("", "", id, names);
        }
        String column = config.segmentColumn();
        if (!column.isEmpty()) {
            if (!reference.hasColumn(column)) {
                throw new InputException("setting '" + DriftConfig.KEY_SEGMENT_COLUMN + "' names column '" + column
                        + "', which the reference table does not have; it has " + Names.quote(reference.columnNames()));
            }
        } else if (reference.hasColumn(DriftConfig.DEFAULT_SEGMENT_COLUMN)) {
            column = DriftConfig.DEFAULT_SEGMENT_COLUMN;
        } else {
            return null;
        }
        String distance = config.distanceColumn();
        if (!distance.isEmpty()) {
            if (!reference.hasColumn(distance) || reference.column(distance).type() != ColumnType.NUMERIC) {
                throw new InputException("setting '" + DriftConfig.KEY_DISTANCE_COLUMN + "' names column '" + distance
                        + "', which the reference table does not have as a numeric column");
            }
        } else if (reference.hasColumn(DriftConfig.DEFAULT_DISTANCE_COLUMN)
                && reference.column(DriftConfig.DEFAULT_DISTANCE_COLUMN).type() == ColumnType.NUMERIC) {
            distance = DriftConfig.DEFAULT_DISTANCE_COLUMN;
        }
        Column c = reference.column(column);
        TreeSet<String> names = new TreeSet<>();
        for (int i = 0; i < c.size(); i++) {
            String label = c.format(i);
            if (label != null) {
                names.add(label);
            }
        }
        if (names.isEmpty()) {
            throw new InputException("the segment column '" + column + "' of the reference table has no value");
        }
        return new SegmentLayout(column, distance, "", List.copyOf(names));
    }

    private static List<String> features(Table reference, DriftConfig config, SegmentLayout segments) {
        if (!config.features().isEmpty()) {
            List<String> lacking = new ArrayList<>();
            for (String f : config.features()) {
                if (!reference.hasColumn(f)) {
                    lacking.add(f);
                }
            }
            if (!lacking.isEmpty()) {
                throw new InputException("setting '" + DriftConfig.KEY_FEATURES + "' names "
                        + (lacking.size() == 1 ? "column " : "columns ") + Names.quote(lacking)
                        + ", which the reference table does not have; it has " + Names.quote(reference.columnNames()));
            }
            for (String f : config.features()) {
                if (reference.column(f).type() == ColumnType.TEXT) {
                    throw new InputException("setting '" + DriftConfig.KEY_FEATURES + "' names column '" + f
                            + "', which is text: identifiers and free text are never features (read it as numeric "
                            + "or categorical)");
                }
            }
            return config.features();
        }
        Set<String> excluded = new HashSet<>();
        excluded.add(config.segmentColumn().isEmpty() ? DriftConfig.DEFAULT_SEGMENT_COLUMN : config.segmentColumn());
        excluded.add(config.distanceColumn().isEmpty() ? DriftConfig.DEFAULT_DISTANCE_COLUMN : config.distanceColumn());
        if (segments != null) {
            excluded.add(segments.column());
            excluded.add(segments.distanceColumn());
        }
        excluded.add(config.archetypeColumn().isEmpty() ? DriftConfig.DEFAULT_ARCHETYPE_COLUMN
                : config.archetypeColumn());
        excluded.add(config.idColumn());
        List<String> out = new ArrayList<>();
        for (Column c : reference.columns()) {
            if (c.type() != ColumnType.TEXT && !excluded.contains(c.name())) {
                out.add(c.name());
            }
        }
        if (out.isEmpty()) {
            throw new InputException("the reference table has no numeric or categorical column to monitor");
        }
        return out;
    }

    private static Set<String> segmentationFeatures(List<String> features, DriftConfig config,
            SegmentAssigner assigner) {
        List<String> chosen = !config.segmentationFeatures().isEmpty() ? config.segmentationFeatures()
                : assigner != null ? assigner.features() : features;
        List<String> outside = new ArrayList<>();
        for (String f : chosen) {
            if (!features.contains(f)) {
                outside.add(f);
            }
        }
        if (!outside.isEmpty()) {
            throw new InputException((config.segmentationFeatures().isEmpty() ? "the segmentation model's features "
                    : "setting '" + DriftConfig.KEY_SEGMENTATION_FEATURES + "' names ") + Names.quote(outside)
                    + (outside.size() == 1 ? ", which is" : ", which are") + " not among the monitored features "
                    + Names.quote(features));
        }
        return new HashSet<>(chosen);
    }

    private static double[] finiteSorted(NumericColumn c) {
        double[] out = new double[c.size()];
        int n = 0;
        for (int i = 0; i < c.size(); i++) {
            double v = c.value(i);
            if (!c.isMissing(i) && Double.isFinite(v)) {
                out[n++] = v;
            }
        }
        double[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }

    private static List<String> levels(Column c) {
        TreeSet<String> out = new TreeSet<>();
        if (c instanceof CategoricalColumn k) {
            boolean[] used = new boolean[k.levelCount()];
            for (int i = 0; i < k.size(); i++) {
                if (k.code(i) != CategoricalColumn.MISSING) {
                    used[k.code(i)] = true;
                }
            }
            List<String> dictionary = k.levels();
            for (int j = 0; j < used.length; j++) {
                if (used[j]) {
                    out.add(dictionary.get(j));
                }
            }
        } else {
            for (int i = 0; i < c.size(); i++) {
                String v = c.format(i);
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return List.copyOf(out);
    }

    private static InputException noValues(String feature) {
        return new InputException("feature '" + feature + "' has no value in the reference table (every row is "
                + "missing); leave it out with the setting '" + DriftConfig.KEY_FEATURES + "'");
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
