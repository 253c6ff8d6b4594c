package org.example.segmentation.core.csv;

/**
 * Which character separates the integer and fraction parts of numbers in a CSV file.
 *
 * <p>Decimal comma is only possible when the delimiter is not {@code ,}; detection ({@link #AUTO}) only
 * considers it when the delimiter is {@code ;}. See {@link CsvReader} for the detection rule.
 */
public enum DecimalMark {
    /** Decimal comma when the delimiter is {@code ;} and the file's numbers say so; otherwise point. */
    AUTO,
    /** Decimal point: {@code 1234.56}. */
    POINT,
    /** Decimal comma: {@code 1234,56} (no thousands separators); needs a delimiter other than {@code ,}. */
    COMMA
}
