package org.example.segmentation.node.cleaning;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.nodes.ModelBytes;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.node.common.KnimeProgress;
import org.example.segmentation.node.common.RowWiseNodeModel;
import org.example.segmentation.node.port.EngineModelPortObjectSpec;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObjectSpec;

/** Segmentation Cleaner (Apply): cleans a table with a Cleaning Model; streamable. */
public final class SegmentationCleanerApplyNodeModel extends RowWiseNodeModel {

    public SegmentationCleanerApplyNodeModel() {
        super("segmentation_cleaner_apply");
    }

    @Override
    protected Object model(final PortObjectSpec modelSpec) {
        byte[] bytes = ((EngineModelPortObjectSpec) modelSpec).getModelBytes();
        return bytes == null ? null : ModelBytes.load(bytes, "the Cleaning Model port", CleaningModel::load);
    }

    @Override
    protected Table apply(final Object model, final Table table, final ExecutionContext exec) {
        Progress p = exec == null ? Progress.NONE : new KnimeProgress(exec.createSubProgress(0.4));
        return ((CleaningModel) model).apply(table, p).table();
    }

    @Override
    protected boolean keepsRows() {
        return false;
    }
}
