package org.example.segmentation.core.selection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.model.ModelFile;
import org.example.segmentation.core.model.Provenance;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;

/**
 * A fitted feature selection: the identifier columns and the selected features (with their types), the report on
 * every column of the fitted table, the configuration and the provenance. Immutable; fitted by
 * {@link FeatureSelector#fit}, saved as JSON with {@link #save} and read back with {@link #load}, so that next
 * month's table gets exactly the same columns.
 */
public final class FeatureSelection {
    /** The model kind in the model file. */
    public static final String KIND = "feature_selection";
    /** The format version this engine writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The file name the command line uses for a saved selection. */
    public static final String FILE_NAME = "feature_selection.json";

    /**
     * A selected feature.
     *
     * @param name the column name
     * @param type numeric or categorical
     */
    public record Feature(String name, ColumnType type) {
        public Feature {
            Objects.requireNonNull(name, "name");
            if (type != ColumnType.NUMERIC && type != ColumnType.CATEGORICAL) {
                throw new IllegalArgumentException("feature '" + name + "' must be numeric or categorical, not "
                        + type);
            }
        }
    }

    private final SelectorConfig config;
    private final List<String> idColumns;
    private final List<Feature> features;
    private final SelectionReport report;
    private final Provenance provenance;

    FeatureSelection(SelectorConfig config, List<String> idColumns, List<Feature> features, SelectionReport report,
            Provenance provenance) {
        this.config = Objects.requireNonNull(config, "config");
        this.idColumns = List.copyOf(idColumns);
        this.features = List.copyOf(features);
        this.report = Objects.requireNonNull(report, "report");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
    }

    /** The configuration it was fitted with. */
    public SelectorConfig config() {
        return config;
    }

    /** The identifier columns passed through, in the fitted table's order. */
    public List<String> idColumns() {
        return idColumns;
    }

    /** The selected features, in the fitted table's order. */
    public List<Feature> features() {
        return features;
    }

    /** The names of the selected features, in the fitted table's order. */
    public List<String> featureNames() {
        return features.stream().map(Feature::name).toList();
    }

    /** Why each column of the fitted table was kept or dropped. */
    public SelectionReport report() {
        return report;
    }

    /** Where the selection came from: settings, the fitted table's fingerprint, engine version, time. */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * The identifier columns, then the selected features, each in the fitted table's order; every other column of
     * {@code table} is left out. The values are shared, not copied; {@code table} is not changed.
     *
     * @throws InputException naming, in one message, every identifier or feature the table lacks and every feature
     *                        whose type differs from the fitted one
     */
    public Table apply(Table table) {
        List<String> missing = new ArrayList<>();
        List<String> wrongType = new ArrayList<>();
        for (String id : idColumns) {
            if (!table.hasColumn(id)) {
                missing.add("'" + id + "'");
            }
        }
        for (Feature f : features) {
            if (!table.hasColumn(f.name())) {
                missing.add("'" + f.name() + "'");
            } else if (table.column(f.name()).type() != f.type()) {
                wrongType.add("'" + f.name() + "' is " + table.column(f.name()).type().key() + " (fitted as "
                        + f.type().key() + ")");
            }
        }
        if (!missing.isEmpty() || !wrongType.isEmpty()) {
            StringBuilder sb = new StringBuilder("the table does not fit the feature selection: ");
            if (!missing.isEmpty()) {
                sb.append(missing.size() == 1 ? "it lacks column " : "it lacks columns ")
                        .append(String.join(", ", missing));
            }
            if (!wrongType.isEmpty()) {
                sb.append(missing.isEmpty() ? "" : "; ").append("column ").append(String.join(", column ", wrongType));
            }
            throw new InputException(sb.toString());
        }
        List<String> names = new ArrayList<>(idColumns);
        names.addAll(featureNames());
        return table.select(names);
    }

    /**
     * Saves the selection as a model file (kind {@value #KIND}, format version {@value #FORMAT_VERSION}), atomically.
     *
     * @throws InputException when the file cannot be written
     */
    public void save(Path file) {
        ModelFile.save(file, KIND, FORMAT_VERSION, provenance, ModelBody.of(this));
    }

    /** The bytes {@link #save} writes. */
    public byte[] toBytes() {
        return ModelFile.toBytes(KIND, FORMAT_VERSION, provenance, ModelBody.of(this));
    }

    /**
     * Loads a saved selection.
     *
     * @throws InputException naming the file: missing, not a model file, another kind, a newer format version, a
     *                        field that is missing, unknown or has a bad value
     */
    public static FeatureSelection load(Path file) {
        ModelFile.Loaded loaded = ModelFile.load(file, KIND, FORMAT_VERSION);
        return loaded.bodyAs(ModelBody.class).toSelection(loaded.provenance(), file);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSelection s && s.config.equals(config) && s.idColumns.equals(idColumns)
                && s.features.equals(features) && s.report.equals(report);
    }

    @Override
    public int hashCode() {
        return Objects.hash(config, idColumns, features, report);
    }

    @Override
    public String toString() {
        return "FeatureSelection[" + features.size() + " features " + featureNames() + ", ids " + idColumns + "]";
    }

    /** The JSON body of the model file (snake_case field names). */
    record ModelBody(Map<String, String> settings, List<String> idColumns, List<FeatureEntry> features,
            List<ReportEntry> report) {

        static ModelBody of(FeatureSelection s) {
            List<FeatureEntry> features = new ArrayList<>();
            for (Feature f : s.features) {
                features.add(new FeatureEntry(f.name(), f.type().key()));
            }
            List<ReportEntry> report = new ArrayList<>();
            for (SelectionReport.Row r : s.report.rows()) {
                report.add(new ReportEntry(r.feature(), r.type().key(), r.status().key(),
                        r.rule() == null ? null : r.rule().key(), number(r.value()), r.otherFeature(),
                        r.rank() == 0 ? null : r.rank(), number(r.score()), number(r.missingShare()),
                        number(r.scaledVariance()), number(r.dominantShare())));
            }
            return new ModelBody(s.config.toSettings().asMap(), s.idColumns, features, report);
        }

        FeatureSelection toSelection(Provenance provenance, Path source) {
            String where = "model file " + source + ": ";
            SelectorConfig config;
            try {
                config = SelectorConfig.fromSettings(Settings.of(require(settings, where, "settings")));
            } catch (InputException e) {
                throw new InputException(where + e.getMessage(), e);
            }
            Set<String> names = new HashSet<>();
            for (String id : require(idColumns, where, "id_columns")) {
                if (id == null || !names.add(id)) {
                    throw new InputException(where + "field 'model.id_columns' holds an empty or repeated name");
                }
            }
            List<Feature> out = new ArrayList<>();
            for (FeatureEntry f : require(features, where, "features")) {
                if (f == null || f.name() == null || f.name().isBlank() || !names.add(f.name())) {
                    throw new InputException(where + "field 'model.features' holds an empty or repeated name");
                }
                ColumnType type = featureType(f.type());
                if (type == null) {
                    throw new InputException(where + "feature '" + f.name() + "' has type '" + f.type()
                            + "'; expected numeric or categorical");
                }
                out.add(new Feature(f.name(), type));
            }
            List<SelectionReport.Row> rows = new ArrayList<>();
            for (ReportEntry r : require(report, where, "report")) {
                rows.add(r.toRow(where));
            }
            return new FeatureSelection(config, idColumns, out, new SelectionReport(rows), provenance);
        }

        private static <T> T require(T value, String where, String field) {
            if (value == null) {
                throw new InputException(where + "field 'model." + field + "' is null");
            }
            return value;
        }
    }

    /** A feature in the model file. */
    record FeatureEntry(String name, String type) {
    }

    /** A report row in the model file; absent numbers are {@code null}. */
    record ReportEntry(String feature, String type, String status, String rule, Double value, String otherFeature,
            Integer rank, Double score, Double missingShare, Double scaledVariance, Double dominantShare) {

        SelectionReport.Row toRow(String where) {
            if (feature == null) {
                throw new InputException(where + "a report row has no feature");
            }
            ColumnType t;
            try {
                t = ColumnType.parse(type);
            } catch (IllegalArgumentException e) {
                throw new InputException(where + "report row '" + feature + "': " + e.getMessage());
            }
            return new SelectionReport.Row(feature, t, parse(SelectionReport.Status.class, status, "status", where),
                    rule == null ? null : parse(SelectionReport.Rule.class, rule, "rule", where), orNaN(value),
                    otherFeature, rank == null ? 0 : rank, orNaN(score), orNaN(missingShare), orNaN(scaledVariance),
                    orNaN(dominantShare));
        }

        private <E extends Enum<E>> E parse(Class<E> type, String key, String field, String where) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(String.valueOf(key))) {
                    return e;
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                allowed.add(e.name().toLowerCase(Locale.ROOT));
            }
            throw new InputException(where + "report row '" + feature + "' has " + field + " '" + key
                    + "'; expected one of " + String.join(", ", allowed));
        }
    }

    private static ColumnType featureType(String key) {
        if ("numeric".equals(key)) {
            return ColumnType.NUMERIC;
        }
        if ("categorical".equals(key)) {
            return ColumnType.CATEGORICAL;
        }
        return null;
    }

    private static Double number(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }
}
