package org.example.segmentation.node.drift;

import org.example.segmentation.node.common.StepNodeFactory;

/** The factory of the Drift Monitor node; its description is DriftMonitorNodeFactory.xml next to it. */
public final class DriftMonitorNodeFactory extends StepNodeFactory<DriftMonitorNodeModel> {

    /** The factory KNIME instantiates. */
    public DriftMonitorNodeFactory() {
        super("drift_monitor", true);
    }

    @Override
    public DriftMonitorNodeModel createNodeModel() {
        return new DriftMonitorNodeModel();
    }
}
