package org.example.segmentation.node.campaign;

import org.example.segmentation.core.campaign.ControlGroupAssigner;
import org.example.segmentation.core.campaign.ControlGroupConfig;
import org.example.segmentation.core.campaign.ControlGroupResult;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.node.common.KnimeProgress;
import org.example.segmentation.node.common.KnimeTables;
import org.example.segmentation.node.common.StepNodeModel;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** Control Group Assigner: salted-hash control groups with an exact share per stratum, and the plan table. */
public final class ControlGroupAssignerNodeModel extends StepNodeModel {

    /** A new node model. */
    public ControlGroupAssignerNodeModel() {
        super("control_group_assigner");
    }

    @Override
    protected PortObjectSpec[] configureStep(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec spec = (DataTableSpec) inSpecs[0];
        guessIdentifier(ControlGroupConfig.KEY_ID_COLUMN, spec);
        ControlGroupConfig config = config(ControlGroupConfig.class);
        if (spec != null && spec.getNumColumns() > 0 && spec.findColumnIndex(config.idColumn()) < 0) {
            throw new InvalidSettingsException("setting '" + ControlGroupConfig.KEY_ID_COLUMN
                    + "': the table has no column '" + config.idColumn() + "'");
        }
        return new PortObjectSpec[]{null, null};
    }

    @Override
    protected PortObject[] executeStep(final PortObject[] in, final ExecutionContext exec) throws Exception {
        ControlGroupConfig config = config(ControlGroupConfig.class);
        Table table = read((BufferedDataTable) in[0], exec, 0.3);
        ControlGroupResult r = ControlGroupAssigner.assign(table, config,
                new KnimeProgress(exec.createSubProgress(0.5)));
        warn(r.plan().warnings());
        return new PortObject[]{KnimeTables.toKnime(r.groups(), exec), KnimeTables.toKnime(r.plan().toTable(), exec)};
    }
}
