package org.example.segmentation.core.selection;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.weka.WekaBridge;

import weka.attributeSelection.CfsSubsetEval;
import weka.attributeSelection.InfoGainAttributeEval;
import weka.core.Instances;

/**
 * Supervised ranking against a categorical target with Weka: {@link InfoGainAttributeEval} (information gain in
 * bits, numeric features discretized by Weka's supervised MDL discretization) and {@link CfsSubsetEval}
 * (correlation-based subset merit) with a greedy forward search. Rows whose target is missing are left out.
 */
final class WekaTargetRanking {

    /** The name of the target attribute handed to Weka. */
    private static final String TARGET = "target";

    /**
     * The CFS forward search.
     *
     * @param order  feature indices in the order the search added them (every feature)
     * @param merits the subset merit after each addition
     * @param best   the length of the prefix of {@code order} with the highest merit (the first, on ties)
     */
    record CfsResult(int[] order, double[] merits, int best) {
    }

    private WekaTargetRanking() {
    }

    /** The information gain of each feature about the target, in bits. */
    static double[] infoGain(List<Candidate> features, Candidate target, Progress progress) {
        progress.update(0, "Ranking features by information gain (Weka)");
        Instances data = instances(features, target);
        InfoGainAttributeEval eval = new InfoGainAttributeEval();
        try {
            eval.buildEvaluator(data);
        } catch (Exception e) {
            throw new IllegalStateException("Weka InfoGainAttributeEval failed: " + e.getMessage(), e);
        }
        double[] merits = WekaBridge.attributeMerits(eval, data);
        double[] out = new double[features.size()];
        System.arraycopy(merits, 0, out, 0, out.length);
        progress.update(1, null);
        return out;
    }

    /**
     * Greedy forward search over CFS merit: starting from no feature, add the feature that gives the highest merit
     * (ties, to 10 decimal places, by table order) until every feature is added.
     */
    static CfsResult cfs(List<Candidate> features, Candidate target, Progress progress) {
        progress.update(0, "Ranking features by CFS merit (Weka)");
        Instances data = instances(features, target);
        CfsSubsetEval eval = new CfsSubsetEval();
        eval.setNumThreads(1);
        eval.setPoolSize(1);
        int m = features.size();
        int[] order = new int[m];
        double[] merits = new double[m];
        try {
            eval.buildEvaluator(data);
            BitSet subset = new BitSet(m + 1);
            for (int step = 0; step < m; step++) {
                progress.checkCancelled();
                progress.update((double) step / m, null);
                int bestFeature = -1;
                double bestMerit = Double.NEGATIVE_INFINITY;
                for (int f = 0; f < m; f++) {
                    if (subset.get(f)) {
                        continue;
                    }
                    subset.set(f);
                    double merit = eval.evaluateSubset(subset);
                    subset.clear(f);
                    if (Redundancy.rounded(merit) > Redundancy.rounded(bestMerit)) {
                        bestMerit = merit;
                        bestFeature = f;
                    }
                }
                subset.set(bestFeature);
                order[step] = bestFeature;
                merits[step] = bestMerit;
            }
        } catch (Exception e) {
            throw new IllegalStateException("Weka CfsSubsetEval failed: " + e.getMessage(), e);
        }
        int best = 0;
        double bestMerit = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            if (Redundancy.rounded(merits[k]) > Redundancy.rounded(bestMerit)) {
                bestMerit = merits[k];
                best = k + 1;
            }
        }
        progress.update(1, null);
        return new CfsResult(order, merits, best);
    }

    /** Features {@code f0..}, then the target as class attribute; rows with a missing target removed. */
    private static Instances instances(List<Candidate> features, Candidate target) {
        List<Column> columns = new ArrayList<>(PcaRanking.wekaTable(features).columns());
        columns.add(((CategoricalColumn) target.column).rename(TARGET));
        Instances data = WekaBridge.toInstances(Table.of(columns), TARGET);
        data.deleteWithMissingClass();
        return data;
    }
}
