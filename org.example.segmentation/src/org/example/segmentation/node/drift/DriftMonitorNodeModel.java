package org.example.segmentation.node.drift;

import org.example.segmentation.core.drift.DriftBaseline;
import org.example.segmentation.core.drift.DriftConfig;
import org.example.segmentation.core.drift.DriftMonitor;
import org.example.segmentation.core.drift.DriftReport;
import org.example.segmentation.core.drift.DriftSummary;
import org.example.segmentation.core.drift.SegmentAssigner;
import org.example.segmentation.core.drift.SegmentationModelAssigner;
import org.example.segmentation.core.nodes.ModelBytes;
import org.example.segmentation.core.nodes.NodeCatalog;
import org.example.segmentation.core.nodes.StepSettings;
import org.example.segmentation.core.nodes.TableAssembler;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.node.common.KnimeProgress;
import org.example.segmentation.node.common.KnimeTables;
import org.example.segmentation.node.common.StepNodeModel;
import org.example.segmentation.node.port.DriftBaselinePortObject;
import org.example.segmentation.node.port.SegmentationModelPortObject;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Drift Monitor: streams the current month through a Drift Baseline in chunks (constant memory), outputs the
 * feature, segment and migration tables and pushes the verdict as flow variables for scheduled jobs.
 */
public final class DriftMonitorNodeModel extends StepNodeModel {
    private static final int CHUNK = 50_000;

    /** A new node model. */
    public DriftMonitorNodeModel() {
        super("drift_monitor");
    }

    @Override
    protected PortObjectSpec[] configureStep(final PortObjectSpec[] inSpecs) {
        pushFlowVariableString(NodeCatalog.FLOW_DRIFT_STATUS, "");
        pushFlowVariableString(NodeCatalog.FLOW_DRIFT_WORST_FEATURE, "");
        pushFlowVariableDouble(NodeCatalog.FLOW_DRIFT_WORST_PSI, 0);
        return new PortObjectSpec[]{null, null, null};
    }

    @Override
    protected PortObject[] executeStep(final PortObject[] in, final ExecutionContext exec) throws Exception {
        DriftBaseline baseline = ModelBytes.load(((DriftBaselinePortObject) in[0]).getModelBytes(),
                "the Drift Baseline port", DriftBaseline::load);
        DriftConfig config = baseline.config()
                .forMonitoring(StepSettings.toEngine(doc().step(), values(), doc().specs()));
        SegmentAssigner assigner = null;
        if (in[2] instanceof SegmentationModelPortObject m) {
            assigner = SegmentationModelAssigner.of(ModelBytes.load(m.getModelBytes(), "the Segmentation Model port",
                    SegmentationModel::load));
        }
        Table previous = in[3] instanceof BufferedDataTable p ? read(p, exec, 0.1) : null;
        DriftMonitor monitor = DriftMonitor.start(baseline, config, assigner, previous);
        BufferedDataTable current = (BufferedDataTable) in[1];
        DataTableSpec spec = current.getDataTableSpec();
        TableAssembler chunk = KnimeTables.assembler(spec);
        long done = 0;
        long total = Math.max(1, current.size());
        KnimeProgress progress = new KnimeProgress(exec.createSubProgress(0.8));
        for (DataRow row : current) {
            KnimeTables.add(chunk, spec, row);
            if (chunk.rows() == CHUNK) {
                monitor.accept(chunk.build());
                done += CHUNK;
                progress.update(done / (double) total, "Monitored " + done + " rows");
                progress.checkCancelled();
                chunk = KnimeTables.assembler(spec);
            }
        }
        if (chunk.rows() > 0) {
            monitor.accept(chunk.build());
        }
        DriftReport report = monitor.finish();
        DriftSummary summary = report.summary();
        pushFlowVariableString(NodeCatalog.FLOW_DRIFT_STATUS, summary.status().name());
        pushFlowVariableString(NodeCatalog.FLOW_DRIFT_WORST_FEATURE,
                summary.worstFeature() == null ? "" : summary.worstFeature());
        pushFlowVariableDouble(NodeCatalog.FLOW_DRIFT_WORST_PSI,
                Double.isFinite(summary.worstPsi()) ? summary.worstPsi() : 0);
        if (summary.status() != org.example.segmentation.core.drift.DriftStatus.OK) {
            setWarningMessage(summary.status() + ": " + summary.advice());
        }
        return new PortObject[]{KnimeTables.toKnime(report.featureTable(), exec),
            KnimeTables.toKnime(report.segmentTable(), exec), KnimeTables.toKnime(report.migrationTable(), exec)};
    }
}
