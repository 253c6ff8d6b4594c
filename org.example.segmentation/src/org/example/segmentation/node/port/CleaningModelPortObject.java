package org.example.segmentation.node.port;

import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** A Cleaning Model: the engine's JSON model file of kind {@code cleaning_model}. */
public final class CleaningModelPortObject extends EngineModelPortObject {

    /** Registered at extension point org.knime.core.PortType. */
    public static final class Serializer
            extends AbstractSimplePortObject.AbstractSimplePortObjectSerializer<CleaningModelPortObject> {
    }

    /** The port type. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(CleaningModelPortObject.class);

    /** The optional port type. */
    public static final PortType TYPE_OPTIONAL =
            PortTypeRegistry.getInstance().getPortType(CleaningModelPortObject.class, true);

    /** For the framework's serializer only. */
    public CleaningModelPortObject() {
    }

    /**
     * @param summary one line for port tooltips
     * @param bytes   the model file
     */
    public CleaningModelPortObject(String summary, byte[] bytes) {
        super(new CleaningModelPortObjectSpec(summary, bytes), bytes);
    }
}
