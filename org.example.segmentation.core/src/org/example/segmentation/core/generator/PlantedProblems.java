package org.example.segmentation.core.generator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-quality problems planted in a generated table, with their exact counts for one configuration.
 * The counts are exact (not expected values): {@code PlantedProblems.of(config)} states what
 * {@code CustomerGenerator.generate(config, ...)} contains, cell for cell.
 *
 * <p>The problems, each a share of the table's rows rounded to the nearest whole row:
 * <ul>
 * <li><b>missing values</b> ({@link #MISSING_SHARES}): empty cells in eight named columns;</li>
 * <li><b>invalid text in a numeric column</b>: {@value #INVALID_TEXT_SHARE} of the rows hold
 * {@code unknown} or {@code #VALUE!} in {@code monthly_income} (alternating; {@code unknown} gets the odd
 * one). Neither is a CSV missing token, so a reader sees a mostly-numeric column with some text. For this
 * reason {@code monthly_income} is a text column of formatted numbers in the generated table;</li>
 * <li><b>outliers</b>: {@value #OUTLIER_SHARE} of the rows each in {@code monthly_income} (the true value
 * times 1000: three extra zeros, 400,000 and more, while true incomes are at most 60,000) and in
 * {@code balance} (log-uniform from 50 to 500 million, while true balances are at most 5 million). Any
 * value above {@link #OUTLIER_THRESHOLDS} is a planted outlier and every planted outlier is above it;</li>
 * <li><b>exact duplicate rows</b>: {@code floor(rows / 200)} rows (0.5%) are full copies, identifier
 * included, of an earlier row. A duplicate copies a row that carries no other planted problem, so the counts
 * above hold for the whole table. The duplicates sit one in each block of about 200 rows;</li>
 * <li><b>a constant column</b>: {@code currency} is {@value #CONSTANT_VALUE} in every row;</li>
 * <li><b>a mostly-missing column</b>: {@code secondary_phone_type} is missing in {@value #MOSTLY_MISSING_SHARE}
 * of the rows (rounded), duplicates included.</li>
 * </ul>
 * The first row (customer {@code C0000001} in snapshot 1) never carries a planted problem. Truth columns and
 * the planted-drift features never carry one. Snapshot 2 has the same kinds and shares of problems, placed
 * independently.
 *
 * @param rows            rows of the generated table
 * @param duplicateRows   rows that are exact copies of an earlier row
 * @param missing         exact missing count per column, in table order (columns without planted missing
 *                        values are absent and have none)
 * @param invalidText     exact count per invalid token in {@code monthly_income}
 * @param outliers        exact outlier count per column
 */
public record PlantedProblems(int rows, int duplicateRows, Map<String, Integer> missing,
        Map<String, Integer> invalidText, Map<String, Integer> outliers) {

    /** Share of rows with a missing value, per column, in table order. */
    public static final Map<String, Double> MISSING_SHARES;

    static {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(CustomerColumns.AGE, 0.02);
        m.put(CustomerColumns.GENDER, 0.01);
        m.put(CustomerColumns.REGION, 0.015);
        m.put(CustomerColumns.MONTHLY_INCOME, 0.03);
        m.put(CustomerColumns.TENURE_MONTHS, 0.01);
        m.put(CustomerColumns.BALANCE, 0.02);
        m.put(CustomerColumns.EMAIL_OPEN_RATE, 0.04);
        m.put(CustomerColumns.PREFERRED_CHANNEL, 0.03);
        MISSING_SHARES = Collections.unmodifiableMap(m);
    }

    /** Share of rows holding invalid text in {@code monthly_income}. */
    public static final double INVALID_TEXT_SHARE = 0.01;
    /** The invalid text planted in {@code monthly_income}; none of them is a CSV missing token. */
    public static final List<String> INVALID_TEXT_TOKENS = List.of("unknown", "#VALUE!");
    /** Share of rows with a planted outlier, in each of {@code monthly_income} and {@code balance}. */
    public static final double OUTLIER_SHARE = 0.001;
    /** Values above these are planted outliers (true values never exceed them). */
    public static final Map<String, Double> OUTLIER_THRESHOLDS = Map.of(CustomerColumns.MONTHLY_INCOME, 100_000.0,
            CustomerColumns.BALANCE, 10_000_000.0);
    /** Share of duplicate rows: one row in 200. */
    public static final double DUPLICATE_SHARE = 0.005;
    /** The value of the constant column {@code currency}. */
    public static final String CONSTANT_VALUE = "EUR";
    /** Share of rows where {@code secondary_phone_type} is missing. */
    public static final double MOSTLY_MISSING_SHARE = 0.85;

    public PlantedProblems {
        missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
        invalidText = Collections.unmodifiableMap(new LinkedHashMap<>(invalidText));
        outliers = Collections.unmodifiableMap(new LinkedHashMap<>(outliers));
    }

    /** The exact problems in the table {@code config} generates (none when it plants none). */
    public static PlantedProblems of(GeneratorConfig config) {
        RowLayout layout = RowLayout.counts(config);
        if (!config.plantProblems()) {
            return new PlantedProblems(layout.rows(), 0, Map.of(), Map.of(), Map.of());
        }
        return ProblemPlacement.counts(layout);
    }

    /** The exact number of missing values planted in {@code column} (0 for other columns). */
    public int missingIn(String column) {
        return missing.getOrDefault(column, 0);
    }

    /** The exact number of planted outliers in {@code column} (0 for other columns). */
    public int outliersIn(String column) {
        return outliers.getOrDefault(column, 0);
    }

    /** The number of cells of {@code monthly_income} holding invalid text. */
    public int invalidTextTotal() {
        int n = 0;
        for (int v : invalidText.values()) {
            n += v;
        }
        return n;
    }
}
