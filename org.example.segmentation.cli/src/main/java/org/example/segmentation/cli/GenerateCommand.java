package org.example.segmentation.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.generator.CampaignOutcomes;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code segment generate}: synthetic retail-bank customers with known truth (see docs/generator.md). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates synthetic retail-bank customers drawn from latent digital personas, with "
                + "planted data-quality problems and, for --snapshot 2, planted drift (see docs/generator.md).",
                "With --readout-for: a simulated campaign readout with a planted uplift instead.",
                "The same options always give the same bytes."})
final class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    private SegmentCli parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--readout-for", paramLabel = "FILE",
            description = "Instead of customers, a campaign readout (customer_id, group, segment, converted) for the "
                    + "treatment and control customers of FILE (a CSV with customer_id, group and segment, such as "
                    + "the customers_scored.csv of workflows/03-control-group-uplift.yaml), with the planted uplift "
                    + "of docs/generator.md; only --seed and --out apply.")
    private Path readoutFor;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "10000",
            description = "Rows of snapshot 1, planted duplicate rows included (default: ${DEFAULT-VALUE}); snapshot 2 has the same customers less about 5%% gone, plus about 6%% new.")
    private String rows;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private String seed;

    @Option(names = "--snapshot", paramLabel = "1|2", defaultValue = "1",
            description = "1: the first month; 2: the same customers a month later, with planted drift.")
    private String snapshot;

    @Option(names = "--with-truth", description = "Add the latent truth columns (true_persona, ...).")
    private boolean withTruth;

    @Option(names = "--no-problems", description = "Do not plant data-quality problems.")
    private boolean noProblems;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the CSV here (atomically: a temporary file renamed at the end); default: stdout.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        if (readoutFor != null) {
            return readout();
        }
        Map<String, String> m = new TreeMap<>();
        m.put(GeneratorConfig.KEY_ROWS, rows);
        m.put(GeneratorConfig.KEY_SEED, seed);
        m.put(GeneratorConfig.KEY_SNAPSHOT, snapshot);
        m.put(GeneratorConfig.KEY_WITH_TRUTH, Boolean.toString(withTruth));
        m.put(GeneratorConfig.KEY_PLANT_PROBLEMS, Boolean.toString(!noProblems));
        GeneratorConfig config = GeneratorConfig.fromSettings(Settings.of(m));
        try (TerminalProgress progress = parent.progress()) {
            Table table = CustomerGenerator.generate(config, progress.range(0, 0.6));
            if (out == null) {
                CsvWriter.defaults().write(table, parent.out());
                parent.out().flush();
            } else {
                CsvWriter.defaults().write(table, out, progress.range(0.6, 1));
            }
        }
        if (out != null) {
            parent.err().println("segment: wrote " + out);
        }
        return 0;
    }

    private int readout() throws java.io.IOException {
        for (String o : new String[] {"--rows", "--snapshot", "--with-truth", "--no-problems"}) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new InputException("generate: " + o + " does not apply to --readout-for (only --seed and --out)");
            }
        }
        long s = GeneratorConfig.fromSettings(Settings.of(Map.of(GeneratorConfig.KEY_SEED, seed))).seed();
        Table customers = CsvReader.read(readoutFor).table();
        Table readout = CampaignOutcomes.simulate(customers, "customer_id", "group", "segment", s);
        if (out == null) {
            CsvWriter.defaults().write(readout, parent.out());
            parent.out().flush();
        } else {
            CsvWriter.defaults().write(readout, out);
            parent.err().println("segment: wrote " + out + " (" + readout.rowCount() + " customers)");
        }
        return 0;
    }
}
