package org.example.segmentation.node.port;

import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** The spec of a Scoring Model port. */
public final class ScoringModelPortObjectSpec extends EngineModelPortObjectSpec {

    /** Registered at extension point org.knime.core.PortType. */
    public static final class Serializer
            extends AbstractSimplePortObjectSpec.AbstractSimplePortObjectSpecSerializer<ScoringModelPortObjectSpec> {
    }

    /** For the framework's serializer only. */
    public ScoringModelPortObjectSpec() {
    }

    /**
     * @param summary one line for port tooltips
     * @param json    the model file (carried so that apply nodes can compute their output spec)
     */
    public ScoringModelPortObjectSpec(String summary, byte[] json) {
        super("scoring_model", summary, json);
    }
}
