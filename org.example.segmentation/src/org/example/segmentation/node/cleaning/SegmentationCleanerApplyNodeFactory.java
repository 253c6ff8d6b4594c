package org.example.segmentation.node.cleaning;

import org.example.segmentation.node.common.StepNodeFactory;

/** The factory of the Segmentation Cleaner (Apply) node; its description is SegmentationCleanerApplyNodeFactory.xml next to it. */
public final class SegmentationCleanerApplyNodeFactory extends StepNodeFactory<SegmentationCleanerApplyNodeModel> {

    /** The factory KNIME instantiates. */
    public SegmentationCleanerApplyNodeFactory() {
        super("segmentation_cleaner_apply", false);
    }

    @Override
    public SegmentationCleanerApplyNodeModel createNodeModel() {
        return new SegmentationCleanerApplyNodeModel();
    }
}
