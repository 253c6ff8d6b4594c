package org.example.segmentation.node.campaign;

import org.example.segmentation.node.common.StepNodeFactory;

/** The factory of the Control Group Assigner node; its description is ControlGroupAssignerNodeFactory.xml next to it. */
public final class ControlGroupAssignerNodeFactory extends StepNodeFactory<ControlGroupAssignerNodeModel> {

    /** The factory KNIME instantiates. */
    public ControlGroupAssignerNodeFactory() {
        super("control_group_assigner", true);
    }

    @Override
    public ControlGroupAssignerNodeModel createNodeModel() {
        return new ControlGroupAssignerNodeModel();
    }
}
