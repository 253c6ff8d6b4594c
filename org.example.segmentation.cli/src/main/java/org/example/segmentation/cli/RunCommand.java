package org.example.segmentation.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.example.segmentation.cli.pipeline.PipelineDefinition;
import org.example.segmentation.cli.pipeline.PipelineResult;
import org.example.segmentation.cli.pipeline.PipelineRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code segment run PIPELINE --input FILE --out DIR}: runs a pipeline file (docs/pipeline.md) and prints a summary
 * table; exits 0, or with a drift step 3 for WARN and 4 for ALERT.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a pipeline file (JSON or YAML, see docs/pipeline.md): transform, clean, select, segment, "
                + "profile, baseline, drift and control, as the file says, with each step's settings.",
                "Writes into DIR, all together or not at all: " + "customers_scored.csv, every model (JSON; PMML for "
                        + "the segmentation), the cleaning, selection, k-selection, profile and drift reports as CSV, "
                        + PipelineRunner.SUMMARY + " and " + PipelineRunner.REPORT + " (opens offline)."},
        footer = {"", "Exit codes: 0 success, 1 bad input or failed run (one line on stderr), 2 usage error; a pipeline "
                + "with a drift step exits 3 for WARN and 4 for ALERT."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private SegmentCli parent;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline file (.yaml, .yml or .json).")
    private Path pipelineFile;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The customer table (CSV).")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (created; its files are replaced all together or not at all).")
    private Path out;

    @Option(names = "--previous", paramLabel = "DIR",
            description = "A previous run's output directory; wins over 'previous:' in the pipeline file.")
    private Path previous;

    @Mixin
    private CsvOptions csv;

    @Override
    public Integer call() {
        PipelineDefinition pipeline = PipelineDefinition.load(pipelineFile,
                previous == null ? null : previous.toAbsolutePath().normalize());
        PipelineResult result;
        try (TerminalProgress progress = parent.progress()) {
            result = PipelineRunner.run(pipeline, input, csv.toReadOptions(), out, progress);
        }
        printSummary(parent.out(), pipeline, result);
        for (String w : result.warnings()) {
            parent.err().println("segment: warning: " + w);
        }
        parent.err().flush();
        return result.exitCode();
    }

    /** The summary table of a run, then where the report is. */
    static void printSummary(PrintWriter w, PipelineDefinition pipeline, PipelineResult r) {
        w.println("run: pipeline '" + pipeline.name() + "' (" + pipeline.file() + ")");
        w.println();
        TextTable steps = new TextTable(List.of("step", "result"), false, false);
        r.stepResults().entrySet().stream()
                .sorted((a, b) -> Integer.compare(order(pipeline, a.getKey()), order(pipeline, b.getKey())))
                .forEach(e -> steps.add(List.of(e.getKey(), e.getValue())));
        steps.print(w);
        Object seg = r.summary().get("segmentation");
        if (seg instanceof Map<?, ?> s && s.get("segments") instanceof List<?> list) {
            w.println();
            TextTable t = new TextTable(List.of("segment", "name", "customers", "share"), false, false, true, true);
            for (Object o : list) {
                Map<?, ?> e = (Map<?, ?>) o;
                t.add(List.of(String.valueOf(e.get("id")), String.valueOf(e.get("name")),
                        String.valueOf(e.get("customers")),
                        String.format(Locale.ROOT, "%.1f%%", 100 * ((Number) e.get("share")).doubleValue())));
            }
            t.print(w);
        }
        if (r.summary().get("drift") instanceof Map<?, ?> d) {
            w.println();
            w.println("drift: " + d.get("status") + " (" + d.get("recommendation") + ")");
            if (d.get("reasons") instanceof List<?> reasons) {
                reasons.forEach(x -> w.println("  - " + x));
            }
        }
        w.println();
        w.println("wrote " + r.out() + ": " + String.join(", ", r.files()));
        w.println("report: " + r.report());
        w.flush();
    }

    private static int order(PipelineDefinition pipeline, String step) {
        return List.copyOf(pipeline.steps().keySet()).indexOf(step);
    }
}
