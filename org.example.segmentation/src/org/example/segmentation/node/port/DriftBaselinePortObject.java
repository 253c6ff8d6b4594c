package org.example.segmentation.node.port;

import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** A Drift Baseline: the engine's JSON model file of kind {@code drift_baseline}. */
public final class DriftBaselinePortObject extends EngineModelPortObject {

    /** Registered at extension point org.knime.core.PortType. */
    public static final class Serializer
            extends AbstractSimplePortObject.AbstractSimplePortObjectSerializer<DriftBaselinePortObject> {
    }

    /** The port type. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(DriftBaselinePortObject.class);

    /** The optional port type. */
    public static final PortType TYPE_OPTIONAL =
            PortTypeRegistry.getInstance().getPortType(DriftBaselinePortObject.class, true);

    /** For the framework's serializer only. */
    public DriftBaselinePortObject() {
    }

    /**
     * @param summary one line for port tooltips
     * @param bytes   the model file
     */
    public DriftBaselinePortObject(String summary, byte[] bytes) {
        super(new DriftBaselinePortObjectSpec(summary, null), bytes);
    }
}
