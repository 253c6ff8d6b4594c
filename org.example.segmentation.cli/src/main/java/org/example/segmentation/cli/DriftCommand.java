package org.example.segmentation.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.example.segmentation.cli.pipeline.PreviousRun;
import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.ColumnInference;
import org.example.segmentation.core.csv.CsvChunks;
import org.example.segmentation.core.csv.CsvReadOptions;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.drift.DriftBaseline;
import org.example.segmentation.core.drift.DriftConfig;
import org.example.segmentation.core.drift.DriftMonitor;
import org.example.segmentation.core.drift.DriftReport;
import org.example.segmentation.core.drift.DriftStatus;
import org.example.segmentation.core.drift.DriftSummary;
import org.example.segmentation.core.drift.SegmentAssigner;
import org.example.segmentation.core.drift.SegmentShareDrift;
import org.example.segmentation.core.drift.SegmentationModelAssigner;
import org.example.segmentation.core.io.OutputDirectory;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code segment drift}: judges a month against a drift baseline, writes the drift tables and the summary, prints
 * the verdict and exits with a code a scheduler can branch on: 0 OK, 3 WARN, 4 ALERT (1 bad input, 2 usage).
 *
 * <p>The month is streamed through the {@link DriftMonitor} in chunks of {@code --chunk-rows} rows, read in one pass
 * when its first rows have the whole month's column types ({@link CsvReader#chunksInOnePass}; else the month is read
 * again in two passes, {@link CsvReader#chunks}), so its memory is that of one chunk plus the baseline's counters and
 * samples, whatever the file's size; the report is exactly the one of monitoring the whole table. Of the previous
 * month of {@code --previous} (the migration matrices) only the columns migration needs are read, whole.
 */
@Command(name = "drift", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Monitors a month against a drift baseline (see docs/drift.md): PSI, Kolmogorov-Smirnov or "
                + "chi-square test (Benjamini-Hochberg adjusted), Wasserstein distance, mean, spread, missing and "
                + "unseen shares per feature; segment shares, centroid shifts and per-segment drift; with --previous "
                + "the segment and archetype migration matrices by customer identifier.",
                "Writes " + DriftCommand.FEATURES + ", " + DriftCommand.SEGMENTS + ", " + DriftCommand.SEGMENT_FEATURES
                        + ", " + DriftCommand.MIGRATION + " and " + DriftCommand.SUMMARY + " into DIR (tables that do "
                        + "not apply have only their header) and prints the status, the worst feature and the reasons.",
                "Verdict: ALERT when a segmentation feature drifted significantly (PSI >= psi.significant, adjusted "
                        + "p < alpha) or has no data, or the segment shares or the fit drifted significantly; WARN when "
                        + "anything drifted moderately or a feature has no data; else OK."},
        footer = {"", "Settings: --set KEY=VALUE (repeatable) or --config FILE for the monitoring keys, for example "
                + "--set psi.significant=0.2 or --set alpha=0.01; they default to the baseline's. The baseline keys "
                + "(features, bins, sample_size, seed, segment.column, ...) cannot change; see docs/drift.md.",
                "Exit codes: 0 OK, 3 WARN, 4 ALERT, 1 bad input or failed run (one line on stderr), 2 usage error."})
final class DriftCommand implements Callable<Integer> {
    static final String FEATURES = "feature_drift.csv";
    static final String SEGMENTS = "segment_drift.csv";
    static final String SEGMENT_FEATURES = "segment_feature_drift.csv";
    static final String MIGRATION = "migration.csv";
    static final String SUMMARY = "drift_summary.json";

    /** Exit code of a month with status OK. */
    static final int EXIT_OK = 0;
    /** Exit code of a month with status WARN. */
    static final int EXIT_WARN = 3;
    /** Exit code of a month with status ALERT. */
    static final int EXIT_ALERT = 4;

    @ParentCommand
    private SegmentCli parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "DIR",
            description = "The baseline saved by segment baseline: its directory or the " + DriftBaseline.FILE_NAME
                    + " file itself.")
    private Path baselinePath;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The month to monitor (CSV), cleaned and scored like the reference month.")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (created; its files are replaced all together or not at all).")
    private Path out;

    @Option(names = "--previous", paramLabel = "FILE",
            description = "The previous month's scored table (CSV) for the migration matrices, matched by customer "
                    + "identifier (id.column; default: the first text column both months have).")
    private Path previous;

    @Option(names = "--model", paramLabel = "DIR",
            description = "The segmentation model the baseline was fitted with (segment baseline --model): it assigns "
                    + "the month's segments and distances. Another model is refused.")
    private Path model;

    @Option(names = "--chunk-rows", paramLabel = "N", defaultValue = "65536",
            description = "Rows of the month read and monitored at a time (memory grows with it; the report does not "
                    + "change). Default: ${DEFAULT-VALUE}.")
    private int chunkRows;

    @Mixin
    private SettingsOptions settings;

    @Mixin
    private CsvOptions csv;

    /** The exit code of a status: 0 OK, 3 WARN, 4 ALERT. */
    static int exitCode(DriftStatus status) {
        switch (status) {
            case ALERT:
                return EXIT_ALERT;
            case WARN:
                return EXIT_WARN;
            default:
                return EXIT_OK;
        }
    }

    /** The previous month's columns that migration needs, given the current month's types. */
    private Table previousMonth(DriftBaseline baseline, DriftConfig config, CsvChunks chunks, Progress progress) {
        Map<String, ColumnType> current = new LinkedHashMap<>();
        for (ColumnInference c : chunks.columns()) {
            current.put(c.name(), c.type());
        }
        return PreviousRun.read(previous, csv.toReadOptions(), DriftMonitor.previousColumns(baseline, config, current),
                progress.range(0.475, 0.475)); // cancellation only
    }

    @Override
    public Integer call() {
        if (chunkRows < 1) {
            throw new ParameterException(spec.commandLine(), "--chunk-rows must be at least 1, got " + chunkRows);
        }
        // Baseline and settings first: a bad setting fails before the month is read.
        DriftBaseline baseline = DriftBaseline.load(baselineFile(baselinePath));
        DriftConfig config = baseline.config().forMonitoring(settings.toSettings());
        SegmentAssigner assigner = model == null ? null
                : SegmentationModelAssigner.of(SegmentationModel.load(BaselineCommand.modelFile(model)));
        DriftReport report;
        List<String> warnings = new ArrayList<>();
        try (TerminalProgress progress = parent.progress()) {
            Progress reading = progress.range(0, 0.95);
            try {
                report = monitor(openLikeBaseline(input, baseline, reading, null), baseline, config, assigner,
                        warnings, progress, reading);
            } catch (CancelledException e) {
                throw e;
            } catch (RuntimeException e) {
                // The month's first rows have other column types than the whole month (GuessFailed), or something
                // failed before the read could tell (the monitor may refuse a chunk for a type the whole month does
                // not give the column): what was counted is dropped, and the month is read again in two passes,
                // types first (only the second when the one pass got to the end of the month), whose report and
                // errors are the command's.
                reading.update(0, "Reading " + input.getFileName() + " again (" + e.getMessage() + ")");
                report = monitor(openLikeBaseline(input, baseline, reading, e), baseline, config, assigner,
                        warnings, progress, reading);
            }
            try (OutputDirectory dir = OutputDirectory.open(out)) {
                CsvWriter writer = CsvWriter.defaults();
                writer.write(report.featureTable(), dir.file(FEATURES));
                writer.write(report.segmentTable(), dir.file(SEGMENTS));
                writer.write(report.segmentFeatureTable(), dir.file(SEGMENT_FEATURES));
                writer.write(report.migrationTable(), dir.file(MIGRATION));
                report.writeSummary(dir.file(SUMMARY));
                dir.commit();
                printSummary(parent.out(), report, dir.fileNames());
            }
        }
        for (String w : warnings) {
            parent.err().println("segment: warning: " + w);
        }
        parent.err().flush();
        return exitCode(report.status());
    }

    /** Monitors the month read from {@code opened} against the baseline; adds the reader's warnings. */
    private DriftReport monitor(CsvChunks opened, DriftBaseline baseline, DriftConfig config, SegmentAssigner assigner,
            List<String> warnings, Progress progress, Progress reading) {
        try (CsvChunks chunks = opened) {
            // Migration reads a few columns of the previous month: only those (null: all), in the middle of the
            // month's reading, once its types are known and before its chunks.
            Table prior = previous == null ? null : previousMonth(baseline, config, chunks, progress);
            DriftMonitor monitor = DriftMonitor.start(baseline, config, assigner, prior);
            // Progress: the reader's, by bytes; the monitor checks for cancellation per feature.
            boolean any = false;
            for (Table chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                monitor.accept(chunk, reading);
                any = true;
            }
            if (!any) {
                // a header without rows: the columns are still checked before "no rows" is reported
                monitor.accept(chunks.emptyTable(), reading);
            }
            DriftReport report = monitor.finish();
            warnings.addAll(chunks.warnings());
            return report;
        }
    }

    /**
     * Opens the month in chunks, in one pass ({@link CsvReader#chunksInOnePass}: the types are those of the first
     * rows, and {@link CsvChunks#next()} says when the whole month has others) or, after {@code failed} (the one pass's
     * failure), in two; when a baseline feature arrives with another type than in the baseline (a numeric column with a
     * stray 'unknown' is read as text), opens it again with the baseline's type for those columns (the types are known
     * before any chunk is read). Types given with --type win.
     */
    private CsvChunks openLikeBaseline(Path file, DriftBaseline baseline, Progress progress, RuntimeException failed) {
        boolean onePass = failed == null;
        CsvReadOptions options = csv.toReadOptions();
        CsvChunks chunks = secondPass(failed, options);
        if (chunks == null) {
            chunks = open(file, options, progress, onePass);
        }
        Map<String, ColumnType> read = new LinkedHashMap<>();
        for (ColumnInference c : chunks.columns()) {
            read.put(c.name(), c.type());
        }
        Map<String, ColumnType> schema = new LinkedHashMap<>(options.schema());
        boolean again = false;
        for (String f : baseline.features()) {
            if (!read.containsKey(f) || schema.containsKey(f)) {
                continue;
            }
            ColumnType want = baseline.type(f).equals("numeric") ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
            if (read.get(f) != want) {
                schema.put(f, want);
                again = true;
            }
        }
        if (!again) {
            return chunks;
        }
        chunks.close();
        return open(file, options.withSchema(schema), progress, onePass);
    }

    /**
     * The two-pass read with only its second pass left, when the one pass failed at the end of the month (it has
     * counted the whole month, {@link CsvChunks.GuessFailed#secondPass()}) and read with {@code options} as they are,
     * not opened again with baseline types; else null.
     */
    static CsvChunks secondPass(RuntimeException failed, CsvReadOptions options) {
        CsvChunks second = failed instanceof CsvChunks.GuessFailed g ? g.secondPass() : null;
        if (second != null && second.columns().stream()
                .anyMatch(c -> c.fromSchema() && !options.schema().containsKey(c.name()))) {
            second.close(); // the one pass read some features with the baseline's type: read from the start
            return null;
        }
        return second;
    }

    private CsvChunks open(Path file, CsvReadOptions options, Progress progress, boolean onePass) {
        return onePass ? CsvReader.chunksInOnePass(file, options, null, chunkRows, progress)
                : CsvReader.chunks(file, options, chunkRows, progress);
    }

    private static Path baselineFile(Path given) {
        return Files.isDirectory(given) ? given.resolve(DriftBaseline.FILE_NAME) : given;
    }

    private void printSummary(PrintWriter w, DriftReport report, List<String> files) {
        DriftSummary s = report.summary();
        w.println("drift: " + s.status() + " (recommendation: " + s.recommendation() + ")");
        w.println("worst feature: " + (s.worstFeature().isEmpty() ? "none"
                : s.worstFeature() + String.format(Locale.ROOT, " (PSI %.3f)", s.worstPsi())));
        w.println("rows: " + s.rowsRef() + " reference, " + s.rowsCur() + " current; features: "
                + s.featuresMonitored() + " monitored, " + s.featuresModerate() + " moderate, "
                + s.featuresSignificant() + " significant, " + s.featuresNoData() + " without data");
        if (report.segmentShares().isPresent()) {
            SegmentShareDrift shares = report.segmentShares().get();
            w.println(String.format(Locale.ROOT, "segments: shares %s (largest change %.1f points in '%s', PSI %.4f)",
                    shares.status().key(), 100 * shares.maxShareChange(), shares.maxShareSegment(), shares.psi()));
        } else {
            w.println("segments: not monitored");
        }
        if (s.customersMatched() > 0) {
            w.println("migration: " + s.customersMatched() + " customers matched" + (report.segmentShares().isEmpty()
                    ? "" : String.format(Locale.ROOT, ", %.1f%% kept their segment",
                            100.0 * s.customersStayed() / s.customersMatched())));
        }
        w.println("reasons:");
        for (String r : s.reasons()) {
            w.println("  - " + r);
        }
        w.println("wrote " + out + ": " + String.join(", ", files));
        w.flush();
    }
}
