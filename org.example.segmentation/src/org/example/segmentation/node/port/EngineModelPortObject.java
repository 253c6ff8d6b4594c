package org.example.segmentation.node.port;

import java.nio.charset.StandardCharsets;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A port object holding one of the engine's JSON model files, byte for byte as the command line writes it, so a
 * model moves between KNIME and the command line unchanged. Loading and validating the JSON is the engine's job
 * ({@link org.example.segmentation.core.nodes.ModelBytes}); one subclass per model kind gives KNIME a port type
 * of its own.
 */
public abstract class EngineModelPortObject extends AbstractSimplePortObject {
    private static final String KEY_JSON = "json";

    private EngineModelPortObjectSpec m_spec;
    private String m_json = "";

    /** For the framework's serializer only. */
    protected EngineModelPortObject() {
    }

    /**
     * @param spec  the spec
     * @param bytes the model file
     */
    protected EngineModelPortObject(EngineModelPortObjectSpec spec, byte[] bytes) {
        m_spec = spec;
        m_json = new String(bytes, StandardCharsets.UTF_8);
    }

    /** The model file's bytes. */
    public byte[] getModelBytes() {
        return m_json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public EngineModelPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return m_spec == null ? "" : m_spec.getSummary();
    }

    @Override
    protected void save(final ModelContentWO model, final ExecutionMonitor exec) throws CanceledExecutionException {
        model.addString(KEY_JSON, m_json);
    }

    @Override
    protected void load(final ModelContentRO model, final PortObjectSpec spec, final ExecutionMonitor exec)
            throws InvalidSettingsException, CanceledExecutionException {
        m_spec = (EngineModelPortObjectSpec) spec;
        m_json = model.getString(KEY_JSON);
    }
}
