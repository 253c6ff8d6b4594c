package org.example.segmentation.node.scoring;

import org.example.segmentation.core.scoring.ProfileScorer;
import org.example.segmentation.core.scoring.ScoringConfig;
import org.example.segmentation.core.scoring.ScoringModel;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.node.common.KnimeProgress;
import org.example.segmentation.node.common.KnimeTables;
import org.example.segmentation.node.common.StepNodeModel;
import org.example.segmentation.node.port.ScoringModelPortObject;
import org.example.segmentation.node.port.ScoringModelPortObjectSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Digital Profile Scorer: scores with the Scoring Model at the optional input, or fits one on the input table
 * first. Written against the scoring contract ({@code ProfileScorer.fit}, {@code ScoringModel.score/parse/toBytes}).
 */
public final class DigitalProfileScorerNodeModel extends StepNodeModel {

    /** A new node model. */
    public DigitalProfileScorerNodeModel() {
        super("digital_profile_scorer");
    }

    @Override
    protected PortObjectSpec[] configureStep(final PortObjectSpec[] inSpecs) {
        if (inSpecs[1] instanceof ScoringModelPortObjectSpec s && s.getModelBytes() != null && inSpecs[0] != null) {
            // the engine decides the output columns: score an empty table with the input's columns
            ScoringModel model = ScoringModel.parse(s.getModelBytes());
            Table empty = KnimeTables.assembler((DataTableSpec) inSpecs[0]).build();
            return new PortObjectSpec[]{KnimeTables.spec(model.score(empty)), s};
        }
        return new PortObjectSpec[]{null, null};
    }

    @Override
    protected PortObject[] executeStep(final PortObject[] in, final ExecutionContext exec) throws Exception {
        Table table = read((BufferedDataTable) in[0], exec, 0.3);
        ScoringModel model;
        ScoringModelPortObject port;
        if (in[1] instanceof ScoringModelPortObject given) {
            model = ScoringModel.parse(given.getModelBytes());
            port = given;
        } else {
            ScoringConfig config = config(ScoringConfig.class);
            model = ProfileScorer.fit(table, config, new KnimeProgress(exec.createSubProgress(0.4)));
            port = new ScoringModelPortObject(model.toString(), model.toBytes());
        }
        exec.setMessage("Scoring");
        return new PortObject[]{KnimeTables.toKnime(model.score(table), exec), port};
    }
}
