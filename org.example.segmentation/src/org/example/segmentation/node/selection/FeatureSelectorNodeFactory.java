package org.example.segmentation.node.selection;

import org.example.segmentation.node.common.StepNodeFactory;

/** The factory of the Segmentation Feature Selector node; its description is FeatureSelectorNodeFactory.xml next to it. */
public final class FeatureSelectorNodeFactory extends StepNodeFactory<FeatureSelectorNodeModel> {

    /** The factory KNIME instantiates. */
    public FeatureSelectorNodeFactory() {
        super("feature_selector", true);
    }

    @Override
    public FeatureSelectorNodeModel createNodeModel() {
        return new FeatureSelectorNodeModel();
    }
}
