package org.example.segmentation.node.drift;

import org.example.segmentation.core.drift.DriftBaseline;
import org.example.segmentation.core.drift.DriftConfig;
import org.example.segmentation.core.drift.SegmentAssigner;
import org.example.segmentation.core.drift.SegmentationModelAssigner;
import org.example.segmentation.core.nodes.ModelBytes;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.node.common.KnimeProgress;
import org.example.segmentation.node.common.StepNodeModel;
import org.example.segmentation.node.port.DriftBaselinePortObject;
import org.example.segmentation.node.port.SegmentationModelPortObject;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** Drift Baseline: the engine's drift baseline of a reference month, optionally with a Segmentation Model. */
public final class DriftBaselineNodeModel extends StepNodeModel {

    /** A new node model. */
    public DriftBaselineNodeModel() {
        super("drift_baseline");
    }

    @Override
    protected PortObjectSpec[] configureStep(final PortObjectSpec[] inSpecs) {
        return new PortObjectSpec[]{null};
    }

    @Override
    protected PortObject[] executeStep(final PortObject[] in, final ExecutionContext exec) throws Exception {
        DriftConfig config = config(DriftConfig.class);
        SegmentAssigner assigner = null;
        if (in[1] instanceof SegmentationModelPortObject m) {
            assigner = SegmentationModelAssigner.of(ModelBytes.load(m.getModelBytes(), "the Segmentation Model port",
                    SegmentationModel::load));
        }
        Table reference = read((BufferedDataTable) in[0], exec, 0.3);
        DriftBaseline baseline = DriftBaseline.fit(reference, config, assigner,
                new KnimeProgress(exec.createSubProgress(0.7)));
        return new PortObject[]{new DriftBaselinePortObject(baseline.toString(), baseline.toBytes())};
    }
}
