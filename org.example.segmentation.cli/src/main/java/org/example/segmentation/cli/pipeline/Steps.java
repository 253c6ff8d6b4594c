package org.example.segmentation.cli.pipeline;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.settings.Settings;

/** Checks shared by several steps. */
final class Steps {
    private Steps() {
    }

    /** A step whose model is reused takes no settings: the saved model is applied as it was fitted. */
    static void noSettingsWhenReused(Settings settings, PipelineDefinition pipeline) {
        if (pipeline.reuseModels() && !settings.asMap().isEmpty()) {
            throw new InputException("setting '" + settings.asMap().keySet().iterator().next() + "' cannot be given "
                    + "with 'reuse_models: true': the previous run's model is applied with the settings it was fitted "
                    + "with (use {})");
        }
    }

    /** Fails unless the pipeline also runs {@code step}. */
    static void requireStep(PipelineDefinition pipeline, String step, String why) {
        if (!pipeline.has(step)) {
            throw new InputException("needs the '" + step + "' step " + why);
        }
    }

    /** Fails unless the pipeline has a previous run. */
    static void requirePrevious(PipelineDefinition pipeline, String why) {
        if (pipeline.previous() == null) {
            throw new InputException("needs a previous run " + why + " ('previous:' in the pipeline file or "
                    + "--previous DIR)");
        }
    }
}
