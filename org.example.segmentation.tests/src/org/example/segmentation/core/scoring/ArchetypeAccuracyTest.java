package org.example.segmentation.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;

/**
 * How often the default archetype is the generator's planted persona. The default weights and regions were tuned on
 * seed 7 (20,000 rows); seed 42 is held out. Measured on seed 42: 0.8797 (docs/scoring.md); the bound leaves room for
 * harmless changes.
 */
class ArchetypeAccuracyTest {
    private static final Map<String, String> PERSONA_OF = Map.of("Analogs", "analog", "Wannabes", "wannabe",
            "Mainstreamers", "mainstreamer", "Paranoids", "paranoid", "Chameleons", "chameleon", "Nomads", "nomad");

    @Test
    void defaultArchetypesMatchThePlantedPersonas() {
        Table month = CustomerGenerator.generate(new GeneratorConfig(20_000, 42L, 1, true, true), Progress.NONE);
        ScoringModel model = ProfileScorer.fit(month, ScoringConfig.defaults(), Progress.NONE);
        Table s = model.score(month);
        CategoricalColumn archetype = s.categorical("archetype");
        CategoricalColumn truth = s.categorical("true_persona");
        int right = 0;
        int[] perArchetype = new int[6];
        for (int i = 0; i < s.rowCount(); i++) {
            String a = archetype.level(i);
            if (a != null && PERSONA_OF.get(a).equals(truth.level(i))) {
                right++;
            }
            if (a != null) {
                perArchetype[archetype.code(i)]++;
            }
        }
        double accuracy = (double) right / s.rowCount();
        assertTrue(accuracy >= 0.86, "archetype accuracy " + accuracy);
        assertEquals(0, archetype.missingCount(), "every generated customer has enough indicators for both axes");
        for (int k = 0; k < 6; k++) {
            assertTrue(perArchetype[k] > 0.08 * s.rowCount(), "archetype " + archetype.levels().get(k) + " has only "
                    + perArchetype[k] + " customers");
        }
    }

    @Test
    void theScoreIsInvariantToMonotoneScalingOfTheIndicators() {
        Table month = CustomerGenerator.generate(new GeneratorConfig(3_000, 5L, 1, false, false), Progress.NONE);
        // log1p and z-scaling of a count: the same ranks, so the same percentiles and scores.
        Table scaled = month;
        for (String c : new String[] {"app_logins_30d", "web_sessions_30d"}) {
            double[] x = month.numeric(c).toArray();
            for (int i = 0; i < x.length; i++) {
                x[i] = (Math.log1p(x[i]) - 1.5) / 0.8;
            }
            scaled = scaled.replace(org.example.segmentation.core.table.NumericColumn.of(c, x));
        }
        Table a = ProfileScorer.fit(month, ScoringConfig.defaults(), Progress.NONE).score(month);
        Table b = ProfileScorer.fit(scaled, ScoringConfig.defaults(), Progress.NONE).score(scaled);
        for (String c : new String[] {"digital_score", "capability_score", "trust_score"}) {
            for (int i = 0; i < a.rowCount(); i++) {
                assertEquals(a.numeric(c).value(i), b.numeric(c).value(i), 1e-9, c + " row " + i);
            }
        }
    }
}
