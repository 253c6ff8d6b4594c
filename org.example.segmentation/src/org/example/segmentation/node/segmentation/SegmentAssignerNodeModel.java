package org.example.segmentation.node.segmentation;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.nodes.ModelBytes;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.node.common.KnimeProgress;
import org.example.segmentation.node.common.RowWiseNodeModel;
import org.example.segmentation.node.port.EngineModelPortObjectSpec;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObjectSpec;

/** Segment Assigner: the segment of every customer from a Segmentation Model; row ids kept; streamable. */
public final class SegmentAssignerNodeModel extends RowWiseNodeModel {

    /** A new node model. */
    public SegmentAssignerNodeModel() {
        super("segment_assigner");
    }

    @Override
    protected Object model(final PortObjectSpec modelSpec) {
        byte[] bytes = ((EngineModelPortObjectSpec) modelSpec).getModelBytes();
        return bytes == null ? null
                : ModelBytes.load(bytes, "the Segmentation Model port", SegmentationModel::load);
    }

    @Override
    protected Table apply(final Object model, final Table table, final ExecutionContext exec) {
        Progress p = exec == null ? Progress.NONE : new KnimeProgress(exec.createSubProgress(0.4));
        return ((SegmentationModel) model).assign(table, p);
    }

    @Override
    protected boolean keepsRows() {
        return true;
    }
}
