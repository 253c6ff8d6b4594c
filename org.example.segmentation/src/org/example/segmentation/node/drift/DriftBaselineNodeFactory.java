package org.example.segmentation.node.drift;

import org.example.segmentation.node.common.StepNodeFactory;

/** The factory of the Drift Baseline node; its description is DriftBaselineNodeFactory.xml next to it. */
public final class DriftBaselineNodeFactory extends StepNodeFactory<DriftBaselineNodeModel> {

    /** The factory KNIME instantiates. */
    public DriftBaselineNodeFactory() {
        super("drift_baseline", true);
    }

    @Override
    public DriftBaselineNodeModel createNodeModel() {
        return new DriftBaselineNodeModel();
    }
}
