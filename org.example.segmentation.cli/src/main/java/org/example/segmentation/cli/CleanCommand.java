package org.example.segmentation.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.example.segmentation.core.cleaning.Cleaner;
import org.example.segmentation.core.cleaning.CleanerConfig;
import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.cleaning.CleaningReport;
import org.example.segmentation.core.cleaning.CleaningResult;
import org.example.segmentation.core.cleaning.RowsRemoved;
import org.example.segmentation.core.csv.CsvReadResult;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.io.OutputDirectory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code segment clean}: fits the cleaning on a CSV file (or applies a saved cleaning model to one) and writes
 * the cleaned table, the model and the reports into an output directory, all together or not at all.
 */
@Command(name = "clean", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cleans a customer table: identifiers, invalid values, dropped columns, duplicates, outliers, "
                + "missing values, rare levels and scaling, in that order (see docs/cleaning.md).",
                "Without --model: fits the cleaning and writes " + CleanCommand.CLEANED + ", "
                        + CleaningModel.FILE_NAME + ", " + CleanCommand.REPORT + " and " + CleanCommand.ROWS_REMOVED
                        + " into DIR.",
                "With --model: applies a saved model unchanged (next month's customers on the same scale) and writes "
                        + "the same files but the model."},
        footer = {"", "Settings: --set KEY=VALUE (repeatable) or --config FILE, for example --set scaling=robust; "
                + "every key with its default and allowed values is in docs/cleaning.md",
                "Exit codes: 0 success, 1 bad input or failed run (one line on stderr), 2 usage error."})
final class CleanCommand implements Callable<Integer> {
    static final String CLEANED = "cleaned.csv";
    static final String REPORT = "cleaning_report.csv";
    static final String ROWS_REMOVED = "cleaning_rows_removed.csv";

    @ParentCommand
    private SegmentCli parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The customer table (CSV).")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (created; its files are replaced all together or not at all).")
    private Path out;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Apply the cleaning model saved in DIR (its " + CleaningModel.FILE_NAME
                    + ", or the model file itself) instead of fitting one.")
    private Path model;

    @Mixin
    private SettingsOptions settings;

    @Mixin
    private CsvOptions csv;

    @Override
    public Integer call() throws Exception {
        boolean apply = model != null;
        if (apply && (!settings.set.isEmpty() || settings.config != null)) {
            throw new ParameterException(spec.commandLine(), "--set and --config cannot be used with --model: a "
                    + "saved model is applied with the settings it was fitted with");
        }
        // Settings and model first: a bad setting fails before the file is read.
        CleanerConfig config = apply ? null : CleanerConfig.fromSettings(settings.toSettings());
        CleaningModel loaded = apply ? CleaningModel.load(modelFile(model)) : null;

        CleaningResult result;
        CsvReadResult read;
        try (TerminalProgress progress = parent.progress()) {
            read = CsvReader.read(input, csv.toReadOptions(), progress.range(0, 0.4));
            result = apply ? loaded.apply(read.table(), progress.range(0.4, 0.8))
                    : Cleaner.fit(read.table(), config, progress.range(0.4, 0.8));
            try (OutputDirectory dir = OutputDirectory.open(out)) {
                CsvWriter writer = CsvWriter.defaults();
                writer.write(result.table(), dir.file(CLEANED), progress.range(0.8, 0.97));
                if (!apply) {
                    result.model().save(dir.file(CleaningModel.FILE_NAME));
                }
                writer.write(result.report().toTable(), dir.file(REPORT));
                writer.write(result.report().rowsRemovedTable(), dir.file(ROWS_REMOVED));
                dir.commit();
                printSummary(parent.out(), result, apply, dir.fileNames());
            }
        }
        printWarnings(read, result);
        return 0;
    }

    /**
     * The reader's warnings, after a successful run only (a failed run prints one line). Left out: warnings about
     * a column the cleaner read as numbers (the report shows what became of its text) and about pseudonymised
     * columns (a warning may quote a value, and their values are never shown).
     */
    private void printWarnings(CsvReadResult read, CleaningResult result) {
        List<String> quiet = new ArrayList<>(result.model().config().pseudonymiseColumns());
        result.report().columns().stream()
                .filter(c -> !c.typeIn().isEmpty() && !c.typeIn().equals(c.typeOut()) && c.typeOut().equals("numeric"))
                .forEach(c -> quiet.add(c.feature()));
        for (String w : read.warnings()) {
            if (quiet.stream().noneMatch(c -> w.contains("'" + c + "'"))) {
                parent.err().println("segment: warning: " + w);
            }
        }
        parent.err().flush();
    }

    /** A directory holding the model file, or the model file itself. */
    private static Path modelFile(Path given) {
        return Files.isDirectory(given) ? given.resolve(CleaningModel.FILE_NAME) : given;
    }

    private void printSummary(PrintWriter w, CleaningResult r, boolean apply, List<String> files) {
        CleaningReport rep = r.report();
        CleaningModel m = r.model();
        CleanerConfig c = m.config();
        w.println(apply ? "clean: applied " + modelFile(model) + " to " + input : "clean: fitted on " + input);
        List<String> removed = new ArrayList<>();
        for (RowsRemoved rr : rep.rowsRemoved()) {
            removed.add(rr.rows() + " " + rr.reason().replace('_', ' ') + (rr.feature().isEmpty() ? ""
                    : " in '" + rr.feature() + "'"));
        }
        w.println("rows: " + rep.rowsIn() + " in, " + rep.rowsOut() + " out"
                + (removed.isEmpty() ? "" : " (removed: " + String.join(", ", removed) + ")"));
        long passed = rep.columns().stream().filter(x -> x.role().equals("passed_through")).count();
        w.println("columns: " + m.identifierColumns().size() + " identifier, " + m.numericFeatures().size()
                + " numeric and " + m.categoricalFeatures().size() + " categorical features, "
                + m.indicatorColumns().size() + " indicators" + (passed > 0 ? ", " + passed + " passed through" : ""));
        Map<String, String> dropped = m.droppedColumns();
        if (!dropped.isEmpty()) {
            List<String> d = new ArrayList<>();
            dropped.forEach((name, why) -> d.add("'" + name + "' (" + why + ")"));
            w.println("dropped: " + String.join(", ", d));
        }
        w.println("values: " + rep.invalid() + " invalid, " + rep.outliers() + " outliers ("
                + c.outlierMethod().key() + ", " + c.outlierAction().key() + "), " + rep.imputed() + " imputed, "
                + rep.valuesGrouped() + " grouped into " + CleanerConfig.OTHER + ", " + rep.unseen()
                + " unseen levels");
        w.println("scaling: " + c.scaling().key());
        w.println("wrote " + out + ": " + String.join(", ", files));
        w.flush();
    }
}
