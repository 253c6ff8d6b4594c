package org.example.segmentation.node.segmentation;

import org.example.segmentation.node.common.StepNodeFactory;

/** The factory of the Segment Assigner node; its description is SegmentAssignerNodeFactory.xml next to it. */
public final class SegmentAssignerNodeFactory extends StepNodeFactory<SegmentAssignerNodeModel> {

    /** The factory KNIME instantiates. */
    public SegmentAssignerNodeFactory() {
        super("segment_assigner", false);
    }

    @Override
    public SegmentAssignerNodeModel createNodeModel() {
        return new SegmentAssignerNodeModel();
    }
}
