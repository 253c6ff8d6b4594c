package org.example.segmentation.node.profile;

import org.example.segmentation.core.profile.Profiler;
import org.example.segmentation.core.profile.ProfilerConfig;
import org.example.segmentation.core.profile.SegmentProfile;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.node.common.KnimeProgress;
import org.example.segmentation.node.common.KnimeTables;
import org.example.segmentation.node.common.StepNodeModel;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** Segment Profiler: per-segment statistics and plain-language descriptions from the engine's profiler. */
public final class SegmentProfilerNodeModel extends StepNodeModel {

    /** A new node model. */
    public SegmentProfilerNodeModel() {
        super("segment_profiler");
    }

    @Override
    protected PortObjectSpec[] configureStep(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        ProfilerConfig config = config(ProfilerConfig.class);
        DataTableSpec spec = (DataTableSpec) inSpecs[0];
        if (spec != null && spec.getNumColumns() > 0 && spec.findColumnIndex(config.segmentColumn()) < 0) {
            throw new InvalidSettingsException("setting 'segment.column': the table has no column '"
                    + config.segmentColumn() + "'");
        }
        return new PortObjectSpec[]{null, null};
    }

    @Override
    protected PortObject[] executeStep(final PortObject[] in, final ExecutionContext exec) throws Exception {
        ProfilerConfig config = config(ProfilerConfig.class);
        Table table = read((BufferedDataTable) in[0], exec, 0.2);
        SegmentProfile profile = Profiler.profile(table, config, new KnimeProgress(exec.createSubProgress(0.7)));
        warn(profile.warnings());
        return new PortObject[]{KnimeTables.toKnime(profile.profileTable(), exec),
            KnimeTables.toKnime(profile.summaryTable(), exec)};
    }
}
