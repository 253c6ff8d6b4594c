package org.example.segmentation.node.port;

import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** A Feature Selection: the engine's JSON model file of kind {@code feature_selection}. */
public final class FeatureSelectionPortObject extends EngineModelPortObject {

    /** Registered at extension point org.knime.core.PortType. */
    public static final class Serializer
            extends AbstractSimplePortObject.AbstractSimplePortObjectSerializer<FeatureSelectionPortObject> {
    }

    /** The port type. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(FeatureSelectionPortObject.class);

    /** The optional port type. */
    public static final PortType TYPE_OPTIONAL =
            PortTypeRegistry.getInstance().getPortType(FeatureSelectionPortObject.class, true);

    /** For the framework's serializer only. */
    public FeatureSelectionPortObject() {
    }

    /**
     * @param summary one line for port tooltips
     * @param bytes   the model file
     */
    public FeatureSelectionPortObject(String summary, byte[] bytes) {
        super(new FeatureSelectionPortObjectSpec(summary, bytes), bytes);
    }
}
