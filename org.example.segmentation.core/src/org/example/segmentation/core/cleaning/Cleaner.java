package org.example.segmentation.core.cleaning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.example.segmentation.core.Names;
import org.example.segmentation.core.csv.CsvNumbers;
import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cleaning.CleanerConfig.MissingStrategy;
import org.example.segmentation.core.model.Provenance;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;

/**
 * Fits a {@link CleaningModel} on a table and returns the cleaned table with it.
 *
 * <p><b>Order of operations.</b> Each stage fits its parameters on the data as the stages before it left it,
 * and stores them in the model; apply runs the same stages with the stored parameters:
 * <ol>
 * <li><b>identifiers</b>: the columns of {@code id.columns} and {@code pseudonymise.columns}, and with
 * {@code id.detect} the identifier-like columns (see below), are kept as row key, never features, and are
 * exempt from every later stage; {@code pseudonymise.columns} are replaced by salted SHA-256 hex;</li>
 * <li><b>invalid values</b>: a text or categorical column whose non-missing values are finite numbers in at
 * least {@code invalid.numeric_min_share} of the rows becomes numeric; its other values become missing and
 * are counted as invalid, as are infinities and NaN values in numeric columns. Other text columns become
 * categorical;</li>
 * <li><b>dropped columns</b>: more than {@code missing.max_share} missing (invalid values included), or with
 * {@code drop.constant} at most one distinct value;</li>
 * <li><b>duplicates</b>: exact duplicate rows (every input column equal) or rows with equal
 * {@code duplicates.key}, keeping the first or last;</li>
 * <li><b>outliers</b> in numeric features: fences by IQR, z-score or percentiles, then clip, set missing, drop
 * the row or flag. Columns with at most two distinct values (0/1 flags) and columns whose fences would
 * coincide (IQR 0, standard deviation 0) are left alone, with the reason in the report;</li>
 * <li><b>missing values</b>: per column or per type, filled, rows dropped or left; optional indicator
 * columns;</li>
 * <li><b>rare levels</b>: levels under {@code rare.min_share} of a categorical feature, and the least frequent
 * beyond {@code rare.max_levels}, become {@value CleanerConfig#OTHER};</li>
 * <li><b>scaling</b> of numeric features (indicator columns are never scaled).</li>
 * </ol>
 *
 * <p><b>Identifier-like columns</b> ({@code id.detect}): a text or categorical column that is not mostly
 * numbers, with at least 95% distinct values among at least 20 non-missing ones (or at least 2 when its name
 * looks like an identifier: {@code id}, {@code customer_id}, {@code CustomerId}, {@code id_kunde}, ...); and a
 * numeric column of whole numbers whose name looks like an identifier with at least 95% distinct values.
 *
 * <p>The input table is never modified.
 */
public final class Cleaner {
    /** Share of distinct values from which a column can be identifier-like. */
    static final double ID_DISTINCT_SHARE = 0.95;
    /** Non-missing values from which a column is identifier-like by distinctness alone. */
    static final int ID_MIN_VALUES = 20;

    private Cleaner() {
    }

    /** As {@link #fit(Table, CleanerConfig, Progress)} without progress. */
    public static CleaningResult fit(Table table, CleanerConfig config) {
        return fit(table, config, Progress.NONE);
    }

    /**
     * Fits the cleaning on {@code table}.
     *
     * @return the cleaned table, the model and the report
     * @throws InputException     for a setting that names a column the table lacks, a per-column strategy that
     *                            does not fit the column's type, an added column whose name is taken
     * @throws CancelledException when {@code progress} says so
     */
    public static CleaningResult fit(Table table, CleanerConfig config, Progress progress) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        checkColumnSettings(table, config);
        if (table.rowCount() == 0) {
            throw new InputException("cannot fit the cleaner: the table has no rows (only a header); fit needs data");
        }
        progress.update(0, "Cleaning: finding identifiers and column types");
        List<FittedColumn> plans = nonnegative(table, config, decideRoles(table, config, progress));

        Pipeline p = new Pipeline(table, config, plans, true, progress);
        progress.update(0.2, "Cleaning: reading columns");
        p.load();

        // Dropped columns, judged on all rows after invalid values became missing.
        List<CleaningModel.DroppedColumn> dropped = new ArrayList<>();
        Map<String, ColumnReport> droppedRows = new LinkedHashMap<>();
        Set<String> droppedNames = new HashSet<>();
        for (Pipeline.Slot s : p.slots()) {
            if (s.plan.identifierRole()) {
                continue;
            }
            String reason = dropReason(s, table.rowCount(), config);
            if (reason != null) {
                dropped.add(new CleaningModel.DroppedColumn(s.plan.name(), s.source.type().key(), reason));
                droppedRows.put(s.plan.name(), ReportBuilder.dropped(s.plan.name(), s.source, s.invalid, reason));
                droppedNames.add(s.plan.name());
            }
        }
        p.dropSlots(droppedNames);
        checkFeatureStrategies(p.plans(), config);

        progress.update(0.35, "Cleaning: duplicates");
        p.removeDuplicates();
        progress.update(0.45, "Cleaning: outliers");
        p.treatOutliers();
        progress.update(0.6, "Cleaning: missing values");
        p.treatMissing();
        progress.update(0.7, "Cleaning: levels");
        p.groupLevels();
        progress.update(0.8, "Cleaning: scaling");
        p.scale();
        checkOutputNames(table, p.plans(), droppedNames);

        progress.update(0.9, "Cleaning: writing the table");
        Table out = p.output(List.of());
        List<CleaningModel.DroppedColumn> droppedInOrder = new ArrayList<>();
        List<ColumnReport> droppedReport = new ArrayList<>();
        for (Column c : table.columns()) {
            for (CleaningModel.DroppedColumn d : dropped) {
                if (d.name().equals(c.name())) {
                    droppedInOrder.add(d);
                    droppedReport.add(droppedRows.get(d.name()));
                }
            }
        }
        CleaningModel model = new CleaningModel(config,
                Provenance.of("cleaner", config.toSettingsWithoutSecrets(), table, null), p.plans(), droppedInOrder);
        CleaningReport report = ReportBuilder.build(true, config, table, p, out, droppedReport, List.of());
        progress.update(1, null);
        return new CleaningResult(out, model, report, p.keptRows());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stage 1: identifiers and column kinds

    private static List<FittedColumn> decideRoles(Table table, CleanerConfig config, Progress progress) {
        List<FittedColumn> ids = new ArrayList<>();
        List<FittedColumn> features = new ArrayList<>();
        for (Column c : table.columns()) {
            progress.checkCancelled();
            String name = c.name();
            String type = c.type().key();
            boolean pseudonymise = config.pseudonymiseColumns().contains(name);
            if (pseudonymise || config.idColumns().contains(name)) {
                ids.add(FittedColumn.identifier(name, type, "listed in " + (config.idColumns().contains(name)
                        ? CleanerConfig.KEY_ID_COLUMNS : CleanerConfig.KEY_PSEUDONYMISE_COLUMNS), pseudonymise));
                continue;
            }
            if (c instanceof NumericColumn n) {
                String idLike = config.idDetect() ? numericIdentifierLike(n) : null;
                if (idLike != null) {
                    ids.add(FittedColumn.identifier(name, type, idLike, false));
                } else {
                    features.add(FittedColumn.feature(name, true, type, ""));
                }
                continue;
            }
            TextProfile t = TextProfile.of(c);
            if (t.values > 0 && t.numbers >= config.invalidNumericMinShare() * t.values) {
                features.add(FittedColumn.feature(name, true, type, percent(t.numbers, t.values) + " of the values are "
                        + "numbers (" + CleanerConfig.KEY_INVALID_NUMERIC_MIN_SHARE + " "
                        + CleanerConfig.format(config.invalidNumericMinShare()) + "): read as numeric"));
            } else if (config.idDetect() && t.values >= 2 && t.distinct >= ID_DISTINCT_SHARE * t.values
                    && (t.values >= ID_MIN_VALUES || looksLikeIdName(name))) {
                ids.add(FittedColumn.identifier(name, type, "identifier-like: " + percent(t.distinct, t.values)
                        + " of the values are distinct", false));
            } else {
                features.add(FittedColumn.feature(name, false, type,
                        c.type() == ColumnType.TEXT ? "text column read as levels" : ""));
            }
        }
        List<FittedColumn> out = new ArrayList<>(ids);
        out.addAll(features);
        return out;
    }

    /** Share of negative values up to which a whole-number column still counts as a count (1%). */
    static final double COUNT_MAX_NEGATIVE_SHARE = 0.01;

    /**
     * Marks the numeric features where a negative value is invalid: those listed in {@code nonnegative.columns},
     * and with {@code nonnegative.detect} the count-like ones: every value a whole number and at most
     * {@value #COUNT_MAX_NEGATIVE_SHARE} of them negative (a "-7 logins" is a data error, not an outlier).
     */
    private static List<FittedColumn> nonnegative(Table table, CleanerConfig config, List<FittedColumn> plans) {
        List<FittedColumn> out = new ArrayList<>(plans.size());
        for (FittedColumn p : plans) {
            if (!p.numericRole()) {
                out.add(p);
                continue;
            }
            if (config.nonnegativeColumns().contains(p.name())) {
                out.add(p.withValidMin(0.0));
                continue;
            }
            Column c = table.column(p.name());
            long values = 0;
            long negative = 0;
            boolean whole = true;
            for (int r = 0; r < c.size() && whole; r++) {
                double x;
                if (c instanceof NumericColumn n) {
                    x = n.isMissing(r) ? Double.NaN : n.value(r);
                } else {
                    String t = c.format(r);
                    x = t == null ? Double.NaN : CsvNumbers.parseFinite(t, false);
                }
                if (!Double.isFinite(x)) {
                    continue;
                }
                values++;
                whole = x == Math.rint(x);
                negative += x < 0 ? 1 : 0;
            }
            if (config.nonnegativeDetect() && whole && values > 0
                    && negative <= COUNT_MAX_NEGATIVE_SHARE * values) {
                out.add(p.withValidMin(0.0));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** What identifier detection needs to know about a text or categorical column. */
    private record TextProfile(int values, int numbers, int distinct) {
        static TextProfile of(Column c) {
            int values = 0;
            int numbers = 0;
            Set<String> distinct = new HashSet<>();
            for (int r = 0; r < c.size(); r++) {
                String v = c.format(r);
                if (v == null) {
                    continue;
                }
                values++;
                if (!Double.isNaN(CsvNumbers.parseFinite(v, false))) {
                    numbers++;
                }
                if (!(c instanceof CategoricalColumn)) {
                    distinct.add(v);
                }
            }
            int d = c instanceof CategoricalColumn k ? usedLevels(k) : distinct.size();
            return new TextProfile(values, numbers, d);
        }

        private static int usedLevels(CategoricalColumn k) {
            boolean[] used = new boolean[k.levelCount()];
            int n = 0;
            for (int r = 0; r < k.size(); r++) {
                int code = k.code(r);
                if (code >= 0 && !used[code]) {
                    used[code] = true;
                    n++;
                }
            }
            return n;
        }
    }

    private static String numericIdentifierLike(NumericColumn n) {
        if (!looksLikeIdName(n.name())) {
            return null;
        }
        Set<Double> distinct = new HashSet<>();
        int values = 0;
        for (int r = 0; r < n.size(); r++) {
            if (n.isMissing(r)) {
                continue;
            }
            double v = n.value(r);
            if (v != Math.rint(v)) {
                return null;
            }
            values++;
            distinct.add(v);
        }
        if (values >= 2 && distinct.size() >= ID_DISTINCT_SHARE * values) {
            return "identifier-like: named like an identifier, whole numbers, " + percent(distinct.size(), values)
                    + " distinct";
        }
        return null;
    }

    /**
     * Whether a name looks like an identifier's: {@code id}, or {@code id} as the first or last word
     * ({@code customer_id}, {@code Kunden-ID}, {@code id_kunde}, {@code client id}), or a camel-case
     * {@code Id}/{@code ID} suffix after a lower-case letter ({@code customerId}, {@code CustomerID}).
     */
    static boolean looksLikeIdName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("id")) {
            return true;
        }
        for (char sep : new char[] {'_', '-', ' ', '.'}) {
            if (n.endsWith(sep + "id") || n.startsWith("id" + sep)) {
                return true;
            }
        }
        String t = name.trim();
        return t.length() > 2 && (t.endsWith("Id") || t.endsWith("ID"))
                && Character.isLowerCase(t.charAt(t.length() - 3));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Stage 3: dropped columns

    private static String dropReason(Pipeline.Slot s, int rows, CleanerConfig config) {
        int missing = 0;
        int distinct = 0; // 0, 1 or 2 (two or more)
        double firstNumber = Double.NaN;
        String firstLevel = null;
        for (int r = 0; r < rows; r++) {
            if (s.num != null) {
                double v = s.num[r];
                if (Double.isNaN(v)) {
                    missing++;
                } else if (distinct == 0) {
                    firstNumber = v;
                    distinct = 1;
                } else if (v != firstNumber) {
                    distinct = 2;
                }
            } else {
                String v = s.cat[r];
                if (v == null) {
                    missing++;
                } else if (distinct == 0) {
                    firstLevel = v;
                    distinct = 1;
                } else if (!v.equals(firstLevel)) {
                    distinct = 2;
                }
            }
        }
        if (rows > 0 && missing > config.missingMaxShare() * rows) {
            return percent(missing, rows) + " missing" + (s.invalid > 0 ? " (invalid values included)" : "")
                    + ", more than " + CleanerConfig.KEY_MISSING_MAX_SHARE + " "
                    + CleanerConfig.format(config.missingMaxShare());
        }
        if (config.dropConstant() && distinct <= 1) {
            return distinct == 0 ? "no values" : "constant: one distinct value";
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Checks of the settings that name columns

    private static void checkColumnSettings(Table table, CleanerConfig config) {
        requireColumns(table, CleanerConfig.KEY_ID_COLUMNS, config.idColumns());
        requireColumns(table, CleanerConfig.KEY_PSEUDONYMISE_COLUMNS, config.pseudonymiseColumns());
        requireColumns(table, CleanerConfig.KEY_NONNEGATIVE_COLUMNS, config.nonnegativeColumns());
        if (config.duplicates() == CleanerConfig.Duplicates.KEY) {
            requireColumns(table, CleanerConfig.KEY_DUPLICATES_KEY, config.duplicatesKey());
        }
        for (String name : config.missingColumns().keySet()) {
            requireColumns(table, CleanerConfig.KEY_MISSING_COLUMN_PREFIX + name, List.of(name));
        }
    }

    private static void requireColumns(Table table, String key, List<String> names) {
        List<String> lacking = new ArrayList<>();
        for (String n : names) {
            if (!table.hasColumn(n)) {
                lacking.add(n);
            }
        }
        if (!lacking.isEmpty()) {
            throw new InputException("setting '" + key + "' names " + (lacking.size() == 1 ? "column " : "columns ")
                    + Names.quote(lacking) + " that the table does not have; the table has "
                    + Names.quote(table.columnNames()));
        }
    }

    /** Per-column strategies must fit the kind the column ended up as. */
    private static void checkFeatureStrategies(List<FittedColumn> plans, CleanerConfig config) {
        for (FittedColumn p : plans) {
            MissingStrategy s = config.missingColumns().get(p.name());
            if (s == null) {
                continue;
            }
            String key = CleanerConfig.KEY_MISSING_COLUMN_PREFIX + p.name();
            if (p.identifierRole()) {
                throw new InputException("setting '" + key + "': column '" + p.name() + "' is an identifier ("
                        + p.reason() + "), which is never imputed; remove the setting");
            }
            List<MissingStrategy> allowed = p.numericRole() ? CleanerConfig.NUMERIC_STRATEGIES
                    : CleanerConfig.CATEGORICAL_STRATEGIES;
            if (!allowed.contains(s)) {
                List<String> keys = new ArrayList<>();
                allowed.forEach(a -> keys.add(a.key()));
                throw new InputException("setting '" + key + "' must be one of " + String.join(", ", keys) + " for "
                        + p.role() + " column '" + p.name() + "', got '" + s.key() + "'");
            }
            if (s == MissingStrategy.CONSTANT) {
                if (p.numericRole()) {
                    CleanerConfig.requireNumericConstant(config.missingConstant(), key);
                } else {
                    CleanerConfig.requireLevelConstant(config.missingConstant(), key);
                }
            }
        }
        // The per-type constant must fit too when some column of that kind uses it.
        for (FittedColumn p : plans) {
            if (p.numericRole() && config.missingStrategy(p.name(), true) == MissingStrategy.CONSTANT) {
                CleanerConfig.requireNumericConstant(config.missingConstant(), CleanerConfig.KEY_MISSING_NUMERIC);
            }
        }
    }

    private static void checkOutputNames(Table table, List<FittedColumn> plans, Set<String> dropped) {
        Set<String> names = new HashSet<>();
        for (FittedColumn p : plans) {
            names.add(p.name());
        }
        for (FittedColumn p : plans) {
            for (String added : new String[] {p.missingIndicator() ? p.missingIndicatorName() : null,
                p.outlierFlag() ? p.outlierFlagName() : null}) {
                if (added != null && (!names.add(added) || (table.hasColumn(added) && !dropped.contains(added)))) {
                    throw new InputException("the cleaner adds a column '" + added
                            + "' but the table already has a column of that name; rename it, or set "
                            + (added.endsWith("_missing") ? CleanerConfig.KEY_MISSING_INDICATORS + "=false"
                                    : CleanerConfig.KEY_OUTLIER_ACTION + " to another action"));
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    static String percent(long part, long whole) {
        double p = whole == 0 ? 0 : 100.0 * part / whole;
        String s = p == Math.rint(p) ? Long.toString((long) p) : String.format(Locale.ROOT, "%.1f", p);
        return s + "%";
    }
}
