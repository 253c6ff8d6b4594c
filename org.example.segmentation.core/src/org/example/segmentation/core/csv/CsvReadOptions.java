package org.example.segmentation.core.csv;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.table.ColumnType;

/**
 * How {@link CsvReader} reads a file. Immutable: every {@code with...} method returns a new options object.
 * The rules these settings steer are documented in the {@linkplain org.example.segmentation.core.csv package
 * description}.
 *
 * @param delimiter            the field delimiter, or {@code null} to detect it among {@code , ; TAB |}
 * @param decimalMark          decimal point, decimal comma, or detect ({@link DecimalMark#AUTO})
 * @param missingTokens        field values that mean "missing", matched after removing surrounding whitespace
 *                             and ignoring letter case; the empty string makes empty fields missing. Stored
 *                             trimmed, in the order given
 * @param schema               column name (exactly as in the header) to type; wins over inference. Every
 *                             name must be a column of the file
 * @param maxCategoricalLevels a non-numeric column with at most this many distinct values is categorical
 *                             (unless it looks like an identifier); with more it is text. 1..100000
 */
public record CsvReadOptions(Character delimiter, DecimalMark decimalMark, Set<String> missingTokens,
        Map<String, ColumnType> schema, int maxCategoricalLevels) {

    /** The default missing tokens: empty, {@code NA}, {@code N/A}, {@code null}, {@code NaN}, {@code ?}, {@code -}. */
    public static final Set<String> DEFAULT_MISSING_TOKENS = Collections
            .unmodifiableSet(new LinkedHashSet<>(Arrays.asList("", "NA", "N/A", "null", "NaN", "?", "-")));

    /** The default for {@link #maxCategoricalLevels()}. */
    public static final int DEFAULT_MAX_CATEGORICAL_LEVELS = 50;

    /** The largest allowed {@link #maxCategoricalLevels()}. */
    public static final int MAX_CATEGORICAL_LEVELS_LIMIT = 100_000;

    /**
     * Validates and normalises the options.
     *
     * @throws InputException naming the setting: a delimiter that is a quote, a line break, a letter or a
     *                        digit; a null token; a schema entry with a blank name or a null type;
     *                        {@code maxCategoricalLevels} outside 1..100000
     */
    public CsvReadOptions {
        if (delimiter != null) {
            char d = delimiter;
            if (d == '"' || d == '\r' || d == '\n' || Character.isLetterOrDigit(d)) {
                throw new InputException("CSV setting 'delimiter': " + describe(d)
                        + " cannot be a delimiter; use one of , ; tab | or leave it empty to detect it");
            }
        }
        Objects.requireNonNull(decimalMark, "decimalMark");
        Objects.requireNonNull(missingTokens, "missingTokens");
        Set<String> tokens = new LinkedHashSet<>();
        for (String t : missingTokens) {
            if (t == null) {
                throw new InputException("CSV setting 'missingTokens': a missing token must not be null");
            }
            tokens.add(t.trim());
        }
        missingTokens = Collections.unmodifiableSet(tokens);
        Objects.requireNonNull(schema, "schema");
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnType> e : schema.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new InputException("CSV setting 'schema': a column name must not be empty");
            }
            if (e.getValue() == null) {
                throw new InputException("CSV setting 'schema': column '" + e.getKey() + "' has no type");
            }
            types.put(e.getKey(), e.getValue());
        }
        schema = Collections.unmodifiableMap(types);
        if (maxCategoricalLevels < 1 || maxCategoricalLevels > MAX_CATEGORICAL_LEVELS_LIMIT) {
            throw new InputException("CSV setting 'maxCategoricalLevels': " + maxCategoricalLevels
                    + " is outside 1.." + MAX_CATEGORICAL_LEVELS_LIMIT);
        }
    }

    /**
     * Detect the delimiter, detect the decimal mark, the {@linkplain #DEFAULT_MISSING_TOKENS default missing
     * tokens}, no schema, at most {@value #DEFAULT_MAX_CATEGORICAL_LEVELS} categorical levels.
     */
    public static CsvReadOptions defaults() {
        return new CsvReadOptions(null, DecimalMark.AUTO, DEFAULT_MISSING_TOKENS, Map.of(),
                DEFAULT_MAX_CATEGORICAL_LEVELS);
    }

    /** These options with a fixed delimiter (no detection). */
    public CsvReadOptions withDelimiter(char newDelimiter) {
        return new CsvReadOptions(newDelimiter, decimalMark, missingTokens, schema, maxCategoricalLevels);
    }

    /** These options with the delimiter detected from the file. */
    public CsvReadOptions withDetectedDelimiter() {
        return new CsvReadOptions(null, decimalMark, missingTokens, schema, maxCategoricalLevels);
    }

    /** These options with the given decimal mark. */
    public CsvReadOptions withDecimalMark(DecimalMark newDecimalMark) {
        return new CsvReadOptions(delimiter, newDecimalMark, missingTokens, schema, maxCategoricalLevels);
    }

    /** These options with exactly the given missing tokens (include {@code ""} to keep empty fields missing). */
    public CsvReadOptions withMissingTokens(Collection<String> tokens) {
        return new CsvReadOptions(delimiter, decimalMark, new LinkedHashSet<>(tokens), schema,
                maxCategoricalLevels);
    }

    /** As {@link #withMissingTokens(Collection)}. */
    public CsvReadOptions withMissingTokens(String... tokens) {
        return withMissingTokens(Arrays.asList(tokens));
    }

    /** These options with the given schema, replacing the current one. */
    public CsvReadOptions withSchema(Map<String, ColumnType> newSchema) {
        return new CsvReadOptions(delimiter, decimalMark, missingTokens, newSchema, maxCategoricalLevels);
    }

    /** These options with one more schema entry (replacing an entry for the same column). */
    public CsvReadOptions withColumnType(String column, ColumnType type) {
        Map<String, ColumnType> s = new LinkedHashMap<>(schema);
        s.put(column, type);
        return withSchema(s);
    }

    /** These options with another bound on categorical levels. */
    public CsvReadOptions withMaxCategoricalLevels(int levels) {
        return new CsvReadOptions(delimiter, decimalMark, missingTokens, schema, levels);
    }

    /** A delimiter as people read it: {@code ','}, {@code tab}. */
    static String describe(char c) {
        switch (c) {
            case '\t':
                return "tab";
            case '\r':
                return "carriage return";
            case '\n':
                return "line feed";
            case ' ':
                return "space";
            default:
                return "'" + c + "'";
        }
    }
}
