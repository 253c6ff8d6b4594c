package org.example.segmentation.core.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.weka.WekaBridge;

import weka.attributeSelection.PrincipalComponents;
import weka.core.Instances;

/**
 * Unsupervised ranking: each feature's contribution to the principal components that explain
 * {@code pca.variance} of the variance, computed with Weka's {@link PrincipalComponents}.
 *
 * <p>Weka prepares the data: missing values replaced by the mean (numeric) or the mode (categorical);
 * {@code NominalToBinary} turns a categorical feature into one 0/1 indicator when it has two levels and one
 * indicator per level otherwise; indicators that are constant are removed; every column is standardized (sample
 * standard deviation), so the eigen decomposition is that of the correlation matrix. The components are taken in
 * decreasing order of eigenvalue until their cumulative share of the sum of eigenvalues reaches
 * {@code pca.variance} (Weka's own rule).
 *
 * <p><b>Score.</b> With {@code v[a][c]} the loading of standardized column {@code a} on retained component
 * {@code c} (unit eigenvector) and {@code p[c] = λ[c] / Σ λ} that component's proportion of the total variance,
 * column {@code a} scores {@code Σ_c |v[a][c]| p[c]} over the retained components: its loadings weighted by how
 * much variance each component explains, between 0 and 1. A numeric feature's score is its column's; a categorical
 * feature's score is the mean over its indicators (0 when Weka removed them all).
 *
 * <p>Why not the communality {@code Σ_c λ[c] v[a][c]²} (the share of the column's variance the retained
 * components reproduce)? With {@code pca.variance} at 0.9 most components are retained, and a column unrelated to
 * every other one has a component of its own, so it reproduces almost fully and ranks first: on the generated
 * customers, gender and region (noise with respect to the personas) came out on top. Weighting by the components'
 * variance ranks first the features that drive the large, shared components, which is the structure a
 * segmentation finds.
 */
final class PcaRanking {

    /**
     * The ranking inputs and scores.
     *
     * @param eigenvalues  Weka's eigenvalues in decreasing order (negative ones set to 0 by Weka)
     * @param proportions  each eigenvalue's share of their sum
     * @param retained     how many components were used
     * @param scores       per feature, in the order given
     */
    record Result(double[] eigenvalues, double[] proportions, int retained, double[] scores) {
    }

    private PcaRanking() {
    }

    /**
     * Scores the features.
     *
     * @param features the numeric and categorical features to rank, at least one
     * @param variance the share of variance the retained components must explain, (0, 1]
     * @throws IllegalStateException when Weka fails
     */
    static Result rank(List<Candidate> features, double variance, Progress progress) {
        progress.update(0, "Ranking features by principal components (Weka)");
        Instances data = WekaBridge.toInstances(wekaTable(features));
        progress.checkCancelled();
        PrincipalComponents pca = new PrincipalComponents();
        pca.setCenterData(false);
        pca.setVarianceCovered(variance);
        try {
            pca.buildEvaluator(data);
        } catch (Exception e) {
            throw new IllegalStateException("Weka PrincipalComponents failed on " + features.size() + " features: "
                    + e.getMessage(), e);
        }
        progress.checkCancelled();
        double[] eigen = pca.getEigenValues();
        double[][] vectors = pca.getUnsortedEigenVectors();
        Instances filtered = pca.getFilteredInputFormat();

        Integer[] order = new Integer[eigen.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (x, y) -> x.equals(y) ? 0
                : eigen[x] != eigen[y] ? Double.compare(eigen[y], eigen[x]) : Integer.compare(x, y));
        double sum = 0;
        for (double e : eigen) {
            sum += e;
        }
        double[] sorted = new double[eigen.length];
        double[] proportions = new double[eigen.length];
        int retained = 0;
        double cumulative = 0;
        for (int k = 0; k < order.length; k++) {
            sorted[k] = eigen[order[k]];
            proportions[k] = sum > 0 ? sorted[k] / sum : 0;
        }
        if (sum > 0) {
            for (int k = 0; k < order.length; k++) {
                cumulative += sorted[k];
                retained++;
                if (cumulative / sum >= variance) {
                    break;
                }
            }
        }

        double[] scores = new double[features.size()];
        int[] indicators = new int[features.size()];
        for (int a = 0; a < filtered.numAttributes(); a++) {
            int f = featureOf(filtered.attribute(a).name());
            double score = 0;
            for (int k = 0; k < retained; k++) {
                score += Math.abs(vectors[a][order[k]]) * proportions[k];
            }
            scores[f] += score;
            indicators[f]++;
        }
        for (int f = 0; f < scores.length; f++) {
            scores[f] = indicators[f] == 0 ? 0 : scores[f] / indicators[f];
        }
        progress.update(1, null);
        return new Result(sorted, proportions, retained, scores);
    }

    /**
     * The features as a table for Weka, column {@code i} named {@code f<i>} (so that the names Weka derives, such as
     * {@code f3=Lyon}, map back without ambiguity); non-finite numbers are missing.
     */
    static Table wekaTable(List<Candidate> features) {
        List<Column> columns = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            Candidate c = features.get(i);
            columns.add(c.values != null ? NumericColumn.of(wekaName(i), c.values)
                    : ((CategoricalColumn) c.column).rename(wekaName(i)));
        }
        return Table.of(columns);
    }

    static String wekaName(int feature) {
        return "f" + feature;
    }

    /** The feature index of a Weka attribute named {@code f<i>} or {@code f<i>=<level>}. */
    static int featureOf(String attributeName) {
        int eq = attributeName.indexOf('=');
        return Integer.parseInt(eq < 0 ? attributeName.substring(1) : attributeName.substring(1, eq));
    }
}
