package org.example.segmentation.node.port;

import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** The spec of a Cleaning Model port. */
public final class CleaningModelPortObjectSpec extends EngineModelPortObjectSpec {

    /** Registered at extension point org.knime.core.PortType. */
    public static final class Serializer
            extends AbstractSimplePortObjectSpec.AbstractSimplePortObjectSpecSerializer<CleaningModelPortObjectSpec> {
    }

    /** For the framework's serializer only. */
    public CleaningModelPortObjectSpec() {
    }

    /**
     * @param summary one line for port tooltips
     * @param json    the model file (carried so that apply nodes can compute their output spec)
     */
    public CleaningModelPortObjectSpec(String summary, byte[] json) {
        super("cleaning_model", summary, json);
    }
}
