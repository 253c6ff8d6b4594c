package org.example.segmentation.node.common;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * The factory every segmentation node extends: no views, the generated {@link StepNodeDialog} (unless the node
 * has no settings). The node description is the XML file of the factory's simple name next to it.
 *
 * @param <T> the node model
 */
public abstract class StepNodeFactory<T extends NodeModel> extends NodeFactory<T> {
    private final String m_nodeId;
    private final boolean m_hasDialog;

    /**
     * @param nodeId    the catalog id
     * @param hasDialog whether the node has settings
     */
    protected StepNodeFactory(final String nodeId, final boolean hasDialog) {
        m_nodeId = nodeId;
        m_hasDialog = hasDialog;
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<T> createNodeView(final int viewIndex, final T nodeModel) {
        throw new IndexOutOfBoundsException("no views: " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return m_hasDialog;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return m_hasDialog ? new StepNodeDialog(m_nodeId) : null;
    }
}
