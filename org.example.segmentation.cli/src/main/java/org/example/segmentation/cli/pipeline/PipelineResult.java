package org.example.segmentation.cli.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a finished run reports back to the command line.
 *
 * @param out          the output directory
 * @param files        the files written into it, in order
 * @param stepResults  one line per step, in run order
 * @param summary      the content of {@value PipelineRunner#SUMMARY} as a map
 * @param warnings     warnings of the run
 * @param exitCode     0, or with a drift step 0 OK, 3 WARN, 4 ALERT
 */
public record PipelineResult(Path out, List<String> files, Map<String, String> stepResults,
        Map<String, Object> summary, List<String> warnings, int exitCode) {

    public PipelineResult {
        files = List.copyOf(files);
        stepResults = Map.copyOf(stepResults);
        warnings = List.copyOf(warnings);
    }

    /** The report's path. */
    public Path report() {
        return out.resolve(PipelineRunner.REPORT);
    }
}
