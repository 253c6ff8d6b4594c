package org.example.segmentation.core.selection;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/**
 * Why every column of the fitted table was kept or dropped: one {@link Row} per column, in table order.
 *
 * <p>{@link #toTable()} gives the report as a table with these columns (stable names, written by the command line
 * as {@code selection_report.csv}): {@code feature}, {@code type}, {@code status}, {@code rule}, {@code value},
 * {@code other_feature}, {@code rank}, {@code score}, {@code missing_share}, {@code scaled_variance},
 * {@code dominant_share}; a number that does not apply is missing.
 */
public final class SelectionReport {

    /** What happened to a column. */
    public enum Status {
        /** A selected feature. */
        KEPT,
        /** Not a feature of the output: not a candidate, or a candidate a rule dropped. */
        DROPPED,
        /** An identifier column, passed through to the output. */
        IDENTIFIER;

        /** {@code kept}, {@code dropped} or {@code identifier}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The rule that decided, in the order the selector applies them; {@link Row#value()} is the number behind it.
     */
    public enum Rule {
        /** An identifier column (setting {@code id.columns}, or a text column when that is empty); no value. */
        IDENTIFIER,
        /** The target column of supervised mode; no value. */
        TARGET,
        /** A text column that is not an identifier: text is never a feature; no value. */
        TEXT,
        /** Not a candidate: in {@code exclude}, or not in a non-empty {@code include}; no value. */
        EXCLUDED,
        /** Share of missing values above {@code max_missing_share}, or no value at all; value = the share. */
        MISSING,
        /** Numeric, variance rescaled to [0,1] at most {@code min_variance}; value = that variance. */
        NEAR_ZERO_VARIANCE,
        /** Categorical, most frequent level's share above {@code max_dominant_share} or one level; value = share. */
        DOMINANT_LEVEL,
        /** Numeric, |correlation| with the kept {@link Row#otherFeature()} above the threshold; value = r. */
        CORRELATED_WITH,
        /** Categorical, Cramér's V with the kept {@link Row#otherFeature()} above the threshold; value = V. */
        CRAMERS_V_WITH,
        /** Ranked by contribution to the principal components; value = score. Kept or dropped by rank. */
        PCA_RANK,
        /** Ranked against the target; value = score. Kept or dropped by rank (or by CFS). */
        TARGET_RANK;

        /** The snake_case name used in reports: {@code near_zero_variance}, {@code cramers_v_with}, ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One column's line of the report.
     *
     * @param feature        the column name
     * @param type           its type in the fitted table
     * @param status         kept, dropped or identifier
     * @param rule           the rule that dropped it, or ranked it; {@code null} for a kept feature without ranking
     * @param value          the number behind the rule, or {@code NaN}
     * @param otherFeature   the kept partner of a redundant pair, else {@code null}
     * @param rank           1 = best, for ranked features; 0 when not ranked
     * @param score          the ranking score (higher is better), or {@code NaN} when not ranked
     * @param missingShare   share of missing or non-finite values, for candidates; else {@code NaN}
     * @param scaledVariance numeric candidates: sample variance after rescaling to [0,1] by min and max; else NaN
     * @param dominantShare  categorical candidates: share of the most frequent level among values; else NaN
     */
    public record Row(String feature, ColumnType type, Status status, Rule rule, double value, String otherFeature,
            int rank, double score, double missingShare, double scaledVariance, double dominantShare) {

        public Row {
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(status, "status");
        }
    }

    private final List<Row> rows;

    SelectionReport(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Every column of the fitted table, in table order. */
    public List<Row> rows() {
        return rows;
    }

    /** The row of the named column, if the fitted table had it. */
    public Optional<Row> row(String feature) {
        for (Row r : rows) {
            if (r.feature().equals(feature)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The rows with the given status, in table order. */
    public List<Row> rows(Status status) {
        return rows.stream().filter(r -> r.status() == status).toList();
    }

    /** The report as a table, one row per column of the fitted table, with the columns of the class comment. */
    public Table toTable() {
        int n = rows.size();
        String[] feature = new String[n];
        String[] type = new String[n];
        String[] status = new String[n];
        String[] rule = new String[n];
        double[] value = new double[n];
        String[] other = new String[n];
        double[] rank = new double[n];
        double[] score = new double[n];
        double[] missing = new double[n];
        double[] variance = new double[n];
        double[] dominant = new double[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            feature[i] = r.feature();
            type[i] = r.type().key();
            status[i] = r.status().key();
            rule[i] = r.rule() == null ? null : r.rule().key();
            value[i] = r.value();
            other[i] = r.otherFeature();
            rank[i] = r.rank() == 0 ? Double.NaN : r.rank();
            score[i] = r.score();
            missing[i] = r.missingShare();
            variance[i] = r.scaledVariance();
            dominant[i] = r.dominantShare();
        }
        return Table.of(TextColumn.of("feature", feature), CategoricalColumn.of("type", type),
                CategoricalColumn.of("status", status), CategoricalColumn.of("rule", rule),
                NumericColumn.of("value", value), TextColumn.of("other_feature", other), NumericColumn.of("rank", rank),
                NumericColumn.of("score", score), NumericColumn.of("missing_share", missing),
                NumericColumn.of("scaled_variance", variance), NumericColumn.of("dominant_share", dominant));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SelectionReport r && r.rows.equals(rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    @Override
    public String toString() {
        return "SelectionReport[" + rows.size() + " columns, " + rows(Status.KEPT).size() + " kept]";
    }
}
