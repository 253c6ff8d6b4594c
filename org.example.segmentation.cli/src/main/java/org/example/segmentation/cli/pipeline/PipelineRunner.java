package org.example.segmentation.cli.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.example.segmentation.cli.report.HtmlReport;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvReadOptions;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.drift.DriftSummary;
import org.example.segmentation.core.io.OutputDirectory;
import org.example.segmentation.core.model.ModelFile;
import org.example.segmentation.core.segmentation.Segment;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;

import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Runs a pipeline: reads the input, runs the pipeline's steps in order, writes {@value PipelineRun#CUSTOMERS},
 * {@value #SUMMARY} and {@value #REPORT} next to the steps' files, and commits the output directory only when all of
 * that succeeded, so a failed run leaves the directory as it was.
 */
public final class PipelineRunner {
    /** The run's summary file. */
    public static final String SUMMARY = "summary.json";
    /** The run's HTML report. */
    public static final String REPORT = "report.html";

    /** Exit code of a drift check with status WARN. */
    public static final int EXIT_WARN = 3;
    /** Exit code of a drift check with status ALERT. */
    public static final int EXIT_ALERT = 4;

    private PipelineRunner() {
    }

    /**
     * Runs {@code pipeline} on {@code input} into {@code outDir}.
     *
     * @param progress per step a range of the whole, with the step's name as message
     * @throws InputException naming the step and what was wrong; {@code outDir} is then unchanged
     */
    public static PipelineResult run(PipelineDefinition pipeline, Path input, CsvReadOptions options, Path outDir,
            Progress progress) {
        pipeline.validate(PipelineSteps.all());
        PreviousRun previous = pipeline.previous() == null ? null : new PreviousRun(pipeline.previous());
        List<PipelineStep> steps = PipelineSteps.all().stream().filter(s -> pipeline.has(s.name())).toList();
        int parts = steps.size() + 2;
        try (OutputDirectory out = OutputDirectory.open(outDir)) {
            PipelineRun run = new PipelineRun(pipeline, input, out, previous);
            progress.update(0, "[read] " + input.getFileName());
            run.read = CsvReader.read(input, options, progress.range(0, 1.0 / parts));
            run.input = run.read.table();
            run.prepared = run.input;
            run.customers = run.input;
            for (int i = 0; i < steps.size(); i++) {
                PipelineStep step = steps.get(i);
                String label = "[" + (i + 1) + "/" + steps.size() + "] " + step.name();
                progress.update((i + 1.0) / parts, label);
                Settings settings = pipeline.steps().get(step.name());
                String result;
                try {
                    result = step.run(run, settings, labelled(progress, (i + 1.0) / parts, (i + 2.0) / parts,
                            label));
                } catch (InputException e) {
                    throw new InputException("pipeline step '" + step.name() + "' failed: " + e.getMessage(), e);
                }
                run.stepResults.put(step.name(), result);
            }
            inputWarnings(run);
            progress.update((parts - 1.0) / parts, "[report]");
            CsvWriter.defaults().write(run.customers, out.file(PipelineRun.CUSTOMERS));
            int exit = exitCode(run);
            Map<String, Object> summary = summary(run, exit);
            List<String> files = new ArrayList<>(out.fileNames());
            files.add(SUMMARY);
            files.add(REPORT);
            summary.put("files", files);
            write(out.file(SUMMARY), json(summary));
            write(out.file(REPORT), HtmlReport.render(ReportDataBuilder.build(run)));
            out.commit();
            progress.update(1, "done");
            return new PipelineResult(outDir, out.fileNames(), run.stepResults, summary, run.warnings, exit);
        }
    }

    /** A step's share of the progress bar, its messages prefixed with the step ({@code [3/6] segment: ...}). */
    private static Progress labelled(Progress parent, double from, double to, String label) {
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                parent.update(Double.isNaN(fraction) ? Double.NaN : from + (to - from) * fraction,
                        message == null ? null : label + ": " + message);
            }

            @Override
            public void checkCancelled() {
                parent.checkCancelled();
            }
        };
    }

    /**
     * The reader's warnings, as {@code segment clean} shows them: without those about a column the cleaner read as
     * numbers (its report says what became of the text) or about a pseudonymised column (a warning may quote a value).
     */
    private static void inputWarnings(PipelineRun run) {
        List<String> quiet = new ArrayList<>();
        if (run.cleaning != null) {
            quiet.addAll(run.cleaning.model().config().pseudonymiseColumns());
            run.cleaning.report().columns().stream()
                    .filter(c -> !c.typeIn().isEmpty() && !c.typeIn().equals(c.typeOut())
                            && c.typeOut().equals("numeric"))
                    .forEach(c -> quiet.add(c.feature()));
        }
        List<String> shown = new ArrayList<>();
        for (String w : run.read.warnings()) {
            if (quiet.stream().noneMatch(c -> w.contains("'" + c + "'"))) {
                shown.add("input: " + w);
            }
        }
        run.warnings.addAll(0, shown);
    }

    private static int exitCode(PipelineRun run) {
        if (run.drift == null) {
            return 0;
        }
        return switch (run.drift.status()) {
            case ALERT -> EXIT_ALERT;
            case WARN -> EXIT_WARN;
            default -> 0;
        };
    }

    private static Map<String, Object> summary(PipelineRun run, int exit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pipeline", run.pipeline.name());
        m.put("pipeline_file", run.pipeline.file().toString());
        m.put("input", run.inputFile.toString());
        m.put("previous", run.pipeline.previous() == null ? null : run.pipeline.previous().toString());
        m.put("reuse_models", run.pipeline.reuseModels());
        m.put("rows_in", run.input.rowCount());
        m.put("rows_out", run.customers.rowCount());
        List<Map<String, Object>> steps = new ArrayList<>();
        run.stepResults.forEach((k, v) -> steps.add(Map.of("step", k, "result", v)));
        m.put("steps", steps);
        if (run.segmentation != null) {
            SegmentationModel sm = run.segmentation;
            Map<String, Long> counts = new LinkedHashMap<>();
            CategoricalColumn seg = run.customers.categorical(SegmentationModel.SEGMENT);
            for (int i = 0; i < seg.size(); i++) {
                if (!seg.isMissing(i)) {
                    counts.merge(seg.level(i), 1L, Long::sum);
                }
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("fitted", run.segmentationFitted);
            s.put("algorithm", sm.algorithm().key());
            s.put("k", sm.k());
            s.put("k_basis", sm.kSelection().basis());
            s.put("k_reason", sm.kSelection().reason());
            s.put("features", sm.featureNames());
            List<Map<String, Object>> segments = new ArrayList<>();
            for (Segment x : sm.segments()) {
                long n = counts.getOrDefault(x.name(), 0L);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("id", x.id());
                e.put("name", x.name());
                e.put("customers", n);
                e.put("share", run.customers.rowCount() == 0 ? 0 : (double) n / run.customers.rowCount());
                segments.add(e);
            }
            s.put("segments", segments);
            m.put("segmentation", s);
        }
        if (run.drift != null) {
            DriftSummary d = run.drift.summary();
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("status", d.status().name());
            x.put("recommendation", d.recommendation());
            x.put("worst_feature", d.worstFeature());
            x.put("worst_psi", Double.isFinite(d.worstPsi()) ? d.worstPsi() : null);
            x.put("features_significant", d.featuresSignificant());
            x.put("features_moderate", d.featuresModerate());
            x.put("reasons", d.reasons());
            m.put("drift", x);
        }
        if (run.control != null) {
            var all = run.control.overall();
            m.put("control", Map.of("treatment", all.treatment(), "control", all.control(), "holdout", all.holdout()));
        }
        m.put("warnings", run.warnings);
        m.put("exit_code", exit);
        return m;
    }

    private static String json(Object value) {
        try {
            return ModelFile.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
