package org.example.segmentation.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.example.segmentation.core.csv.ColumnInference;
import org.example.segmentation.core.csv.CsvReadResult;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.table.ColumnSummary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code segment inspect FILE}: schema, inferred types, missing values and a summary per column. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Reads a CSV file and shows how it was read: delimiter, the type of every column and why, "
                + "missing values, a summary per column, and warnings.",
                "Exit codes: 0 read, 1 the file cannot be read (the reason names file, line and column), 2 usage."})
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    private SegmentCli parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file (header row required).")
    private Path file;

    @Mixin
    private CsvOptions csv;

    @Option(names = "--json", description = "Print the result as JSON instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        CsvReadResult result;
        try (TerminalProgress progress = parent.progress()) {
            result = CsvReader.read(file, csv.toReadOptions(), progress);
        }
        PrintWriter out = parent.out();
        if (json) {
            printJson(result, out);
        } else {
            printText(file, result, out);
        }
        return 0;
    }

    /** Prints how {@code file} was read, as {@code segment inspect} does. */
    static void printText(Path file, CsvReadResult r, PrintWriter out) {
        out.println("file: " + file);
        out.println("rows: " + r.rowCount() + ", columns: " + r.table().columnCount() + ", delimiter: "
                + describeDelimiter(r.delimiter()) + ", decimal mark: " + (r.decimalComma() ? "comma" : "point"));
        out.println();
        TextTable t = new TextTable(List.of("column", "type", "count", "missing", "distinct", "min", "mean", "max",
                "std", "top levels / why"), false, false, true, true, true, true, true, true, true, false);
        List<ColumnSummary> summaries = r.table().summary();
        for (int i = 0; i < summaries.size(); i++) {
            ColumnSummary s = summaries.get(i);
            ColumnInference inf = r.columns().get(i);
            String note = switch (s.type()) {
                case CATEGORICAL -> topLevels(s.levelCounts(), 3);
                default -> inf.reason();
            };
            t.add(List.of(s.name(), s.type().key() + (inf.fromSchema() ? "*" : ""), Integer.toString(s.count()),
                    s.missing() + " (" + percent(s.missingShare()) + ")", Integer.toString(s.distinct()),
                    num(s.min()), num(s.mean()), num(s.max()), num(s.std()), note));
        }
        t.print(out);
        if (r.columns().stream().anyMatch(ColumnInference::fromSchema)) {
            out.println("* type set with --type");
        }
        if (!r.warnings().isEmpty()) {
            out.println();
            out.println("warnings:");
            for (String w : r.warnings()) {
                out.println("- " + w);
            }
        }
        out.flush();
    }

    private void printJson(CsvReadResult r, PrintWriter out) throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", file.toString());
        root.put("rows", r.rowCount());
        root.put("delimiter", String.valueOf(r.delimiter()));
        root.put("decimal_comma", r.decimalComma());
        List<Map<String, Object>> columns = new ArrayList<>();
        List<ColumnSummary> summaries = r.table().summary();
        for (int i = 0; i < summaries.size(); i++) {
            ColumnSummary s = summaries.get(i);
            ColumnInference inf = r.columns().get(i);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", s.name());
            c.put("type", s.type().key());
            c.put("type_from", inf.fromSchema() ? "schema" : "inferred");
            c.put("why", inf.reason());
            c.put("count", s.count());
            c.put("missing", s.missing());
            c.put("distinct", s.distinct());
            switch (s.type()) {
                case NUMERIC -> {
                    c.put("non_finite", s.nonFinite());
                    c.put("min", finiteOrNull(s.min()));
                    c.put("mean", finiteOrNull(s.mean()));
                    c.put("max", finiteOrNull(s.max()));
                    c.put("std", finiteOrNull(s.std()));
                }
                case CATEGORICAL -> c.put("levels", s.levelCounts());
                default -> {
                }
            }
            columns.add(c);
        }
        root.put("columns", columns);
        root.put("warnings", r.warnings());
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        out.flush();
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String topLevels(Map<String, Integer> counts, int n) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, entries.size()); i++) {
            sb.append(i == 0 ? "" : ", ").append(entries.get(i).getKey()).append(" (")
                    .append(entries.get(i).getValue()).append(')');
        }
        if (entries.size() > n) {
            sb.append(", ...");
        }
        return sb.toString();
    }

    static String describeDelimiter(char d) {
        return d == '\t' ? "tab" : "'" + d + "'";
    }

    static String percent(double share) {
        return new BigDecimal(share * 100).round(new MathContext(2)).stripTrailingZeros().toPlainString() + "%";
    }

    /** Five significant digits, plain notation; empty for NaN. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(5)).stripTrailingZeros().toPlainString();
    }
}
