package org.example.segmentation.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.csv.CsvReadResult;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.io.OutputDirectory;
import org.example.segmentation.core.scoring.ProfileScorer;
import org.example.segmentation.core.scoring.ScoringConfig;
import org.example.segmentation.core.scoring.ScoringModel;
import org.example.segmentation.core.scoring.ScoringPipeline;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code segment score}: fits the profile scoring on a month and scores it, or scores new customers end to end with
 * saved models (cleaning, segmentation, scoring), streamed in chunks in constant memory.
 */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scores customers (see docs/scoring.md): a 0-100 digital profile score with the points of every "
                + "indicator and the top three contributors, capability and trust scores and the digital archetype "
                + "(with margin and borderline flag), first and second channel under consent rules, lifecycle stage, "
                + "engagement level, product depth and whether a third-party-data offer is allowed.",
                "Without --model: fits the scoring on the input (the raw month, as read) and writes "
                        + ScoreCommand.SCORED + " and " + ScoringModel.FILE_NAME + " into DIR.",
                "With --model: scores the input with the saved scoring model, after --cleaning-model and "
                        + "--segmentation-model when given (segment columns, out_of_range for customers beyond the "
                        + "training 99th percentile distance), streamed in chunks; writes " + ScoreCommand.SCORED
                        + "."},
        footer = {"", "Settings (fit only): --set KEY=VALUE (repeatable) or --config FILE, for example "
                + "--set score.weight.app_logins_30d=30 or --set archetype.borderline_margin=3; every key with its "
                + "default is in docs/scoring.md.",
                "Exit codes: 0 success, 1 bad input or failed run (one line on stderr), 2 usage error."})
final class ScoreCommand implements Callable<Integer> {
    static final String SCORED = "scored.csv";

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private SegmentCli parent;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The customers (CSV) as read, not scaled: consents 0/1, months, product counts.")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (created; its files are replaced all together or not at all).")
    private Path out;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Score with this saved scoring model (its directory or " + ScoringModel.FILE_NAME
                    + ") instead of fitting one.")
    private Path model;

    @Option(names = "--cleaning-model", paramLabel = "FILE",
            description = "A saved cleaning model (directory or " + CleaningModel.FILE_NAME + ") that prepares the rows "
                    + "for --segmentation-model.")
    private Path cleaningModel;

    @Option(names = "--segmentation-model", paramLabel = "FILE",
            description = "A saved segmentation model (directory or " + SegmentationModel.FILE_NAME + "): adds the "
                    + "segment columns and out_of_range.")
    private Path segmentationModel;

    @Option(names = "--chunk-rows", paramLabel = "N", defaultValue = "65536",
            description = "Rows per chunk when scoring with --model (memory grows with it). Default: ${DEFAULT-VALUE}.")
    private int chunkRows;

    @Mixin
    private SettingsOptions settings;

    @Mixin
    private CsvOptions csv;

    @Override
    public Integer call() {
        boolean apply = model != null;
        if (apply && (!settings.set.isEmpty() || settings.config != null)) {
            throw new ParameterException(spec.commandLine(), "--set and --config cannot be used with --model: a "
                    + "saved model scores with the settings it was fitted with");
        }
        if (chunkRows < 1) {
            throw new ParameterException(spec.commandLine(), "--chunk-rows must be at least 1, got " + chunkRows);
        }
        // Settings and models first: a bad setting or model fails before the file is read.
        ScoringConfig config = apply ? null : ScoringConfig.fromSettings(settings.toSettings());
        ScoringModel scoring = apply ? ScoringModel.load(file(model, ScoringModel.FILE_NAME)) : null;
        CleaningModel cleaning = cleaningModel == null ? null
                : CleaningModel.load(file(cleaningModel, CleaningModel.FILE_NAME));
        SegmentationModel segmentation = segmentationModel == null ? null
                : SegmentationModel.load(file(segmentationModel, SegmentationModel.FILE_NAME));
        if (cleaning != null && segmentation == null) {
            throw new ParameterException(spec.commandLine(), "--cleaning-model needs --segmentation-model: the "
                    + "cleaning only prepares rows for the segmentation; scoring reads the raw rows");
        }
        List<String> warnings;
        try (TerminalProgress progress = parent.progress(); OutputDirectory dir = OutputDirectory.open(out)) {
            if (apply) {
                ScoringPipeline pipeline = new ScoringPipeline(cleaning, segmentation, scoring);
                ScoringPipeline.Summary s = pipeline.scoreCsv(input, csv.toReadOptions(), dir.file(SCORED), chunkRows,
                        progress);
                dir.commit();
                warnings = s.warnings();
                PrintWriter w = parent.out();
                w.println("score: scored " + input + " with " + file(model, ScoringModel.FILE_NAME) + " (" + s.rows()
                        + " rows in " + s.chunks() + (s.chunks() == 1 ? " chunk" : " chunks") + ")");
                printCounts(w, s.rows(), s.insufficientData(), segmentation == null ? -1 : s.outOfRange());
                w.println("wrote " + out + ": " + String.join(", ", dir.fileNames()));
                w.flush();
            } else {
                CsvReadResult read = CsvReader.read(input, csv.toReadOptions(), progress.range(0, 0.3));
                warnings = read.warnings();
                ScoringModel fitted = ProfileScorer.fit(read.table(), config, progress.range(0.3, 0.5));
                ScoringPipeline pipeline = new ScoringPipeline(cleaning, segmentation, fitted);
                Table scored = pipeline.score(read.table(), progress.range(0.5, 0.9));
                CsvWriter.defaults().write(scored, dir.file(SCORED), progress.range(0.9, 1));
                fitted.save(dir.file(ScoringModel.FILE_NAME));
                dir.commit();
                printFit(parent.out(), read.table(), scored, fitted, segmentation != null, dir.fileNames());
            }
        }
        List<String> quiet = cleaning == null ? List.of() : cleaning.config().pseudonymiseColumns();
        for (String w : warnings) {
            if (quiet.stream().noneMatch(c -> w.contains("'" + c + "'"))) {
                parent.err().println("segment: warning: " + w);
            }
        }
        parent.err().flush();
        return 0;
    }

    /** A directory holding {@code name}, or the file itself. */
    private static Path file(Path given, String name) {
        return Files.isDirectory(given) ? given.resolve(name) : given;
    }

    private static void printCounts(PrintWriter w, long rows, long insufficient, long outOfRange) {
        w.println("digital score: " + insufficient + " of " + rows + " rows with too little indicator data"
                + " (digital_score_status insufficient_data)");
        if (outOfRange >= 0) {
            w.println("out of range: " + outOfRange + " rows farther from their segment than 99% of the training "
                    + "customers" + (rows == 0 ? "" : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * outOfRange / rows)));
        }
    }

    private void printFit(PrintWriter w, Table input, Table scored, ScoringModel m, boolean segments,
            List<String> files) {
        w.println("score: fitted on " + this.input + " (" + input.rowCount() + " rows; score indicators "
                + String.join(", ", m.config().score().indicators()) + ")");
        CategoricalColumn status = scored.categorical(ScoringModel.DIGITAL_SCORE_STATUS);
        long insufficient = 0;
        for (int i = 0; i < status.size(); i++) {
            insufficient += "insufficient_data".equals(status.level(i)) ? 1 : 0;
        }
        long outOfRange = -1;
        if (segments) {
            outOfRange = 0;
            for (int i = 0; i < scored.rowCount(); i++) {
                outOfRange += scored.numeric(SegmentationModel.OUT_OF_RANGE).value(i) == 1 ? 1 : 0;
            }
        }
        printCounts(w, scored.rowCount(), insufficient, outOfRange);
        CategoricalColumn archetype = scored.categorical(ScoringModel.ARCHETYPE);
        int[] counts = new int[archetype.levelCount()];
        for (int i = 0; i < archetype.size(); i++) {
            if (archetype.code(i) >= 0) {
                counts[archetype.code(i)]++;
            }
        }
        List<String> shares = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            shares.add(archetype.levels().get(k) + String.format(Locale.ROOT, " %.1f%%",
                    100.0 * counts[k] / Math.max(1, archetype.size())));
        }
        w.println("archetypes: " + String.join(", ", shares));
        w.println("wrote " + out + ": " + String.join(", ", files));
        w.flush();
    }
}
