package org.example.segmentation.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.example.segmentation.core.csv.CsvReadResult;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.io.OutputDirectory;
import org.example.segmentation.core.table.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code segment demo}: what the tool does, on generated data. For now it generates a month of customers
 * and shows how it reads; it grows into the whole pipeline as the steps land.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generates a sample month of synthetic customers into the output directory and shows how "
                + "it reads: types, missing values, summaries and the planted data problems.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    private SegmentCli parent;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/demo",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "2000",
            description = "Customers to generate (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        Path csv;
        try (TerminalProgress progress = parent.progress(); OutputDirectory dir = OutputDirectory.open(out)) {
            Table customers = CustomerGenerator.generate(new GeneratorConfig(rows, seed, 1, true, true),
                    progress.range(0, 0.5));
            CsvWriter.defaults().write(customers, dir.file("customers.csv"), progress.range(0.5, 1));
            dir.commit();
            csv = out.resolve("customers.csv");
        }
        CsvReadResult read = CsvReader.read(csv);
        InspectCommand.printText(csv, read, parent.out());
        parent.out().println();
        parent.out().println("Generated " + rows + " customers into " + csv + " (see docs/generator.md for the "
                + "planted problems the warnings point at).");
        parent.out().flush();
        return 0;
    }
}
