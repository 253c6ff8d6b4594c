package org.example.segmentation.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.csv.CsvReadOptions;
import org.example.segmentation.core.csv.DecimalMark;
import org.example.segmentation.core.table.ColumnType;

import picocli.CommandLine.Option;

/** How to read an input CSV file: the options every command that reads one shares. */
final class CsvOptions {

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field delimiter: , ; tab | (default: detected from the file).")
    String delimiter;

    @Option(names = "--decimal", paramLabel = "MARK", defaultValue = "auto",
            description = "Decimal mark: point, comma or auto (comma is detected only with ';'). Default: ${DEFAULT-VALUE}.")
    String decimal;

    @Option(names = "--missing", paramLabel = "TOKENS", split = ",",
            description = "Values that mean missing, comma-separated (default: empty, NA, N/A, null, NaN, ?, -; "
                    + "case-insensitive).")
    List<String> missing;

    @Option(names = "--type", paramLabel = "COLUMN=TYPE",
            description = "Type of a column: numeric, categorical or text; overrides inference. Repeatable.")
    List<String> types = new ArrayList<>();

    @Option(names = "--max-levels", paramLabel = "N",
            description = "A non-numeric column with at most N distinct values is categorical (default: "
                    + CsvReadOptions.DEFAULT_MAX_CATEGORICAL_LEVELS + ").")
    Integer maxLevels;

    CsvReadOptions toReadOptions() {
        CsvReadOptions o = CsvReadOptions.defaults();
        if (delimiter != null) {
            o = o.withDelimiter(parseDelimiter(delimiter));
        }
        o = o.withDecimalMark(parseDecimal(decimal));
        if (missing != null) {
            o = o.withMissingTokens(missing);
        }
        Map<String, ColumnType> schema = new LinkedHashMap<>();
        for (String t : types) {
            int eq = t.lastIndexOf('=');
            if (eq <= 0) {
                throw new InputException("option --type: '" + t + "' must have the form COLUMN=TYPE");
            }
            try {
                schema.put(t.substring(0, eq), ColumnType.parse(t.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new InputException("option --type: " + e.getMessage());
            }
        }
        o = o.withSchema(schema);
        if (maxLevels != null) {
            o = o.withMaxCategoricalLevels(maxLevels);
        }
        return o;
    }

    static char parseDelimiter(String d) {
        switch (d.toLowerCase(Locale.ROOT)) {
            case "tab": case "\\t": case "\t":
                return '\t';
            default:
                if (d.length() != 1) {
                    throw new InputException("option --delimiter: '" + d
                            + "' must be one character, or 'tab'");
                }
                return d.charAt(0);
        }
    }

    private static DecimalMark parseDecimal(String d) {
        switch (d.toLowerCase(Locale.ROOT)) {
            case "auto":
                return DecimalMark.AUTO;
            case "point": case ".":
                return DecimalMark.POINT;
            case "comma": case ",":
                return DecimalMark.COMMA;
            default:
                throw new InputException("option --decimal: '" + d + "' must be point, comma or auto");
        }
    }
}
