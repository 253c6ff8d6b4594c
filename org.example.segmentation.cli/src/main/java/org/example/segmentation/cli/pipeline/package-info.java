/**
 * The pipeline runner behind {@code segment run}: a pipeline file (JSON or YAML, see docs/pipeline.md) names the
 * steps to run and gives each its settings, exactly the flat key/value map of that step's config; the runner
 * reads the input once, runs the steps in their fixed order (transform, clean, select, segment, profile, score,
 * baseline, drift, control), writes every output into one {@link org.example.segmentation.core.io.OutputDirectory}
 * and commits it only when every step and the report succeeded.
 *
 * <p>Each step is one small class behind {@link org.example.segmentation.cli.pipeline.PipelineStep}: it validates
 * its settings when the pipeline file is read (so a bad key fails before any data is read) and, when run, reads
 * what earlier steps left in the {@link org.example.segmentation.cli.pipeline.PipelineRun} and leaves its own
 * results there. {@link org.example.segmentation.cli.pipeline.PipelineSteps} lists them in order.
 */
package org.example.segmentation.cli.pipeline;
