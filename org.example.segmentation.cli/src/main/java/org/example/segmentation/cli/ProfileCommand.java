package org.example.segmentation.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.example.segmentation.core.csv.CsvReadResult;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.io.OutputDirectory;
import org.example.segmentation.core.profile.Profiler;
import org.example.segmentation.core.profile.ProfilerConfig;
import org.example.segmentation.core.profile.SegmentProfile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code segment profile}: profiles the segments of a CSV file and writes the long profile table, the segment
 * summary and the descriptions into an output directory, all together or not at all; prints the descriptions.
 */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Profiles segments: size and share, per feature the mean, median, standard deviation, index "
                + "against the population, Cohen's d and Welch's p-value (numeric) or level shares and lift "
                + "(categorical), the features that distinguish each segment most, and a description in plain words "
                + "(see docs/profiling.md).",
                "Give it the customers in their original units with the segment column joined on (the raw or "
                        + "cleaned but unscaled table): on z-scores the index and means mean nothing. It profiles "
                        + "whatever table it is given.",
                "Writes " + ProfileCommand.PROFILE + ", " + ProfileCommand.SUMMARY + " and "
                        + ProfileCommand.DESCRIPTIONS + " into DIR and prints the descriptions."},
        footer = {"", "Settings: --set KEY=VALUE (repeatable) or --config FILE, for example --set segment.column=cluster "
                + "--set exclude=customer_id --set 'labels={\"app_logins_30d\":\"app use\"}'; every key with its "
                + "default is in docs/profiling.md.",
                "Exit codes: 0 success (warnings on stderr), 1 bad input or failed run (one line on stderr), "
                        + "2 usage error."})
final class ProfileCommand implements Callable<Integer> {
    static final String PROFILE = "profile_long.csv";
    static final String SUMMARY = "segment_summary.csv";
    static final String DESCRIPTIONS = "segment_descriptions.txt";

    @ParentCommand
    private SegmentCli parent;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The customer table with a segment column (CSV).")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (created; its files are replaced all together or not at all).")
    private Path out;

    @Mixin
    private SettingsOptions settings;

    @Mixin
    private CsvOptions csv;

    @Override
    public Integer call() throws Exception {
        // Settings first: a bad setting fails before the file is read.
        ProfilerConfig config = ProfilerConfig.fromSettings(settings.toSettings());
        CsvReadResult read;
        SegmentProfile profile;
        List<String> files;
        try (TerminalProgress progress = parent.progress()) {
            read = CsvReader.read(input, csv.toReadOptions(), progress.range(0, 0.4));
            profile = Profiler.profile(read.table(), config, progress.range(0.4, 0.9));
            try (OutputDirectory dir = OutputDirectory.open(out)) {
                CsvWriter writer = CsvWriter.defaults();
                writer.write(profile.profileTable(), dir.file(PROFILE), progress.range(0.9, 0.98));
                writer.write(profile.summaryTable(), dir.file(SUMMARY));
                Files.writeString(dir.file(DESCRIPTIONS), profile.descriptionText(), UTF_8);
                dir.commit();
                files = dir.fileNames();
            }
        }
        parent.out().print(profile.descriptionText(false));
        parent.out().println();
        parent.out().println("wrote " + out + ": " + String.join(", ", files));
        parent.out().flush();
        for (String w : read.warnings()) {
            parent.err().println("segment: warning: " + w);
        }
        for (String w : profile.warnings()) {
            parent.err().println("segment: warning: " + w);
        }
        parent.err().flush();
        return 0;
    }
}
