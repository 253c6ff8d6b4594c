package org.example.segmentation.node.selection;

import org.example.segmentation.core.selection.FeatureSelection;
import org.example.segmentation.core.selection.FeatureSelector;
import org.example.segmentation.core.selection.SelectorConfig;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.node.common.KnimeProgress;
import org.example.segmentation.node.common.KnimeTables;
import org.example.segmentation.node.common.StepNodeModel;
import org.example.segmentation.node.port.FeatureSelectionPortObject;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** Segmentation Feature Selector: fits the engine's feature selection and outputs the selected columns. */
public final class FeatureSelectorNodeModel extends StepNodeModel {

    /** A new node model. */
    public FeatureSelectorNodeModel() {
        super("feature_selector");
    }

    @Override
    protected PortObjectSpec[] configureStep(final PortObjectSpec[] inSpecs) {
        return new PortObjectSpec[]{null, null, null};
    }

    @Override
    protected PortObject[] executeStep(final PortObject[] in, final ExecutionContext exec) throws Exception {
        SelectorConfig config = config(SelectorConfig.class);
        Table table = read((BufferedDataTable) in[0], exec, 0.2);
        FeatureSelection selection = FeatureSelector.fit(table, config,
                new KnimeProgress(exec.createSubProgress(0.6)));
        int dropped = table.columnCount() - selection.idColumns().size() - selection.featureNames().size();
        if (dropped > 0) {
            setWarningMessage(dropped + " columns not selected; the selection report says why");
        }
        return new PortObject[]{KnimeTables.toKnime(selection.apply(table), exec),
            KnimeTables.toKnime(selection.report().toTable(), exec),
            new FeatureSelectionPortObject(selection.toString(), selection.toBytes())};
    }
}
