package org.example.segmentation.node.common;

import java.util.List;

import org.example.segmentation.core.nodes.NodeCatalog;
import org.example.segmentation.core.nodes.NodeDoc;
import org.example.segmentation.core.nodes.PortKind;
import org.example.segmentation.core.nodes.StepSettings;
import org.example.segmentation.core.settings.SettingSpec;
import org.knime.core.data.DataValue;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentMultiLineString;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The dialog of every segmentation node, generated from the step's setting specs: a drop-down for choices and
 * true/false settings, a column selector (filtered by type) for the columns a step needs, a text area for
 * per-name settings ({@code name.<segment id>}), a text field for everything else (numbers, and column lists as
 * a JSON array {@code ["a","b"]} or comma-separated). Each component stores its value under the engine's key, so
 * the node model validates the dialog's values with the engine. Tooltips are the keys' descriptions.
 */
public class StepNodeDialog extends DefaultNodeSettingsPane {

    /** The dialog of catalog node {@code nodeId}. */
    public StepNodeDialog(final String nodeId) {
        NodeDoc doc = NodeCatalog.byId(nodeId);
        int tablePort = firstTablePort(doc);
        createNewGroup(doc.name() + " settings");
        for (SettingSpec s : doc.specs()) {
            DialogComponent c = component(s, tablePort);
            c.setToolTipText(s.description());
            addDialogComponent(c);
        }
        closeCurrentGroup();
    }

    private static int firstTablePort(final NodeDoc doc) {
        for (int i = 0; i < doc.inPorts().size(); i++) {
            if (doc.inPorts().get(i).kind() == PortKind.TABLE) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static DialogComponent component(final SettingSpec s, final int tablePort) {
        SettingsModelString model = new SettingsModelString(s.key(), s.defaultValue());
        if (StepSettings.isPattern(s)) {
            return new DialogComponentMultiLineString(model, s.key() + " (one name=value per line)");
        }
        if (!s.allowed().isEmpty()) {
            return new DialogComponentStringSelection(model, s.key(), s.allowed());
        }
        if ("true".equals(s.defaultValue()) || "false".equals(s.defaultValue())) {
            return new DialogComponentStringSelection(model, s.key(), List.of("true", "false"));
        }
        Class<? extends DataValue> columnType = columnType(s);
        if (columnType != null && tablePort >= 0) {
            return new DialogComponentColumnNameSelection(model, s.key(), tablePort, false, columnType);
        }
        return new DialogComponentString(model, s.key());
    }

    /**
     * The value type a single-column setting needs, for the settings that always name an existing column (they
     * have a default or are required); null for the others, which keep a text field so that "empty = automatic"
     * stays possible.
     */
    static Class<? extends DataValue> columnType(final SettingSpec s) {
        switch (s.key()) {
            case "outcome.column":
                return DoubleValue.class;
            case "group.column":
                return StringValue.class;
            case "segment.column":
                return s.defaultValue().isEmpty() ? null : StringValue.class;
            case "id.column":
                return s.defaultValue().isEmpty() ? null : DataValue.class;
            default:
                return null;
        }
    }
}
