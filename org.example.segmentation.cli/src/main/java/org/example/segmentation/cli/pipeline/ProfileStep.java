package org.example.segmentation.cli.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.profile.Profiler;
import org.example.segmentation.core.profile.ProfilerConfig;
import org.example.segmentation.core.profile.SegmentProfile;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.settings.Settings;

/**
 * {@code profile}: profiles the segments ({@link ProfilerConfig} keys) on the customers in their original units.
 * The segment columns other than the segment itself and the identifier columns are always left out (added to
 * {@code exclude}) unless {@code include} is set. Writes {@value #PROFILE}, {@value #SUMMARY} and
 * {@value #DESCRIPTIONS}.
 */
final class ProfileStep implements PipelineStep {
    static final String PROFILE = "profile_long.csv";
    static final String SUMMARY = "segment_summary.csv";
    static final String DESCRIPTIONS = "segment_descriptions.txt";

    @Override
    public String name() {
        return "profile";
    }

    @Override
    public void validate(Settings settings, PipelineDefinition pipeline) {
        Steps.requireStep(pipeline, "segment", "before it (it profiles the segments)");
        ProfilerConfig.fromSettings(settings);
    }

    @Override
    public String run(PipelineRun run, Settings settings, Progress progress) {
        Settings s = settings;
        if (!s.has(ProfilerConfig.KEY_INCLUDE)) {
            Set<String> exclude = new LinkedHashSet<>(s.getList(ProfilerConfig.KEY_EXCLUDE, List.of()));
            exclude.addAll(run.cleaning.model().identifierColumns());
            List<String> segmentColumns = new ArrayList<>(SegmentationModel.OUTPUT_COLUMNS);
            segmentColumns.remove(SegmentationModel.SEGMENT);
            exclude.addAll(segmentColumns);
            s = s.with(ProfilerConfig.KEY_EXCLUDE, Settings.formatList(exclude));
        }
        SegmentProfile p = Profiler.profile(run.customers, ProfilerConfig.fromSettings(s), progress);
        run.profile = p;
        CsvWriter w = CsvWriter.defaults();
        w.write(p.profileTable(), run.out.file(PROFILE));
        w.write(p.summaryTable(), run.out.file(SUMMARY));
        try {
            Files.writeString(run.out.file(DESCRIPTIONS), p.descriptionText(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.warnings().forEach(x -> run.warn("profile: " + x));
        return p.segments().size() + " segments, " + p.features().size() + " features profiled";
    }
}
