package org.example.segmentation.node.common;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.nodes.IdentifierColumns;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;

/** The engine's guess of the identifier column, for a KNIME table spec. */
final class IdentifierGuess {

    private IdentifierGuess() {
    }

    static String guess(final DataTableSpec spec) {
        List<String> names = new ArrayList<>();
        List<Boolean> text = new ArrayList<>();
        for (int c = 0; c < spec.getNumColumns(); c++) {
            DataColumnSpec col = spec.getColumnSpec(c);
            names.add(col.getName());
            text.add(!col.getType().isCompatible(DoubleValue.class));
        }
        return IdentifierColumns.guess(names, text);
    }
}
