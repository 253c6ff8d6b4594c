package org.example.segmentation.node.scoring;

import org.example.segmentation.node.common.StepNodeFactory;

/** The factory of the Digital Profile Scorer node; its description is DigitalProfileScorerNodeFactory.xml next to it. */
public final class DigitalProfileScorerNodeFactory extends StepNodeFactory<DigitalProfileScorerNodeModel> {

    /** The factory KNIME instantiates. */
    public DigitalProfileScorerNodeFactory() {
        super("digital_profile_scorer", true);
    }

    @Override
    public DigitalProfileScorerNodeModel createNodeModel() {
        return new DigitalProfileScorerNodeModel();
    }
}
