package org.example.segmentation.node.campaign;

import org.example.segmentation.node.common.StepNodeFactory;

/** The factory of the Campaign Uplift node; its description is CampaignUpliftNodeFactory.xml next to it. */
public final class CampaignUpliftNodeFactory extends StepNodeFactory<CampaignUpliftNodeModel> {

    /** The factory KNIME instantiates. */
    public CampaignUpliftNodeFactory() {
        super("campaign_uplift", true);
    }

    @Override
    public CampaignUpliftNodeModel createNodeModel() {
        return new CampaignUpliftNodeModel();
    }
}
