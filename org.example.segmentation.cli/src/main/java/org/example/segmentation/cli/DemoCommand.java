package org.example.segmentation.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.example.segmentation.cli.pipeline.PipelineDefinition;
import org.example.segmentation.cli.pipeline.PipelineResult;
import org.example.segmentation.cli.pipeline.PipelineRunner;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.csv.CsvReadOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code segment demo}: the whole job on the shipped sample months. Month 1 runs {@value #BUILD} into
 * {@code DIR/month1} (segmentation, profiles, drift baseline); month 2 runs {@value #MONITOR} with month 1 as the
 * previous run into {@code DIR/month2} (the same models applied, drift checked). Prints both summaries and where the
 * reports are. Exits 0 whatever the drift verdict: the demo shows drift, it does not monitor.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the example pipelines on the sample months in workflows/data/: month 1 builds the "
                + "segmentation (workflows/" + DemoCommand.BUILD + "), month 2 is scored with month 1's models and checked "
                + "for drift (workflows/" + DemoCommand.MONITOR + ").",
                "Writes DIR/month1 and DIR/month2, each with report.html."})
final class DemoCommand implements Callable<Integer> {
    static final String BUILD = "01-build-segmentation.yaml";
    static final String MONITOR = "02-monthly-scoring-and-drift.yaml";

    @ParentCommand
    private SegmentCli parent;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/demo",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--workflows", paramLabel = "DIR", defaultValue = "workflows",
            description = "Where the example pipelines and data/ are (default: ${DEFAULT-VALUE}).")
    private Path workflows;

    @Override
    public Integer call() {
        Path month1 = workflows.resolve("data").resolve("customers_month1.csv");
        Path month2 = workflows.resolve("data").resolve("customers_month2.csv");
        for (Path p : new Path[] {workflows.resolve(BUILD), workflows.resolve(MONITOR), month1, month2}) {
            if (!Files.isRegularFile(p)) {
                throw new InputException("demo: " + p + " is missing (run the demo from the project directory, or give "
                        + "--workflows DIR)");
            }
        }
        Path out1 = out.resolve("month1");
        Path out2 = out.resolve("month2");
        PipelineDefinition build = PipelineDefinition.load(workflows.resolve(BUILD));
        PipelineResult r1;
        try (TerminalProgress progress = parent.progress()) {
            r1 = PipelineRunner.run(build, month1, CsvReadOptions.defaults(), out1, progress);
        }
        parent.out().println("== month 1: " + month1);
        RunCommand.printSummary(parent.out(), build, r1);
        PipelineDefinition monitor = PipelineDefinition.load(workflows.resolve(MONITOR))
                .withPrevious(out1.toAbsolutePath().normalize());
        PipelineResult r2;
        try (TerminalProgress progress = parent.progress()) {
            r2 = PipelineRunner.run(monitor, month2, CsvReadOptions.defaults(), out2, progress);
        }
        parent.out().println();
        parent.out().println("== month 2: " + month2);
        RunCommand.printSummary(parent.out(), monitor, r2);
        parent.out().println();
        parent.out().println("Open the reports in a browser (they work offline):");
        parent.out().println("  " + r1.report().toAbsolutePath());
        parent.out().println("  " + r2.report().toAbsolutePath());
        parent.out().flush();
        return 0;
    }
}
