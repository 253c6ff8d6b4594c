package org.example.segmentation.node.port;

import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** The spec of a Feature Selection port. */
public final class FeatureSelectionPortObjectSpec extends EngineModelPortObjectSpec {

    /** Registered at extension point org.knime.core.PortType. */
    public static final class Serializer
            extends AbstractSimplePortObjectSpec.AbstractSimplePortObjectSpecSerializer<FeatureSelectionPortObjectSpec> {
    }

    /** For the framework's serializer only. */
    public FeatureSelectionPortObjectSpec() {
    }

    /**
     * @param summary one line for port tooltips
     * @param json    the model file (carried so that apply nodes can compute their output spec)
     */
    public FeatureSelectionPortObjectSpec(String summary, byte[] json) {
        super("feature_selection", summary, json);
    }
}
