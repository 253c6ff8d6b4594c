package org.example.segmentation.node.campaign;

import org.example.segmentation.core.campaign.UpliftConfig;
import org.example.segmentation.core.campaign.UpliftReadout;
import org.example.segmentation.core.campaign.UpliftReport;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.node.common.KnimeProgress;
import org.example.segmentation.node.common.KnimeTables;
import org.example.segmentation.node.common.StepNodeModel;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** Campaign Uplift: the engine's uplift readout per segment and overall. */
public final class CampaignUpliftNodeModel extends StepNodeModel {

    /** A new node model. */
    public CampaignUpliftNodeModel() {
        super("campaign_uplift");
    }

    @Override
    protected PortObjectSpec[] configureStep(final PortObjectSpec[] inSpecs) {
        return new PortObjectSpec[]{null};
    }

    @Override
    protected PortObject[] executeStep(final PortObject[] in, final ExecutionContext exec) throws Exception {
        UpliftConfig config = config(UpliftConfig.class);
        Table table = read((BufferedDataTable) in[0], exec, 0.3);
        UpliftReport report = UpliftReadout.measure(table, config, new KnimeProgress(exec.createSubProgress(0.6)));
        warn(report.warnings());
        return new PortObject[]{KnimeTables.toKnime(report.toTable(), exec)};
    }
}
