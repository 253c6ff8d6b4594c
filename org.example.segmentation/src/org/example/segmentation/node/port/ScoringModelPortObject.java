package org.example.segmentation.node.port;

import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** A Scoring Model: the engine's JSON model file of kind {@code scoring_model}. */
public final class ScoringModelPortObject extends EngineModelPortObject {

    /** Registered at extension point org.knime.core.PortType. */
    public static final class Serializer
            extends AbstractSimplePortObject.AbstractSimplePortObjectSerializer<ScoringModelPortObject> {
    }

    /** The port type. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ScoringModelPortObject.class);

    /** The optional port type. */
    public static final PortType TYPE_OPTIONAL =
            PortTypeRegistry.getInstance().getPortType(ScoringModelPortObject.class, true);

    /** For the framework's serializer only. */
    public ScoringModelPortObject() {
    }

    /**
     * @param summary one line for port tooltips
     * @param bytes   the model file
     */
    public ScoringModelPortObject(String summary, byte[] bytes) {
        super(new ScoringModelPortObjectSpec(summary, bytes), bytes);
    }
}
