package org.example.segmentation.core.cleaning;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.example.segmentation.core.Names;
import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cleaning.CleanerConfig.Duplicates;
import org.example.segmentation.core.cleaning.CleanerConfig.MissingStrategy;
import org.example.segmentation.core.model.ModelFile;
import org.example.segmentation.core.model.Provenance;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.Table;

/**
 * A fitted cleaning: the configuration and, per column, every parameter apply needs (conversions, outlier
 * fences, fill values, level maps, scaling). Immutable; {@link #apply} can be called any number of times, from
 * any number of threads.
 *
 * <p><b>Chunk by chunk.</b> Every transformation but duplicate removal depends only on the model and the row:
 * applying the model to consecutive chunks of a table and concatenating the outputs gives the same rows as
 * one apply over the whole table, in constant memory per chunk, provided duplicates are off or do not span
 * chunks. Duplicates are found within each call (each chunk). Rows dropped by the drop_row actions are
 * dropped row by row, so they agree too. Every output column has the same name, type and (for categorical
 * columns) the same dictionary in every chunk.
 *
 * <p>Saved as a {@link ModelFile} of kind {@value #KIND}, format version {@value #FORMAT_VERSION}. The file
 * holds the pseudonymisation salt when identifiers are pseudonymised (apply needs it to give a customer the
 * same pseudonym every month): keep it where raw identifiers may be kept. The provenance records the settings
 * with the salt hidden.
 */
public final class CleaningModel {
    /** The model file kind. */
    public static final String KIND = "cleaning_model";
    /** The format version written; files of newer versions are refused. */
    public static final int FORMAT_VERSION = 1;
    /** The usual file name of a saved model, as the command line writes it. */
    public static final String FILE_NAME = "cleaning_model.json";

    /** A column fit dropped, with the reason. */
    record DroppedColumn(String name, String inputType, String reason) {
        DroppedColumn {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(inputType, "input_type");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The model file body. */
    record Body(Map<String, String> settings, List<FittedColumn> columns, List<DroppedColumn> dropped) {
        Body {
            Objects.requireNonNull(settings, "settings");
            columns = List.copyOf(columns);
            dropped = List.copyOf(dropped);
        }
    }

    private final CleanerConfig config;
    private final Provenance provenance;
    private final List<FittedColumn> columns;
    private final List<DroppedColumn> dropped;

    CleaningModel(CleanerConfig config, Provenance provenance, List<FittedColumn> columns,
            List<DroppedColumn> dropped) {
        this.config = Objects.requireNonNull(config, "config");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.columns = List.copyOf(columns);
        this.dropped = List.copyOf(dropped);
    }

    /** The configuration the model was fitted with. */
    public CleanerConfig config() {
        return config;
    }

    /** Where the model came from: settings (salt hidden), fit table fingerprint, engine version, time. */
    public Provenance provenance() {
        return provenance;
    }

    /** The identifier columns, kept as row key and never features, in output order (first). */
    public List<String> identifierColumns() {
        return names(c -> c.identifierRole());
    }

    /** The feature columns (numeric and categorical) in output order. */
    public List<String> featureColumns() {
        return names(c -> !c.identifierRole());
    }

    /** The numeric features in output order. */
    public List<String> numericFeatures() {
        return names(FittedColumn::numericRole);
    }

    /** The categorical features in output order. */
    public List<String> categoricalFeatures() {
        return names(FittedColumn::categoricalRole);
    }

    /** The 0/1 columns the cleaner adds ({@code <name>_missing}, {@code <name>_outlier}), in output order. */
    public List<String> indicatorColumns() {
        List<String> out = new ArrayList<>();
        for (FittedColumn c : columns) {
            if (c.missingIndicator()) {
                out.add(c.missingIndicatorName());
            }
            if (c.outlierFlag()) {
                out.add(c.outlierFlagName());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The columns of every cleaned table, in order, before any passed-through columns. */
    public List<String> outputColumns() {
        List<String> out = new ArrayList<>();
        for (FittedColumn c : columns) {
            out.add(c.name());
        }
        out.addAll(indicatorColumns());
        return Collections.unmodifiableList(out);
    }

    /** The columns fit dropped, with the reason, in input order. */
    public Map<String, String> droppedColumns() {
        Map<String, String> out = new LinkedHashMap<>();
        for (DroppedColumn d : dropped) {
            out.put(d.name(), d.reason());
        }
        return Collections.unmodifiableMap(out);
    }

    /** The columns a table must have for {@link #apply}: identifiers, features and duplicate key columns. */
    public List<String> requiredColumns() {
        List<String> out = new ArrayList<>();
        for (FittedColumn c : columns) {
            out.add(c.name());
        }
        if (config.duplicates() == Duplicates.KEY) {
            for (String k : config.duplicatesKey()) {
                if (!out.contains(k)) {
                    out.add(k);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The scaling method of the numeric features ({@code NONE}: not scaled). */
    public CleanerConfig.Scaling scaling() {
        return config.scaling();
    }

    /** The scaling of every numeric feature, in output order. */
    public List<FeatureScaling> featureScaling() {
        List<FeatureScaling> out = new ArrayList<>();
        for (FittedColumn c : columns) {
            if (c.numericRole()) {
                out.add(scalingOf(c));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The scaling of the named numeric feature, or empty when there is no such feature. */
    public Optional<FeatureScaling> featureScaling(String feature) {
        for (FittedColumn c : columns) {
            if (c.numericRole() && c.name().equals(feature)) {
                return Optional.of(scalingOf(c));
            }
        }
        return Optional.empty();
    }

    /**
     * The levels (dictionary, sorted) of the named categorical feature in every cleaned table.
     *
     * @throws IllegalArgumentException when there is no such categorical feature
     */
    public List<String> levels(String feature) {
        for (FittedColumn c : columns) {
            if (c.categoricalRole() && c.name().equals(feature)) {
                return c.levels();
            }
        }
        throw new IllegalArgumentException("the cleaning model has no categorical feature '" + feature + "'");
    }

    /** The fitted parameters of a kept column (tests read the fences), or null. */
    FittedColumn fitted(String name) {
        for (FittedColumn c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private FeatureScaling scalingOf(FittedColumn c) {
        return c.scaled() ? new FeatureScaling(c.name(), config.scaling(), c.center(), c.divisor())
                : new FeatureScaling(c.name(), CleanerConfig.Scaling.NONE, 0, 1);
    }

    private List<String> names(java.util.function.Predicate<FittedColumn> which) {
        List<String> out = new ArrayList<>();
        for (FittedColumn c : columns) {
            if (which.test(c)) {
                out.add(c.name());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** As {@link #apply(Table, Progress)} without progress. */
    public CleaningResult apply(Table table) {
        return apply(table, Progress.NONE);
    }

    /**
     * Cleans {@code table} with this model's parameters, unchanged: the same conversions, fences, fill values,
     * level maps and scaling as at fit. Columns fit dropped are dropped; columns the model does not know pass
     * through unchanged after the model's columns. The input is not modified.
     *
     * <p>A column may arrive with another type than at fit (a month without invalid text is read as numeric;
     * a small file makes a text column categorical): numeric features read numbers from any column type
     * (text that is not a number is invalid and becomes missing), categorical features read the values as
     * levels.
     *
     * @throws InputException     naming every required column the table lacks, or a passed-through column whose
     *                            name the output already uses
     * @throws CancelledException when {@code progress} says so
     */
    public CleaningResult apply(Table table, Progress progress) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(progress, "progress");
        List<String> lacking = new ArrayList<>();
        for (String name : requiredColumns()) {
            if (!table.hasColumn(name)) {
                lacking.add(name);
            }
        }
        if (!lacking.isEmpty()) {
            throw new InputException("cannot apply the cleaning model: the table has no "
                    + (lacking.size() == 1 ? "column " : "columns ") + Names.quote(lacking)
                    + "; the model needs " + Names.quote(requiredColumns()));
        }
        Set<String> known = new HashSet<>(requiredColumns());
        for (DroppedColumn d : dropped) {
            known.add(d.name());
        }
        Set<String> outputNames = new HashSet<>(outputColumns());
        List<Column> extras = new ArrayList<>();
        for (Column c : table.columns()) {
            if (!known.contains(c.name())) {
                if (outputNames.contains(c.name())) {
                    throw new InputException("cannot apply the cleaning model: the table has a column '" + c.name()
                            + "' and the model adds a column of that name; rename it");
                }
                extras.add(c);
            }
        }
        progress.update(0, "Cleaning: reading columns");
        Pipeline p = new Pipeline(table, config, columns, false, progress);
        p.load();
        progress.update(0.3, "Cleaning: duplicates");
        p.removeDuplicates();
        progress.update(0.4, "Cleaning: outliers");
        p.treatOutliers();
        progress.update(0.5, "Cleaning: missing values");
        p.treatMissing();
        progress.update(0.6, "Cleaning: levels");
        p.groupLevels();
        progress.update(0.7, "Cleaning: scaling");
        p.scale();
        progress.update(0.8, "Cleaning: writing the table");
        Table out = p.output(extras);
        List<ColumnReport> droppedRows = new ArrayList<>();
        for (DroppedColumn d : dropped) {
            droppedRows.add(ReportBuilder.dropped(d.name(), table.hasColumn(d.name()) ? table.column(d.name()) : null,
                    0, d.reason()));
        }
        CleaningReport report = ReportBuilder.build(false, config, table, p, out, droppedRows, extras);
        progress.update(1, null);
        return new CleaningResult(out, this, report, p.keptRows());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Files

    /**
     * Writes the model atomically as a {@link ModelFile}.
     *
     * @throws InputException when the file cannot be written
     */
    public void save(Path file) {
        ModelFile.save(file, KIND, FORMAT_VERSION, provenance, body());
    }

    /** The bytes {@link #save} writes. */
    public byte[] toBytes() {
        return ModelFile.toBytes(KIND, FORMAT_VERSION, provenance, body());
    }

    private Body body() {
        return new Body(config.toSettings().asMap(), columns, dropped);
    }

    /**
     * Reads a model saved by {@link #save}.
     *
     * @throws InputException naming the file: missing, not a cleaning model, a newer format version, a field
     *                        that does not fit, a setting or parameter out of range
     */
    public static CleaningModel load(Path file) {
        ModelFile.Loaded loaded = ModelFile.load(file, KIND, FORMAT_VERSION);
        Body body = loaded.bodyAs(Body.class);
        try {
            CleanerConfig config = CleanerConfig.fromSettings(Settings.of(body.settings()));
            validate(body, config);
            return new CleaningModel(config, loaded.provenance(), body.columns(), body.dropped());
        } catch (InputException | IllegalArgumentException | NullPointerException e) {
            throw new InputException("model file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Checks what a hand-edited file could get wrong, so that apply never fails halfway. */
    private static void validate(Body body, CleanerConfig config) {
        Set<String> names = new HashSet<>();
        for (FittedColumn c : body.columns()) {
            String where = "column '" + c.name() + "'";
            if (!names.add(c.name())) {
                throw new InputException(where + " appears twice");
            }
            if (!c.identifierRole() && !c.numericRole() && !c.categoricalRole()) {
                throw new InputException(where + ": role '" + c.role()
                        + "' is not one of identifier, numeric, categorical");
            }
            if (c.identifierRole()) {
                if (c.pseudonymise() && config.pseudonymiseSalt().isEmpty()) {
                    throw new InputException(where + " is pseudonymised but the salt is empty");
                }
                continue;
            }
            MissingStrategy strategy;
            try {
                strategy = MissingStrategy.parse(c.missing());
            } catch (IllegalArgumentException e) {
                throw new InputException(where + ": missing strategy '" + c.missing() + "' is not known");
            }
            List<MissingStrategy> allowed = c.numericRole() ? CleanerConfig.NUMERIC_STRATEGIES
                    : CleanerConfig.CATEGORICAL_STRATEGIES;
            if (!allowed.contains(strategy)) {
                throw new InputException(where + ": missing strategy '" + c.missing() + "' does not fit a "
                        + c.role() + " column");
            }
            boolean fills = strategy != MissingStrategy.DROP_ROW && strategy != MissingStrategy.NONE;
            if (c.numericRole()) {
                if (fills && (c.fillNumber() == null || !Double.isFinite(c.fillNumber()))) {
                    throw new InputException(where + ": fill_number must be a finite number");
                }
                if ((c.outlierLower() == null) != (c.outlierUpper() == null)
                        || (c.hasFences() && !(c.outlierLower() <= c.outlierUpper()))) {
                    throw new InputException(where + ": outlier fences must both be set, lower <= upper, or both null");
                }
                if (c.scaled()) {
                    new FeatureScaling(c.name(), config.scaling(), c.center(), c.divisor());
                } else if ((c.center() == null) != (c.divisor() == null)) {
                    throw new InputException(where + ": center and divisor must both be set or both null");
                }
            } else {
                if (fills && (c.fillLevel() == null || c.fillLevel().isEmpty())) {
                    throw new InputException(where + ": fill_level must be a level");
                }
                if (new HashSet<>(c.levels()).size() != c.levels().size()) {
                    throw new InputException(where + ": levels repeat");
                }
                if (!c.grouped().isEmpty() && !c.levels().contains(CleanerConfig.OTHER)) {
                    throw new InputException(where + ": levels are grouped but '" + CleanerConfig.OTHER
                            + "' is not a level");
                }
                if (config.unseen() == CleanerConfig.Unseen.OTHER && !c.levels().contains(CleanerConfig.OTHER)) {
                    throw new InputException(where + ": unseen levels become '" + CleanerConfig.OTHER
                            + "' but it is not a level");
                }
            }
        }
        Set<String> outputs = new HashSet<>(names);
        for (FittedColumn c : body.columns()) {
            for (String added : new String[] {c.missingIndicator() ? c.missingIndicatorName() : null,
                c.outlierFlag() ? c.outlierFlagName() : null}) {
                if (added != null && !outputs.add(added)) {
                    throw new InputException("column '" + added + "' would appear twice in the output");
                }
            }
        }
        for (DroppedColumn d : body.dropped()) {
            if (names.contains(d.name())) {
                throw new InputException("column '" + d.name() + "' is both kept and dropped");
            }
        }
    }

    @Override
    public String toString() {
        return "CleaningModel[" + identifierColumns().size() + " identifiers, " + numericFeatures().size()
                + " numeric and " + categoricalFeatures().size() + " categorical features, " + dropped.size()
                + " dropped, scaling " + config.scaling().key() + "]";
    }
}
