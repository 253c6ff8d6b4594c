package org.example.segmentation.node.cleaning;

import org.example.segmentation.node.common.StepNodeFactory;

/** The factory of the Segmentation Cleaner node; its description is SegmentationCleanerNodeFactory.xml next to it. */
public final class SegmentationCleanerNodeFactory extends StepNodeFactory<SegmentationCleanerNodeModel> {

    /** The factory KNIME instantiates. */
    public SegmentationCleanerNodeFactory() {
        super("segmentation_cleaner", true);
    }

    @Override
    public SegmentationCleanerNodeModel createNodeModel() {
        return new SegmentationCleanerNodeModel();
    }
}
