package org.example.segmentation.node.common;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.nodes.NodeCatalog;
import org.example.segmentation.core.nodes.NodeDoc;
import org.example.segmentation.core.settings.SettingSpec;
import org.example.segmentation.core.table.Table;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * The node model every segmentation node extends. It stores exactly the step's setting keys (one string each,
 * the engine's key/value settings), validates them with the engine's own {@code fromSettings} in
 * {@code validateSettings} and {@code configure} (so a bad setting is reported by name before execution), and
 * turns the engine's {@link CancelledException} into KNIME's cancellation. Subclasses only hand tables to the
 * engine. No Swing here: node models run headless on KNIME Server.
 */
public abstract class StepNodeModel extends NodeModel {
    private final NodeDoc m_doc;
    private final Map<String, String> m_values;

    /** A node model for the catalog node {@code nodeId}. */
    protected StepNodeModel(final String nodeId) {
        this(NodeCatalog.byId(nodeId));
    }

    private StepNodeModel(final NodeDoc doc) {
        super(Ports.types(doc.inPorts()), Ports.types(doc.outPorts()));
        m_doc = doc;
        m_values = new LinkedHashMap<>(doc.defaults());
    }

    /** The catalog entry of this node. */
    protected final NodeDoc doc() {
        return m_doc;
    }

    /** The stored setting values, key to value. */
    protected final Map<String, String> values() {
        return Map.copyOf(m_values);
    }

    /**
     * The step's config for the current settings.
     *
     * @throws InvalidSettingsException naming the setting that is wrong
     */
    protected final <C> C config(final Class<C> type) throws InvalidSettingsException {
        return type.cast(parse(m_values));
    }

    private Object parse(final Map<String, String> values) throws InvalidSettingsException {
        try {
            return m_doc.parse(values);
        } catch (InputException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /**
     * Fills an empty identifier setting with the engine's guess for {@code spec} and warns about it; the guess is
     * stored, so the dialog shows it.
     */
    protected final void guessIdentifier(final String key, final DataTableSpec spec) {
        if (spec == null || !m_values.containsKey(key)) {
            return;
        }
        String v = m_values.get(key);
        if (v != null && !v.isBlank() && !"[]".equals(v.trim())) {
            return;
        }
        String guess = IdentifierGuess.guess(spec);
        if (guess != null) {
            m_values.put(key, key.endsWith("columns") ? "[\"" + guess.replace("\"", "\\\"") + "\"]" : guess);
            setWarningMessage("Setting '" + key + "' was empty; using the identifier column '" + guess + "'");
        }
    }

    @Override
    protected final PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        parse(m_values);
        try {
            return configureStep(inSpecs);
        } catch (InputException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /**
     * The output specs for these input specs, computed by engine code where it can be known before execution;
     * null elements where it cannot (learner reports).
     */
    protected abstract PortObjectSpec[] configureStep(PortObjectSpec[] inSpecs) throws InvalidSettingsException;

    @Override
    protected final PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        try {
            return executeStep(inObjects, exec);
        } catch (CancelledException e) {
            throw new CanceledExecutionException("Cancelled");
        }
    }

    /** Runs the step. */
    protected abstract PortObject[] executeStep(PortObject[] inObjects, ExecutionContext exec) throws Exception;

    /** Reads a KNIME table into the engine, using the first part of the progress. */
    protected static Table read(final BufferedDataTable table, final ExecutionContext exec, final double share)
            throws CanceledExecutionException {
        return KnimeTables.toEngine(table, exec.createSubProgress(share));
    }

    /** Warnings of the engine, joined for KNIME's warning message (none: no message). */
    protected final void warn(final List<String> warnings) {
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        for (Map.Entry<String, String> e : m_values.entrySet()) {
            settings.addString(e.getKey(), e.getValue());
        }
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        parse(read(settings));
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_values.putAll(read(settings));
    }

    private Map<String, String> read(final NodeSettingsRO settings) throws InvalidSettingsException {
        Map<String, String> out = new LinkedHashMap<>();
        for (SettingSpec s : m_doc.specs()) {
            String v = settings.getString(s.key(), s.defaultValue());
            out.put(s.key(), v == null ? s.defaultValue() : v);
        }
        return out;
    }

    @Override
    protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
        // nothing: every result is in the output ports
    }

    @Override
    protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
        // nothing: every result is in the output ports
    }

    @Override
    protected void reset() {
        // nothing to reset: the node keeps no state between executions
    }
}
