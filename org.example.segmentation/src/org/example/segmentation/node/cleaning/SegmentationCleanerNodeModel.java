package org.example.segmentation.node.cleaning;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.cleaning.Cleaner;
import org.example.segmentation.core.cleaning.CleanerConfig;
import org.example.segmentation.core.cleaning.CleaningReport;
import org.example.segmentation.core.cleaning.CleaningResult;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.node.common.KnimeProgress;
import org.example.segmentation.node.common.KnimeTables;
import org.example.segmentation.node.common.StepNodeModel;
import org.example.segmentation.node.port.CleaningModelPortObject;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** Segmentation Cleaner: fits the engine's cleaner on the input and outputs the cleaned table, model and report. */
public final class SegmentationCleanerNodeModel extends StepNodeModel {

    public SegmentationCleanerNodeModel() {
        super("segmentation_cleaner");
    }

    @Override
    protected PortObjectSpec[] configureStep(final PortObjectSpec[] inSpecs) {
        // the cleaned columns depend on the data (dropped columns, indicators): known after execution
        return new PortObjectSpec[]{null, null, null};
    }

    @Override
    protected PortObject[] executeStep(final PortObject[] in, final ExecutionContext exec) throws Exception {
        CleanerConfig config = config(CleanerConfig.class);
        Table table = read((BufferedDataTable) in[0], exec, 0.2);
        CleaningResult r = Cleaner.fit(table, config, new KnimeProgress(exec.createSubProgress(0.6)));
        CleaningReport report = r.report();
        List<String> warnings = new ArrayList<>();
        if (report.rowsIn() > report.rowsOut()) {
            warnings.add((report.rowsIn() - report.rowsOut()) + " of " + report.rowsIn() + " rows removed");
        }
        if (report.imputed() > 0) {
            warnings.add(report.imputed() + " missing values imputed");
        }
        if (!report.droppedColumns().isEmpty()) {
            warnings.add(report.droppedColumns().size() + " columns dropped: " + report.droppedColumns());
        }
        warn(warnings);
        return new PortObject[]{KnimeTables.toKnime(r.table(), exec),
            new CleaningModelPortObject(r.model().toString(), r.model().toBytes()),
            KnimeTables.toKnime(report.toTable(), exec)};
    }
}
