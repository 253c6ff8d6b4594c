package org.example.segmentation.node.segmentation;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.example.segmentation.core.segmentation.SegmentationPmml;
import org.example.segmentation.core.segmentation.SegmentationResult;
import org.example.segmentation.core.segmentation.Segmenter;
import org.example.segmentation.core.segmentation.SegmenterConfig;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.node.common.KnimeProgress;
import org.example.segmentation.node.common.KnimeTables;
import org.example.segmentation.node.common.StepNodeModel;
import org.example.segmentation.node.port.SegmentationModelPortObject;
import org.knime.base.node.io.pmml.read.PMMLImport;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.pmml.PMMLPortObject;

/**
 * Customer Segmenter: fits the engine's segmenter; outputs the segmented customers, the Segmentation Model, the
 * k-selection table and the model as PMML (read through KNIME's own PMML import, so KNIME's PMML nodes accept it).
 */
public final class CustomerSegmenterNodeModel extends StepNodeModel {

    /** A new node model. */
    public CustomerSegmenterNodeModel() {
        super("customer_segmenter");
    }

    @Override
    protected PortObjectSpec[] configureStep(final PortObjectSpec[] inSpecs) {
        return new PortObjectSpec[]{null, null, null, null};
    }

    @Override
    protected PortObject[] executeStep(final PortObject[] in, final ExecutionContext exec) throws Exception {
        SegmenterConfig config = config(SegmenterConfig.class);
        Table table = read((BufferedDataTable) in[0], exec, 0.1);
        SegmentationResult r = Segmenter.fit(table, config, new KnimeProgress(exec.createSubProgress(0.8)));
        return new PortObject[]{KnimeTables.toKnime(r.segmented(), exec),
            new SegmentationModelPortObject(r.model().toString(), r.model().toBytes()),
            KnimeTables.toKnime(r.kSelection(), exec), pmml(r)};
    }

    private static PMMLPortObject pmml(final SegmentationResult r) throws Exception {
        Path dir = Files.createTempDirectory("segmentation-pmml");
        File file = dir.resolve(SegmentationPmml.FILE_NAME).toFile();
        try {
            Files.write(file.toPath(), SegmentationPmml.toPmml(r.model()));
            return new PMMLImport(file, true).getPortObject();
        } finally {
            Files.deleteIfExists(file.toPath());
            Files.deleteIfExists(dir);
        }
    }
}
