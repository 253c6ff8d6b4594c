package org.example.segmentation.cli.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.example.segmentation.cli.report.ArchetypeRegion;
import org.example.segmentation.core.campaign.ControlGroupPlan;
import org.example.segmentation.core.cleaning.CleaningResult;
import org.example.segmentation.core.csv.CsvReadResult;
import org.example.segmentation.core.drift.DriftBaseline;
import org.example.segmentation.core.drift.DriftReport;
import org.example.segmentation.core.io.OutputDirectory;
import org.example.segmentation.core.profile.SegmentProfile;
import org.example.segmentation.core.selection.FeatureSelection;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.table.Table;

/**
 * The state of one pipeline run, handed from step to step: the input, each step's results, and the staged output
 * directory the steps write into. Fields a step has not set are {@code null}.
 *
 * <p>The tables: {@link #input} as read; {@link #prepared} after the transform step; {@link #cleaning}'s table
 * (scaled features) for the segmentation; {@link #customers}, the cleaned customers in their original units (scaling
 * and log1p undone) with the segment columns joined on, to which later steps (score, control) append their columns
 * and which is written as {@value #CUSTOMERS}.
 */
public final class PipelineRun {
    /** The scored customers file. */
    public static final String CUSTOMERS = "customers_scored.csv";

    final PipelineDefinition pipeline;
    final Path inputFile;
    final OutputDirectory out;
    final PreviousRun previous;

    CsvReadResult read;
    Table input;
    Table prepared;
    List<String> log1pColumns = List.of();
    CleaningResult cleaning;
    FeatureSelection selection;
    Table selected;
    SegmentationModel segmentation;
    boolean segmentationFitted;
    Table segmented;
    Table customers;
    SegmentProfile profile;
    DriftBaseline baseline;
    DriftReport drift;
    ControlGroupPlan control;
    List<ArchetypeRegion> archetypeRegions = List.of();
    final List<String> warnings = new ArrayList<>();
    final Map<String, String> stepResults = new LinkedHashMap<>();

    PipelineRun(PipelineDefinition pipeline, Path inputFile, OutputDirectory out, PreviousRun previous) {
        this.pipeline = pipeline;
        this.inputFile = inputFile;
        this.out = out;
        this.previous = previous;
    }

    /** The pipeline being run. */
    public PipelineDefinition pipeline() {
        return pipeline;
    }

    /** The input file. */
    public Path inputFile() {
        return inputFile;
    }

    /** The staged output directory. */
    public OutputDirectory out() {
        return out;
    }

    /** The previous run, when one was given. */
    public Optional<PreviousRun> previous() {
        return Optional.ofNullable(previous);
    }

    /** The scored customers so far (original units, segment columns, then what later steps appended). */
    public Table customers() {
        return customers;
    }

    /** Replaces the scored customers (a step that appends columns, such as score or control). */
    public void customers(Table table) {
        customers = table;
    }

    /** The cleaning result (scaled features), or {@code null} without a clean step. */
    public CleaningResult cleaning() {
        return cleaning;
    }

    /** The segmentation model applied or fitted, or {@code null} without a segment step. */
    public SegmentationModel segmentation() {
        return segmentation;
    }

    /** The archetype regions the report draws on the capability x trust grid (set by the score step). */
    public void archetypeRegions(List<ArchetypeRegion> regions) {
        archetypeRegions = List.copyOf(regions);
    }

    /** Adds a warning, printed after a successful run and shown in the report. */
    public void warn(String warning) {
        warnings.add(warning);
    }
}
