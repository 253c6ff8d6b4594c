package org.example.segmentation.node.port;

import java.nio.charset.StandardCharsets;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * The spec of a port holding one of the engine's JSON model files: the model kind, a one-line summary and, for
 * models that decide the columns of an apply node's output, the model file itself, so that the apply node's
 * {@code configure} can let the engine compute its output spec before execution.
 */
public abstract class EngineModelPortObjectSpec extends AbstractSimplePortObjectSpec {
    private static final String KEY_KIND = "kind";
    private static final String KEY_SUMMARY = "summary";
    private static final String KEY_JSON = "json";

    private String m_kind = "";
    private String m_summary = "";
    private String m_json = "";

    /** For the framework's serializer only. */
    protected EngineModelPortObjectSpec() {
    }

    /**
     * @param kind    the model file kind ({@code segmentation_model})
     * @param summary one line for port tooltips
     * @param json    the model file, or null when the spec does not carry it
     */
    protected EngineModelPortObjectSpec(String kind, String summary, byte[] json) {
        m_kind = kind;
        m_summary = summary;
        m_json = json == null ? "" : new String(json, StandardCharsets.UTF_8);
    }

    /** The model file kind. */
    public String getKind() {
        return m_kind;
    }

    /** One line describing the model. */
    public String getSummary() {
        return m_summary;
    }

    /** The model file's bytes, or null when this spec does not carry them. */
    public byte[] getModelBytes() {
        return m_json.isEmpty() ? null : m_json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString(KEY_KIND, m_kind);
        model.addString(KEY_SUMMARY, m_summary);
        model.addString(KEY_JSON, m_json);
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_kind = model.getString(KEY_KIND);
        m_summary = model.getString(KEY_SUMMARY);
        m_json = model.getString(KEY_JSON);
    }
}
