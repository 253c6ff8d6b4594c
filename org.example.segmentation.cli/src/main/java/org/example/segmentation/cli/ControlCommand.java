package org.example.segmentation.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.example.segmentation.core.campaign.ControlGroupAssigner;
import org.example.segmentation.core.campaign.ControlGroupConfig;
import org.example.segmentation.core.campaign.ControlGroupPlan;
import org.example.segmentation.core.campaign.ControlGroupResult;
import org.example.segmentation.core.campaign.StratumPlan;
import org.example.segmentation.core.csv.CsvReadOptions;
import org.example.segmentation.core.csv.CsvReadResult;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.io.OutputDirectory;
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code segment control}: assigns customers to treatment, control (and the global holdout) from a salted hash
 * of their id and writes the groups and the plan into an output directory, all together or not at all.
 */
@Command(name = "control", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Holds out a control group for a campaign: a salted hash of the customer id decides, so the "
                + "same salt gives every customer the same group in every run (see docs/control-groups.md).",
                "Writes " + ControlCommand.GROUPS + " (the input, id column first, with the column 'group': treatment, "
                        + "control or holdout), " + ControlGroupPlan.TABLE_FILE_NAME + " (sizes, shares, balance and "
                        + "sample-ratio test per stratum) and " + ControlGroupPlan.JSON_FILE_NAME
                        + " (salt, method, settings, tests) into DIR."},
        footer = {"", "Settings: --set KEY=VALUE (repeatable) or --config FILE. salt is required; e.g. --set "
                + "salt=spring-offer-2025 --set stratify.by=segment --set balance.covariates=age,monthly_income. "
                + "Every key is in docs/control-groups.md.",
                "Exit codes: 0 success (warnings on stderr), 1 bad input or failed run (one line on stderr), "
                        + "2 usage error."})
final class ControlCommand implements Callable<Integer> {
    static final String GROUPS = "groups.csv";

    @ParentCommand
    private SegmentCli parent;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The customer table (CSV).")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (created; its files are replaced all together or not at all).")
    private Path out;

    @Option(names = "--id-only", description = "Write only the id and group columns to " + GROUPS + ".")
    private boolean idOnly;

    @Mixin
    private SettingsOptions settings;

    @Mixin
    private CsvOptions csv;

    @Override
    public Integer call() throws Exception {
        // Settings first: a bad setting fails before the file is read.
        ControlGroupConfig config = ControlGroupConfig.fromSettings(settings.toSettings());
        ControlGroupResult result;
        try (TerminalProgress progress = parent.progress()) {
            Table table = readWithTextIds(input, csv.toReadOptions(), config.idColumn(), progress);
            result = ControlGroupAssigner.assign(table, config, progress.range(0.4, 0.8));
            try (OutputDirectory dir = OutputDirectory.open(out)) {
                CsvWriter writer = CsvWriter.defaults();
                writer.write(idOnly ? result.groups() : result.table(), dir.file(GROUPS), progress.range(0.8, 0.97));
                writer.write(result.plan().toTable(), dir.file(ControlGroupPlan.TABLE_FILE_NAME));
                result.plan().saveJson(dir.file(ControlGroupPlan.JSON_FILE_NAME));
                dir.commit();
                printSummary(parent.out(), result.plan(), dir.fileNames());
            }
        }
        for (String w : result.plan().warnings()) {
            parent.err().println("segment: warning: " + w);
        }
        parent.err().flush();
        return 0;
    }

    /**
     * Reads the CSV file; when the id column was inferred numeric, reads it again with the id column as text, so
     * that ids are hashed exactly as written ({@code 00123} stays {@code 00123}) unless --type says otherwise.
     */
    static Table readWithTextIds(Path file, CsvReadOptions options, String idColumn, TerminalProgress progress) {
        CsvReadResult read = CsvReader.read(file, options, progress.range(0, 0.4));
        Table table = read.table();
        if (!idColumn.isEmpty() && table.hasColumn(idColumn) && table.column(idColumn).type() == ColumnType.NUMERIC
                && !options.schema().containsKey(idColumn)) {
            table = CsvReader.read(file, options.withColumnType(idColumn, ColumnType.TEXT), progress.range(0, 0.4))
                    .table();
        }
        return table;
    }

    private void printSummary(PrintWriter w, ControlGroupPlan plan, List<String> files) {
        ControlGroupConfig c = plan.config();
        StratumPlan all = plan.overall();
        w.println("control: " + all.customers() + " customers from " + input + "; method " + c.method().key()
                + ", salt '" + c.salt() + "', control share " + InspectCommand.num(c.controlShare())
                + (c.stratified() ? ", stratified by '" + c.stratifyBy() + "'" : ""));
        w.println("groups: " + all.treatment() + " treatment, " + all.control() + " control"
                + (c.hasHoldout() ? ", " + all.holdout() + " global holdout (salt '" + c.holdoutSalt() + "', share "
                        + InspectCommand.num(c.holdoutShare()) + ")" : ""));
        w.println("sample ratio: chi-square " + InspectCommand.num(plan.srmChiSquare()) + ", p = "
                + InspectCommand.num(plan.srmPValue()) + " (df 1)"
                + (c.hasHoldout() ? "; holdout p = " + InspectCommand.num(plan.holdoutSrmPValue()) : ""));
        if (plan.newCustomers() >= 0) {
            w.println("compared with '" + c.previousColumn() + "': " + all.flipped() + " customers changed group, "
                    + plan.newCustomers() + " new");
        }
        w.println();
        List<String> header = new ArrayList<>(List.of("stratum", "customers"));
        if (c.hasHoldout()) {
            header.add("holdout");
        }
        header.addAll(List.of("treatment", "control", "share", "srm p"));
        for (String cov : c.balanceCovariates()) {
            header.add("smd " + cov);
        }
        if (!c.balanceCovariates().isEmpty()) {
            header.add("balanced");
        }
        if (plan.newCustomers() >= 0) {
            header.add("flipped");
        }
        boolean[] right = new boolean[header.size()];
        java.util.Arrays.fill(right, 1, right.length, true);
        TextTable t = new TextTable(header, right);
        List<StratumPlan> rows = new ArrayList<>(c.stratified() ? plan.strata() : List.of());
        rows.add(all);
        for (StratumPlan s : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(s.stratum() == null ? "(missing)" : s.stratum());
            cells.add(Integer.toString(s.customers()));
            if (c.hasHoldout()) {
                cells.add(Integer.toString(s.holdout()));
            }
            cells.add(Integer.toString(s.treatment()));
            cells.add(Integer.toString(s.control()));
            cells.add(InspectCommand.num(s.controlShare()));
            cells.add(InspectCommand.num(s.srmPValue()));
            for (String cov : c.balanceCovariates()) {
                cells.add(InspectCommand.num(s.smd().get(cov)));
            }
            if (!c.balanceCovariates().isEmpty()) {
                cells.add(s.balanced() ? "yes" : "NO");
            }
            if (plan.newCustomers() >= 0) {
                cells.add(Integer.toString(s.flipped()));
            }
            t.add(cells);
        }
        t.print(w);
        w.println();
        w.println("wrote " + out + ": " + String.join(", ", files));
        w.flush();
    }
}
