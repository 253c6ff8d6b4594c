package org.example.segmentation.node.port;

import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** The spec of a Segmentation Model port. */
public final class SegmentationModelPortObjectSpec extends EngineModelPortObjectSpec {

    /** Registered at extension point org.knime.core.PortType. */
    public static final class Serializer
            extends AbstractSimplePortObjectSpec.AbstractSimplePortObjectSpecSerializer<SegmentationModelPortObjectSpec> {
    }

    /** For the framework's serializer only. */
    public SegmentationModelPortObjectSpec() {
    }

    /**
     * @param summary one line for port tooltips
     * @param json    the model file (carried so that apply nodes can compute their output spec)
     */
    public SegmentationModelPortObjectSpec(String summary, byte[] json) {
        super("segmentation_model", summary, json);
    }
}
