package org.example.segmentation.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.example.segmentation.core.csv.CsvReadResult;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.io.OutputDirectory;
import org.example.segmentation.core.selection.FeatureSelection;
import org.example.segmentation.core.selection.FeatureSelector;
import org.example.segmentation.core.selection.SelectionReport;
import org.example.segmentation.core.selection.SelectorConfig;
import org.example.segmentation.core.table.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code segment select}: fits a feature selection on a CSV file (or applies a saved one) and writes the table of
 * identifiers and selected features, the selection and its report into an output directory, all together or not
 * at all.
 */
@Command(name = "select", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Selects the features a segmentation should use: drops columns with too many missing values, "
                + "near-constant columns and one of each redundant pair, then ranks (by principal components, or "
                + "against a target such as a past campaign's conversion) when a maximum is set "
                + "(see docs/feature-selection.md).",
                "Without --model: fits the selection and writes " + SelectCommand.SELECTED + ", "
                        + FeatureSelection.FILE_NAME + " and " + SelectCommand.REPORT + " into DIR.",
                "With --model: applies a saved selection unchanged (next month's table gets the same columns) and "
                        + "writes " + SelectCommand.SELECTED + "."},
        footer = {"", "Settings: --set KEY=VALUE (repeatable) or --config FILE, for example --set max_features=10 "
                + "or --set target=converted; every key with its default is in docs/feature-selection.md",
                "Exit codes: 0 success, 1 bad input or failed run (one line on stderr), 2 usage error."})
final class SelectCommand implements Callable<Integer> {
    static final String SELECTED = "selected.csv";
    static final String REPORT = "selection_report.csv";

    @ParentCommand
    private SegmentCli parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The customer table (CSV), typically the output of segment clean.")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (created; its files are replaced all together or not at all).")
    private Path out;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Apply the selection saved in DIR (its " + FeatureSelection.FILE_NAME
                    + ", or the file itself) instead of fitting one.")
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
                    + "saved selection is applied as it was fitted");
        }
        // Settings and model first: a bad setting fails before the file is read.
        SelectorConfig config = apply ? null : SelectorConfig.fromSettings(settings.toSettings());
        FeatureSelection loaded = apply ? FeatureSelection.load(modelFile(model)) : null;

        CsvReadResult read;
        FeatureSelection selection;
        try (TerminalProgress progress = parent.progress()) {
            read = CsvReader.read(input, csv.toReadOptions(), progress.range(0, 0.3));
            selection = apply ? loaded : FeatureSelector.fit(read.table(), config, progress.range(0.3, 0.85));
            Table selected = selection.apply(read.table());
            try (OutputDirectory dir = OutputDirectory.open(out)) {
                CsvWriter writer = CsvWriter.defaults();
                writer.write(selected, dir.file(SELECTED), progress.range(0.85, 1));
                if (!apply) {
                    selection.save(dir.file(FeatureSelection.FILE_NAME));
                    writer.write(selection.report().toTable(), dir.file(REPORT));
                }
                dir.commit();
                printSummary(parent.out(), selection, selected, apply, dir.fileNames());
            }
        }
        for (String w : read.warnings()) {
            parent.err().println("segment: warning: " + w);
        }
        parent.err().flush();
        return 0;
    }

    /** A directory holding the selection file, or the file itself. */
    private static Path modelFile(Path given) {
        return Files.isDirectory(given) ? given.resolve(FeatureSelection.FILE_NAME) : given;
    }

    private void printSummary(PrintWriter w, FeatureSelection s, Table selected, boolean apply, List<String> files) {
        w.println(apply ? "select: applied " + modelFile(model) + " to " + input : "select: fitted on " + input);
        w.println("rows: " + selected.rowCount() + "; identifiers: "
                + (s.idColumns().isEmpty() ? "none" : String.join(", ", s.idColumns())));
        List<SelectionReport.Row> candidates = new ArrayList<>();
        for (SelectionReport.Row r : s.report().rows()) {
            boolean notCandidate = r.status() == SelectionReport.Status.IDENTIFIER
                    || r.rule() == SelectionReport.Rule.TARGET || r.rule() == SelectionReport.Rule.TEXT
                    || r.rule() == SelectionReport.Rule.EXCLUDED;
            if (!notCandidate) {
                candidates.add(r);
            }
        }
        w.println("features: " + s.features().size() + " selected of " + candidates.size() + " candidates"
                + (s.config().supervised() ? ", ranked against target '" + s.config().target() + "'" : "")
                + (s.features().isEmpty() ? "" : ": " + String.join(", ", s.featureNames())));
        if (!apply && !s.report().rows().isEmpty()) {
            w.println();
            TextTable t = new TextTable(List.of("feature", "type", "status", "rule", "value", "other_feature", "rank",
                    "score"), false, false, false, false, true, false, true, true);
            for (SelectionReport.Row r : s.report().rows()) {
                t.add(List.of(r.feature(), r.type().key(), r.status().key(), r.rule() == null ? "" : r.rule().key(),
                        InspectCommand.num(r.value()), r.otherFeature() == null ? "" : r.otherFeature(),
                        r.rank() == 0 ? "" : Integer.toString(r.rank()), InspectCommand.num(r.score())));
            }
            t.print(w);
            w.println();
        }
        w.println("wrote " + out + ": " + String.join(", ", files));
        w.flush();
    }
}
