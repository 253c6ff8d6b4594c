package org.example.segmentation.core.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.cluster.Hungarian;

/**
 * Matches this fit's centroids to a previous model's segments, so that a segment that is still there keeps its id
 * and name (see {@link Segmenter} for the rule).
 *
 * <p>Both sets of centroids are compared in the <em>previous</em> model's feature space, on the features both
 * models use:
 * <ul>
 * <li>a numeric coordinate goes back to the units of the table ({@link NumericFeature#toInput}) or, when both models
 * know the cleaning model's scaling of the feature, to original units ({@link NumericFeature#toOriginal}), and then
 * through the previous model's transformation;</li>
 * <li>a categorical block becomes level shares (coordinate / weight) and then the previous model's coordinates
 * (share x previous weight) for the previous model's levels; a level the previous model did not know is left out,
 * one it knew that this fit lacks has share 0.</li>
 * </ul>
 * The cost of a pair is the Euclidean distance of the two centroids there; {@link Hungarian#matchCentroids} finds the
 * matching with the least total cost.
 */
final class SegmentMatching {

    /**
     * The outcome.
     *
     * @param previousIndex for each current centroid, the matched previous segment's index, or -1
     * @param distance      for each current centroid, the distance to the matched previous centroid, or NaN
     * @param common        the common features
     * @param previousOnly  features only the previous model used
     * @param currentOnly   features only this fit uses
     */
    record Match(int[] previousIndex, double[] distance, List<String> common, List<String> previousOnly,
            List<String> currentOnly) {
    }

    private SegmentMatching() {
    }

    /**
     * Matches {@code current} centroids (row-major {@code k x space.dimensions()}) to {@code previous}'s segments.
     *
     * @param maxDistance a pair farther apart than this is not matched; 0 = no limit
     * @throws InputException when the two models share no feature
     */
    static Match match(SegmentationModel previous, FeatureSpace space, double[] current, int k, double maxDistance) {
        FeatureSpace before = previous.featureSpace();
        Map<String, NumericFeature> numericNow = new HashMap<>();
        for (NumericFeature f : space.numericFeatures()) {
            numericNow.put(f.name(), f);
        }
        Map<String, Integer> categoricalNow = new HashMap<>();
        for (int j = 0; j < space.categoricalFeatures().size(); j++) {
            categoricalNow.put(space.categoricalFeatures().get(j).name(), j);
        }
        List<String> common = new ArrayList<>();
        List<String> previousOnly = new ArrayList<>();
        // dimensions of the comparison space: one per common numeric feature, and per common categorical feature
        // one per previous level
        List<double[]> columnsNow = new ArrayList<>();
        List<double[]> columnsBefore = new ArrayList<>();
        int kBefore = previous.k();
        double[][] centroidsBefore = previous.centroids();
        int dNow = space.dimensions();
        for (int j = 0; j < before.numericFeatures().size(); j++) {
            NumericFeature old = before.numericFeatures().get(j);
            NumericFeature now = numericNow.get(old.name());
            if (now == null) {
                previousOnly.add(old.name());
                continue;
            }
            common.add(old.name());
            int jNow = space.numericFeatures().indexOf(now);
            boolean original = old.cleaningKnown() && now.cleaningKnown();
            double[] mine = new double[k];
            for (int c = 0; c < k; c++) {
                double v = current[c * dNow + jNow];
                double x = original ? (now.toOriginal(v) - old.cleaningCenter()) / old.cleaningScale()
                        : now.toInput(v);
                mine[c] = old.transform(x);
            }
            double[] theirs = new double[kBefore];
            for (int c = 0; c < kBefore; c++) {
                theirs[c] = centroidsBefore[c][j];
            }
            columnsNow.add(mine);
            columnsBefore.add(theirs);
        }
        for (int j = 0; j < before.categoricalFeatures().size(); j++) {
            CategoricalFeature old = before.categoricalFeatures().get(j);
            Integer jNow = categoricalNow.get(old.name());
            if (jNow == null) {
                previousOnly.add(old.name());
                continue;
            }
            common.add(old.name());
            CategoricalFeature now = space.categoricalFeatures().get(jNow);
            int offsetNow = space.offset(jNow);
            int offsetBefore = before.offset(j);
            for (int l = 0; l < old.levels().size(); l++) {
                int lNow = now.indexOf(old.levels().get(l));
                double[] mine = new double[k];
                for (int c = 0; c < k; c++) {
                    double share = lNow < 0 ? 0 : current[c * dNow + offsetNow + lNow] / now.weight();
                    mine[c] = share * old.weight();
                }
                double[] theirs = new double[kBefore];
                for (int c = 0; c < kBefore; c++) {
                    theirs[c] = centroidsBefore[c][offsetBefore + l];
                }
                columnsNow.add(mine);
                columnsBefore.add(theirs);
            }
        }
        List<String> currentOnly = new ArrayList<>();
        for (String name : space.featureNames()) {
            if (!common.contains(name)) {
                currentOnly.add(name);
            }
        }
        if (common.isEmpty()) {
            throw new InputException("cannot carry segment ids over: the previous model's features "
                    + org.example.segmentation.core.Names.quote(before.featureNames())
                    + " and this fit's features share none; fit without the previous model");
        }
        int dc = columnsNow.size();
        double[] now = new double[k * dc];
        double[] then = new double[kBefore * dc];
        for (int j = 0; j < dc; j++) {
            for (int c = 0; c < k; c++) {
                now[c * dc + j] = columnsNow.get(j)[c];
            }
            for (int c = 0; c < kBefore; c++) {
                then[c * dc + j] = columnsBefore.get(j)[c];
            }
        }
        int[] matched = Hungarian.matchCentroids(then, kBefore, now, k, dc);
        double[] distance = new double[k];
        Arrays.fill(distance, Double.NaN);
        for (int c = 0; c < k; c++) {
            if (matched[c] < 0) {
                continue;
            }
            double dist = Math.sqrt(SegmentationModel.squaredDistance(Arrays.copyOfRange(now, c * dc, c * dc + dc),
                    then, matched[c] * dc, dc));
            if (maxDistance > 0 && dist > maxDistance) {
                matched[c] = -1;
            } else {
                distance[c] = dist;
            }
        }
        return new Match(matched, distance, common, previousOnly, currentOnly);
    }
}
