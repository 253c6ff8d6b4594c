package org.example.segmentation.node.common;

import java.util.List;

import org.example.segmentation.core.nodes.PortDoc;
import org.example.segmentation.node.port.CleaningModelPortObject;
import org.example.segmentation.node.port.DriftBaselinePortObject;
import org.example.segmentation.node.port.FeatureSelectionPortObject;
import org.example.segmentation.node.port.ScoringModelPortObject;
import org.example.segmentation.node.port.SegmentationModelPortObject;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.node.port.pmml.PMMLPortObject;

/** KNIME port types for the catalog's ports. */
public final class Ports {

    private Ports() {
    }

    /** The port types of {@code ports}, in order. */
    public static PortType[] types(List<PortDoc> ports) {
        PortType[] out = new PortType[ports.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = type(ports.get(i));
        }
        return out;
    }

    /** The port type of one port. */
    public static PortType type(PortDoc port) {
        boolean opt = port.optional();
        switch (port.kind()) {
            case TABLE:
                return opt ? PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class, true)
                        : BufferedDataTable.TYPE;
            case CLEANING_MODEL:
                return opt ? CleaningModelPortObject.TYPE_OPTIONAL : CleaningModelPortObject.TYPE;
            case FEATURE_SELECTION:
                return opt ? FeatureSelectionPortObject.TYPE_OPTIONAL : FeatureSelectionPortObject.TYPE;
            case SEGMENTATION_MODEL:
                return opt ? SegmentationModelPortObject.TYPE_OPTIONAL : SegmentationModelPortObject.TYPE;
            case SCORING_MODEL:
                return opt ? ScoringModelPortObject.TYPE_OPTIONAL : ScoringModelPortObject.TYPE;
            case DRIFT_BASELINE:
                return opt ? DriftBaselinePortObject.TYPE_OPTIONAL : DriftBaselinePortObject.TYPE;
            case PMML:
                return opt ? PortTypeRegistry.getInstance().getPortType(PMMLPortObject.class, true)
                        : PMMLPortObject.TYPE;
            default:
                throw new IllegalStateException("no port type for " + port.kind());
        }
    }
}
