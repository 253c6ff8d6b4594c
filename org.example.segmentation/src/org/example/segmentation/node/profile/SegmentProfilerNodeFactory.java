package org.example.segmentation.node.profile;

import org.example.segmentation.node.common.StepNodeFactory;

/** The factory of the Segment Profiler node; its description is SegmentProfilerNodeFactory.xml next to it. */
public final class SegmentProfilerNodeFactory extends StepNodeFactory<SegmentProfilerNodeModel> {

    /** The factory KNIME instantiates. */
    public SegmentProfilerNodeFactory() {
        super("segment_profiler", true);
    }

    @Override
    public SegmentProfilerNodeModel createNodeModel() {
        return new SegmentProfilerNodeModel();
    }
}
