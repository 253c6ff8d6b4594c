package org.example.segmentation.node.port;

import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** The spec of a Drift Baseline port. */
public final class DriftBaselinePortObjectSpec extends EngineModelPortObjectSpec {

    /** Registered at extension point org.knime.core.PortType. */
    public static final class Serializer
            extends AbstractSimplePortObjectSpec.AbstractSimplePortObjectSpecSerializer<DriftBaselinePortObjectSpec> {
    }

    /** For the framework's serializer only. */
    public DriftBaselinePortObjectSpec() {
    }

    /**
     * @param summary one line for port tooltips
     * @param json    the model file, or null
     */
    public DriftBaselinePortObjectSpec(String summary, byte[] json) {
        super("drift_baseline", summary, json);
    }
}
