package org.example.segmentation.cli.pipeline;

import java.util.List;

/** Every pipeline step, in the order the runner runs them. */
public final class PipelineSteps {
    private PipelineSteps() {
    }

    /**
     * The steps in run order. The score step (issue #5) goes after {@code profile}: a class calling
     * {@code ProfileScorer} / {@code ScoringPipeline} that appends its columns to {@link PipelineRun#customers()}.
     */
    public static List<PipelineStep> all() {
        return List.of(new TransformStep(), new CleanStep(), new SelectStep(), new SegmentStep(), new ProfileStep(),
                new BaselineStep(), new DriftStep(), new ControlStep());
    }
}
