package org.example.segmentation.node.common;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.nodes.TableAssembler;
import org.example.segmentation.core.table.Table;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortObjectInput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.RowInput;
import org.knime.core.node.streamable.RowOutput;
import org.knime.core.node.streamable.StreamableOperator;

/**
 * A node that applies a model (input port 0) to a table (input port 1) row by row: output port 0 is the engine's
 * answer for the table. Streamable: in a streamed workflow the table arrives in chunks of {@value #CHUNK} rows,
 * each converted, applied and pushed on, in constant memory. The output spec is computed in {@code configure} by
 * applying the model to an empty table with the input's columns, so the engine decides it.
 */
public abstract class RowWiseNodeModel extends StepNodeModel {
    /** Rows per chunk in streamed execution. */
    public static final int CHUNK = 10_000;

    /** A row-wise node for catalog node {@code nodeId}. */
    protected RowWiseNodeModel(final String nodeId) {
        super(nodeId);
    }

    /** The model at port 0, from its port object or spec (both carry the model file). */
    protected abstract Object model(PortObjectSpec modelSpec) throws InvalidSettingsException;

    /** Applies {@code model} to a chunk or the whole table; {@code exec} is null in configure and per chunk. */
    protected abstract Table apply(Object model, Table table, ExecutionContext exec);

    /** Whether output row {@code i} is input row {@code i} (keep row ids) or rows may be removed (new ids). */
    protected abstract boolean keepsRows();

    @Override
    protected PortObjectSpec[] configureStep(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        if (inSpecs[0] == null || inSpecs[1] == null) {
            return new PortObjectSpec[]{null};
        }
        Object model = model(inSpecs[0]);
        if (model == null) {
            return new PortObjectSpec[]{null};
        }
        Table empty = KnimeTables.assembler((DataTableSpec) inSpecs[1]).build();
        return new PortObjectSpec[]{KnimeTables.spec(apply(model, empty, null))};
    }

    @Override
    protected PortObject[] executeStep(final PortObject[] in, final ExecutionContext exec) throws Exception {
        Object model = model(in[0].getSpec());
        BufferedDataTable table = (BufferedDataTable) in[1];
        Table t = read(table, exec, 0.4);
        Table out = apply(model, t, exec);
        List<RowKey> keys = null;
        if (keepsRows()) {
            keys = new ArrayList<>();
            for (DataRow r : table) {
                keys.add(r.getKey());
            }
        }
        return new PortObject[]{KnimeTables.toKnime(out, keys, exec)};
    }

    @Override
    public InputPortRole[] getInputPortRoles() {
        return new InputPortRole[]{InputPortRole.NONDISTRIBUTED_NONSTREAMABLE,
            InputPortRole.NONDISTRIBUTED_STREAMABLE};
    }

    @Override
    public StreamableOperator createStreamableOperator(final PartitionInfo partitionInfo,
            final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec tableSpec = (DataTableSpec) inSpecs[1];
        return new StreamableOperator() {
            @Override
            public void runFinal(final PortInput[] inputs, final PortOutput[] outputs, final ExecutionContext exec)
                    throws Exception {
                Object model = model(((PortObjectInput) inputs[0]).getPortObject().getSpec());
                RowInput rows = (RowInput) inputs[1];
                RowOutput out = (RowOutput) outputs[0];
                long pushed = 0;
                List<RowKey> keys = new ArrayList<>();
                TableAssembler chunk = KnimeTables.assembler(tableSpec);
                DataRow row;
                try {
                    while ((row = rows.poll()) != null) {
                        KnimeTables.add(chunk, tableSpec, row);
                        keys.add(row.getKey());
                        if (chunk.rows() == CHUNK) {
                            pushed = push(apply(model, chunk.build(), null), keys, out, pushed);
                            exec.checkCanceled();
                            exec.setMessage(pushed + " rows");
                            chunk = KnimeTables.assembler(tableSpec);
                            keys = new ArrayList<>();
                        }
                    }
                    if (chunk.rows() > 0) {
                        push(apply(model, chunk.build(), null), keys, out, pushed);
                    }
                } catch (CancelledException e) {
                    throw new CanceledExecutionException("Cancelled");
                }
                rows.close();
                out.close();
            }
        };
    }

    private long push(final Table result, final List<RowKey> keys, final RowOutput out, final long first)
            throws InterruptedException {
        for (int r = 0; r < result.rowCount(); r++) {
            RowKey key = keepsRows() ? keys.get(r) : new RowKey("Row" + (first + r));
            out.push(new DefaultRow(key, KnimeTables.cells(result, r)));
        }
        return first + result.rowCount();
    }
}
