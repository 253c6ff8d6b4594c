package org.example.segmentation.core.csv;

/**
 * The CSV reader's number grammar (see the {@linkplain org.example.segmentation.core.csv package description}),
 * for steps that find numbers stored as text, such as the cleaner turning an almost-numeric text column
 * into a numeric one. Using the same grammar means a value is a number to the cleaner exactly when it is
 * one to the reader.
 */
public final class CsvNumbers {
    private CsvNumbers() {
    }

    /**
     * The finite number {@code text} holds with the given decimal mark, or {@code NaN} when it holds none:
     * not a number, {@code null}, or a number that is not finite ({@code Infinity}, {@code NaN}, {@code 1e999}).
     */
    public static double parseFinite(String text, boolean decimalComma) {
        if (text == null) {
            return Double.NaN;
        }
        double d = NumberSyntax.parse(text, decimalComma);
        return Double.isFinite(d) ? d : Double.NaN;
    }
}
