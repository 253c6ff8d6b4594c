package org.example.segmentation.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.example.segmentation.core.csv.CsvReadResult;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.drift.DriftBaseline;
import org.example.segmentation.core.drift.DriftConfig;
import org.example.segmentation.core.drift.SegmentAssigner;
import org.example.segmentation.core.drift.SegmentationModelAssigner;
import org.example.segmentation.core.io.OutputDirectory;
import org.example.segmentation.core.segmentation.SegmentationModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code segment baseline}: fits a drift baseline on the reference month and writes {@value DriftBaseline#FILE_NAME}
 * into an output directory. {@code segment drift} then judges later months against it.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fits a drift baseline on the reference month (see docs/drift.md): per numeric feature its "
                + "quantile bins, moments, missing rate and a seeded reservoir sample; per categorical feature its level "
                + "counts; with a segment column (default 'segment', as segment scoring writes it) the segment shares "
                + "and per-segment statistics.",
                "Writes " + DriftBaseline.FILE_NAME + " into DIR; its size does not grow with the rows. Monitor later "
                        + "months with: segment drift --baseline DIR --input NEXT.csv --out DIR2"},
        footer = {"", "Settings: --set KEY=VALUE (repeatable) or --config FILE, for example --set bins=20, "
                + "--set segment.column=cluster or --set segmentation.features=[\"app_logins_30d\",\"web_sessions_30d\"]; "
                + "every key with its default is in docs/drift.md. Thresholds set here become the defaults of every "
                + "later month.",
                "Exit codes: 0 success, 1 bad input or failed run (one line on stderr), 2 usage error."})
final class BaselineCommand implements Callable<Integer> {

    @ParentCommand
    private SegmentCli parent;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The reference month's customer table (CSV), cleaned and scored like the later months will "
                    + "be.")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (created; its files are replaced all together or not at all).")
    private Path out;

    @Option(names = "--model", paramLabel = "DIR",
            description = "The segmentation model (its " + SegmentationModel.FILE_NAME + ", or the file itself): it "
                    + "assigns the segments and distances, and its features are the segmentation features. Without it, "
                    + "segments come from the input's segment column, if any.")
    private Path model;

    @Mixin
    private SettingsOptions settings;

    @Mixin
    private CsvOptions csv;

    @Override
    public Integer call() {
        // Settings first: a bad setting fails before the file is read.
        DriftConfig config = DriftConfig.fromSettings(settings.toSettings());
        SegmentAssigner assigner = model == null ? null
                : SegmentationModelAssigner.of(SegmentationModel.load(modelFile(model)));
        CsvReadResult read;
        DriftBaseline baseline;
        try (TerminalProgress progress = parent.progress()) {
            read = CsvReader.read(input, csv.toReadOptions(), progress.range(0, 0.5));
            baseline = DriftBaseline.fit(read.table(), config, assigner, progress.range(0.5, 0.95));
            try (OutputDirectory dir = OutputDirectory.open(out)) {
                baseline.save(dir.file(DriftBaseline.FILE_NAME));
                dir.commit();
                printSummary(parent.out(), baseline, dir.fileNames());
            }
        }
        for (String w : read.warnings()) {
            parent.err().println("segment: warning: " + w);
        }
        parent.err().flush();
        return 0;
    }

    /** A directory holding the model file, or the model file itself. */
    static Path modelFile(Path given) {
        return java.nio.file.Files.isDirectory(given) ? given.resolve(SegmentationModel.FILE_NAME) : given;
    }

    private void printSummary(PrintWriter w, DriftBaseline b, List<String> files) {
        w.println("baseline: fitted on " + input);
        long numeric = b.features().stream().filter(f -> b.type(f).equals("numeric")).count();
        w.println("rows: " + b.rows() + "; features: " + numeric + " numeric, " + (b.features().size() - numeric)
                + " categorical; segmentation features: "
                + (b.segmentationFeatures().size() == b.features().size() ? "all"
                        : String.join(", ", b.segmentationFeatures())));
        if (b.segmentNames().isEmpty()) {
            w.println("segments: not monitored (no column '" + (b.config().segmentColumn().isEmpty()
                    ? DriftConfig.DEFAULT_SEGMENT_COLUMN : b.config().segmentColumn()) + "')");
        } else {
            w.println("segments: " + b.segmentNames().size() + " from " + (b.modelId().isPresent() ? "the model "
                    + modelFile(model) : "column '" + b.segmentColumn().orElse("") + "'") + ": "
                    + String.join(", ", b.segmentNames()));
        }
        w.println("wrote " + out + ": " + String.join(", ", files));
        w.flush();
    }
}
