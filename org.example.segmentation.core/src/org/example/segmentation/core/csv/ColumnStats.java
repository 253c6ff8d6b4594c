package org.example.segmentation.core.csv;

import org.example.segmentation.core.table.ColumnType;

/**
 * What the first pass learns about one column, in memory bounded by the categorical level limit: counts of
 * missing and non-missing values, how many parse as numbers under each decimal mark, where the first
 * non-number is, and the distinct values as long as there are at most {@code maxLevels} of them.
 *
 * <p><b>Distinct values from the first non-number on.</b> The distinct values only matter for a column that is not
 * numeric, and most columns of a large file are numeric: looking up every number among the distinct values was a
 * sixth of reading. So the distinct values are collected from a part's first value that is not a number (under
 * either mark) on; the rows before it ({@link #deferredRows()}, per part after {@link #append}) are looked at again,
 * for their distinct values, only when the column turns out not numeric ({@link #addDeferred}).
 */
final class ColumnStats {
    /** Below this many non-missing values, distinctness says nothing about identifiers. */
    static final int MIN_VALUES_FOR_IDENTIFIER = 20;
    /** At least this share of distinct values makes a column an identifier or free text. */
    static final double IDENTIFIER_DISTINCT_SHARE = 0.9;
    /** At least this share of numbers (but not all) earns an almost-numeric warning. */
    static final double ALMOST_NUMERIC_SHARE = 0.9;

    final String name;
    private final int maxLevels;
    private final NumberSyntax.Scanner scanner = new NumberSyntax.Scanner();
    private int lastHash;
    private boolean hashed;
    int nonMissing;
    int missing;
    /** Values that are numbers with a decimal point (integers count for both marks). */
    int pointNumbers;
    /** Values that are numbers with a decimal comma. */
    int commaNumbers;
    /** Values like {@code 1.5}: numbers only with a decimal point. */
    int pointOnly;
    /** Values like {@code 1,5}: numbers only with a decimal comma. */
    int commaOnly;
    long firstNonPointLine = -1;
    String firstNonPointValue;
    long firstNonCommaLine = -1;
    String firstNonCommaValue;
    long firstPointOnlyLine = -1;
    String firstPointOnlyValue;
    long firstCommaOnlyLine = -1;
    String firstCommaOnlyValue;
    /** The distinct values; null once there are more than {@code maxLevels}. */
    private LevelIndex distinct = new LevelIndex();
    /** Whether the distinct values are being collected (from the part's first non-number on). */
    private boolean collecting;
    /** The rows of the part before its first non-number (while not {@link #collecting}: all rows so far). */
    private int deferred;
    /** Per part, joined in file order: its {@link #deferred} rows; null before the first {@link #append}. */
    private int[] deferredByPart;

    ColumnStats(String name, int maxLevels) {
        this.name = name;
        this.maxLevels = maxLevels;
    }

    /**
     * The {@link NumberSyntax} class of {@code value}; {@link #value()} is then the number it holds. Counts nothing:
     * {@link #add} or {@link #addMissing} counts the value.
     */
    int scan(CharSequence value) {
        return scanner.scan(value);
    }

    /**
     * Counts a non-missing value of the record that starts on {@code line}, whose {@link #scan} gave {@code syntax}.
     * The value may be a reusable view: it is copied into a string only when kept (a first offending value, a new
     * distinct value).
     */
    void add(CharSequence value, int syntax, long line) {
        if (!collecting) {
            if (syntax != NumberSyntax.NONE) {
                deferred++;
            } else {
                collecting = true;
            }
        }
        nonMissing++;
        if ((syntax & NumberSyntax.POINT) != 0) {
            pointNumbers++;
        } else if (firstNonPointLine < 0) {
            firstNonPointLine = line;
            firstNonPointValue = value.toString();
        }
        if ((syntax & NumberSyntax.COMMA) != 0) {
            commaNumbers++;
        } else if (firstNonCommaLine < 0) {
            firstNonCommaLine = line;
            firstNonCommaValue = value.toString();
        }
        if (syntax == NumberSyntax.POINT) {
            if (pointOnly++ == 0) {
                firstPointOnlyLine = line;
                firstPointOnlyValue = value.toString();
            }
        } else if (syntax == NumberSyntax.COMMA) {
            if (commaOnly++ == 0) {
                firstCommaOnlyLine = line;
                firstCommaOnlyValue = value.toString();
            }
        }
        hashed = false;
        if (collecting && distinct != null) {
            addDistinct(value);
        }
    }

    /**
     * Adds a non-missing value of the rows {@link #deferredRows()} gives to the distinct values: {@link CsvReader}
     * reads those rows again for a column that is not numeric.
     */
    void addDeferred(CharSequence value) {
        if (distinct != null) {
            addDistinct(value);
        }
    }

    /**
     * Per part of the file, how many of its first rows were not looked at for distinct values: the rows before the
     * part's first non-number. All zero when every value so far was collected.
     */
    int[] deferredRows() {
        return deferredByPart != null ? deferredByPart : new int[] {deferred};
    }

    /** Whether the column has values whose distinct values are not collected yet (and still could matter). */
    boolean distinctIncomplete() {
        if (distinct == null) {
            return false;
        }
        for (int d : deferredRows()) {
            if (d > 0) {
                return true;
            }
        }
        return false;
    }

    /** Adds a value to the distinct values; gives up beyond {@code maxLevels}. */
    private void addDistinct(CharSequence value) {
        int h = LevelIndex.hash(value);
        lastHash = h;
        hashed = true;
        if (distinct.find(value, h) < 0) {
            if (distinct.size() == maxLevels) {
                distinct = null;
            } else {
                distinct.add(value, h);
            }
        }
    }

    /** The {@link LevelIndex#hash} of the value last {@linkplain #add added}, or 0 when not {@link #hashed()}. */
    int hash() {
        return hashed ? lastHash : 0;
    }

    /** Whether the value last added was hashed (it is while the distinct values are counted). */
    boolean hashed() {
        return hashed;
    }

    /** The number the value last {@linkplain #scan scanned} holds (read with the separator it has), or NaN. */
    double value() {
        return scanner.value;
    }

    /**
     * Adds the counts of the same column in the part of the file that follows, whose lines are shifted by
     * {@code lineOffset}: as if this part's scan had gone on through the next part's rows.
     */
    void append(ColumnStats next, long lineOffset) {
        if (firstNonPointLine < 0 && next.firstNonPointLine >= 0) {
            firstNonPointLine = next.firstNonPointLine + lineOffset;
            firstNonPointValue = next.firstNonPointValue;
        }
        if (firstNonCommaLine < 0 && next.firstNonCommaLine >= 0) {
            firstNonCommaLine = next.firstNonCommaLine + lineOffset;
            firstNonCommaValue = next.firstNonCommaValue;
        }
        if (firstPointOnlyLine < 0 && next.firstPointOnlyLine >= 0) {
            firstPointOnlyLine = next.firstPointOnlyLine + lineOffset;
            firstPointOnlyValue = next.firstPointOnlyValue;
        }
        if (firstCommaOnlyLine < 0 && next.firstCommaOnlyLine >= 0) {
            firstCommaOnlyLine = next.firstCommaOnlyLine + lineOffset;
            firstCommaOnlyValue = next.firstCommaOnlyValue;
        }
        int[] mine = deferredRows();
        int[] theirs = next.deferredRows();
        deferredByPart = java.util.Arrays.copyOf(mine, mine.length + theirs.length);
        System.arraycopy(theirs, 0, deferredByPart, mine.length, theirs.length);
        nonMissing += next.nonMissing;
        missing += next.missing;
        pointNumbers += next.pointNumbers;
        commaNumbers += next.commaNumbers;
        pointOnly += next.pointOnly;
        commaOnly += next.commaOnly;
        if (distinct != null) {
            if (next.distinct == null) {
                distinct = null;
            } else {
                for (int i = 0; i < next.distinct.size() && distinct != null; i++) {
                    addDistinct(next.distinct.level(i));
                }
            }
        }
    }

    /** Counts a missing value. */
    void addMissing() {
        missing++;
        if (!collecting) {
            deferred++;
        }
    }

    /** Values that are not numbers under the given decimal mark. */
    int notNumbers(boolean decimalComma) {
        return nonMissing - (decimalComma ? commaNumbers : pointNumbers);
    }

    long firstNotNumberLine(boolean decimalComma) {
        return decimalComma ? firstNonCommaLine : firstNonPointLine;
    }

    String firstNotNumberValue(boolean decimalComma) {
        return decimalComma ? firstNonCommaValue : firstNonPointValue;
    }

    /** Whether more than {@code maxLevels} distinct values were seen. */
    boolean manyDistinct() {
        return distinct == null;
    }

    /** The number of distinct non-missing values; only meaningful when not {@link #manyDistinct()}. */
    int distinctCount() {
        return distinct == null ? maxLevels + 1 : distinct.size();
    }

    /** Infers the type from the counts (the rules are in the package description). */
    ColumnInference infer(boolean decimalComma) {
        int n = nonMissing;
        if (n == 0) {
            return new ColumnInference(name, ColumnType.TEXT, false, missing == 0 ? "no data rows"
                    : "every value is missing, so the type is unknown");
        }
        if (notNumbers(decimalComma) == 0) {
            return new ColumnInference(name, ColumnType.NUMERIC, false,
                    n == 1 ? "its only value is a number" : "all " + n + " values are numbers");
        }
        if (manyDistinct()) {
            return new ColumnInference(name, ColumnType.TEXT, false,
                    "more than " + maxLevels + " distinct values: an identifier or free text");
        }
        int d = distinct.size();
        if (n >= MIN_VALUES_FOR_IDENTIFIER && d >= IDENTIFIER_DISTINCT_SHARE * n) {
            return new ColumnInference(name, ColumnType.TEXT, false, d + " distinct values among " + n
                    + " (at least 90% distinct): an identifier or free text");
        }
        return new ColumnInference(name, ColumnType.CATEGORICAL, false, (d == 1 ? "1 distinct value" : d
                + " distinct values") + " among " + n + " (at most " + maxLevels + ")");
    }

    /** Whether at least 90% but not all of the non-missing values are numbers. */
    boolean almostNumeric(boolean decimalComma) {
        int bad = notNumbers(decimalComma);
        return bad > 0 && nonMissing - bad >= ALMOST_NUMERIC_SHARE * nonMissing;
    }
}
