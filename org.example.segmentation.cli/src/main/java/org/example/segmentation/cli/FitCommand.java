package org.example.segmentation.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.cluster.KSelectionConfig;
import org.example.segmentation.core.csv.CsvReadResult;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.io.OutputDirectory;
import org.example.segmentation.core.segmentation.CarryOver;
import org.example.segmentation.core.segmentation.FitContext;
import org.example.segmentation.core.segmentation.Segment;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.segmentation.SegmentationPmml;
import org.example.segmentation.core.segmentation.SegmentationResult;
import org.example.segmentation.core.segmentation.Segmenter;
import org.example.segmentation.core.segmentation.SegmenterConfig;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code segment fit}: segments the customers of a (cleaned) CSV file, choosing the number of segments, and writes
 * every customer's segment, the segmentation model and the k-selection table into an output directory, all together
 * or not at all.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Segments customers: k-means (or mini-batch k-means) in a feature space of z-scored numbers and "
                + "weighted one-hot levels, k chosen from k.min..k.max by silhouette, segment sizes and stability, "
                + "segments numbered by size or carried over from --previous (see docs/segmentation.md).",
                "Writes " + FitCommand.SEGMENTED + " (identifiers and segment columns), " + SegmentationModel.FILE_NAME
                        + ", " + SegmentationPmml.FILE_NAME + " (PMML 4.4 ClusteringModel) and "
                        + FitCommand.K_SELECTION + " into DIR."},
        footer = {"", "Settings: --set KEY=VALUE (repeatable) or --config FILE, for example --set k.max=8, --set k=6, "
                + "--set name.S1=\"Digital nomads\"; every key with its default is in docs/segmentation.md",
                "Exit codes: 0 success, 1 bad input or failed run (one line on stderr), 2 usage error."})
final class FitCommand implements Callable<Integer> {
    static final String SEGMENTED = "segmented.csv";
    static final String K_SELECTION = "k_selection.csv";

    @ParentCommand
    private SegmentCli parent;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The customer table (CSV), typically segment clean's cleaned.csv (no missing values in the "
                    + "features).")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (created; its files are replaced all together or not at all).")
    private Path out;

    @Option(names = "--previous", paramLabel = "DIR",
            description = "Last month's segmentation (its " + SegmentationModel.FILE_NAME + ", or the file itself): "
                    + "segments matching its segments keep their ids and names.")
    private Path previous;

    @Option(names = "--cleaning", paramLabel = "DIR",
            description = "The cleaning model that cleaned the input (its " + CleaningModel.FILE_NAME + ", or the file "
                    + "itself): features it z-scored are used as they are, and centroids are given in original units.")
    private Path cleaning;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads to use (the result does not depend on it); wins over --set threads=N.")
    private Integer threads;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed; wins over --set seed=N. Default: 42.")
    private Long seed;

    @Mixin
    private SettingsOptions settings;

    @Mixin
    private CsvOptions csv;

    @Override
    public Integer call() throws Exception {
        // Settings and models first: a bad setting fails before the file is read.
        Settings s = settings.toSettings();
        if (threads != null) {
            s = s.with(KSelectionConfig.KEY_THREADS, Integer.toString(threads));
        }
        if (seed != null) {
            s = s.with(KSelectionConfig.KEY_SEED, Long.toString(seed));
        }
        SegmenterConfig config = SegmenterConfig.fromSettings(s);
        FitContext context = FitContext.none();
        if (cleaning != null) {
            context = context.withCleaning(CleaningModel.load(file(cleaning, CleaningModel.FILE_NAME)));
        }
        if (previous != null) {
            context = context.withPrevious(SegmentationModel.load(file(previous, SegmentationModel.FILE_NAME)));
        }

        CsvReadResult read;
        SegmentationResult result;
        try (TerminalProgress progress = parent.progress()) {
            read = CsvReader.read(input, csv.toReadOptions(), progress.range(0, 0.15));
            result = Segmenter.fit(read.table(), config, context, progress.range(0.15, 0.95));
            try (OutputDirectory dir = OutputDirectory.open(out)) {
                CsvWriter writer = CsvWriter.defaults();
                writer.write(result.segmented(), dir.file(SEGMENTED), progress.range(0.95, 1));
                result.model().save(dir.file(SegmentationModel.FILE_NAME));
                writer.write(result.kSelection(), dir.file(K_SELECTION));
                SegmentationPmml.write(result.model(), dir.file(SegmentationPmml.FILE_NAME));
                dir.commit();
                printSummary(parent.out(), result, read.table(), dir.fileNames());
            }
        }
        for (String w : read.warnings()) {
            parent.err().println("segment: warning: " + w);
        }
        parent.err().flush();
        return 0;
    }

    /** A directory holding {@code name}, or the file itself. */
    private static Path file(Path given, String name) {
        return Files.isDirectory(given) ? given.resolve(name) : given;
    }

    private void printSummary(PrintWriter w, SegmentationResult r, Table table, List<String> files) {
        SegmentationModel m = r.model();
        w.println("fit: segmented " + input + " (" + table.rowCount() + " rows; " + m.featureNames().size()
                + " features in " + m.featureSpace().dimensions() + " dimensions; algorithm " + m.algorithm().key()
                + ")");
        w.println();
        TextTable k = new TextTable(List.of("k", "silhouette", "silhouette_simplified", "calinski_harabasz",
                "davies_bouldin", "stability", "min_segment_share", "chosen"), true, true, true, true, true, true, true,
                false);
        Table t = r.kSelection();
        for (int i = 0; i < t.rowCount(); i++) {
            k.add(List.of(InspectCommand.num(t.numeric("k").value(i)), fixed(t.numeric("silhouette").value(i), 3),
                    fixed(t.numeric("silhouette_simplified").value(i), 3),
                    InspectCommand.num(t.numeric("calinski_harabasz").value(i)),
                    fixed(t.numeric("davies_bouldin").value(i), 3), fixed(t.numeric("stability").value(i), 2),
                    percent(t.numeric("min_segment_share").value(i)),
                    "true".equals(t.categorical("chosen").level(i)) ? "*" : ""));
        }
        k.print(w);
        w.println();
        w.println("chosen k = " + m.k() + " (" + m.kSelection().basis() + "): " + m.kSelection().reason());
        w.println();
        TextTable seg = new TextTable(List.of("id", "name", "customers", "share", "previous"), false, false, true, true,
                false);
        for (Segment s : m.segments()) {
            String origin = m.carryOver().isEmpty() ? "" : s.matchDistance() == null ? "new"
                    : "carried over (moved " + fixed(s.matchDistance(), 3) + ")";
            seg.add(List.of(s.id(), s.name(), Integer.toString(s.size()), percent(s.share()), origin));
        }
        seg.print(w);
        if (m.carryOver().isPresent()) {
            CarryOver co = m.carryOver().get();
            List<String> notes = new ArrayList<>();
            if (!co.vanishedIds().isEmpty()) {
                notes.add("vanished: " + String.join(", ", co.vanishedIds()));
            }
            if (!co.previousOnlyFeatures().isEmpty() || !co.newOnlyFeatures().isEmpty()) {
                notes.add("matched on the " + co.commonFeatures().size() + " common features");
            }
            if (!notes.isEmpty()) {
                w.println(String.join("; ", notes));
            }
        }
        w.println();
        w.println("wrote " + out + ": " + String.join(", ", files));
        w.flush();
    }

    private static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString()
                : "";
    }

    private static String percent(double share) {
        return Double.isFinite(share) ? fixed(100 * share, 1) + "%" : "";
    }
}
