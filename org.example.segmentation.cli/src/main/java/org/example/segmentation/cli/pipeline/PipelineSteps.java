package org.example.segmentation.cli.pipeline;

import java.util.List;

/** Every pipeline step, in the order the runner runs them. */
public final class PipelineSteps {
    private PipelineSteps() {
    }

    /** The steps in run order: score appends its columns after profile, so baseline and drift see them. */
    public static List<PipelineStep> all() {
        return List.of(new TransformStep(), new CleanStep(), new SelectStep(), new SegmentStep(), new ProfileStep(),
                new ScoreStep(), new BaselineStep(), new DriftStep(), new ControlStep());
    }
}
