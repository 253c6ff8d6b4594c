package org.example.segmentation.cli.pipeline;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.settings.Settings;

/**
 * One step of a pipeline: a name (the key of its section in the pipeline file), a validation of its settings and
 * the work itself. A step reads what earlier steps left in the {@link PipelineRun}, writes its output files into the
 * run's staged output directory and leaves its results in the run for the later steps and the report.
 */
public interface PipelineStep {

    /** The step's name: its section key in the pipeline file ({@code clean}). */
    String name();

    /**
     * Checks the step's settings (unknown keys, bad values) and what the step needs from the pipeline (a previous
     * run, an earlier step), before any data is read.
     *
     * @throws InputException naming the setting or what is missing
     */
    void validate(Settings settings, PipelineDefinition pipeline);

    /**
     * Runs the step.
     *
     * @return one line for the summary table on stdout ({@code "19,876 rows, 23 features"})
     * @throws InputException on bad input, naming the column, setting or file
     */
    String run(PipelineRun run, Settings settings, Progress progress);
}
