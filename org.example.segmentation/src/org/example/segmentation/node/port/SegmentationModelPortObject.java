package org.example.segmentation.node.port;

import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** A Segmentation Model: the engine's JSON model file of kind {@code segmentation_model}. */
public final class SegmentationModelPortObject extends EngineModelPortObject {

    /** Registered at extension point org.knime.core.PortType. */
    public static final class Serializer
            extends AbstractSimplePortObject.AbstractSimplePortObjectSerializer<SegmentationModelPortObject> {
    }

    /** The port type. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(SegmentationModelPortObject.class);

    /** The optional port type. */
    public static final PortType TYPE_OPTIONAL =
            PortTypeRegistry.getInstance().getPortType(SegmentationModelPortObject.class, true);

    /** For the framework's serializer only. */
    public SegmentationModelPortObject() {
    }

    /**
     * @param summary one line for port tooltips
     * @param bytes   the model file
     */
    public SegmentationModelPortObject(String summary, byte[] bytes) {
        super(new SegmentationModelPortObjectSpec(summary, bytes), bytes);
    }
}
