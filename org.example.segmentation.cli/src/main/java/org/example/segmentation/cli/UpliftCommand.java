package org.example.segmentation.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.example.segmentation.core.campaign.OutcomeType;
import org.example.segmentation.core.campaign.SegmentPlan;
import org.example.segmentation.core.campaign.SegmentUplift;
import org.example.segmentation.core.campaign.UpliftConfig;
import org.example.segmentation.core.campaign.UpliftPlan;
import org.example.segmentation.core.campaign.UpliftPlanner;
import org.example.segmentation.core.campaign.UpliftReadout;
import org.example.segmentation.core.campaign.UpliftReport;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.io.OutputDirectory;
import org.example.segmentation.core.table.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code segment uplift}: the readout of a campaign (treated against control, per segment and overall), or with
 * {@code --plan} the minimum detectable effect per segment before it.
 */
@Command(name = "uplift", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures campaign uplift: treated against control customers per segment and overall, with "
                + "rates or means, absolute and relative lift, a confidence interval (Newcombe for conversions, "
                + "Welch for amounts), p-values adjusted by Benjamini-Hochberg across segments and a sample-ratio "
                + "check; writes " + UpliftReport.FILE_NAME + " into DIR (see docs/control-groups.md).",
                "With --plan: before a campaign, the minimum detectable lift per segment for base_rate at power and "
                        + "alpha, and the control share a target_effect needs; writes " + UpliftPlan.FILE_NAME + "."},
        footer = {"", "Settings: --set KEY=VALUE (repeatable) or --config FILE, e.g. --set outcome.column=converted "
                + "--set segment.column=segment; for --plan --set base_rate=0.05 [--set target_effect=0.01]. "
                + "Every key is in docs/control-groups.md.",
                "Exit codes: 0 success (warnings on stderr), 1 bad input or failed run (one line on stderr), "
                        + "2 usage error."})
final class UpliftCommand implements Callable<Integer> {

    @ParentCommand
    private SegmentCli parent;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "Customers with group, outcome and segment columns (CSV); for --plan, customers with a "
                    + "segment column (and a group column, if assigned already).")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (created; its files are replaced all together or not at all).")
    private Path out;

    @Option(names = "--plan", description = "Plan a campaign instead of reading one out: minimum detectable effect "
            + "and the control share a target effect needs.")
    private boolean plan;

    @Mixin
    private SettingsOptions settings;

    @Mixin
    private CsvOptions csv;

    @Override
    public Integer call() throws Exception {
        UpliftConfig config = UpliftConfig.fromSettings(settings.toSettings());
        List<String> warnings;
        try (TerminalProgress progress = parent.progress()) {
            Table table = ControlCommand.readWithTextIds(input, csv.toReadOptions(), config.idColumn(), progress);
            try (OutputDirectory dir = OutputDirectory.open(out)) {
                if (plan) {
                    UpliftPlan p = UpliftPlanner.plan(table, config);
                    CsvWriter.defaults().write(p.toTable(), dir.file(UpliftPlan.FILE_NAME));
                    dir.commit();
                    printPlan(parent.out(), p, dir.fileNames());
                    warnings = p.warnings();
                } else {
                    UpliftReport r = UpliftReadout.measure(table, config, progress.range(0.4, 0.9));
                    CsvWriter.defaults().write(r.toTable(), dir.file(UpliftReport.FILE_NAME));
                    dir.commit();
                    printReadout(parent.out(), r, dir.fileNames());
                    warnings = r.warnings();
                }
            }
        }
        for (String w : warnings) {
            parent.err().println("segment: warning: " + w);
        }
        parent.err().flush();
        return 0;
    }

    private void printReadout(PrintWriter w, UpliftReport r, List<String> files) {
        UpliftConfig c = r.config();
        boolean binary = r.outcomeType() == OutcomeType.BINARY;
        SegmentUplift all = r.overall();
        w.println("uplift: " + (binary ? "binary" : "numeric") + " outcome '" + c.outcomeColumn() + "'"
                + (c.segmentColumn().isEmpty() ? "" : " by '" + c.segmentColumn() + "'") + " from " + input + ": "
                + all.treatedN() + " treated, " + all.controlN() + " control"
                + (r.holdout() > 0 ? ", " + r.holdout() + " holdout left out" : ""));
        w.println();
        String m = binary ? "rate" : "mean";
        String level = InspectCommand.num(c.confidence() * 100) + "% ci";
        TextTable t = new TextTable(List.of("segment", "treated", "control", "treated " + m, "control " + m, "lift",
                "rel lift", level, "p", "p adj", "significant"), false, true, true, true, true, true, true, true, true,
                true, false);
        List<SegmentUplift> rows = new ArrayList<>(r.segments());
        rows.add(all);
        for (SegmentUplift s : rows) {
            t.add(List.of(s.segment() == null ? "(missing)" : s.segment(), Long.toString(s.treatedN()),
                    Long.toString(s.controlN()), InspectCommand.num(s.treated()), InspectCommand.num(s.control()),
                    InspectCommand.num(s.absLift()), InspectCommand.num(s.relLift()),
                    Double.isNaN(s.ciLow()) ? "" : "[" + InspectCommand.num(s.ciLow()) + ", "
                            + InspectCommand.num(s.ciHigh()) + "]",
                    InspectCommand.num(s.pValue()), InspectCommand.num(s.pAdjusted()),
                    s.significant() == null ? "" : s.significant() ? "yes" : "no"));
        }
        t.print(w);
        w.println();
        w.println("method: " + (binary ? "Newcombe hybrid score interval, pooled two-proportion z-test"
                : "Welch t interval and test") + ", two-sided"
                + (r.segments().isEmpty() ? "" : "; Benjamini-Hochberg across " + r.segments().size()
                        + " segments (the overall row is not adjusted)")
                + "; significant at alpha " + InspectCommand.num(c.alpha()) + "; sample ratio against control share "
                + InspectCommand.num(c.controlShare()));
        w.println("wrote " + out + ": " + String.join(", ", files));
        w.flush();
    }

    private void printPlan(PrintWriter w, UpliftPlan p, List<String> files) {
        UpliftConfig c = p.config();
        w.println("plan: base rate " + InspectCommand.num(c.baseRate()) + ", alpha " + InspectCommand.num(c.alpha())
                + " (two-sided), power " + InspectCommand.num(c.power()) + "; group sizes "
                + (p.realisedGroups() ? "from column '" + c.groupColumn() + "'"
                        : "from control share " + InspectCommand.num(c.controlShare()))
                + (Double.isNaN(c.targetEffect()) ? "" : "; target lift " + InspectCommand.num(c.targetEffect())));
        w.println();
        boolean target = !Double.isNaN(c.targetEffect());
        List<String> header = new ArrayList<>(List.of("segment", "customers", "treated", "control", "mde", "mde rel"));
        if (target) {
            header.addAll(List.of("share needed", "control needed"));
        }
        boolean[] right = new boolean[header.size()];
        java.util.Arrays.fill(right, 1, right.length, true);
        TextTable t = new TextTable(header, right);
        List<SegmentPlan> rows = new ArrayList<>(p.segments());
        rows.add(p.overall());
        for (SegmentPlan s : rows) {
            List<String> cells = new ArrayList<>(List.of(s.segment() == null ? "(missing)" : s.segment(),
                    Long.toString(s.customers()), Long.toString(s.treatedN()), Long.toString(s.controlN()),
                    InspectCommand.num(s.minimumEffect()), InspectCommand.num(s.minimumRelative())));
            if (target) {
                cells.add(Double.isNaN(s.controlShareNeeded()) ? "impossible"
                        : InspectCommand.num(s.controlShareNeeded()));
                cells.add(s.controlNeeded() < 0 ? "" : Long.toString(s.controlNeeded()));
            }
            t.add(cells);
        }
        t.print(w);
        w.println();
        w.println("wrote " + out + ": " + String.join(", ", files));
        w.flush();
    }
}
